using AzSpokeTools.Engine.Addresses;
using AzSpokeTools.Engine.Evaluation;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Routing;
using AzSpokeTools.Engine.Samples;
using AzSpokeTools.Engine.Snapshot;
using Xunit;

namespace AzSpokeTools.Engine.Tests.Evaluation;

/// <summary>
/// The layered lookup (own rows compiled per table, shared gateway/hub layer compiled once) answers exactly like the
/// scalar reference over the full table, for every subnet of every sample and of a generated estate.
/// </summary>
public class TableLookupTests
{
    public static IEnumerable<object[]> Samples() => SampleCatalog.Names.Select(n => new object[] { n });

    [Theory]
    [MemberData(nameof(Samples))]
    public void LayeredLookupEqualsScalarOnEverySampleSubnet(string sample) =>
        AssertAgreement(SnapshotLoader.Load("sample:" + sample), seed: sample.Length);

    [Fact]
    public void LayeredLookupEqualsScalarOnAGeneratedEstate()
    {
        using var stream = new MemoryStream();
        SyntheticEstate.Write(new SyntheticEstateOptions { Spokes = 120, Hubs = 4, SubnetsPerSpoke = 2, Seed = 7 }, stream);
        stream.Position = 0;
        var topology = SnapshotLoader.Load(stream, "estate.json");
        int layered = AssertAgreement(topology, seed: 7);
        Assert.True(layered > 0, "the generated estate should have tables with a shared gateway layer");
    }

    private static int AssertAgreement(Topology topology, int seed)
    {
        var calc = new EffectiveRouteCalculator(topology);
        var cache = new CompiledRouteTableCache();
        var random = new Random(seed);
        var destinations = new List<IpAddressValue>();
        foreach (var v in topology.VirtualNetworks)
            foreach (var p in v.AddressSpace)
            {
                destinations.Add(p.First);
                destinations.Add(p.Last);
                destinations.Add(p.First.Add((ulong)random.Next(1, 200)));
            }
        foreach (var gw in topology.LearnedRoutes.Values.SelectMany(l => l))
            destinations.Add(gw.Network.First.Add(1));
        for (int i = 0; i < 200; i++) destinations.Add(IpAddressValue.FromV4((uint)random.Next() * 2u));
        int layeredTables = 0;
        var winners = new List<int>();
        foreach (var table in calc.ForAllSubnets())
        {
            var lookup = TableLookup.For(table, cache);
            if (table.Layers != null) layeredTables++;
            foreach (var d in destinations)
            {
                lookup.Lookup(d, winners);
                var expected = ScalarRouteLookup.Lookup(table.Routes, d);
                Assert.True(expected.SequenceEqual(winners),
                    $"{table.Subnet.DisplayName} -> {d}: scalar [{string.Join(",", expected)}] layered [{string.Join(",", winners)}]");
            }
        }
        return layeredTables;
    }
}
