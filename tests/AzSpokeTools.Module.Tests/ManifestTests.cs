using System.Xml.Linq;
using AzSpokeTools.HelpGen;
using Xunit;

namespace AzSpokeTools.Module.Tests;

/// <summary>AzSpokeTools.psd1: the keys PowerShell, the Gallery and Azure Automation read.</summary>
public sealed class ManifestTests
{
    private readonly ModuleManifestFile _manifest = new(RepositoryPaths.ManifestPath);

    [Fact]
    public void RootModuleIsTheCmdletAssembly() => Assert.Equal("AzSpokeTools.dll", _manifest.GetString("RootModule"));

    [Fact]
    public void ModuleVersionIsTheBuildVersion()
    {
        var props = XDocument.Load(Path.Combine(RepositoryPaths.Root, "Directory.Build.props"));
        var version = props.Descendants("Version").Single().Value;
        Assert.Equal(version, _manifest.GetString("ModuleVersion"));
    }

    [Fact]
    public void RunsOnWindowsPowerShell51AndPowerShell7()
    {
        Assert.Equal(["Core", "Desktop"], _manifest.GetArray("CompatiblePSEditions")!.Order(StringComparer.Ordinal));
        Assert.Equal("5.1", _manifest.GetString("PowerShellVersion"));
    }

    [Fact]
    public void GuidIsAGuid() => Assert.True(Guid.TryParse(_manifest.GetString("GUID"), out _));

    [Fact]
    public void FormatAndTypeFilesExistInTheModuleSources()
    {
        var formats = _manifest.GetArray("FormatsToProcess");
        Assert.NotNull(formats);
        Assert.NotEmpty(formats);
        foreach (var file in formats.Concat(_manifest.GetArray("TypesToProcess") ?? []))
            Assert.True(File.Exists(Path.Combine(RepositoryPaths.ModuleSources, file)), $"module/{file} does not exist");
    }

    [Fact]
    public void ExportsNoFunctionsAliasesOrVariables()
    {
        // Explicit empty lists keep PowerShell from exporting everything and speed up command discovery.
        Assert.Empty(_manifest.GetArray("FunctionsToExport")!);
        Assert.Empty(_manifest.GetArray("AliasesToExport")!);
        Assert.Empty(_manifest.GetArray("VariablesToExport")!);
    }
}
