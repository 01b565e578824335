using System.Diagnostics;
using System.Globalization;
using AzSpokeTools.Azure.Export;
using AzSpokeTools.Azure.Tests.FakeArm;
using Xunit;
using Xunit.Abstractions;

namespace AzSpokeTools.Azure.Tests;

/// <summary>
/// Measures (does not assert) what a 20,000-resource export costs against the fake server: HTTP requests
/// versus one GET per resource, and elapsed time with and without injected 429s. Figures are printed to
/// the test output (<c>dotnet test --logger "console;verbosity=detailed" --filter InventoryCostMeasurement</c>).
/// </summary>
[Trait("Category", "Measurement")]
public class InventoryCostMeasurement(ITestOutputHelper output)
{
    private const int Resources = 20_000;

    [Fact(Timeout = 120_000)]
    public async Task Twenty_thousand_resources_cost_a_few_dozen_requests_with_and_without_throttling()
    {
        var estate = FakeEstate.Generate(Resources, subscriptionCount: 3);
        var expected = estate.ExpectedIds();

        await MeasureAsync(FakeEstate.Generate(50), null); // warm-up: JIT, TLS, Kestrel
        var clean = await MeasureAsync(estate, null);
        var throttled = await MeasureAsync(estate, server =>
        {
            server.ArgFaults[3] = Fault.Throttle("1");
            server.ArgFaults[9] = Fault.Throttle("1");
            server.ArgFaults[15] = Fault.Throttle("1");
        });

        // Correctness is still asserted: every resource exactly once in both runs.
        Assert.Equal(expected.Count, clean.Summary.Resources);
        Assert.Equal(expected.Count, throttled.Summary.Resources);

        output.WriteLine(string.Format(CultureInfo.InvariantCulture,
            "resources in snapshot: {0} ({1} via Resource Graph rows, rest via ARM child lists)", clean.Summary.Resources, Resources));
        foreach (var (name, run) in new[] { ("no 429", clean), ("3 x 429 Retry-After: 1", throttled) })
        {
            output.WriteLine(string.Format(CultureInfo.InvariantCulture,
                "{0,-24} requests {1,4} (Resource Graph {2}, ARM lists {3}, actions+polls {4}) vs {5} GETs one-per-resource = {6:0.00}% ; elapsed {7} ms",
                name, run.Summary.HttpRequests, run.Arg, run.Lists, run.Actions, clean.Summary.Resources,
                100.0 * run.Summary.HttpRequests / clean.Summary.Resources, run.ElapsedMs));
        }
    }

    private static async Task<(ExportSummary Summary, long ElapsedMs, int Arg, int Lists, int Actions)> MeasureAsync(FakeEstate estate, Action<FakeArmServer>? faults)
    {
        await using var h = await ExportHarness.StartAsync(estate);
        faults?.Invoke(h.Server);
        var options = h.Options();
        var watch = Stopwatch.StartNew();
        var summary = await new TopologyExporter(options).ExportAsync(h.OutputPath);
        watch.Stop();
        var requests = h.Server.Requests.ToList();
        return (summary, watch.ElapsedMilliseconds, requests.Count(r => r.Kind == "arg"), requests.Count(r => r.Kind == "list" || r.Kind == "subscriptions"),
            requests.Count(r => r.Kind == "action" || r.Kind == "poll"));
    }
}
