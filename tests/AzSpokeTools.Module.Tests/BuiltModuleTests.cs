using System.Reflection;
using AzSpokeTools.HelpGen;
using Xunit;

namespace AzSpokeTools.Module.Tests;

/// <summary>The built cmdlet assembly against the conventions, the manifest and the help files.</summary>
public sealed class BuiltModuleTests : IDisposable
{
    private readonly InspectedAssemblies _inspected = new();
    private readonly IReadOnlyList<CmdletMetadata> _cmdlets;

    public BuiltModuleTests()
    {
        _cmdlets = CmdletMetadata.ReadAll(_inspected.Cmdlets);
    }

    public void Dispose() => _inspected.Dispose();

    [Fact]
    public void EveryCmdletFollowsTheConventions()
    {
        var violations = _cmdlets.SelectMany(c =>
        {
            var doc = Path.Combine(RepositoryPaths.Docs, c.Name + ".md");
            return CmdletRules.Check(c, File.Exists(doc) ? MarkdownHelpParser.ParseFile(doc) : null);
        }).ToList();
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public void ManifestExportsExactlyTheCmdletClassesOfTheAssembly()
    {
        var manifest = new ModuleManifestFile(RepositoryPaths.ManifestPath);
        var exported = manifest.GetArray("CmdletsToExport") ?? throw new Xunit.Sdk.XunitException("CmdletsToExport is missing");
        Assert.Equal(_cmdlets.Select(c => c.Name).Order(StringComparer.Ordinal), exported.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EveryCmdletHasHelpMarkdownAndNoHelpDescribesAMissingCmdlet()
    {
        var documented = Directory.Exists(RepositoryPaths.Docs)
            ? MarkdownHelpParser.ParseFolder(RepositoryPaths.Docs).Select(h => h.Name).ToList()
            : [];
        Assert.Equal(_cmdlets.Select(c => c.Name).Order(StringComparer.Ordinal), documented.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void CmdletAssemblyReferencesNoAzureSdkAssembly()
    {
        var references = _inspected.Cmdlets.GetReferencedAssemblies().Select(r => r.Name!).ToList();
        Assert.DoesNotContain(references, r => r.StartsWith("Azure.", StringComparison.OrdinalIgnoreCase) || r.Equals("Azure", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.Identity.", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void NoExportedTypeDerivesFromImplementsOrEmbedsADependencyType()
    {
        // PowerShell calls GetExportedTypes() on the cmdlet assembly before the module initializer registers the
        // loader; resolving such a base type or interface would then fail with FileNotFoundException on import.
        var allowed = new HashSet<string>(StringComparer.Ordinal) { "AzSpokeTools", "AzSpokeTools.Loader", "System.Management.Automation", "netstandard", "System.Runtime", "System.Private.CoreLib", "mscorlib" };
        var offenders = new List<string>();
        foreach (var type in _inspected.Cmdlets.GetExportedTypes())
        {
            for (var t = type.BaseType; t != null; t = t.BaseType)
                if (!allowed.Contains(t.Assembly.GetName().Name!)) offenders.Add($"{type.FullName} derives from {t.FullName} ({t.Assembly.GetName().Name})");
            foreach (var i in type.GetInterfaces())
                if (!allowed.Contains(i.Assembly.GetName().Name!)) offenders.Add($"{type.FullName} implements {i.FullName} ({i.Assembly.GetName().Name})");
            // A value-type field is laid out when the type loads, so its type's assembly loads with it.
            foreach (var f in type.GetFields(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic))
                if (f.FieldType.IsValueType && !allowed.Contains(f.FieldType.Assembly.GetName().Name!))
                    offenders.Add($"{type.FullName} has field {f.Name} of value type {f.FieldType.FullName} ({f.FieldType.Assembly.GetName().Name})");
        }
        Assert.True(offenders.Count == 0, string.Join(Environment.NewLine, offenders));
    }

    [Fact]
    public void LoaderReferencesNothingButThePlatform()
    {
        var loader = _inspected.Load(Path.Combine(RepositoryPaths.CmdletBuildOutput, "AzSpokeTools.Loader.dll"));
        var references = loader.GetReferencedAssemblies().Select(r => r.Name!).ToList();
        Assert.All(references, r => Assert.True(r == "netstandard" || r.StartsWith("System.", StringComparison.Ordinal), $"the loader references {r}"));
    }

    [Fact]
    public void BuildOutputShipsNoPowerShellAssembly()
    {
        foreach (var host in ModuleLayout.HostAssemblies)
            Assert.False(File.Exists(Path.Combine(RepositoryPaths.CmdletBuildOutput, host)), $"{host} is in the build output");
    }

    [Fact]
    public void ModuleInitializerImplementsImportAndRemoveHooks()
    {
        var initializer = _inspected.Cmdlets.GetType("AzSpokeTools.ModuleInitializer", throwOnError: true)!;
        var interfaces = initializer.GetInterfaces().Select(i => i.FullName).ToList();
        Assert.Contains("System.Management.Automation.IModuleAssemblyInitializer", interfaces);
        Assert.Contains("System.Management.Automation.IModuleAssemblyCleanup", interfaces);
    }

    [Fact]
    public void EveryOutputTypeSerialisesAsWhatTheUserSees()
    {
        var problems = _cmdlets.SelectMany(c => c.OutputTypes.Where(t => !OutputTypeRules.Exempt.ContainsKey(t.FullName!))
            .SelectMany(t => OutputTypeRules.Problems(t).Select(p => $"{c.Name}: {p}"))).Distinct().ToList();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void OutputRuleCatchesEnumsStructsAndPlainCollections()
    {
        using var inspected = new InspectedAssemblies(Directory.GetFiles(AppContext.BaseDirectory, "*.dll"));
        var fixture = inspected.Load(typeof(BuiltModuleTests).Assembly.Location).GetType(typeof(RuleFixtures.LeakyResult).FullName!)!;
        var problems = OutputTypeRules.Problems(fixture).ToList();
        Assert.Contains(problems, p => p.Contains(".Day is the enum DayOfWeek"));
        Assert.Contains(problems, p => p.Contains(".Id is the struct Guid"));
        Assert.Contains(problems, p => p.Contains(".Items is System.Collections.Generic.List"));
        Assert.DoesNotContain(problems, p => p.Contains(".Name"));
    }

    [Fact]
    public void EveryCmdletHasAHelpUriToItsPageUnderTheManifestsProjectUri()
    {
        var project = new ModuleManifestFile(RepositoryPaths.ManifestPath).GetString("ProjectUri");
        Assert.False(string.IsNullOrEmpty(project), "the manifest has no PrivateData.PSData.ProjectUri");
        foreach (var c in _cmdlets)
        {
            var attribute = c.Type.GetCustomAttributesData().Single(a => a.AttributeType.Name == "CmdletAttribute");
            var helpUri = attribute.NamedArguments.SingleOrDefault(a => a.MemberName == "HelpUri").TypedValue.Value as string;
            Assert.Equal($"{project}/blob/main/docs/{c.Name}.md", helpUri);
            var doc = MarkdownHelpParser.ParseFile(Path.Combine(RepositoryPaths.Docs, c.Name + ".md"));
            Assert.Equal(helpUri, doc.OnlineVersion);
        }
    }

    [Fact]
    public void CmdletOutputTypesExistInTheModule()
    {
        foreach (var c in _cmdlets)
            foreach (var t in c.OutputTypes)
                Assert.True(t.Assembly.GetName().Name is "AzSpokeTools" or "AzSpokeTools.Engine" or "System.Private.CoreLib" or "netstandard" or "mscorlib",
                    $"{c.Name} outputs {t.FullName} from {t.Assembly.GetName().Name}");
    }
}
