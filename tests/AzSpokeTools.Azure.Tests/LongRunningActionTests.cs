using AzSpokeTools.Tests.Shared;
using System.Text.Json.Nodes;
using AzSpokeTools.Azure.Export;
using AzSpokeTools.Azure.Tests.FakeArm;
using Xunit;

namespace AzSpokeTools.Azure.Tests;

public class LongRunningActionTests
{
    [CorpusFact(Timeout = 60_000)]
    public async Task Effective_routes_and_learned_routes_are_polled_through_Location_until_200()
    {
        await using var h = await ExportHarness.StartAsync(FakeEstate.Generate(40, includeCorpus: true));
        var options = h.Options();
        options.IncludeLearnedRoutes = true;
        var nics = h.Estate.NetworkInterfaceIds.Take(2).ToList();
        foreach (var nic in nics) options.EffectiveRouteNetworkInterfaceIds.Add(nic);
        var observer = new RecordingObserver();

        var summary = await new TopologyExporter(options, observer).ExportAsync(h.OutputPath);

        var results = h.ReadSnapshot()["results"]!.AsArray();
        var effective = results.Where(r => (string)r!["operation"]! == "effectiveRouteTable").ToList();
        Assert.Equal(nics, effective.Select(r => (string)r!["scope"]!));
        var corpus = JsonNode.Parse(File.ReadAllText(Path.Combine(Corpus.ArmExamplesDirectory(), "NetworkInterfaceEffectiveRouteTableList.json")));
        Assert.All(effective, r => Assert.True(JsonNode.DeepEquals(corpus, r!["body"])));

        // Every gateway found in the inventory (3 generated + 1 corpus) was asked; the corpus one is unknown to the fake and answers 404.
        var learned = results.Where(r => (string)r!["operation"]! == "getLearnedRoutes").ToList();
        Assert.Equal(h.Estate.GatewayIds.OrderBy(g => g), learned.Select(r => (string)r!["scope"]!).OrderBy(g => g));
        Assert.All(learned, r => Assert.Equal("EBgp", (string)r!["body"]!["value"]![0]!["origin"]!));

        // Each long-running action: one POST, then the Location polled twice with 202 and once with 200.
        var polls = h.Server.Requests.Where(r => r.Kind == "poll").ToList();
        Assert.Equal((nics.Count + h.Estate.GatewayIds.Count) * 3, polls.Count);
        Assert.Equal((nics.Count + h.Estate.GatewayIds.Count) * 2, polls.Count(p => p.Status == 202));
        Assert.All(h.Server.Requests.Where(r => r.Kind == "action" && !r.PathAndQuery.Contains("listDeploymentStatus")), r => Assert.Equal("POST", r.Method));

        // The signed Location URL is logged with its signature redacted.
        Assert.Contains(observer.VerboseLines, l => l.Contains("/operations/") && l.Contains("sig=***"));
        Assert.DoesNotContain(observer.VerboseLines, l => l.Contains(FakeEstate.SecretMarker));
        Assert.True(summary.Results >= effective.Count + learned.Count);
    }

    [Fact(Timeout = 60_000)]
    public async Task Polling_waits_as_long_as_the_Retry_After_of_each_202_says()
    {
        await using var h = await ExportHarness.StartAsync(FakeEstate.Generate(20));
        h.Server.LroRetryAfterHeader = "Retry-After";
        h.Server.LroRetryAfterValue = "1";
        var options = h.Options();
        options.EffectiveRouteNetworkInterfaceIds.Add(h.Estate.NetworkInterfaceIds[0]);

        await new TopologyExporter(options).ExportAsync(h.OutputPath);

        var sequence = h.Server.Requests.Where(r => r.Kind is "action" or "poll" && !r.PathAndQuery.Contains("listDeploymentStatus")).OrderBy(r => r.Index).ToList();
        Assert.Equal(4, sequence.Count);
        for (int i = 1; i < sequence.Count; i++)
            Assert.True(sequence[i].At - sequence[i - 1].At >= TimeSpan.FromMilliseconds(950), $"poll {i} after {sequence[i].At - sequence[i - 1].At}");
    }

    [CorpusFact(Timeout = 60_000)]
    public async Task Azure_AsyncOperation_is_polled_until_Succeeded_then_the_body_is_read_from_Location()
    {
        await using var h = await ExportHarness.StartAsync(FakeEstate.Generate(20, includeCorpus: true));
        h.Server.LroUsesAsyncOperation = true;
        var options = h.Options();
        options.EffectiveRouteNetworkInterfaceIds.Add(h.Estate.NetworkInterfaceIds[0]);

        await new TopologyExporter(options).ExportAsync(h.OutputPath);

        Assert.Empty(h.Server.Violations);
        var polls = h.Server.Requests.Where(r => r.Kind == "poll").OrderBy(r => r.Index).Select(r => r.PathAndQuery.Split('?')[0]).ToList();
        Assert.Equal(4, polls.Count);
        Assert.All(polls.Take(3), p => Assert.EndsWith("/status", p));
        Assert.DoesNotContain("/status", polls[3]);
        var result = h.ReadSnapshot()["results"]!.AsArray().Single(r => (string)r!["operation"]! == "effectiveRouteTable")!;
        var corpus = JsonNode.Parse(File.ReadAllText(Path.Combine(Corpus.ArmExamplesDirectory(), "NetworkInterfaceEffectiveRouteTableList.json")));
        Assert.True(JsonNode.DeepEquals(corpus, result["body"]));
    }

    [Fact(Timeout = 60_000)]
    public async Task An_action_on_a_missing_resource_is_recorded_as_failed_in_coverage()
    {
        await using var h = await ExportHarness.StartAsync(FakeEstate.Generate(20));
        var options = h.Options();
        var missing = $"/subscriptions/{h.Estate.Subscriptions[0]}/resourceGroups/rg-x/providers/Microsoft.Network/networkInterfaces/gone";
        options.EffectiveRouteNetworkInterfaceIds.Add(missing);
        var observer = new RecordingObserver();

        await new TopologyExporter(options, observer).ExportAsync(h.OutputPath);

        var coverage = h.ReadSnapshot()["coverage"]!;
        var failed = Assert.Single(coverage["failed"]!.AsArray())!;
        Assert.Equal(missing, (string)failed["scope"]!);
        Assert.Equal("effectiveRouteTable", (string)failed["operation"]!);
        Assert.Equal(404, (int)failed["status"]!);
        Assert.False((bool)coverage["complete"]!);
        Assert.Contains(observer.Warnings, w => w.Contains(missing));
    }
}
