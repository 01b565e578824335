using BenchmarkDotNet.Running;

namespace AzSpokeTools.Benchmarks;

public static class Program
{
    /// <summary>
    /// "quick": one Stopwatch pass over every table shape (a few seconds).
    /// "paths SNAPSHOT [scalar-sources]": the path matrix, scalar reference sample, one-path latency and peak memory.
    /// "estate [--spokes N] [--hubs H] [--subnets S] [--seed K] [--snapshot F]": load, all tables, compile and lookups on a whole estate.
    /// "mesh [--spokes N] [--seed K]": readiness, plan and what-if on the Contoso hairpin case (one run each).
    /// "report [--spokes 1000,5000]": estate report size, build time and load time in headless Chromium; one path's diagram time.
    /// Anything else goes to BenchmarkDotNet, e.g. <c>--filter *RouteLookup*</c>.
    /// </summary>
    public static int Main(string[] args)
    {
        if (args.Length > 0 && string.Equals(args[0], "quick", StringComparison.OrdinalIgnoreCase))
            return QuickRun.Run();
        if (args.Length > 0 && string.Equals(args[0], "paths", StringComparison.OrdinalIgnoreCase))
            return PathsRun.Run(args);
        if (args.Length > 0 && string.Equals(args[0], "estate", StringComparison.OrdinalIgnoreCase))
            return EstateRun.Run(args);
        if (args.Length > 0 && string.Equals(args[0], "mesh", StringComparison.OrdinalIgnoreCase))
            return MeshRun.Run(args);
        if (args.Length > 0 && string.Equals(args[0], "report", StringComparison.OrdinalIgnoreCase))
            return ReportRun.Run(args);
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
