using System.Diagnostics;
using AzSpokeTools.Engine.Hosting;
using AzSpokeTools.Engine.Requests;
using AzSpokeTools.Engine.Samples;
using AzSpokeTools.Engine.Snapshot;
using Microsoft.Playwright;

namespace AzSpokeTools.Benchmarks;

/// <summary>
/// "report [--spokes 1000,5000] [--subnets 3] [--seed 1]": per estate size, one run each of: building the estate report
/// (matrix, traced examples, readiness, map layouts), its file size, and in headless Chromium (Debian's chromium, or
/// AZSPOKE_CHROMIUM) the time until the page is interactive and the time to show one pair in the explorer; then the time
/// to draw one path (trace, build, MSAGL layout, SVG) on the largest estate.
/// </summary>
internal static class ReportRun
{
    public static int Run(string[] args)
    {
        var sizes = (Value(args, "--spokes") ?? "1000,5000").Split(',').Select(int.Parse).ToList();
        int subnets = int.Parse(Value(args, "--subnets") ?? "3"), seed = int.Parse(Value(args, "--seed") ?? "1");
        var chromium = Environment.GetEnvironmentVariable("AZSPOKE_CHROMIUM") ?? "/usr/bin/chromium";
        using var playwright = Playwright.CreateAsync().GetAwaiter().GetResult();
        var browser = playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium, Headless = true,
            Args = new[] { "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync" },
        }).GetAwaiter().GetResult();
        Engine.Model.Topology? largest = null;
        foreach (var spokes in sizes)
        {
            var snapshot = Path.Combine(Path.GetTempPath(), $"azspoke-report-{spokes}-{subnets}-{seed}.json");
            using (var file = File.Create(snapshot)) SyntheticEstate.Write(new SyntheticEstateOptions { Spokes = spokes, Hubs = 2, SubnetsPerSpoke = subnets, Seed = seed }, file);
            var topology = SnapshotLoader.Load(snapshot);
            largest = topology;
            var sw = Stopwatch.StartNew();
            var host = new RecordingEngineHost();
            var document = new EstateReportRequest { Topology = topology }.Execute(host);
            long buildMs = sw.ElapsedMilliseconds;
            var html = Path.Combine(Path.GetTempPath(), $"azspoke-report-{spokes}.html");
            File.WriteAllText(html, document.Html);
            long bytes = new FileInfo(html).Length;
            var r = document.Report;
            Console.WriteLine($"{spokes} spokes ({r.VirtualNetworks.Count} VNets, {r.Pairs:N0} pairs): report built in {buildMs:N0} ms, {bytes / 1048576.0:F1} MB " +
                              $"({r.Rows.Count} distinct rows, {r.Paths.Count} traced paths, {r.Readiness?.Findings.Count ?? 0} findings, {r.Views.Count} map views)");

            Console.WriteLine("  build: " + string.Join("; ", host.VerboseMessages.Where(m => m.StartsWith("report: ", StringComparison.Ordinal) && m.Contains(" ms")).Select(m => m.Substring(8))));
            var page = browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1500, Height = 1000 } }).GetAwaiter().GetResult();
            var errors = new List<string>();
            page.PageError += (_, e) => errors.Add(e);
            page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
            sw.Restart();
            page.GotoAsync("file://" + html, new PageGotoOptions { Timeout = 120_000 }).GetAwaiter().GetResult();
            page.WaitForSelectorAsync("body[data-ready=true]", new PageWaitForSelectorOptions { Timeout = 120_000 }).GetAwaiter().GetResult();
            long readyMs = sw.ElapsedMilliseconds;
            var inPage = page.EvaluateAsync<double>("() => +document.body.getAttribute('data-ready-ms')").GetAwaiter().GetResult();
            // One pair in the explorer: decode its row, find its traced example, list the hops, highlight them on the map.
            int from = 2, to = r.VirtualNetworks.Count - 1;
            var pairMs = page.EvaluateAsync<double>($"() => {{ const t = performance.now(); window.azspokeReport.showPair({from}, {to}); return performance.now() - t; }}").GetAwaiter().GetResult();
            var highlighted = page.EvaluateAsync<int>("() => document.querySelectorAll('#map g.node.hl').length").GetAwaiter().GetResult();
            page.CloseAsync().GetAwaiter().GetResult();
            Console.WriteLine($"  headless Chromium: interactive after {readyMs:N0} ms (navigation to data-ready; the page's own clock: {inPage:N0} ms); " +
                              $"one pair in the explorer {pairMs:N0} ms ({highlighted} map nodes highlighted); errors: {(errors.Count == 0 ? "none" : string.Join("; ", errors))}");
        }
        browser.CloseAsync().GetAwaiter().GetResult();

        if (largest != null)
        {
            var from = largest.VirtualNetworks.First(v => v.Name.StartsWith("spoke", StringComparison.Ordinal)).Name;
            var to = largest.VirtualNetworks.Last(v => v.Name.StartsWith("spoke", StringComparison.Ordinal)).Name;
            for (int run = 1; run <= 2; run++)
            {
                var sw = Stopwatch.StartNew();
                var svg = new DiagramRequest { Topology = largest, Source = from, Destination = to, Format = "svg" }.Execute(new RecordingEngineHost());
                Console.WriteLine($"diagram of one path {from} -> {to} on {largest.VirtualNetworks.Count} VNets (run {run}{(run == 1 ? ", cold" : "")}): {sw.ElapsedMilliseconds:N0} ms " +
                                  $"(trace, build, MSAGL layout, SVG; {svg.Diagram.Nodes.Count} nodes, {svg.Text.Length / 1024} KiB)");
            }
        }
        return 0;
    }

    private static string? Value(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
