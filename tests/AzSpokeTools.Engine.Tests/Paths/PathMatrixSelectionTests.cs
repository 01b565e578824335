using AzSpokeTools.Engine.Hosting;
using AzSpokeTools.Engine.Intent;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Paths;
using AzSpokeTools.Engine.Reports;
using AzSpokeTools.Engine.Requests;
using AzSpokeTools.Engine.Samples;
using AzSpokeTools.Engine.Snapshot;
using FsCheck;
using FsCheck.Xunit;
using Xunit;

namespace AzSpokeTools.Engine.Tests.Paths;

/// <summary>
/// The matrix's selection (name patterns, kinds, violations, shards) chooses exactly the rows an unfiltered run would give and
/// then filter; shards merged give the unsharded summary and rows; rows computed on several threads are the single-threaded rows.
/// </summary>
public sealed class PathMatrixSelectionTests
{
    private static readonly Dictionary<(int, int), Topology> Estates = new();

    private static Topology Estate(int spokes, int seed)
    {
        lock (Estates)
        {
            if (Estates.TryGetValue((spokes, seed), out var t)) return t;
            using var stream = new MemoryStream();
            SyntheticEstate.Write(new SyntheticEstateOptions { Spokes = spokes, Hubs = 2, Seed = seed, MeshShare = 0.4 }, stream);
            stream.Position = 0;
            return Estates[(spokes, seed)] = SnapshotLoader.Load(stream, $"estate-{spokes}-{seed}.json");
        }
    }

    private static IntentSet SpokesDirectOrMesh(Topology t, string dir)
    {
        var path = Path.Combine(dir, "intent.yaml");
        File.WriteAllText(path, "groups:\n  spokes: { name: \"spoke*\" }\nrules:\n  - name: spokes-direct-or-mesh\n    from: spokes\n    to: spokes\n    expect: [Direct, Mesh]\n");
        return IntentSet.Load(path, t);
    }

    private static List<string> Rows(PathMatrix m) => m.Rows().Select(r => Describe(m, r)).ToList();

