using AzSpokeTools.Engine.Addresses;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Snapshot;
using Xunit;

namespace AzSpokeTools.Engine.Tests.Snapshot;

public class CorpusLoadingTests
{
    public static IEnumerable<object[]> CorpusFiles() =>
        Directory.GetFiles(TestPaths.ArmExamples, "*.json").Select(f => new object[] { Path.GetFileName(f) });

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void EveryCorpusFileLoadsWithoutErrors(string file)
    {
        var topology = SnapshotLoader.Load(TestPaths.Example(file));
        Assert.Contains(TestPaths.Example(file), topology.Files);
    }

    [Fact]
    public void WholeCorpusLoadsAsOneTopology()
    {
        var t = SnapshotLoader.Load(TestPaths.ArmExamples);
        Assert.True(t.VirtualNetworks.Count >= 3);
        Assert.True(t.RouteTables.Count >= 1);
    }

    [Fact]
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

    [Fact]
    public void StandalonePeeringWithoutItsVnetIsReportedNotDropped()
    {
        var t = SnapshotLoader.Load(TestPaths.Example("VirtualNetworkPeeringGet.json"));
        Assert.Empty(t.VirtualNetworks);
        Assert.Contains(t.Diagnostics, d => d.Message.Contains("not in the snapshot") && d.Location.File.EndsWith("VirtualNetworkPeeringGet.json"));
    }
}
