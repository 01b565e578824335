using System.Text.Json.Nodes;
using AzSpokeTools.Engine.Intent;
using AzSpokeTools.Engine.Paths;
using Xunit;

namespace AzSpokeTools.Engine.Tests.Paths;

/// <summary>
/// NVAs that sit in a spoke: reached by a Virtual WAN hub route to a VNet connection (docs/routing-model.md#virtual-wan-hub-routing,
/// indirect spokes) and by routes an NVA advertises over BGP (Route Server, docs/routing-model.md#gateway-routes-and-bgp-propagation).
/// </summary>
public class NvaInSpokeTests
{
    private static PathResult Trace(Model.Topology t, string from, string to) => new PathAnalyzer(t).Trace(from, to, IntentSet.FromAvnm(t));

    private static string HubId => SmallEstate.Id("virtualHubs", "hub1");

    private static JsonObject Connection(string vnet, JsonArray? staticRoutes = null)
    {
        var props = new JsonObject { ["remoteVirtualNetwork"] = new JsonObject { ["id"] = SmallEstate.Id("virtualNetworks", vnet) } };
        if (staticRoutes != null) props["routingConfiguration"] = new JsonObject { ["vnetRoutes"] = new JsonObject { ["staticRoutes"] = staticRoutes } };
        return new JsonObject
        {
            ["id"] = HubId + "/hubVirtualNetworkConnections/c-" + vnet, ["name"] = "c-" + vnet,
            ["type"] = "Microsoft.Network/virtualHubs/hubVirtualNetworkConnections", ["properties"] = props,
        };
    }

    /// <summary>s1 and s2 connected to hub1; s3 peered to s2 only; hub route 10.3/16 -> connection c-s2, whose static route sends it to the NVA 10.2.1.4.</summary>
    private static Model.Topology IndirectSpoke(bool withConnectionStaticRoute)
    {
        var staticRoutes = withConnectionStaticRoute
            ? new JsonArray(new JsonObject { ["name"] = "s3-via-nva", ["addressPrefixes"] = new JsonArray("10.3.0.0/16"), ["nextHopIpAddress"] = "10.2.1.4" })
            : new JsonArray();
        return new SmallEstate()
            .Vnet("s1", "10.1.0.0/16", "westeurope", ("workload", "10.1.0.0/24", null))
            .Vnet("s2", "10.2.0.0/16", "westeurope", ("workload", "10.2.0.0/24", null), ("nva", "10.2.1.0/24", null))
            .Vnet("s3", "10.3.0.0/16", "westeurope", ("workload", "10.3.0.0/24", null))
            .Peer("s2", "s3")
            .Nic("nva-nic", "s2", "nva", "10.2.1.4", forwarding: true)
            .Resource(new JsonObject
            {
                ["id"] = HubId, ["name"] = "hub1", ["type"] = "Microsoft.Network/virtualHubs", ["location"] = "westeurope",
                ["properties"] = new JsonObject
                {
                    ["addressPrefix"] = "10.250.0.0/23", ["virtualWan"] = new JsonObject { ["id"] = SmallEstate.Id("virtualWans", "wan1") },
                    ["virtualRouterIps"] = new JsonArray("10.250.0.68", "10.250.0.69"),
                },
            })
            .Resource(Connection("s1"))
            .Resource(Connection("s2", staticRoutes))
            .Resource(new JsonObject
            {
                ["id"] = HubId + "/hubRouteTables/defaultRouteTable", ["name"] = "defaultRouteTable", ["type"] = "Microsoft.Network/virtualHubs/hubRouteTables",
                ["properties"] = new JsonObject
                {
                    ["labels"] = new JsonArray("default"),
                    ["routes"] = new JsonArray(new JsonObject
                    {
                        ["name"] = "to-s3", ["destinationType"] = "CIDR", ["destinations"] = new JsonArray("10.3.0.0/16"),
                        ["nextHopType"] = "ResourceId", ["nextHop"] = HubId + "/hubVirtualNetworkConnections/c-s2",
                    }),
                },
            })
            .Load();
    }

    [Fact]
    public void HubStaticRouteToAConnectionGoesThroughTheNvaInThatSpokeToTheIndirectSpoke()
    {
        var r = Trace(IndirectSpoke(withConnectionStaticRoute: true), "s1", "s3");
        Assert.Equal(PathOutcome.Delivered, r.Outcome);
        Assert.Equal(new[] { PathKind.VirtualWanHub, PathKind.Appliance }, r.Transits);
        // docs/routing-model.md#vocabulary kind order: Appliance is more significant than VirtualWanHub.
        Assert.Equal(PathKind.Appliance, r.Kind);
        Assert.Equal(new[] { PathHopRole.Subnet, PathHopRole.VirtualHubRouter, PathHopRole.Appliance, PathHopRole.Subnet, PathHopRole.Destination }, r.Hops.Select(h => h.Role));
        Assert.Equal(new[] { "s1/workload", "hub1", "nva-nic", "s2/nva", "s3/workload" }, r.Hops.Select(h => h.Location));
        Assert.Equal("to-s3", r.Hops[1].Route!.Name);
    }

    [Fact]
    public void HubStaticRouteToAConnectionWithoutAMatchingConnectionStaticRouteIsUnknown()
    {
        var r = Trace(IndirectSpoke(withConnectionStaticRoute: false), "s1", "s3");
        Assert.Equal(PathOutcome.Unknown, r.Outcome);
        Assert.Contains(r.Reasons, x => x.Message.Contains("c-s2") && x.Message.Contains("static route") && x.Message.Contains("10.3.0."));
    }

    [Fact]
    public void RouteServerRouteWithAnNvaNextHopGoesToTheNvaNotAGateway()
    {
        // Azure docs, "What is Azure Route Server?": the routes an NVA advertises are programmed into the VMs of the VNet with the
        // NVA as next hop; the effective route shows source and next hop type VirtualNetworkGateway with the NVA's IP.
        var t = new SmallEstate()
            .Vnet("hub", "10.0.0.0/16", "westeurope", ("workload", "10.0.1.0/24", null), ("RouteServerSubnet", "10.0.254.0/27", null))
            .Vnet("transit", "10.9.0.0/16", "westeurope", ("nva", "10.9.2.0/24", null))
            .Vnet("remote", "10.50.0.0/16", "westeurope", ("workload", "10.50.1.0/24", null))
            .Peer("hub", "transit").Peer("transit", "remote")
            .Nic("nva-nic", "transit", "nva", "10.9.2.4", forwarding: true)
            .RouteServer("rs-hub", "hub", "RouteServerSubnet", new[] { "10.0.254.4", "10.0.254.5" }, false, ("nva", "10.9.2.4", 65010))
            .RouteServerLearned("rs-hub", "nva", ("10.50.0.0/16", "10.9.2.4", "65010"))
            .Load();
        // The NVA in a transit VNet (peered to the hub and to remote) advertises 10.50.0.0/16; the hub workload subnet shares the VNet with the route server, so it receives the learned route.
        var r = Trace(t, "hub/workload", "10.50.1.1");
        Assert.Equal(PathOutcome.Delivered, r.Outcome);
        Assert.Equal(PathKind.Appliance, r.Kind);
        Assert.DoesNotContain(PathKind.VpnGateway, r.Transits);
        Assert.Equal("VirtualNetworkGateway", r.Hops[0].Route!.NextHopType);
        Assert.Equal("10.9.2.4", Assert.Single(r.Hops[0].Route!.NextHopIpAddress));
        Assert.Equal("nva-nic", r.Hops[1].Location);
        Assert.Equal(PathHopRole.Appliance, r.Hops[1].Role);
    }
}
