using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Paths;
using AzSpokeTools.Engine.Samples;
using AzSpokeTools.Engine.Snapshot;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace AzSpokeTools.Engine.Tests.Paths;

/// <summary>The vector matrix engine (compiled lookups, batched first hops, memoised continuations) against the scalar reference.</summary>
public class PathMatrixEngineTests
{
    public static IEnumerable<object[]> Samples() => SampleCatalog.Names.Select(n => new object[] { n });

    internal static List<string> Rows(Topology topology, PathMatrixEngine engine, PathMatrixLevel level = PathMatrixLevel.VirtualNetwork)
    {
        var m = new PathMatrix(topology, new PathMatrixOptions { Engine = engine, Level = level });
        var rows = new List<string>();
        var summary = m.Run(r => rows.Add($"{m.Endpoints[r.Source].Name} -> {m.Endpoints[r.Destination].Name}: {r.Summary} x{r.Alternatives}"));
        Assert.Equal(rows.Count, summary.Pairs);
        Assert.Equal(summary.Pairs, summary.ByKind.Values.Sum());
        return rows;
    }

    private static void AssertSame(Topology topology, PathMatrixLevel level, string what)
    {
        var scalar = Rows(topology, PathMatrixEngine.Scalar, level);
        var vector = Rows(topology, PathMatrixEngine.Vector, level);
        Assert.Equal(scalar.Count, vector.Count);
        var diff = scalar.Zip(vector).Where(p => p.First != p.Second).Take(5).Select(p => $"scalar {p.First}\n vector {p.Second}").ToList();
        Assert.True(diff.Count == 0, what + ":\n" + string.Join("\n", diff));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void VectorAndScalarEnginesAgreeOnEverySamplePair(string sample)
    {
        var topology = SnapshotLoader.Load("sample:" + sample);
        AssertSame(topology, PathMatrixLevel.VirtualNetwork, sample);
        AssertSame(topology, PathMatrixLevel.Subnet, sample + " (subnets)");
    }

    [Fact]
    public void VectorAndScalarEnginesAgreeOnGeneratedEstates()
    {
        // Property: for generated estates of any small size and seed, the two engines give the same row for every pair.
        var sizes = Gen.Choose(2, 40).SelectMany(spokes => Gen.Choose(1, 4).SelectMany(hubs => Gen.Choose(1, 3).SelectMany(subnets =>
            Gen.Choose(1, 1000).Select(seed => new SyntheticEstateOptions { Spokes = spokes, Hubs = hubs, SubnetsPerSpoke = subnets, Seed = seed }))));
        var property = Prop.ForAll(sizes.ToArbitrary(), o =>
        {
            using var ms = new MemoryStream();
            SyntheticEstate.Write(o, ms);
            ms.Position = 0;
            var topology = SnapshotLoader.Load(ms, $"generated {o.Spokes}/{o.Hubs}/{o.SubnetsPerSpoke}/{o.Seed}");
            AssertSame(topology, PathMatrixLevel.VirtualNetwork, $"spokes {o.Spokes} hubs {o.Hubs} subnets {o.SubnetsPerSpoke} seed {o.Seed}");
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(25).WithQuietOnSuccess(true), property);
    }

    [Fact]
    public void GeneratedEstateMixesTheKindsTheGeneratorPlants()
    {
        using var ms = new MemoryStream();
        SyntheticEstate.Write(new SyntheticEstateOptions { Spokes = 60, Hubs = 3, SubnetsPerSpoke = 2, Seed = 7 }, ms);
        ms.Position = 0;
        var m = new PathMatrix(SnapshotLoader.Load(ms, "generated"));
        var summary = m.Run(null);
        Assert.Equal(63L * 62, summary.Pairs);
        foreach (var kind in new[] { PathKind.ExpressRouteHairpin, PathKind.Appliance, PathKind.Mesh, PathKind.Direct })
            Assert.True(summary.ByKind.ContainsKey(kind), $"no {kind} pair: " + string.Join(", ", summary.ByKind.Select(k => $"{k.Key}={k.Value}")));
    }

    [Fact]
    public void TablesComputedOnASecondThreadGiveTheSameRows()
    {
        using var ms = new MemoryStream();
        SyntheticEstate.Write(new SyntheticEstateOptions { Spokes = 90, Hubs = 3, SubnetsPerSpoke = 2, Seed = 11 }, ms);
        ms.Position = 0;
        var topology = SnapshotLoader.Load(ms, "generated");
        List<string> Rows(bool parallel)
        {
            var m = new PathMatrix(topology, new PathMatrixOptions { Parallel = parallel });
            var rows = new List<string>();
            m.Run(r => rows.Add($"{r.Source}>{r.Destination} {r.Summary} x{r.Alternatives}"));
            return rows;
        }
        Assert.Equal(Rows(parallel: false), Rows(parallel: true));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AMatrixRunKeepsTheTablesOfTheSubnetsPathsCrossNotThoseOfEverySource(bool reasons)
    {
        // A source's table is read for its own row only; keeping all of them made memory and the collector's work grow with the estate.
        using var ms = new MemoryStream();
        SyntheticEstate.Write(new SyntheticEstateOptions { Spokes = 60, Hubs = 3, Seed = 5, MeshShare = 0.3 }, ms);
        ms.Position = 0;
        var topology = SnapshotLoader.Load(ms, "generated");
        var m = new PathMatrix(topology, new PathMatrixOptions { Threads = 1, Reasons = reasons });
        var rows = new List<string>();
        m.Run(r => rows.Add($"{r.Source}>{r.Destination}: {r.Summary} x{r.Alternatives} {string.Join("; ", r.Reasons?.Select(x => x.Message) ?? Array.Empty<string>())}"));
        Assert.Equal(63 * 62, rows.Count);
        // The hubs' gateway and firewall subnets, and whatever else a path steps into, not the 63 sources.
        Assert.InRange(m.KeptTables, 1, 12);
        // The rows are those of a run that keeps every table (the scalar reference reads each source's kept table).
        Assert.Equal(Rows(topology, PathMatrixEngine.Scalar), Rows(topology, PathMatrixEngine.Vector));
    }
}
