using AzSpokeTools.Tests.Shared;
using System.Text.Json.Nodes;
using AzSpokeTools.Azure.Export;
using AzSpokeTools.Azure.Tests.FakeArm;
using Xunit;

namespace AzSpokeTools.Azure.Tests;

public class SecurityTests
{
    [CorpusFact(Timeout = 60_000)]
    public async Task Every_request_carries_the_bearer_token_and_the_token_appears_in_no_log_or_file()
    {
        await using var h = await ExportHarness.StartAsync(FakeEstate.Generate(500, includeCorpus: true));
        h.Server.ArgFaults[1] = Fault.ThrottleMs(20);
        var options = h.Options();
        options.PageSize = 100;
        options.IncludeLearnedRoutes = true;
        options.EffectiveRouteNetworkInterfaceIds.Add(h.Estate.NetworkInterfaceIds[0]);
        var observer = new RecordingObserver();

        await new TopologyExporter(options, observer).ExportAsync(h.OutputPath);

        Assert.Empty(h.Server.Violations);
        Assert.All(h.Server.Requests, r => Assert.Equal("Bearer " + h.Token, r.Authorization));
        Assert.Contains(h.Server.Requests, r => r.Kind == "poll");
        Assert.Contains(h.Server.Requests, r => r.PathAndQuery.Contains("$skipToken="));
        Assert.DoesNotContain(h.Token, observer.AllText);
        Assert.DoesNotContain("Bearer", observer.AllText);
        Assert.DoesNotContain(h.Token, File.ReadAllText(h.OutputPath));
    }

    [Fact(Timeout = 60_000)]
    public async Task Verbose_lines_show_request_ids_method_url_status_and_elapsed_time()
    {
        await using var h = await ExportHarness.StartAsync(FakeEstate.Generate(30));
        var observer = new RecordingObserver();

        var summary = await new TopologyExporter(h.Options(), observer).ExportAsync(h.OutputPath);

        var argLine = observer.VerboseLines.First(l => l.StartsWith("POST " + h.Server.Endpoint.AbsoluteUri.TrimEnd('/') + "/providers/Microsoft.ResourceGraph/resources?api-version=2022-10-01 -> 200"));
        Assert.Matches(@"x-ms-request-id=[0-9a-f-]{36} x-ms-correlation-request-id=[0-9a-f-]{36} in \d+ ms$", argLine);
        Assert.Equal(h.Server.Requests.Count, observer.VerboseLines.Count(l => l.Contains(" ms") && (l.StartsWith("GET ") || l.StartsWith("POST "))));
        Assert.Equal(h.Server.Requests.Count, summary.HttpRequests);
    }

    [CorpusFact(Timeout = 60_000)]
    public async Task Secret_bearing_properties_are_stripped_from_the_snapshot()
    {
        await using var h = await ExportHarness.StartAsync(FakeEstate.Generate(300, includeCorpus: true));

        var summary = await new TopologyExporter(h.Options()).ExportAsync(h.OutputPath);

        var text = File.ReadAllText(h.OutputPath);
        Assert.DoesNotContain(FakeEstate.SecretMarker, text);
        Assert.DoesNotContain("a1410692-0000-4ceb-b94a-b90b94d398d1", text); // the corpus circuit's serviceKey
        var resources = h.ReadSnapshot()["resources"]!.AsArray();
        var connection = resources.First(r => string.Equals((string)r!["type"]!, "Microsoft.Network/connections", StringComparison.OrdinalIgnoreCase) && ((string)r!["name"]!).StartsWith("conn-"))!;
        Assert.Null(connection["properties"]!["sharedKey"]);
        Assert.Null(connection["properties"]!["authorizationKey"]);
        Assert.Equal("IPsec", (string)connection["properties"]!["connectionType"]!);
        var circuit = resources.First(r => string.Equals((string)r!["type"]!, "Microsoft.Network/expressRouteCircuits", StringComparison.OrdinalIgnoreCase) && ((string)r!["name"]!).StartsWith("er-"))!;
        Assert.Null(circuit["properties"]!["serviceKey"]);
        Assert.Null(circuit["properties"]!["authorizations"]![0]!["properties"]!["authorizationKey"]);
        Assert.Equal("Available", (string)circuit["properties"]!["authorizations"]![0]!["properties"]!["authorizationUseStatus"]!);
        Assert.True(summary.SecretsRemoved > 0);
    }

    [CorpusFact(Timeout = 60_000)]
    public async Task The_export_only_reads_GET_plus_the_known_POST_actions()
    {
        await using var h = await ExportHarness.StartAsync(FakeEstate.Generate(200, includeCorpus: true));
        var options = h.Options();
        options.IncludeLearnedRoutes = true;
        options.EffectiveRouteNetworkInterfaceIds.Add(h.Estate.NetworkInterfaceIds[0]);

        await new TopologyExporter(options).ExportAsync(h.OutputPath);

        Assert.Empty(h.Server.Violations);
        foreach (var post in h.Server.Requests.Where(r => r.Method == "POST"))
        {
            var path = post.PathAndQuery.Split('?')[0];
            Assert.True(path == "/providers/Microsoft.ResourceGraph/resources"
                || path.EndsWith("/listDeploymentStatus") || path.EndsWith("/getLearnedRoutes") || path.EndsWith("/effectiveRouteTable"), path);
        }
        Assert.All(h.Server.Requests, r => Assert.Contains(r.Method, new[] { "GET", "POST" }));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_nextLink_to_another_host_is_refused_so_the_token_never_leaves_the_ARM_endpoint()
    {
        await using var h = await ExportHarness.StartAsync(FakeEstate.Generate(30));
        h.Server.ForeignNextLinkPath = h.Estate.NetworkManagerIds[0] + "/networkGroups";

        var ex = await Assert.ThrowsAsync<AzureExportException>(() => new TopologyExporter(h.Options()).ExportAsync(h.OutputPath));

        Assert.Contains("Refusing to send the ARM token to https://127.0.0.2:1/", ex.Message);
        Assert.Contains("$skipToken=***", ex.Message);
        Assert.Empty(Directory.GetFiles(h.Directory));
    }
}
