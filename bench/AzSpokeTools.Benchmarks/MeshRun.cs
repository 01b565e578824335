using System.Diagnostics;
using System.Globalization;
using AzSpokeTools.Engine.Hosting;
using AzSpokeTools.Engine.Migration;
using AzSpokeTools.Engine.Requests;
using AzSpokeTools.Engine.Samples;
using AzSpokeTools.Engine.Snapshot;

namespace AzSpokeTools.Benchmarks;

/// <summary>
/// "mesh [--spokes N] [--seed K]": the Contoso hairpin case (two hubs with ExpressRoute gateways on one circuit, no
/// mesh, dev/prod tags) at N spokes: load, readiness, plan, and the what-if (both path matrices over the members),
/// one run each, with the plan summary and the before/after counts.
/// </summary>
internal static class MeshRun
{
    public static int Run(string[] args)
    {
        int spokes = Int(args, "--spokes", 1000), seed = Int(args, "--seed", 7);
        var sw = Stopwatch.StartNew();
        using var ms = new MemoryStream();
        SyntheticEstate.Write(new SyntheticEstateOptions { Spokes = spokes, Hubs = 2, MeshShare = 0, EnvironmentTags = true, Seed = seed }, ms);
        ms.Position = 0;
        var topology = SnapshotLoader.Load(ms, $"contoso-{spokes}.json");
        Console.WriteLine($"generate + load {spokes} spokes: {sw.ElapsedMilliseconds} ms ({topology.VirtualNetworks.Count} VNets, {ms.Length:N0} bytes)");

        var host = new RecordingEngineHost();
        sw.Restart();
        var readiness = new MeshReadinessRequest { Topology = topology, HighScale = true }.Execute(host);
        Console.WriteLine($"readiness: {sw.ElapsedMilliseconds} ms, ready={readiness.Ready}, findings " +
                          string.Join(", ", readiness.Findings.GroupBy(f => f.RuleId).Select(g => $"{g.Key}={g.Count()}")));

        sw.Restart();
        var plan = new MeshMigrationRequest { Topology = topology, HighScale = true, WhatIf = false }.Execute(host);
        long planMs = sw.ElapsedMilliseconds;
        sw.Restart();
        var files = PlanOutputs.Render(plan, IacFormat.All);
        long renderMs = sw.ElapsedMilliseconds;
        Console.WriteLine($"plan (readiness included): {planMs} ms; render plan.json + 4 IaC files: {renderMs} ms ({files.Sum(f => (long)f.Value.Length):N0} chars)");
        foreach (var w in plan.Waves)
            Console.WriteLine($"  wave {w.Number} {w.Name}: {w.Members.Count} VNets (cumulative {w.CumulativeMembers}, within limits {w.WithinLimits}); expected " +
                              string.Join(", ", w.Validation.ExpectedPairKinds.OrderBy(k => k.Key).Select(k => $"{k.Key}={k.Value}")));
        Console.WriteLine($"  route tables: " + string.Join(", ", plan.RouteTableChanges.GroupBy(c => c.Action).Select(g => $"{g.Key}={g.Count()} ({g.Sum(c => c.Pairs.Count)} pairs)")));
        Console.WriteLine($"  commits: " + string.Join(", ", plan.Commits.Select(c => $"{c.Region}={c.ConfigurationIds.Count}")));

        sw.Restart();
        var full = new MeshMigrationRequest { Topology = topology, HighScale = true }.Execute(host);
        long totalMs = sw.ElapsedMilliseconds;
        var wi = full.WhatIf!;
        Console.WriteLine($"plan + what-if: {totalMs} ms (what-if {wi.ElapsedMs} ms, {wi.Pairs.Count:N0} ordered pairs)");
        Console.WriteLine("  before: " + string.Join(", ", wi.BeforeByKind.Select(k => $"{k.Key}={k.Value}")));
        Console.WriteLine("  after:  " + string.Join(", ", wi.AfterByKind.Select(k => $"{k.Key}={k.Value}")));
        foreach (var t in wi.Transitions) Console.WriteLine($"  {t.Key}: {t.Value}");
        Console.WriteLine($"  losing connectivity: {wi.LosingConnectivity.Count()}, losing inspection: {wi.LosingInspection.Count()}");
        Console.WriteLine($"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MB");
        return 0;
    }

    private static int Int(string[] args, string name, int fallback)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
