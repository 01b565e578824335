using AzSpokeTools.Tests.Shared;
using AzSpokeTools.Engine.Addresses;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Snapshot;
using Xunit;
using AzSpokeTools.Engine.Input;

namespace AzSpokeTools.Engine.Tests.Snapshot;

public class CorpusLoadingTests
{
    public static IEnumerable<object[]> CorpusFiles() =>
        SharedCorpus.ArmExamplesOrNull is string dir
            ? Directory.GetFiles(dir, "*.json").Select(f => new object[] { Path.GetFileName(f) })
            : new[] { new object[] { "(skipped: no corpus)" } };

    [CorpusTheory]
    [MemberData(nameof(CorpusFiles))]
    public void EveryCorpusFileLoadsWithoutErrors(string file)
    {
        var topology = SnapshotLoader.Load(TestPaths.Example(file));
        Assert.Equal(new[] { TestPaths.Example(file) }, topology.Files);
        Assert.All(topology.Diagnostics, d => Assert.Equal(TestPaths.Example(file), d.Location.File));
    }

    [CorpusFact]
    public void WholeCorpusLoadsAsOneTopology()
    {
        var t = SnapshotLoader.Load(TestPaths.ArmExamples);
        var c = t.Counts();
        Assert.Equal(4, c["virtualNetworks"]);       // test-vnet (twice, kept once), vnet1, vnet2 (rg1), vnet2 (rg2)
        Assert.Equal(2, c["subnets"]);
        Assert.Equal(4, c["routeTables"]);           // testrt (subid), testrt2, testrt (0000), testrt3
        Assert.Equal(2, c["routes"]);
        Assert.Equal(3, c["virtualNetworkGateways"]);
        Assert.Equal(1, c["virtualHubs"]);
        Assert.Equal(2, c["hubRouteTables"]);
        Assert.Equal(1, c["connectivityConfigurations"]);
        Assert.Single(t.DetachedSubnets);               // SubnetGet: its VNet is not in the corpus
        Assert.Equal(2, t.DetachedPeerings.Count);    // peer and peer2 of peerTest/vnet1
        Assert.Empty(t.UnknownTypes);
        // Action results without the resource they were called on are reported, never guessed.
        var unscoped = t.Diagnostics.Where(d => d.Message.Contains("action result")).Select(d => Path.GetFileName(d.Location.File)).OrderBy(f => f, StringComparer.Ordinal);
        Assert.Equal(new[]
        {
            "EffectiveRoutesListForVirtualHub.json", "NetworkInterfaceEffectiveRouteTableList.json",
            "NetworkManagerActiveConnectivityConfigurationsList.json", "NetworkManagerDeploymentStatusList.json",
            "NetworkManagerEffectiveConnectivityConfigurationsList.json", "NetworkWatcherNextHopGet.json",
        }, unscoped);
        Assert.All(t.Diagnostics, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
    }

    [CorpusFact]
    public void VirtualNetworkGetGivesAddressSpaceAndSubnet()
    {
        var t = SnapshotLoader.Load(TestPaths.Example("VirtualNetworkGet.json"));
        var v = Assert.Single(t.VirtualNetworks);
        Assert.Equal("test-vnet", v.Name);
        Assert.Equal("westus", v.Location);
        Assert.Equal(new[] { IpPrefix.Parse("10.0.0.0/16") }, v.AddressSpace);
        var s = Assert.Single(v.Subnets);
        Assert.Equal("subnet1", s.Name);
        Assert.Equal(IpPrefix.Parse("10.0.1.0/24"), Assert.Single(s.AddressPrefixes));
        Assert.Same(v, s.VirtualNetwork);
    }

    [CorpusFact]
    public void StandalonePeeringWithoutItsVnetIsReportedNotDropped()
    {
        var t = SnapshotLoader.Load(TestPaths.Example("VirtualNetworkPeeringGet.json"));
        Assert.Empty(t.VirtualNetworks);
        Assert.Contains(t.Diagnostics, d => d.Message.Contains("not in the snapshot") && d.Location.File.EndsWith("VirtualNetworkPeeringGet.json"));
    }
}
