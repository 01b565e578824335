using System.Collections;
using System.Management.Automation.Language;
using Xunit;

namespace AzSpokeTools.Module.Tests;

/// <summary>
/// The repository's PowerShell files parse with PowerShell's own parser (here, where no pwsh runs them), and
/// the manifest is a restricted-language data file whose values agree with what the build reads.
/// </summary>
public sealed class PowerShellScriptTests
{
    public static TheoryData<string> Scripts()
    {
        var data = new TheoryData<string> { "build.ps1", "AzSpokeTools.psd1" };
        foreach (var folder in new[] { "tests/pester", "docs/examples" })
            foreach (var file in Directory.GetFiles(Path.Combine(RepositoryPaths.Root, folder), "*.ps1").Order(StringComparer.Ordinal))
                data.Add(Path.GetRelativePath(RepositoryPaths.Root, file).Replace('\\', '/'));
        return data;
    }

    [Fact]
    public void CiRunsTheReadmeTestCommandAndAlwaysThePesterSuiteInThePinnedPwsh()
    {
        var ci = File.ReadAllText(Path.Combine(RepositoryPaths.Root, ".ci", "run"));
        Assert.Contains("dotnet test AzSpokeTools.sln -c Release", ci);
        Assert.Contains("dotnet tool restore", ci);
        var pester = ci.Split('\n').Single(l => l.Contains("-Task Pester", StringComparison.Ordinal));
        Assert.StartsWith("dotnet tool run pwsh -- ", pester.TrimStart());
        Assert.DoesNotContain("command -v pwsh", ci);
        Assert.Contains("passed, ", ci);
        var tools = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, ".config", "dotnet-tools.json")))!;
        Assert.Equal("7.6.10", (string?)tools["tools"]!["powershell"]!["version"]);
    }

    [Fact]
    public void BuildScriptRelaunchesThroughDotnetWhenPwshIsADotnetTool()
    {
        var ast = Parser.ParseFile(Path.Combine(RepositoryPaths.Root, "build.ps1"), out _, out _);
        var function = (FunctionDefinitionAst)ast.Find(a => a is FunctionDefinitionAst f && f.Name == "Get-PowerShellCommand", searchNestedScriptBlocks: true)!;
        var text = function.Body.Extent.Text;
        Assert.Contains("'dotnet'", text);
        Assert.Contains("pwsh.dll", text);
        Assert.DoesNotContain("Install-Module", File.ReadAllText(Path.Combine(RepositoryPaths.Root, "build.ps1")));
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void ScriptParsesWithoutErrors(string relativePath)
    {
        Parser.ParseFile(Path.Combine(RepositoryPaths.Root, relativePath), out _, out var errors);
        Assert.True(errors.Length == 0, string.Join(Environment.NewLine, errors.Select(e => $"{relativePath}:{e.Extent.StartLineNumber}: {e.Message}")));
    }

    [Fact]
    public void ManifestIsAStaticDataFileAndAgreesWithTheBuildsReader()
    {
        var ast = Parser.ParseFile(RepositoryPaths.ManifestPath, out _, out _);
        var hashtable = ast.Find(a => a is HashtableAst, searchNestedScriptBlocks: false) as HashtableAst;
        Assert.NotNull(hashtable);
        // SafeGetValue throws for anything but constants, arrays and hashtables: what Import-PowerShellDataFile accepts.
        var data = (Hashtable)hashtable.SafeGetValue();
        var reader = new HelpGen.ModuleManifestFile(RepositoryPaths.ManifestPath);
        foreach (var key in new[] { "RootModule", "ModuleVersion", "GUID", "PowerShellVersion" })
            Assert.Equal(data[key]?.ToString(), reader.GetString(key));
        foreach (var key in new[] { "CmdletsToExport", "CompatiblePSEditions", "FormatsToProcess", "FunctionsToExport", "AliasesToExport", "VariablesToExport" })
            Assert.Equal(ToStrings(data[key]), reader.GetArray(key));
    }

    [Fact]
    public void BuildScriptOffersTheDocumentedTasksWithAllAsDefault()
    {
        var ast = Parser.ParseFile(Path.Combine(RepositoryPaths.Root, "build.ps1"), out _, out _);
        var task = ast.ParamBlock!.Parameters.Single(p => p.Name.VariablePath.UserPath == "Task");
        var validateSet = task.Attributes.OfType<AttributeAst>().Single(a => a.TypeName.Name == "ValidateSet");
        Assert.Equal(["Build", "Test", "Pester", "Package", "All"], validateSet.PositionalArguments.Cast<StringConstantExpressionAst>().Select(s => s.Value));
        Assert.Equal("All", ((StringConstantExpressionAst)task.DefaultValue!).Value);
    }

    private static IReadOnlyList<string> ToStrings(object? value) => value switch
    {
        null => [],
        object[] items => items.Select(i => i.ToString()!).ToList(),
        _ => [value.ToString()!],
    };
}
