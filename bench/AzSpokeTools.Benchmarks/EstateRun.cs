using System.Diagnostics;
using System.Globalization;
using AzSpokeTools.Engine.Evaluation;
using AzSpokeTools.Engine.Routing;
using AzSpokeTools.Engine.Samples;
using AzSpokeTools.Engine.Snapshot;

namespace AzSpokeTools.Benchmarks;

/// <summary>
/// "estate": the foundations figures in one run on a generated estate (or a given snapshot): snapshot size,
/// load time, time to compute every subnet's effective table, compile time, batched lookups per second for the
/// scalar reference and the compiled evaluator on the same tables and destinations, their ratio, and peak memory.
/// </summary>
internal static class EstateRun
{
    public static int Run(string[] args)
    {
        var options = new SyntheticEstateOptions { Spokes = Int(args, "--spokes", 5000), Hubs = Int(args, "--hubs", 2), SubnetsPerSpoke = Int(args, "--subnets", 3), Seed = Int(args, "--seed", 1) };
        int scalarTables = Int(args, "--scalar-tables", 50);
        var snapshot = Value(args, "--snapshot");
        bool generated = snapshot == null;
        var sw = Stopwatch.StartNew();
        if (snapshot == null)
        {
            snapshot = Path.Combine(Path.GetTempPath(), $"azspoke-estate-{options.Spokes}-{options.SubnetsPerSpoke}-{options.Seed}.json");
            using var file = File.Create(snapshot);
            SyntheticEstate.Write(options, file);
            Console.WriteLine($"generate --spokes {options.Spokes} --hubs {options.Hubs} --subnets {options.SubnetsPerSpoke} --seed {options.Seed}: {sw.ElapsedMilliseconds} ms");
        }
        Console.WriteLine($"snapshot: {new FileInfo(snapshot).Length:N0} bytes");

        sw.Restart();
        var topology = SnapshotLoader.Load(snapshot);
        long loadMs = sw.ElapsedMilliseconds;
        Console.WriteLine($"load: {loadMs} ms ({topology.VirtualNetworks.Count} VNets, {topology.VirtualNetworks.Sum(v => v.Subnets.Count)} subnets)");

        sw.Restart();
        var calculator = new EffectiveRouteCalculator(topology);
        var tables = calculator.ForAllSubnets().ToList();
        long tablesMs = sw.ElapsedMilliseconds;
        long rows = tables.Sum(t => (long)t.Routes.Count);
        Console.WriteLine($"all effective tables: {tablesMs} ms ({tables.Count} subnets, {calculator.DistinctTables} distinct tables, {rows:N0} route rows)");

        // Distinct tables (subnets with identical inputs share one route list).
        var distinctTables = tables.GroupBy(t => t.Routes, ReferenceEqualityComparer.Instance).Select(g => g.First()).ToList();
        var distinct = distinctTables.Select(t => t.Routes).ToList();
        sw.Restart();
        var cache = new CompiledRouteTableCache();
        var compiled = distinctTables.Select(t => TableLookup.For(t, cache)).ToList();
        long compileMs = sw.ElapsedMilliseconds;
        Console.WriteLine($"compile: {compileMs} ms ({distinct.Count} route lists, {cache.Count} compiled own-row tables after content sharing, shared layers compiled once)");

        // One destination per VNet: an address inside its first subnet.
        var destinations = topology.VirtualNetworks.Where(v => v.Subnets.Count > 0 && v.Subnets[0].AddressPrefixes.Count > 0)
            .Select(v => v.Subnets[0].AddressPrefixes[0].Network.Add(4)).ToArray();

        // Same tables, same destinations for both: the first N distinct tables (the scalar scan is slow on hub-sized tables).
        var subset = Enumerable.Range(0, Math.Min(scalarTables, distinct.Count)).ToList();
        var cpu = Process.GetCurrentProcess();
        var winners = new List<int>();
        var cpu0 = CpuNow();
        long scalarLookups = 0;
        foreach (var i in subset)
            foreach (var d in destinations) { ScalarRouteLookup.Lookup(distinct[i], d, winners); scalarLookups++; }
        double scalarRate = scalarLookups / Math.Max(CpuNow() - cpu0, 1e-3);

        cpu0 = CpuNow();
        long compiledLookups = 0;
        for (int rep = 0; rep < 20; rep++)
            foreach (var i in subset)
                foreach (var d in destinations) { compiled[i].Lookup(d, winners); compiledLookups++; }
        double compiledRate = compiledLookups / Math.Max(CpuNow() - cpu0, 1e-3);

        cpu0 = CpuNow();
        long allLookups = 0;
        foreach (var table in compiled)
            foreach (var d in destinations) { table.Lookup(d, winners); allLookups++; }
        double allRate = allLookups / Math.Max(CpuNow() - cpu0, 1e-3);

        // Agreement on the subset, so the ratio compares equal answers.
        var expected = new List<int>();
        foreach (var i in subset.Take(5))
            foreach (var d in destinations)
            {
                ScalarRouteLookup.Lookup(distinct[i], d, expected);
                compiled[i].Lookup(d, winners);
                if (!expected.SequenceEqual(winners)) { Console.WriteLine($"MISMATCH table {i} destination {d}"); return 1; }
            }

        Console.WriteLine($"batched lookups (same {subset.Count} tables x {destinations.Length} destinations): scalar {Fmt(scalarRate)}/s, compiled {Fmt(compiledRate)}/s, ratio {compiledRate / scalarRate:F0}x");
        Console.WriteLine($"compiled over all {compiled.Count} tables: {allLookups:N0} lookups at {Fmt(allRate)}/s");
        cpu.Refresh();
        Console.WriteLine($"peak working set: {cpu.PeakWorkingSet64 / 1048576.0:F0} MiB");
        if (generated) File.Delete(snapshot);
        return 0;
    }

    private static double CpuNow()
    {
        using var p = Process.GetCurrentProcess();
        return p.TotalProcessorTime.TotalSeconds;
    }

    private static int Int(string[] args, string name, int fallback) =>
        Value(args, name) is string v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    private static string? Value(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static string Fmt(double perSecond) => perSecond.ToString("N0", CultureInfo.InvariantCulture);
}
