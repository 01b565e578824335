using AzSpokeTools.Tests.Shared;
using System.Text.Json.Nodes;
using AzSpokeTools.Azure.Export;
using AzSpokeTools.Azure.Tests.FakeArm;
using Xunit;

namespace AzSpokeTools.Azure.Tests;

public class ResourceGraphInventoryTests
{
    [CorpusFact(Timeout = 60_000)]
    public async Task Export_holds_every_resource_exactly_once_across_pages_and_batches()
    {
        await using var h = await ExportHarness.StartAsync(FakeEstate.Generate(2_500, includeCorpus: true));
        var options = h.Options();
        options.PageSize = 300;
        options.SubscriptionBatchSize = 2;
        var observer = new RecordingObserver();

        var summary = await new TopologyExporter(options, observer).ExportAsync(h.OutputPath);

        var snapshot = h.ReadSnapshot();
        var ids = ExportHarness.ResourceIds(snapshot);
        var expected = h.Estate.ExpectedIds();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(expected.OrderBy(i => i, StringComparer.OrdinalIgnoreCase), ids.OrderBy(i => i, StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase);
        Assert.Equal(expected.Count, summary.Resources);
        Assert.True(summary.Complete);
        Assert.Empty(h.Server.Violations);

        // Subscriptions were batched two per request and every page asked for $top 300.
        var argBodies = h.Server.ArgRequests.Select(r => JsonNode.Parse(r.Body)!).ToList();
        Assert.All(argBodies, b => Assert.Equal(300, (int)b["options"]!["$top"]!));
        Assert.Contains(argBodies, b => b["subscriptions"]!.AsArray().Count == 2);
        Assert.True(argBodies.Count >= 2500 / 300);
        Assert.True(observer.ProgressReports.Count(p => p.Activity == "Resource Graph") == summary.ResourceGraphPages);
        Assert.Empty(observer.Warnings);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_repeated_skipToken_fails_the_export_instead_of_looping()
    {
        await using var h = await ExportHarness.StartAsync(FakeEstate.Generate(500));
        h.Server.RepeatSkipToken = true;
        var options = h.Options();
        options.PageSize = 100;

        var ex = await Assert.ThrowsAsync<AzureExportException>(() => new TopologyExporter(options).ExportAsync(h.OutputPath));

        Assert.Contains("same $skipToken twice", ex.Message);
        Assert.Equal(2, h.Server.ArgRequests.Count());
        Assert.Empty(Directory.GetFileSystemEntries(h.Directory, "*", new EnumerationOptions { AttributesToSkip = 0 }));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_totalRecords_that_disagrees_with_the_rows_returned_is_a_warning()
    {
        await using var h = await ExportHarness.StartAsync(FakeEstate.Generate(500));
        h.Server.TotalRecordsDrift = 3;
        var observer = new RecordingObserver();
        var options = h.Options();
        options.PageSize = 200;

        await new TopologyExporter(options, observer).ExportAsync(h.OutputPath);

        var warning = Assert.Single(observer.Warnings);
        Assert.Contains("reported 503 records", warning);
        Assert.Contains("returned 500", warning);
    }

    [CorpusFact(Timeout = 60_000)]
    public async Task Resource_graph_rows_are_written_verbatim_without_the_helper_columns()
    {
        await using var h = await ExportHarness.StartAsync(FakeEstate.Generate(60, includeCorpus: true));
        await new TopologyExporter(h.Options()).ExportAsync(h.OutputPath);

        var snapshot = h.ReadSnapshot();
        Assert.Equal(1, (int)snapshot["schemaVersion"]!);
        Assert.NotNull(snapshot["capturedAt"]);
        var rows = h.Estate.Rows.ToDictionary(r => r.Id, StringComparer.OrdinalIgnoreCase);
        foreach (var resource in snapshot["resources"]!.AsArray())
        {
            var id = (string)resource!["id"]!;
            if (!rows.TryGetValue(id, out var row)) continue; // a child read from ARM
            // Expected: the Resource Graph row with only the helper columns and the empty columns ARG fills removed.
            var served = JsonNode.Parse(row.ArgJson)!.AsObject();
            foreach (var helper in new[] { "subscriptionId", "resourceGroup" }) served.Remove(helper);
            foreach (var empty in served.Where(p => p.Value is null || (p.Value is JsonValue v && v.ToString() == "")).Select(p => p.Key).ToList()) served.Remove(empty);
            AzSpokeTools.Azure.Snapshot.SecretScrubber.Scrub(served);
            Assert.True(JsonNode.DeepEquals(served, resource), "resource " + id + " differs from the Resource Graph row served");
            // ...which is the ARM object itself apart from Resource Graph's lower-case type.
            var arm = JsonNode.Parse(h.Estate.ArmObjectsById[id])!;
            AzSpokeTools.Azure.Snapshot.SecretScrubber.Scrub(arm);
            Assert.True(JsonNode.DeepEquals(arm["properties"], resource["properties"]));
            Assert.Equal((string)arm["type"]!, (string)resource["type"]!, ignoreCase: true);
        }
        // Corpus resources made it in too (their ids are the upstream example ids).
        var ids = ExportHarness.ResourceIds(snapshot);
        Assert.Contains("/subscriptions/subid/resourceGroups/rg1/providers/Microsoft.Network/azureFirewalls/azurefirewall", ids);
        Assert.Contains("/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.Network/virtualHubs/virtualHub1/hubRouteTables/hubRouteTable2", ids);
    }

    [CorpusFact(Timeout = 60_000)]
    public async Task Child_resources_and_deployment_status_come_from_ARM_list_calls_and_actions()
    {
        await using var h = await ExportHarness.StartAsync(FakeEstate.Generate(30, includeCorpus: true));
        var summary = await new TopologyExporter(h.Options()).ExportAsync(h.OutputPath);
        var snapshot = h.ReadSnapshot();
        var ids = ExportHarness.ResourceIds(snapshot);
        var nm = h.Estate.NetworkManagerIds[0];
        Assert.Contains(nm + "/networkGroups/group-1/staticMembers/member-2", ids);
        Assert.Contains(nm + "/connectivityConfigurations/mesh", ids);

        // List pages of 2 items were followed through nextLink.
        Assert.Contains(h.Server.Requests, r => r.PathAndQuery.Contains("staticMembers") && r.PathAndQuery.Contains("$skipToken=2"));

        var results = snapshot["results"]!.AsArray();
        var status = results.Where(r => (string)r!["operation"]! == "listDeploymentStatus").ToList();
        Assert.Equal(h.Estate.NetworkManagerIds.Count + 1, status.Count); // + the corpus network manager
        var corpusStatus = status.Single(r => ((string)r!["scope"]!).EndsWith("testNetworkManager"))!;
        // The corpus body has a skipToken: the second page was fetched and merged.
        Assert.Equal(3, corpusStatus["body"]!["value"]!.AsArray().Count);
        Assert.Null(corpusStatus["body"]!["skipToken"]);
        Assert.Equal(0, summary.Results - results.Count);
    }

    [Fact(Timeout = 60_000)]
    public async Task Management_group_scope_reads_every_subscription_under_it()
    {
        await using var h = await ExportHarness.StartAsync(FakeEstate.Generate(400));
        var options = h.Options(subscriptions: false);
        options.ManagementGroupId = FakeEstate.ManagementGroup;
        options.PageSize = 150;
        await new TopologyExporter(options).ExportAsync(h.OutputPath);

        Assert.All(h.Server.ArgRequests, r => Assert.Equal(FakeEstate.ManagementGroup, (string)JsonNode.Parse(r.Body)!["managementGroups"]![0]!));
        Assert.Equal(h.Estate.ExpectedIds().Count, ExportHarness.ResourceIds(h.ReadSnapshot()).Count);
    }

    [Fact(Timeout = 60_000)]
    public async Task Without_a_scope_every_enabled_subscription_is_listed_and_read()
    {
        await using var h = await ExportHarness.StartAsync(FakeEstate.Generate(90));
        await new TopologyExporter(h.Options(subscriptions: false)).ExportAsync(h.OutputPath);

        Assert.Contains(h.Server.Requests, r => r.Kind == "subscriptions");
        var asked = h.Server.ArgRequests.SelectMany(r => JsonNode.Parse(r.Body)!["subscriptions"]!.AsArray().Select(s => (string)s!)).Distinct().ToList();
        Assert.Equal(h.Estate.Subscriptions.OrderBy(s => s), asked.OrderBy(s => s));
        Assert.Equal(h.Estate.ExpectedIds().Count, ExportHarness.ResourceIds(h.ReadSnapshot()).Count);
    }
}
