using System.Text.Json.Nodes;
using AzSpokeTools.Azure.Export;
using AzSpokeTools.Azure.Tests.FakeArm;
using Xunit;

namespace AzSpokeTools.Azure.Tests;

public class FaultToleranceTests
{
    private static void AssertExactlyOnce(ExportHarness h, ISet<string>? denied = null)
    {
        var ids = ExportHarness.ResourceIds(h.ReadSnapshot());
        var expected = h.Estate.ExpectedIds(denied);
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.True(expected.SetEquals(ids), $"expected {expected.Count} resources, snapshot has {ids.Count}");
    }

    private static TimeSpan Gap(ExportHarness h, int argCall)
    {
        var calls = h.Server.ArgRequests.ToList();
        return calls.Single(c => c.ArgCall == argCall + 1).At - calls.Single(c => c.ArgCall == argCall).At;
    }

    [Fact(Timeout = 60_000)]
    public async Task A_429_is_retried_after_the_Retry_After_seconds_the_server_gave()
    {
        await using var h = await ExportHarness.StartAsync(FakeEstate.Generate(1_000));
        h.Server.ArgFaults[2] = Fault.Throttle("1");
        var options = h.Options();
        options.PageSize = 200;

        await new TopologyExporter(options).ExportAsync(h.OutputPath);

        AssertExactlyOnce(h);
        Assert.Equal(429, h.Server.ArgRequests.Single(r => r.ArgCall == 2).Status);
        // Back-off without Retry-After would be ~10 ms here; the server asked for 1 s.
        Assert.True(Gap(h, 2) >= TimeSpan.FromMilliseconds(950), "retried after " + Gap(h, 2));
    }

