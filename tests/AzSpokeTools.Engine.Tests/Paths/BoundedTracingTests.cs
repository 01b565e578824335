using AzSpokeTools.Engine.Intent;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Paths;
using AzSpokeTools.Engine.Requests;
using Xunit;

namespace AzSpokeTools.Engine.Tests.Paths;

/// <summary>
/// Hostile shapes cost bounded work: a chain of appliances longer than the hop limit ends Unknown ("more than N hops") instead
/// of exhausting the stack, and equal-cost fan-out is counted through the memo instead of enumerated (issue 16).
/// </summary>
public class BoundedTracingTests
{
    /// <summary>
    /// src (10.1/16) and dst (10.2/16) peered with chain (10.64/10). src's route table sends dst to stage 0's appliances; the
    /// appliances of stage k sit in subnet a{k} (a /28) whose route table sends dst to stage k+1's; the last stage's subnet reaches
    /// dst over the peering. With <paramref name="width"/> appliances per stage every stage doubles (or more) the equal-cost paths.
    /// </summary>
    internal static Topology Chain(int stages, int width = 1) => ApplianceChain.Estate(stages, width).Load();

    /// <summary>The snapshot text of <see cref="Chain"/>.</summary>
    internal static string ChainText(int stages, int width = 1) => ApplianceChain.Estate(stages, width).Text();

    private static List<string> Rows(Topology t, PathMatrixEngine engine, PathMatrixLevel level, bool descending = false)
    {
        var m = new PathMatrix(t, new PathMatrixOptions { Engine = engine, Level = level });
        var sources = Enumerable.Range(0, m.Endpoints.Count).ToList();
        if (descending) sources.Reverse();
        m = new PathMatrix(t, new PathMatrixOptions { Engine = engine, Level = level, Sources = sources });
        var rows = new List<string>();
        m.Run(r => rows.Add($"{m.Endpoints[r.Source].Name} -> {m.Endpoints[r.Destination].Name}: {r.Summary} x{r.Alternatives}"));
        return rows;
    }

    [Fact]
    public void ApplianceChainLongerThanTheHopLimitEndsUnknownWithMoreThanNHops()
    {
        // 8,000 appliances: 16,000 locations, enough to overflow a recursive walk's stack.
        var t = Chain(8_000);
        var r = new PathAnalyzer(t).Trace("src", "dst", IntentSet.FromAvnm(t));
        Assert.Equal(PathOutcome.Unknown, r.Outcome);
        Assert.Contains(r.Reasons, x => x.Message.Contains($"more than {PathTracer.DefaultMaxHops} hops"));
        // Source subnet, then 64 locations: 32 appliances and their subnets.
        Assert.Equal(1 + PathTracer.DefaultMaxHops, r.Hops.Count);
        foreach (var engine in new[] { PathMatrixEngine.Vector, PathMatrixEngine.Scalar })
            Assert.Contains("src -> dst: Unknown None [] x1", Rows(t, engine, PathMatrixLevel.VirtualNetwork));
    }

    [Fact]
    public void ChainWithinTheHopLimitIsDelivered()
    {
        // 32 appliances: 64 locations after the source, exactly the limit.
        var t = Chain(PathTracer.DefaultMaxHops / 2);
        var r = new PathAnalyzer(t).Trace("src", "dst", IntentSet.FromAvnm(t));
        Assert.Equal(PathOutcome.Delivered, r.Outcome);
        Assert.Equal(PathKind.Appliance, r.Kind);
        var longer = new PathAnalyzer(Chain(PathTracer.DefaultMaxHops / 2 + 1)).Trace("src", "dst");
        Assert.Equal(PathOutcome.Unknown, longer.Outcome);
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(1, true)]
    [InlineData(2, false)]
    [InlineData(2, true)]
    public void VectorAndScalarEnginesAgreeAroundTheHopLimit(int width, bool descending)
    {
        // Subnet level: every a{k} is a source entering the chain at a different distance from its end, so the vector engine's
        // memo meets continuations that fit the limit from one source and not from another (both source orders).
        var t = Chain(40, width);
        var scalar = Rows(t, PathMatrixEngine.Scalar, PathMatrixLevel.Subnet, descending);
        var vector = Rows(t, PathMatrixEngine.Vector, PathMatrixLevel.Subnet, descending);
        var diff = scalar.Zip(vector).Where(p => p.First != p.Second).Take(3).Select(p => $"scalar {p.First}\n vector {p.Second}").ToList();
        Assert.True(diff.Count == 0 && scalar.Count == vector.Count, string.Join("\n", diff));
        Assert.Contains(scalar, r => r.StartsWith("chain/a0 -> dst/workload: Unknown"));
        Assert.Contains(scalar, r => r.StartsWith("chain/a20 -> dst/workload: Delivered Appliance"));
    }

    [Fact]
    public void EqualCostFanOutIsCappedInPathAndCountedLikeTheMatrix()
    {
        // 31 stages of two equal-cost appliances: 2^31 paths, more than an int holds.
        var t = Chain(31, width: 2);
        var r = new PathAnalyzer(t).Trace("src", "dst");
        Assert.Equal(PathOutcome.Delivered, r.Outcome);
        Assert.Equal(PathAnalyzer.DefaultMaxPaths - 1, r.Alternatives.Count);
        Assert.Equal((1L << 31) - PathAnalyzer.DefaultMaxPaths, r.MoreAlternatives);
        // The first paths are the route-order ones: the first appliance of every stage, then the last stage's second one.
        Assert.Equal("nva-30-1", r.Alternatives[0].Hops[^3].Location);
        Assert.All(r.Alternatives, a => Assert.Equal(PathOutcome.Delivered, a.Outcome));
        foreach (var engine in new[] { PathMatrixEngine.Vector, PathMatrixEngine.Scalar })
            Assert.Contains($"src -> dst: Delivered Appliance [{string.Join(", ", Enumerable.Repeat("Appliance", 31))}] x{int.MaxValue}", Rows(t, engine, PathMatrixLevel.VirtualNetwork));
    }

    [Fact]
    public void MaxPathsRaisesTheCap()
    {
        var t = Chain(6, width: 2);
        var r = new PathRequest { Topology = t, Source = "src", Destination = "dst", MaxPaths = 40 }.Execute(new Hosting.RecordingEngineHost());
        Assert.Equal(39, r.Alternatives.Count);
        Assert.Equal(64 - 40, r.MoreAlternatives);
        var all = new PathRequest { Topology = t, Source = "src", Destination = "dst", MaxPaths = 64 }.Execute(new Hosting.RecordingEngineHost());
        Assert.Equal(63, all.Alternatives.Count);
        Assert.Equal(0, all.MoreAlternatives);
        Assert.Equal(64, all.Alternatives.Select(a => string.Join(">", a.Hops.Select(h => h.Location))).Append(string.Join(">", all.Hops.Select(h => h.Location))).Distinct().Count());
        Assert.Throws<EngineInputException>(() => new PathRequest { Topology = t, Source = "src", Destination = "dst", MaxPaths = 0 }.Execute(new Hosting.RecordingEngineHost()));
    }
}
