using System.Diagnostics;
using AzSpokeTools.Engine.Paths;
using AzSpokeTools.Engine.Snapshot;

namespace AzSpokeTools.Benchmarks;

/// <summary>
/// <c>paths SNAPSHOT [scalar-sources]</c>: the all-pairs VNet matrix with the vector engine (elapsed, pairs, kinds), the scalar
/// reference on a sample of sources (extrapolated to every pair, and checked row for row against the vector rows of the same
/// sources), the same vector matrix with access for 443/tcp (matrix --port 443) and its ratio to routing only, the median time of one path (with reverse and explanation) after load, and the process's peak working set.
/// </summary>
internal static class PathsRun
{
    public static int Run(string[] args)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine("usage: paths SNAPSHOT [scalar-sources (default 10)] [intent file]   e.g. after: azspoke generate --spokes 5000 --subnets 3 --out est.json");
            return 2;
        }
        int scalarSources = args.Length > 2 ? int.Parse(args[2]) : 10;
#if DEBUG
        Console.WriteLine("warning: Debug build; use -c Release for meaningful figures");
#endif
        var watch = Stopwatch.StartNew();
        var topology = SnapshotLoader.Load(args[1]);
        Console.WriteLine($"load: {watch.ElapsedMilliseconds} ms, {topology.VirtualNetworks.Count} VNets, {topology.VirtualNetworks.Sum(v => v.Subnets.Count)} subnets");

        watch.Restart();
        var calc = new AzSpokeTools.Engine.Routing.EffectiveRouteCalculator(topology);
        long routes = 0;
        foreach (var v in topology.VirtualNetworks)
            if (PathEndpoints.RepresentativeSubnet(topology, v) is { } rep) routes += calc.ForSubnet(rep).Routes.Count;
        Console.WriteLine($"effective routes of every representative subnet alone: {watch.ElapsedMilliseconds} ms ({routes:N0} routes)");
        calc = null;
        watch.Restart();
        var vector = new PathMatrix(topology, new PathMatrixOptions { Engine = PathMatrixEngine.Vector });
        var summary = vector.Run(null);
        long vectorMs = watch.ElapsedMilliseconds;
        int n = vector.Endpoints.Count;
        Console.WriteLine($"vector matrix: {summary.Pairs:N0} pairs in {vectorMs} ms (effective routes computed on the way), {vectorMs * 1e6 / Math.Max(1, summary.Pairs):F0} ns/pair");
        var st = vector.Statistics!;
        static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
        Console.WriteLine($"  phases: source tables {Ms(st.Tables):F0} ms, pair loop {Ms(st.Pairs):F0} ms; {st.Probes:N0} first-hop probes ({Ms(st.ProbeTicks):F0} ms), " +
                          $"{st.Continuations:N0} continuations ({Ms(st.ContinuationTicks):F0} ms, nested included), {st.Exact:N0} exact lookups");
        Console.WriteLine("  by kind: " + string.Join(", ", summary.ByKind.OrderBy(k => k.Key).Select(k => $"{k.Key}={k.Value:N0}")));
        Console.WriteLine("  by outcome: " + string.Join(", ", summary.ByOutcome.OrderBy(k => k.Key).Select(k => $"{k.Key}={k.Value:N0}")));

        // The same matrix with one flow's access on every row (matrix --port 443), right after the routing-only run.
        watch.Restart();
        var withAccess = new PathMatrix(topology, new PathMatrixOptions { Engine = PathMatrixEngine.Vector, Flow = AzSpokeTools.Engine.Security.Flow.Parse("443/tcp") });
        var accessSummary = withAccess.Run(null);
        long accessMs = watch.ElapsedMilliseconds;
        Console.WriteLine($"vector matrix with access for 443/Tcp: {accessSummary.Pairs:N0} pairs in {accessMs} ms; ratio to routing only: {accessMs / (double)Math.Max(1, vectorMs):F2}x");
        Console.WriteLine("  by access: " + string.Join(", ", accessSummary.ByAccess.OrderBy(k => k.Key).Select(k => $"{k.Key}={k.Value:N0}")));

        if (args.Length > 3)
        {
            watch.Restart();
            var withIntent = new PathMatrix(topology, new PathMatrixOptions { Intent = AzSpokeTools.Engine.Intent.IntentSet.Load(args[3], topology) });
            var s2 = withIntent.Run(null);
            Console.WriteLine($"vector matrix with intent {args[3]}: {s2.Pairs:N0} pairs in {watch.ElapsedMilliseconds} ms, {s2.Violations:N0} violations");
        }

        // The scalar reference on evenly spaced sources (every destination each), extrapolated to all pairs.
        var sources = Enumerable.Range(0, Math.Min(scalarSources, n)).Select(i => (int)((long)i * n / Math.Min(scalarSources, n))).Distinct().ToList();
        var scalarRows = new List<string>();
        watch.Restart();
        var scalar = new PathMatrix(topology, new PathMatrixOptions { Engine = PathMatrixEngine.Scalar, Sources = sources });
        var scalarSummary = scalar.Run(r => scalarRows.Add($"{r.Source}>{r.Destination} {r.Summary} x{r.Alternatives}"));
        long scalarMs = watch.ElapsedMilliseconds;
        double scalarPerPair = scalarMs * 1e6 / Math.Max(1, scalarSummary.Pairs);
        double extrapolatedMs = scalarPerPair * summary.Pairs / 1e6;
        Console.WriteLine($"scalar reference: {scalarSummary.Pairs:N0} pairs ({sources.Count} sources x all destinations) in {scalarMs} ms, {scalarPerPair:F0} ns/pair;" +
                          $" extrapolated to {summary.Pairs:N0} pairs: {extrapolatedMs / 1000:F1} s (extrapolation, not measured)");
        Console.WriteLine($"ratio scalar/vector: {extrapolatedMs / Math.Max(1, vectorMs):F1}x");
        var vectorRows = new List<string>();
        new PathMatrix(topology, new PathMatrixOptions { Engine = PathMatrixEngine.Vector, Sources = sources })
            .Run(r => vectorRows.Add($"{r.Source}>{r.Destination} {r.Summary} x{r.Alternatives}"));
        int mismatches = scalarRows.Zip(vectorRows).Count(p => p.First != p.Second) + Math.Abs(scalarRows.Count - vectorRows.Count);
        Console.WriteLine($"scalar vs vector rows for the sampled sources: {(mismatches == 0 ? "identical" : mismatches + " differ")}");

        // One path (forward, reverse, explanation) after load, on random VNet pairs with a fresh analyzer.
        var analyzer = new PathAnalyzer(topology);
        var random = new Random(42);
        var times = new List<double>();
        var eps = vector.Endpoints;
        for (int k = 0; k < 300; k++)
        {
            var a = eps[random.Next(n)];
            var b = eps[random.Next(n)];
            var t = Stopwatch.StartNew();
            analyzer.Trace(PathEndpoints.Resolve(topology, a.Id.Value, "Source"), PathEndpoints.Resolve(topology, b.Id.Value, "Destination"));
            if (k >= 20) times.Add(t.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        Console.WriteLine($"one path after load (with reverse and explanation; computes the effective routes of subnets not seen before): median {times[times.Count / 2]:F3} ms, p90 {times[times.Count * 9 / 10]:F3} ms over {times.Count} random pairs");
        random = new Random(42);
        var warm = new List<double>();
        for (int k = 0; k < 300; k++)
        {
            var a = eps[random.Next(n)];
            var b = eps[random.Next(n)];
            var t = Stopwatch.StartNew();
            analyzer.Trace(PathEndpoints.Resolve(topology, a.Id.Value, "Source"), PathEndpoints.Resolve(topology, b.Id.Value, "Destination"));
            if (k >= 20) warm.Add(t.Elapsed.TotalMilliseconds);
        }
        warm.Sort();
        Console.WriteLine($"the same paths again (effective routes already computed): median {warm[warm.Count / 2]:F3} ms, p90 {warm[warm.Count * 9 / 10]:F3} ms");
        Console.WriteLine($"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024 * 1024):F2} GiB");
        return mismatches == 0 ? 0 : 1;
    }
}
