using System.Diagnostics;
using System.Globalization;
using AzSpokeTools.Engine.Hosting;
using AzSpokeTools.Engine.Migration;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Requests;
using AzSpokeTools.Engine.Samples;
using AzSpokeTools.Engine.Snapshot;
using AzSpokeTools.Engine.Reports;

namespace AzSpokeTools.Benchmarks;

/// <summary>
/// "mesh [--spokes N] [--seed K] [--private-endpoints P] [--pilot-size S] [--wave-size W]": the Contoso hairpin case (two hubs with
/// ExpressRoute gateways on one circuit, no mesh, dev/prod tags) at N spokes: load, readiness, the plan, and the plan with every
/// per-wave what-if (each state's matrix run, its pairs and time), one run each, with wall and CPU time and the peak working set.
/// --private-endpoints adds P private endpoints to every spoke (in memory) to show they do not multiply the what-if's work.
/// </summary>
internal static class MeshRun
{
    public static int Run(string[] args)
    {
        int spokes = Int(args, "--spokes", 1000), seed = Int(args, "--seed", 7), pes = Int(args, "--private-endpoints", 0);
        int pilot = Int(args, "--pilot-size", MigrationOptions.DefaultPilotSize), waveSize = Int(args, "--wave-size", 0);
        var process = Process.GetCurrentProcess();
        var sw = Stopwatch.StartNew();
        using var ms = new MemoryStream();
        SyntheticEstate.Write(new SyntheticEstateOptions { Spokes = spokes, Hubs = 2, MeshShare = 0, EnvironmentTags = true, Seed = seed }, ms);
        ms.Position = 0;
        var topology = SnapshotLoader.Load(ms, $"contoso-{spokes}.json");
        if (pes > 0) AddPrivateEndpoints(topology, pes);
        Console.WriteLine($"generate + load {spokes} spokes: {sw.ElapsedMilliseconds} ms ({topology.VirtualNetworks.Count} VNets, {topology.PrivateEndpoints.Count:N0} private endpoints, {ms.Length:N0} bytes)");

        var host = new RecordingEngineHost();
        MeshMigrationRequest Request(bool whatIf) => new MeshMigrationRequest
        {
            Topology = topology, HighScale = true, HighScalePrivateEndpoints = pes > 0, WhatIf = whatIf, PilotSize = pilot, WaveSize = waveSize > 0 ? waveSize : null,
        };
        sw.Restart();
        var readiness = new MeshReadinessRequest { Topology = topology, HighScale = true }.Execute(host);
        Console.WriteLine($"readiness: {sw.ElapsedMilliseconds} ms, ready={readiness.Ready}, findings " +
                          string.Join(", ", readiness.Findings.GroupBy(f => f.RuleId).Select(g => $"{g.Key}={g.Count()}")));

        sw.Restart();
        var plan = Request(false).Execute(host);
        long planMs = sw.ElapsedMilliseconds;
        sw.Restart();
        var files = PlanOutputs.Render(plan, IacFormat.All);
        long renderMs = sw.ElapsedMilliseconds;
        Console.WriteLine($"plan (readiness included): {planMs} ms; render plan.json, IaC and apply-requests.json: {renderMs} ms ({files.Sum(f => (long)f.Value.Length):N0} chars)");
        Console.WriteLine($"  adoption: {plan.Adoption.Decision}; waves hold by: {plan.WaveMembership}");
        foreach (var w in plan.Waves)
            Console.WriteLine($"  wave {w.Number} {w.Name}: {w.Members.Count} VNets (cumulative {w.CumulativeMembers}, within limits {w.WithinLimits}); commits " +
                              string.Join(", ", w.Commits.Select(c => $"{c.Region}={c.ConfigurationIds.Count}")));

        var cpu = process.TotalProcessorTime;
        sw.Restart();
        var full = Request(true).Execute(host);
        long totalMs = sw.ElapsedMilliseconds;
        var cpuMs = (process.TotalProcessorTime - cpu).TotalMilliseconds;
        var wi = full.WhatIf!;
        Console.WriteLine($"plan + every per-wave what-if: {totalMs} ms wall, {cpuMs:F0} ms CPU (what-if {wi.ElapsedMs} ms)");
        foreach (var (state, stateMs, pairs) in MigrationWhatIfCalculator.LastStates)
            Console.WriteLine($"  {state}: {stateMs} ms, {pairs:N0} ordered pairs computed");
        foreach (var w in wi.Waves)
            Console.WriteLine($"  wave {w.Wave} {w.Name}: {w.Pairs.Count:N0} pairs it can change, {w.Transitions.Sum(t => t.Value):N0} change; losing connectivity {w.LosingConnectivity.Count()}, " +
                              $"inspection {w.LosingInspection.Count():N0}, asymmetric after {w.AsymmetricAfter.Count():N0}; {w.ElapsedMs} ms");
        Console.WriteLine($"  whole plan, {wi.Pairs.Count:N0} ordered member pairs: " + string.Join(", ", wi.Transitions.Select(t => $"{t.Key}: {t.Value:N0}")));
        sw.Restart();
        var csvPath = Path.Combine(Path.GetTempPath(), $"azspoke-bench-whatif-{Environment.ProcessId}.csv");
        using (var csv = new StreamWriter(csvPath, false, new System.Text.UTF8Encoding(false), 1 << 16)) AzSpokeTools.Engine.Reports.WhatIfPairsCsvWriter.Write(csv, wi);
        Console.WriteLine($"whatif-pairs.csv streamed to disk: {new FileInfo(csvPath).Length:N0} bytes in {sw.ElapsedMilliseconds} ms");
        File.Delete(csvPath);
        process.Refresh();
        Console.WriteLine($"peak working set: {process.PeakWorkingSet64 / (1024 * 1024)} MB");
        return 0;
    }

    /// <summary>Adds <paramref name="perSpoke"/> private endpoints to every spoke's first subnet, from its 11th address on.</summary>
    private static void AddPrivateEndpoints(Topology t, int perSpoke)
    {
        foreach (var v in t.VirtualNetworks.Where(v => v.Tags.TryGetValue("role", out var r) && r == "spoke" && v.Subnets.Count > 0).ToList())
        {
            var subnet = v.Subnets[0];
            for (int i = 0; i < perSpoke; i++)
            {
                var id = ResourceId.Parse($"/subscriptions/{v.SubscriptionId}/resourceGroups/{v.ResourceGroup}/providers/Microsoft.Network/privateEndpoints/pe-{v.Name}-{i}");
                var pe = new PrivateEndpoint { Id = id, Name = id.Name, Type = "Microsoft.Network/privateEndpoints", Location = v.Location, SubnetId = subnet.Id };
                pe.IpAddresses.Add(subnet.AddressPrefixes[0].Network.Add((ulong)(10 + i)));
                t.EditablePrivateEndpoints.Add(pe);
            }
        }
        t.InvalidateIndex();
    }

    private static int Int(string[] args, string name, int fallback)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
