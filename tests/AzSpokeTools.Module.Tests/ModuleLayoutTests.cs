using System.IO.Compression;
using AzSpokeTools.HelpGen;
using Xunit;

namespace AzSpokeTools.Module.Tests;

/// <summary>
/// The installable folder and the Azure Automation zip built from the real build output: a thin root, the
/// rest under Dependencies/, help under en-US/, samples without their expectations, and a zip whose root is
/// one folder named like the module holding the manifest.
/// </summary>
public sealed class ModuleLayoutTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("layout-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    /// <summary>A copy of the repository's module sources with two samples and one expectation file added.</summary>
    private string RepoWithSamples()
    {
        var repo = Path.Combine(_work, "repo");
        Directory.CreateDirectory(Path.Combine(repo, "module", "samples"));
        File.Copy(RepositoryPaths.ManifestPath, Path.Combine(repo, "AzSpokeTools.psd1"));
        foreach (var file in Directory.GetFiles(RepositoryPaths.ModuleSources))
            File.Copy(file, Path.Combine(repo, "module", Path.GetFileName(file)));
        File.WriteAllText(Path.Combine(repo, "module", "samples", "hub-firewall.json"), "{}");
        File.WriteAllText(Path.Combine(repo, "module", "samples", "mesh.json"), "{}");
        File.WriteAllText(Path.Combine(repo, "module", "samples", "hub-firewall.expect.json"), "{}");
        Directory.CreateDirectory(Path.Combine(repo, "docs"));
        File.WriteAllText(Path.Combine(repo, "docs", "Get-Thing.md"), HelpMarkdownSamples.Documenting("Get-Thing", "Name"));
        return repo;
    }

    private static IReadOnlyList<string> Relative(string dir) =>
        Directory.GetFiles(dir, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(dir, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public void ModuleFolderIsVersionedAndHoldsOnlyTheCmdletAndLoaderAssembliesAtItsRoot()
    {
        var moduleDir = ModuleLayout.Create(RepoWithSamples(), RepositoryPaths.CmdletBuildOutput, Path.Combine(_work, "out"));
        var version = new ModuleManifestFile(RepositoryPaths.ManifestPath).GetString("ModuleVersion")!;
        Assert.Equal(Path.Combine(_work, "out", "AzSpokeTools", version), moduleDir);

        var files = Relative(moduleDir);
        var rootFiles = files.Where(f => !f.Contains('/')).ToList();
        Assert.Equal(["AzSpokeTools.Format.ps1xml", "AzSpokeTools.Loader.dll", "AzSpokeTools.dll", "AzSpokeTools.psd1"], rootFiles);
        Assert.Contains("Dependencies/AzSpokeTools.Engine.dll", files);
        Assert.Contains("Dependencies/System.Text.Json.dll", files);
        Assert.Contains("Dependencies/YamlDotNet.dll", files);
        Assert.Contains("en-US/AzSpokeTools.dll-Help.xml", files);
        Assert.Contains("en-US/about_AzSpokeTools.help.txt", files);
        Assert.DoesNotContain(files, f => f.EndsWith("System.Management.Automation.dll", StringComparison.OrdinalIgnoreCase));
        // Every assembly of the build output is shipped exactly once.
        var built = Directory.GetFiles(RepositoryPaths.CmdletBuildOutput, "*.dll").Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(built, files.Where(f => f.EndsWith(".dll", StringComparison.Ordinal)).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void SamplesAreShippedWithoutTheirExpectations()
    {
        var moduleDir = ModuleLayout.Create(RepoWithSamples(), RepositoryPaths.CmdletBuildOutput, Path.Combine(_work, "out"));
        Assert.Equal(["samples/hub-firewall.json", "samples/mesh.json"], Relative(moduleDir).Where(f => f.StartsWith("samples/", StringComparison.Ordinal)));
    }

    [Fact]
    public void HelpIsGeneratedFromTheDocsFolder()
    {
        var moduleDir = ModuleLayout.Create(RepoWithSamples(), RepositoryPaths.CmdletBuildOutput, Path.Combine(_work, "out"));
        var maml = System.Xml.Linq.XDocument.Load(Path.Combine(moduleDir, "en-US", "AzSpokeTools.dll-Help.xml"));
        Assert.Equal(["Get-Thing"], maml.Descendants(MamlWriter.Command + "details").Select(d => d.Element(MamlWriter.Command + "name")!.Value));
    }

    [Fact]
    public void AutomationZipHoldsOneFolderNamedLikeTheModuleWithTheManifestInside()
    {
        var moduleDir = ModuleLayout.Create(RepoWithSamples(), RepositoryPaths.CmdletBuildOutput, Path.Combine(_work, "out"));
        var zipPath = Path.Combine(_work, "out", "AzSpokeTools.zip");
        ModuleLayout.Zip(moduleDir, zipPath);

        using var zip = ZipFile.OpenRead(zipPath);
        var entries = zip.Entries.Select(e => e.FullName).ToList();
        Assert.All(entries, e => Assert.StartsWith("AzSpokeTools/", e));
        Assert.Contains("AzSpokeTools/AzSpokeTools.psd1", entries);
        Assert.Contains("AzSpokeTools/AzSpokeTools.dll", entries);
        Assert.Contains("AzSpokeTools/Dependencies/AzSpokeTools.Engine.dll", entries);
        Assert.Contains("AzSpokeTools/en-US/AzSpokeTools.dll-Help.xml", entries);
        Assert.DoesNotContain(entries, e => e.Contains('\\'));
        Assert.Equal(Relative(moduleDir).Select(f => "AzSpokeTools/" + f), entries.Order(StringComparer.Ordinal));
        Assert.Equal("AzSpokeTools", Path.GetFileNameWithoutExtension(zipPath));
    }

    [Fact]
    public void RepositoryModuleSourcesLayOut()
    {
        // The repository's own psd1, module/ and docs/ (not a copy): what build.ps1 packages.
        var moduleDir = ModuleLayout.Create(RepositoryPaths.Root, RepositoryPaths.CmdletBuildOutput, Path.Combine(_work, "out"));
        var files = Relative(moduleDir);
        var samples = Directory.Exists(Path.Combine(RepositoryPaths.ModuleSources, "samples"))
            ? Directory.GetFiles(Path.Combine(RepositoryPaths.ModuleSources, "samples"), "*.json").Select(Path.GetFileName).Where(f => !f!.EndsWith(".expect.json", StringComparison.Ordinal)).Select(f => "samples/" + f).Order(StringComparer.Ordinal).ToList()
            : [];
        Assert.Equal(samples, files.Where(f => f.StartsWith("samples/", StringComparison.Ordinal)));
        Assert.Contains("en-US/AzSpokeTools.dll-Help.xml", files);
    }

    [Fact]
    public void BuildOutputContainingPowerShellItselfIsRefused()
    {
        var build = Path.Combine(_work, "build");
        Directory.CreateDirectory(build);
        foreach (var dll in Directory.GetFiles(RepositoryPaths.CmdletBuildOutput, "*.dll")) File.Copy(dll, Path.Combine(build, Path.GetFileName(dll)));
        File.Copy(typeof(System.Management.Automation.Cmdlet).Assembly.Location, Path.Combine(build, "System.Management.Automation.dll"));
        var e = Assert.Throws<InvalidOperationException>(() => ModuleLayout.Create(RepoWithSamples(), build, Path.Combine(_work, "out")));
        Assert.Contains("System.Management.Automation.dll", e.Message);
    }
}
