using System.Management.Automation;
using Xunit;

namespace AzSpokeTools.PowerShell.Tests;

/// <summary>Import-SpokeTopology bound and run by PowerShell.</summary>
[Collection(ModuleSessionCollection.Name)]
public sealed class ImportSpokeTopologyTests(ModuleSession session)
{
    private string SampleFile(string name) => Path.Combine(session.Root, "module", "samples", name + ".json");

    [Fact]
    public void SampleLoadsIntoOneTopology()
    {
        var output = session.Run("Import-SpokeTopology -Snapshot sample:hub-firewall");
        var topology = Assert.Single(output);
        Assert.Equal("AzSpokeTools.Engine.Model.Topology", topology.BaseObject.GetType().FullName);
        Assert.Equal(4, (int)session.Run("(Import-SpokeTopology sample:hub-firewall).VirtualNetworks.Count").Single().BaseObject);
    }

    [Fact]
    public void EachPipedFileIsOneTopologyAndABadFileIsANonTerminatingError()
    {
        var dir = Directory.CreateTempSubdirectory("azspoke-import-").FullName;
        File.Copy(SampleFile("hub-firewall"), Path.Combine(dir, "a-good.json"));
        File.WriteAllText(Path.Combine(dir, "b-bad.json"), "{ \"resources\": [ ");
        File.Copy(SampleFile("vwan"), Path.Combine(dir, "c-good.json"));
        var (output, shell) = session.Invoke($$"""
            $files = [System.IO.DirectoryInfo]::new('{{dir}}').GetFiles('*.json')
            [Array]::Sort($files, [System.Comparison[System.IO.FileInfo]] { param($a, $b) [string]::CompareOrdinal($a.Name, $b.Name) })
            $files | Import-SpokeTopology
            """);
        using (shell)
        {
            Assert.Equal(2, output.Count);
            var error = Assert.Single(shell.Streams.Error);
            Assert.Equal("SnapshotInvalid,AzSpokeTools.Cmdlets.ImportSpokeTopologyCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
            Assert.Equal(Path.Combine(dir, "b-bad.json"), error.TargetObject);
        }
    }

    [Fact]
    public void RelativePathIsResolvedAgainstThePowerShellLocationNotTheProcessDirectory()
    {
        var dir = Directory.CreateTempSubdirectory("azspoke-location-").FullName;
        File.Copy(SampleFile("peered-spokes"), Path.Combine(dir, "estate.json"));
        Assert.NotEqual(dir, Environment.CurrentDirectory);
        var output = session.Run($"$ExecutionContext.SessionState.Path.SetLocation('{dir}') | Out-Null; Import-SpokeTopology ./estate.json");
        Assert.Single(output);
    }

    [Fact]
    public void DirectoryLoadsIntoOneTopologyHoldingEveryFile()
    {
        var dir = Directory.CreateTempSubdirectory("azspoke-directory-").FullName;
        File.Copy(SampleFile("hub-firewall"), Path.Combine(dir, "connectivity.json"));
        File.Copy(SampleFile("vwan"), Path.Combine(dir, "landing-zones.json"));
        // Both samples use the same subscription layout; a VNet id present in both files is one VNet.
        var distinctIds = session.Run("(Import-SpokeTopology sample:hub-firewall, sample:vwan).VirtualNetworks | ForEach-Object { $_.Id.Value.ToLowerInvariant() }")
            .Select(o => o.ToString()).Distinct().Count();
        var output = session.Run($"Import-SpokeTopology -Snapshot '{dir}'");
        var topology = Assert.Single(output);
        Assert.Equal(distinctIds, (int)session.Run($"(Import-SpokeTopology -Snapshot '{dir}').VirtualNetworks.Count").Single().BaseObject);
        Assert.Equal(2, ((System.Collections.ICollection)topology.Properties["Files"].Value).Count);
    }

    [Fact]
    public void MissingFileIsSnapshotNotFoundWithThePathAsTarget()
    {
        var (output, shell) = session.Invoke("Import-SpokeTopology ./no-such-snapshot.json, sample:hub-firewall");
        using (shell)
        {
            Assert.Single(output);
            var error = Assert.Single(shell.Streams.Error);
            Assert.StartsWith("SnapshotNotFound,", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Equal("./no-such-snapshot.json", error.TargetObject);
        }
    }

    [Fact]
    public void VerboseStreamSaysWhatWasLoaded()
    {
        var (_, shell) = session.Invoke("Import-SpokeTopology sample:hub-firewall -Verbose");
        using (shell)
            Assert.Contains(shell.Streams.Verbose, v => v.Message.Contains("4 virtualNetworks"));
    }
}