    private static string Describe(PathMatrix m, PathMatrixRow r) =>
        $"{m.Endpoints[r.Source].Name}>{m.Endpoints[r.Destination].Name} {r.Summary} x{r.Alternatives} {r.Compliant}";

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void RowsOnSeveralThreadsAreTheSingleThreadedRowsInTheSameOrder(int threads)
    {
        var t = Estate(60, 3);
        var dir = Directory.CreateTempSubdirectory("azspoke-threads-").FullName;
        try
        {
            var intent = SpokesDirectOrMesh(t, dir);
            var several = new PathMatrix(t, new PathMatrixOptions { Threads = threads, Intent = intent });
            var single = new PathMatrix(t, new PathMatrixOptions { Threads = 1, Intent = intent });
            Assert.Equal(Rows(single), Rows(several));
            var counted = new PathMatrix(t, new PathMatrixOptions { Threads = threads, Intent = intent }).Run(null);
            foreach (var s in new[] { several.Summary, counted })
            {
                Assert.Equal(single.Summary.Pairs, s.Pairs);
                Assert.Equal(single.Summary.Violations, s.Violations);
                Assert.Equal(single.Summary.PairsWithAlternatives, s.PairsWithAlternatives);
                Assert.Equal(single.Summary.ByKind.OrderBy(k => k.Key), s.ByKind.OrderBy(k => k.Key));
                Assert.Equal(single.Summary.ByOutcome.OrderBy(k => k.Key), s.ByOutcome.OrderBy(k => k.Key));
            }
            Assert.True(single.Summary.Violations > 0, "the intent should be violated somewhere, so that compliance is compared too");
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Fact]
    public void AConsumerThatStopsEarlyStopsTheThreads()
    {
        var m = new PathMatrix(Estate(60, 3), new PathMatrixOptions { Threads = 3 });
        Assert.Equal(10, m.Rows().Take(10).Count());
        Assert.Equal(Rows(new PathMatrix(Estate(60, 3), new PathMatrixOptions { Threads = 1 })).Take(5), m.Rows().Take(5).Select(r => Describe(m, r)));
    }

    [Fact]
    public void PatternsKindsAndViolationsSelectExactlyTheRowsAnUnfilteredRunWouldGiveThenFilter()
    {
        var t = Estate(40, 5);
        var dir = Directory.CreateTempSubdirectory("azspoke-selection-").FullName;
        try
        {
            var intent = SpokesDirectOrMesh(t, dir);
            var all = new PathMatrix(t, new PathMatrixOptions { Intent = intent });
            var rows = all.Rows().ToList();
            var selection = new PathMatrixSelection { FromPattern = "SPOKE-000?*", ToPattern = "*1", Kinds = new[] { PathKind.ExpressRouteHairpin, PathKind.Mesh }, OnlyViolations = true };
            var filtered = new PathMatrix(t, new PathMatrixOptions { Intent = intent, Selection = selection });
            var expected = rows.Where(r => NameGlob.Matches("spoke-000?*", all.Endpoints[r.Source].Name) && all.Endpoints[r.Destination].Name.EndsWith('1'))
                .ToList();
            var got = Rows(filtered);
            Assert.Equal(expected.Where(r => r.Compliant == false && (r.Kind == PathKind.ExpressRouteHairpin || r.Kind == PathKind.Mesh)).Select(r => Describe(all, r)), got);
            Assert.NotEmpty(got);
            // The summary counts every pair the patterns select, written or not.
            Assert.Equal(expected.Count, filtered.Summary.Pairs);
            Assert.Equal(expected.Count(r => r.Compliant == false), filtered.Summary.Violations);
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Property(MaxTest = 12)]
    public void ShardsMergedGiveTheUnshardedSummaryAndRows(PositiveInt seed, PositiveInt shards)
    {
        var t = Estate(20 + seed.Get % 5 * 7, seed.Get % 4);
        int count = 1 + shards.Get % 9;
        var whole = new PathMatrix(t);
        var wholeRows = Rows(whole);
        var summaries = new List<(string, string)>();
        var rows = new List<string>();
        var csv = new List<(string, TextReader)>();
        var expectedCsv = new StringWriter();
        PathMatrixCsvWriter.Write(expectedCsv, new PathMatrix(t));
        for (int i = 1; i <= count; i++)
        {
            var shard = new PathMatrix(t, new PathMatrixOptions { Selection = new PathMatrixSelection { Shard = i, ShardCount = count } });
            rows.AddRange(Rows(shard));
            summaries.Add(($"shard-{i}.json", PathMatrixJsonWriter.RenderSummary(shard.Summary)));
            var text = new StringWriter();
            PathMatrixCsvWriter.Write(text, new PathMatrix(t, new PathMatrixOptions { Selection = new PathMatrixSelection { Shard = i, ShardCount = count } }));
            csv.Add(($"shard-{i}.csv", new StringReader(text.ToString())));
        }
        var merged = PathMatrixShardMerge.MergeSummaries(summaries);
        Assert.Equal(whole.Summary.Pairs, merged.Pairs);
        Assert.Equal(whole.Summary.Violations, merged.Violations);
        Assert.Equal(whole.Summary.ByKind.OrderBy(k => k.Key), merged.ByKind.OrderBy(k => k.Key));
        Assert.Equal(wholeRows, rows);
        var mergedCsv = new StringWriter();
        long n = PathMatrixShardMerge.MergeRows(csv, PathMatrixShardFormat.Csv, mergedCsv);
        Assert.Equal(whole.Summary.Pairs, n);
        Assert.Equal(expectedCsv.ToString(), mergedCsv.ToString());
    }

    [Theory]
    [InlineData("0/3")]
    [InlineData("4/3")]
    [InlineData("1/0")]
    [InlineData("2")]
    [InlineData("a/b")]
    public void AShardThatDoesNotExistIsAnInputErrorNamingTheShard(string text)
    {
        var e = Assert.Throws<EngineInputException>(() => PathMatrixSelection.ParseShard(text));
        Assert.Equal("Shard", e.Parameter);
    }

    [Fact]
    public void MergingSomethingThatIsNotASummaryNamesTheFileAndTheMissingProperty()
    {
        var e = Assert.Throws<EngineInputException>(() => PathMatrixShardMerge.MergeSummaries(new[] { ("shard-2.json", "{\"schemaVersion\":1,\"pairs\":3}") }));
        Assert.Contains("shard-2.json", e.Message);
        Assert.Contains("$.violations is missing", e.Message);
    }
}
