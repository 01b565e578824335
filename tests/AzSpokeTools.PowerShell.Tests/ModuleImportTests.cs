using System.Management.Automation;
using System.Runtime.Loader;
using AzSpokeTools.HelpGen;
using Xunit;

namespace AzSpokeTools.PowerShell.Tests;

/// <summary>Import-Module on the laid-out manifest: exports, dependency isolation, help and format views inside PowerShell.</summary>
[Collection(ModuleSessionCollection.Name)]
public sealed class ModuleImportTests(ModuleSession session)
{
    [Fact]
    public void ExportedCommandsAreExactlyTheManifestsCmdlets()
    {
        var commands = session.Run("Get-Command -Module AzSpokeTools | ForEach-Object { $_.CommandType.ToString() + ' ' + $_.Name }").Select(o => o.ToString()).Order(StringComparer.Ordinal);
        var manifest = new ModuleManifestFile(session.ManifestPath).GetArray("CmdletsToExport")!.Select(c => "Cmdlet " + c).Order(StringComparer.Ordinal);
        Assert.Equal(manifest, commands);
    }

    [Fact]
    public void TestModuleManifestAcceptsTheManifest()
    {
        var info = (PSModuleInfo)session.Run($"Test-ModuleManifest -Path '{session.ManifestPath}'").Single().BaseObject;
        Assert.Equal("AzSpokeTools", info.Name);
        Assert.Equal(new Version(0, 1, 0), info.Version);
        Assert.Equal(["Core", "Desktop"], info.CompatiblePSEditions.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void FormatFileIsLoadedWithTheModule()
    {
        var files = session.Run("(Get-Module AzSpokeTools).ExportedFormatFiles").Select(o => Path.GetFileName(o.ToString()));
        Assert.Contains("AzSpokeTools.Format.ps1xml", files);
    }

    [Fact]
    public void EngineIsLoadedIntoTheModulesOwnLoadContextFromDependencies()
    {
        session.Run("$null = Import-SpokeTopology sample:hub-firewall");
        var engine = AppDomain.CurrentDomain.GetAssemblies().Where(a => a.GetName().Name == "AzSpokeTools.Engine").ToList();
        var single = Assert.Single(engine);
        Assert.NotSame(AssemblyLoadContext.Default, AssemblyLoadContext.GetLoadContext(single));
        Assert.Equal(Path.Combine(session.ModuleDirectory, "Dependencies", "AzSpokeTools.Engine.dll"), single.Location);
        var cmdlets = AppDomain.CurrentDomain.GetAssemblies().Single(a => a.GetName().Name == "AzSpokeTools");
        Assert.Equal(Path.Combine(session.ModuleDirectory, "AzSpokeTools.dll"), cmdlets.Location);
    }

    [Fact]
    public void HelpComesFromTheGeneratedMaml()
    {
        var help = session.Run("Get-Help Get-SpokeEffectiveRoute -Full").Single();
        var docs = MarkdownHelpParser.ParseFile(Path.Combine(session.Root, "docs", "Get-SpokeEffectiveRoute.md"));
        Assert.Equal(docs.Synopsis, help.Properties["Synopsis"].Value.ToString());
        var parameterHelp = session.Run("(Get-Help Get-SpokeEffectiveRoute -Parameter Target).description.Text -join ' '").Single().ToString();
        Assert.Equal(docs.Parameters.Single(p => p.Name == "Target").Description.Single(), parameterHelp);
        var examples = session.Run("@((Get-Help Get-SpokeEffectiveRoute -Examples).examples.example).Count").Single();
        Assert.Equal(docs.Examples.Count, (int)examples.BaseObject);
    }

    [Fact]
    public void ModuleCanBeRemovedAndImportedAgain()
    {
        session.Run("Remove-Module AzSpokeTools");
        session.Run($"Import-Module '{session.ManifestPath}' -ErrorAction Stop");
        var routes = session.Run("Get-SpokeEffectiveRoute -Snapshot sample:hub-firewall -Subnet spoke1/workload");
        Assert.Equal(5, routes.Count);
    }

    [Fact]
    public void EffectiveRoutesAreFormattedAsTheEffectiveRouteTable()
    {
        lock (session.Host)
        {
            session.Host.Clear();
            session.Run("Get-SpokeEffectiveRoute -Snapshot sample:hub-firewall -Subnet spoke1/workload | Out-Host");
            var lines = PlainText(session.Host.Text).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var header = Assert.Single(lines, l => l.StartsWith("Name", StringComparison.Ordinal));
            Assert.Equal(["Name", "State", "Source", "AddressPrefix", "NextHopType", "NextHopIpAddress"], header.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains(lines, l => l.StartsWith("default-to-fw", StringComparison.Ordinal) && l.Contains("{0.0.0.0/0}") && l.Contains("VirtualAppliance") && l.Contains("{10.0.1.4}"));
        }
    }

    [Fact]
    public void TopologyIsFormattedAsASummaryRow()
    {
        lock (session.Host)
        {
            session.Host.Clear();
            session.Run("Import-SpokeTopology sample:hub-firewall | Out-Host");
            var lines = PlainText(session.Host.Text).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var header = Assert.Single(lines, l => l.StartsWith("Source", StringComparison.Ordinal));
            Assert.Equal(["Source", "CapturedAt", "VirtualNetworks", "Subnets", "NetworkInterfaces", "Warnings", "Files"], header.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains(lines, l => l.EndsWith("sample:hub-firewall", StringComparison.Ordinal));
        }
    }

    /// <summary>The host text without the ANSI styling PowerShell 7 puts on table headers.</summary>
    private static string PlainText(string text) => System.Text.RegularExpressions.Regex.Replace(text, "\x1b\\[[0-9;]*m", "");
}