    [Fact(Timeout = 60_000)]
    public async Task Server_errors_500_and_503_are_retried_without_losing_or_duplicating_rows()
    {
        await using var h = await ExportHarness.StartAsync(FakeEstate.Generate(1_000));
        h.Server.ArgFaults[1] = Fault.ServerError(500);
        h.Server.ArgFaults[3] = Fault.ServerError(503);
        h.Server.ArgFaults[4] = new Fault(503, RetryAfterMs: "30");
        var options = h.Options();
        options.PageSize = 250;

        var summary = await new TopologyExporter(options).ExportAsync(h.OutputPath);

        AssertExactlyOnce(h);
        Assert.Equal(summary.ResourceGraphPages + 3, h.Server.ArgRequests.Count());
        Assert.True(Gap(h, 4) >= TimeSpan.FromMilliseconds(28));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_response_slower_than_the_request_timeout_is_abandoned_and_retried()
    {
        await using var h = await ExportHarness.StartAsync(FakeEstate.Generate(600));
        h.Server.ArgFaults[2] = Fault.Slow(TimeSpan.FromSeconds(20));
        var options = h.Options();
        options.PageSize = 200;
        options.RequestTimeout = TimeSpan.FromMilliseconds(800);
        var observer = new RecordingObserver();

        await new TopologyExporter(options, observer).ExportAsync(h.OutputPath);

        AssertExactlyOnce(h);
        // Retried once the 800 ms timeout passed, long before the 20 s response would have come.
        Assert.InRange(Gap(h, 2), TimeSpan.FromMilliseconds(700), TimeSpan.FromSeconds(10));
        Assert.Contains(observer.VerboseLines, l => l.Contains("timed out or cancelled"));
    }

    [Fact(Timeout = 60_000)]
    public async Task An_exhausted_quota_makes_the_next_query_wait_for_the_reset()
    {
        await using var h = await ExportHarness.StartAsync(FakeEstate.Generate(400));
        h.Server.ArgFaults[1] = Fault.QuotaExhausted("00:00:01");
        var options = h.Options();
        options.PageSize = 200;

        await new TopologyExporter(options).ExportAsync(h.OutputPath);

        AssertExactlyOnce(h);
        Assert.True(Gap(h, 1) >= TimeSpan.FromMilliseconds(950), "next query after " + Gap(h, 1));
    }

    [Fact(Timeout = 60_000)]
    public async Task Errors_outlasting_the_retries_fail_the_export_and_leave_no_file()
    {
        await using var h = await ExportHarness.StartAsync(FakeEstate.Generate(100));
        for (int i = 1; i <= 3; i++) h.Server.ArgFaults[i] = Fault.ServerError(503);
        var options = h.Options();
        options.MaxRetries = 2;

        var ex = await Assert.ThrowsAsync<AzureExportException>(() => new TopologyExporter(options).ExportAsync(h.OutputPath));

        Assert.Equal(503, ex.Status);
        Assert.Equal(3, h.Server.ArgRequests.Count());
        Assert.Empty(Directory.GetFiles(h.Directory));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_denied_subscription_is_narrowed_down_recorded_in_coverage_and_the_rest_is_read()
    {
        await using var h = await ExportHarness.StartAsync(FakeEstate.Generate(900));
        var denied = h.Estate.Subscriptions[1];
        h.Server.DeniedSubscriptions.Add(denied);
        var observer = new RecordingObserver();

        var summary = await new TopologyExporter(h.Options(), observer).ExportAsync(h.OutputPath);

        AssertExactlyOnce(h, new HashSet<string> { denied });
        var coverage = h.ReadSnapshot()["coverage"]!;
        Assert.False((bool)coverage["complete"]!);
        var entry = Assert.Single(coverage["denied"]!.AsArray())!;
        Assert.Equal("/subscriptions/" + denied, (string)entry["scope"]!);
        Assert.Null(entry["type"]);
        Assert.Equal(403, (int)entry["status"]!);
        Assert.Contains("AuthorizationFailed", (string)entry["message"]!);
        Assert.False(summary.Complete);
        Assert.Equal(new[] { "/subscriptions/" + denied }, summary.DeniedScopes);
        Assert.Contains(observer.Warnings, w => w.Contains(denied));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_requested_subscription_the_identity_cannot_see_is_recorded_instead_of_silently_empty()
    {
        await using var h = await ExportHarness.StartAsync(FakeEstate.Generate(300));
        var hidden = h.Estate.Subscriptions[0];
        h.Server.HiddenSubscriptions.Add(hidden);
        var observer = new RecordingObserver();

        var summary = await new TopologyExporter(h.Options(), observer).ExportAsync(h.OutputPath);

        AssertExactlyOnce(h, new HashSet<string> { hidden });
        var entry = Assert.Single(h.ReadSnapshot()["coverage"]!["denied"]!.AsArray())!;
        Assert.Equal("/subscriptions/" + hidden, (string)entry["scope"]!);
        Assert.Equal(404, (int)entry["status"]!);
        Assert.DoesNotContain(h.Server.ArgRequests, r => r.Body.Contains(hidden));
        Assert.Contains(observer.Warnings, w => w.Contains(hidden));
        Assert.False(summary.Complete);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_403_in_the_middle_of_paging_still_yields_every_resource_once()
    {
        await using var h = await ExportHarness.StartAsync(FakeEstate.Generate(900));
        h.Server.ArgFaults[2] = new Fault(403);
        var options = h.Options();
        options.PageSize = 200;

        var summary = await new TopologyExporter(options).ExportAsync(h.OutputPath);

        AssertExactlyOnce(h);
        Assert.True(summary.Complete);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_denied_child_type_is_recorded_with_its_type_and_the_rest_is_complete()
    {
        await using var h = await ExportHarness.StartAsync(FakeEstate.Generate(60));
        var nm = h.Estate.NetworkManagerIds[0];
        h.Server.DeniedPaths.Add(nm + "/connectivityConfigurations");

        await new TopologyExporter(h.Options()).ExportAsync(h.OutputPath);

        var snapshot = h.ReadSnapshot();
        var entry = Assert.Single(snapshot["coverage"]!["denied"]!.AsArray())!;
        Assert.Equal(nm, (string)entry["scope"]!);
        Assert.Equal("microsoft.network/networkmanagers/connectivityconfigurations", (string)entry["type"]!);
        var ids = ExportHarness.ResourceIds(snapshot);
        Assert.DoesNotContain(nm + "/connectivityConfigurations/mesh", ids);
        Assert.Contains(nm + "/networkGroups/group-0", ids);
    }
}
