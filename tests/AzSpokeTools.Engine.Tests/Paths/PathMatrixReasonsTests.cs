using AzSpokeTools.Engine.Intent;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Paths;
using AzSpokeTools.Engine.Routing;
using AzSpokeTools.Engine.Samples;
using AzSpokeTools.Engine.Snapshot;
using Xunit;

namespace AzSpokeTools.Engine.Tests.Paths;

/// <summary>
/// <c>matrix --reasons</c>: each row's reasons are the reasons the path command's detailed trace (scalar lookups, hops and all)
/// gives the pair's first path, followed by the intent's "not compliant" reasons, whichever engine and however many threads
/// computed the row; without the option rows carry none.
/// </summary>
public sealed class PathMatrixReasonsTests
{
    public static IEnumerable<object[]> Samples() => SampleCatalog.Names.Select(n => new object[] { n });

    private static string Text(PathReason r) => $"{r.Severity}|{r.ResourceId}|{r.Message}|{r.Fix}";

    /// <summary>The reference: a detailed trace per pair as <c>path</c> makes it, then the violations of the first path's summary.</summary>
    private static List<string> Expected(PathTracer tracer, PathMatrix m, PathMatrixRow row, IntentSet? intent)
    {
        var a = m.Endpoints[row.Source];
        var b = m.Endpoints[row.Destination];
        var first = tracer.Trace(a.Subnet, b.Address, detail: true, keep: 1).Ends[0];
        Assert.Equal(row.Outcome, first.Outcome);
        var reasons = first.Builder.Reasons.Select(Text).ToList();
        var decision = intent?.For(a.VirtualNetwork, b.VirtualNetwork);
        if (decision != null)
            foreach (var v in decision.Violations(row.Outcome, row.Kind, row.Summary.Transits))
            {
                var text = Text(new PathReason(PathReasonSeverity.Error, null, "not compliant: " + v));
                if (!reasons.Contains(text)) reasons.Add(text);
            }
        return reasons;
    }

    private static Topology Estate(int spokes, int seed)
    {
        using var stream = new MemoryStream();
        SyntheticEstate.Write(new SyntheticEstateOptions { Spokes = spokes, Hubs = 2, Seed = seed, MeshShare = 0.4 }, stream);
        stream.Position = 0;
        return SnapshotLoader.Load(stream, $"estate-{spokes}-{seed}.json");
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void EveryRowsReasonsAreThoseOfTheDetailedTraceOfItsFirstPathThenTheIntentViolations(string sample) =>
        AssertReasonsAreTheDetailedTraces(SnapshotLoader.Load("sample:" + sample));

    [Fact]
    public void OnAGeneratedEstateEveryRowsReasonsAreThoseOfTheDetailedTraceThoughRestsThroughHubsAreShared()
    {
        // Many sources cross the same hub firewall or gateway to the same destination: the memoised rest must still give each
        // source the reasons of its own walk.
        var t = Estate(40, 7);
        AssertReasonsAreTheDetailedTraces(t, PathMatrixLevel.VirtualNetwork);
    }

    private static void AssertReasonsAreTheDetailedTraces(Topology t, params PathMatrixLevel[] levels)
    {
        var intent = IntentSet.FromAvnm(t);
        var tracer = new PathTracer(new ScalarPathRouteLookup(new EffectiveRouteCalculator(t)));
        foreach (var level in levels.Length > 0 ? levels : new[] { PathMatrixLevel.VirtualNetwork, PathMatrixLevel.Subnet })
            foreach (var engine in new[] { PathMatrixEngine.Vector, PathMatrixEngine.Scalar })
            {
                var m = new PathMatrix(t, new PathMatrixOptions { Engine = engine, Level = level, Intent = intent, Reasons = true });
                foreach (var row in m.Rows())
                {
                    Assert.NotNull(row.Reasons);
                    Assert.Equal(Expected(tracer, m, row, intent), row.Reasons!.Select(Text).ToList());
                }
            }
    }

    [Fact]
    public void SamplesWithDropsAndViolationsGiveRowsACauseAndAFix()
    {
        // hub-firewall's spokes without a route to each other drop at the default None route; the failing intent on avnm-mesh
        // adds violations. The reference test above would pass on empty lists; this one proves there is something to compare.
        var t = SnapshotLoader.Load("sample:contoso-hairpin");
        var m = new PathMatrix(t, new PathMatrixOptions { Reasons = true });
        var rows = m.Rows().ToList();
        Assert.Contains(rows, r => r.Outcome == PathOutcome.Dropped);
        Assert.All(rows.Where(r => r.Outcome == PathOutcome.Dropped), r => Assert.Contains(r.Reasons!, x => x.Severity == PathReasonSeverity.Error && x.Fix != null));
        var dir = Directory.CreateTempSubdirectory("azspoke-reasons-").FullName;
        try
        {
            var mesh = SnapshotLoader.Load("sample:avnm-mesh");
            var failing = IntentSet.Load(Reports.ReportFixtures.FailingIntent(dir), mesh);
            var violating = new PathMatrix(mesh, new PathMatrixOptions { Intent = failing, Reasons = true }).Rows().Where(r => r.Compliant == false).ToList();
            Assert.NotEmpty(violating);
            Assert.All(violating, r => Assert.Contains(r.Reasons!, x => x.Message.StartsWith("not compliant: ", StringComparison.Ordinal)));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void ReasonsOnSeveralThreadsAreTheSingleThreadedReasons(int threads)
    {
        var t = Estate(60, 5);
        List<string> Rows(int n)
        {
            var m = new PathMatrix(t, new PathMatrixOptions { Threads = n, Reasons = true });
            return m.Rows().Select(r => $"{r.Source}>{r.Destination} {r.Summary} " + string.Join(" / ", r.Reasons!.Select(Text))).ToList();
        }
        var single = Rows(1);
        Assert.Contains(single, r => r.Contains(" Error|", StringComparison.Ordinal));
        Assert.Equal(single, Rows(threads));
    }

    [Fact]
    public void RowsCarryNoReasonsUnlessAsked()
    {
        var m = new PathMatrix(SnapshotLoader.Load("sample:hub-firewall"));
        Assert.All(m.Rows(), r => Assert.Null(r.Reasons));
    }
}
