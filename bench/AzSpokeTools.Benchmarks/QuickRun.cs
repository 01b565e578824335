using System.Diagnostics;
using System.Globalization;
using AzSpokeTools.Engine.Addresses;
using AzSpokeTools.Engine.Evaluation;

namespace AzSpokeTools.Benchmarks;

/// <summary>
/// One pass over every table shape with a Stopwatch: batched lookups per second for the scalar reference and the
/// compiled table, and their ratio. A few seconds in all; BenchmarkDotNet gives the careful numbers.
/// </summary>
internal static class QuickRun
{
    private static readonly TimeSpan Warmup = TimeSpan.FromMilliseconds(150);
    private static readonly TimeSpan Measure = TimeSpan.FromMilliseconds(400);

    public static int Run()
    {
#if DEBUG
        Console.WriteLine("warning: Debug build; use -c Release for meaningful figures");
#endif
        Console.WriteLine($".NET {Environment.Version}, {Environment.ProcessorCount} cores, Vector<uint>.Count={System.Numerics.Vector<uint>.Count}, " +
                          $"{RouteLookupBenchmarks.DestinationCount} IPv4 destinations per batch; rates are lookups per CPU second");
        Console.WriteLine($"{"table",-10} {"routes",7} {"intervals",9} {"compile ms",10} {"scalar/s",14} {"compiled/s",14} {"single/s",14} {"ratio",8}");
        Console.WriteLine("(scalar: reference scan per destination; compiled: LookupBatch over the batch; single: Lookup per destination; ratio: compiled / scalar)");
        double scalarNsSum = 0, compiledNsSum = 0;
        foreach (var shape in Enum.GetValues<TableShape>())
        {
            var routes = TableShapes.Build(shape);
            var sw = Stopwatch.StartNew();
            var table = CompiledRouteTable.Compile(routes);
            double compileMs = sw.Elapsed.TotalMilliseconds;
            var destinations = TableShapes.Destinations(routes, RouteLookupBenchmarks.DestinationCount);
            var addresses = destinations.Select(IpAddressValue.FromV4).ToArray();
            var results = new int[destinations.Length];
            var winners = new List<int>();

            // The figures mean nothing unless both answer the same.
            table.LookupBatch(destinations, results);
            for (int i = 0; i < addresses.Length; i++)
            {
                ScalarRouteLookup.Lookup(routes, addresses[i], winners);
                if (!winners.SequenceEqual(table.GetWinners(results[i])))
                {
                    Console.Error.WriteLine($"{shape}: compiled and scalar disagree for {addresses[i]}");
                    return 1;
                }
            }

            double scalar = Rate(destinations.Length, () =>
            {
                foreach (var d in addresses) ScalarRouteLookup.Lookup(routes, d, winners);
            });
            double compiled = Rate(destinations.Length, () => table.LookupBatch(destinations, results));
            double single = Rate(destinations.Length, () =>
            {
                for (int i = 0; i < addresses.Length; i++) results[i] = table.Lookup(addresses[i]);
            });
            scalarNsSum += 1e9 / scalar;
            compiledNsSum += 1e9 / compiled;
            Console.WriteLine($"{shape,-10} {routes.Count,7} {table.V4IntervalCount,9} {compileMs,10:F1} {Fmt(scalar),14} {Fmt(compiled),14} {Fmt(single),14} {compiled / scalar,7:F0}x");
        }
        // The mix: the same number of lookups on each table shape.
        Console.WriteLine($"mix (equal lookups per shape): scalar {scalarNsSum / 4:F1} ns/lookup, compiled {compiledNsSum / 4:F2} ns/lookup, ratio {scalarNsSum / compiledNsSum:F0}x");
        return 0;
    }

    /// <summary>
    /// Lookups per CPU second of <paramref name="pass"/> (which does <paramref name="lookupsPerPass"/> lookups), after a
    /// warm-up. The loop runs for a Stopwatch interval but is charged the process's CPU time, so that other work on a
    /// busy machine does not count against it; the process is otherwise idle (no GC, JIT done in the warm-up).
    /// </summary>
    private static double Rate(int lookupsPerPass, Action pass)
    {
        var sw = Stopwatch.StartNew();
        do pass(); while (sw.Elapsed < Warmup);
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        long passes = 0;
        sw.Restart();
        do { pass(); passes++; } while (sw.Elapsed < Measure);
        process.Refresh();
        double cpuSeconds = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        return passes * (double)lookupsPerPass / Math.Max(cpuSeconds, 1e-3);
    }

    private static string Fmt(double perSecond) => perSecond.ToString("N0", CultureInfo.InvariantCulture);
}
