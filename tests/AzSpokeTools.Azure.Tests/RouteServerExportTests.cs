using System.Text;
using AzSpokeTools.Azure.Export;
using AzSpokeTools.Azure.Tests.FakeArm;
using AzSpokeTools.Engine.Snapshot;
using Xunit;

namespace AzSpokeTools.Azure.Tests;

/// <summary>
/// Azure Route Server capture: the Route Server comes from Resource Graph (virtualHubs of kind RouteServer), its BGP connections
/// and IP configurations from ARM list calls, and with learned routes each connection's learnedRoutes / advertisedRoutes actions,
/// written as getLearnedRoutes / getAdvertisedRoutes results scoped to the connection.
/// </summary>
public class RouteServerExportTests
{
    [Fact(Timeout = 60_000)]
    public async Task Route_server_peers_and_their_learned_and_advertised_routes_are_captured_with_a_known_request_count()
    {
        var estate = FakeEstate.Generate(20, subscriptionCount: 1);
        var rs = estate.AddRouteServer(estate.Subscriptions[0], peers: 2);
        await using var h = await ExportHarness.StartAsync(estate);
        var options = h.Options();
        options.IncludeLearnedRoutes = true;

        await new TopologyExporter(options).ExportAsync(h.OutputPath);

        var snapshot = h.ReadSnapshot();
        var ids = ExportHarness.ResourceIds(snapshot);
        Assert.Contains(rs + "/bgpConnections/nva-0", ids);
        Assert.Contains(rs + "/bgpConnections/nva-1", ids);
        Assert.Contains(rs + "/ipConfigurations/ipconfig1", ids);
        Assert.Equal(estate.ExpectedIds().OrderBy(x => x, StringComparer.OrdinalIgnoreCase), ids.OrderBy(x => x, StringComparer.OrdinalIgnoreCase));
        var results = snapshot["results"]!.AsArray().Select(r => ((string)r!["operation"]!, (string)r["scope"]!)).ToList();
        foreach (var peer in new[] { "nva-0", "nva-1" })
        {
            Assert.Contains(("getLearnedRoutes", rs + "/bgpConnections/" + peer), results);
            Assert.Contains(("getAdvertisedRoutes", rs + "/bgpConnections/" + peer), results);
        }

        // Requests for the Route Server alone: two list GETs (bgpConnections, ipConfigurations; one page each), and per BGP
        // connection two POSTs (learnedRoutes, advertisedRoutes), each polled through its Location until 200 (PendingPolls 202s + one 200).
        var rsRequests = h.Server.Requests.Where(r => r.PathAndQuery.StartsWith(rs + "/", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.Equal(2, rsRequests.Count(r => r.Kind == "list"));
        Assert.Equal(4, rsRequests.Count(r => r.Kind == "action" && r.Method == "POST"));
        var polls = h.Server.Requests.Count(r => r.Kind == "poll");
        int gateways = estate.GatewayIds.Count;
        Assert.Equal((4 + gateways) * (h.Server.PendingPolls + 1), polls);
        // The Route Server is not listed like a Virtual WAN hub (no hub connections, route tables or routing intent calls).
        Assert.DoesNotContain(h.Server.Requests, r => r.PathAndQuery.StartsWith(rs + "/hub", StringComparison.OrdinalIgnoreCase) || r.PathAndQuery.StartsWith(rs + "/routingIntent", StringComparison.OrdinalIgnoreCase));

        // The engine reads it back: the Route Server's VNet from its IP configuration, both peers, their learned routes merged over instances.
        var topology = SnapshotLoader.Load(new MemoryStream(Encoding.UTF8.GetBytes(snapshot.ToJsonString())), "route-server-export.json");
        var routeServer = Assert.Single(topology.RouteServers);
        Assert.Equal("hub", routeServer.VirtualNetworkId?.Name);
        Assert.Equal(2, routeServer.BgpConnections.Count);
        foreach (var peer in routeServer.BgpConnections)
        {
            Assert.Single(topology.LearnedRoutes[peer.Id]);
            // Each instance advertises the VNet with itself as next hop: one prefix, two rows.
            Assert.Single(topology.AdvertisedRoutes[peer.Id].Select(r => r.Network).Distinct());
        }
    }

    [Fact(Timeout = 60_000)]
    public async Task Without_learned_routes_the_route_server_peers_are_listed_but_no_action_is_sent()
    {
        var estate = FakeEstate.Generate(20, subscriptionCount: 1);
        var rs = estate.AddRouteServer(estate.Subscriptions[0], peers: 3);
        await using var h = await ExportHarness.StartAsync(estate);

        await new TopologyExporter(h.Options()).ExportAsync(h.OutputPath);

        Assert.Equal(3, ExportHarness.ResourceIds(h.ReadSnapshot()).Count(id => id.Contains("/bgpConnections/", StringComparison.OrdinalIgnoreCase)));
        Assert.DoesNotContain(h.Server.Requests, r => r.Method == "POST" && r.PathAndQuery.StartsWith(rs, StringComparison.OrdinalIgnoreCase));
    }
}
