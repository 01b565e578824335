using System.Text;
using System.Text.Json.Nodes;
using AzSpokeTools.Engine.Addresses;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Routing;
using AzSpokeTools.Engine.Tests.Samples;
using Xunit;
using JsonNode = System.Text.Json.Nodes.JsonNode;

namespace AzSpokeTools.Engine.Tests.Routing;

/// <summary>
/// Hairpin routes derived from the topology when no getLearnedRoutes result was captured (docs/routing-model.md#expressroute-hairpin):
/// two ExpressRoute gateways on one circuit learn each other's VNets and the spokes that use them, filtered by
/// allowRemoteVnetTraffic on the receiving gateway; an absent flag is the legacy accept-all behaviour, said aloud.
/// </summary>
public class ExpressRouteGatewayRouteTests
{
    private static Topology Contoso(Action<JsonObject>? edit = null) => SampleFiles.LoadVariant("contoso-hairpin", doc =>
    {
        // No captured learned routes: the routes come from circuits, connections and peerings.
        doc["results"] = new JsonArray(doc["results"]!.AsArray().Where(r => r!["operation"]!.GetValue<string>() != "getLearnedRoutes").Select(r => r!.DeepClone()).ToArray());
        edit?.Invoke(doc);
    });

    private static JsonObject Gateway(JsonObject doc, string name) => SampleFiles.Resource(doc, name);

    private static EffectiveRouteTable SpokeA1(Topology t) =>
        new EffectiveRouteCalculator(t).ForSubnet(t.ResolveSubnet("spoke-a1/workload"));

    private static EffectiveRoute? Winner(EffectiveRouteTable table, string ip) =>
        SampleRouteExpectationTests.LongestPrefixMatch(table, IpAddressValue.Parse(ip)).FirstOrDefault();

    [Fact]
    public void SpokeLearnsTheOtherHubAndItsSpokesOverTheSharedCircuit()
    {
        var table = SpokeA1(Contoso());
        foreach (var ip in new[] { "10.100.0.4", "10.101.0.4", "10.102.0.4" })
        {
            var r = Winner(table, ip);
            Assert.NotNull(r);
            Assert.Equal(NextHopType.VirtualNetworkGateway, r!.NextHopType);
            Assert.Equal(RouteSource.VirtualNetworkGateway, r.Source);
            Assert.Contains("ergw-hub-a", r.Origin);
        }
        // Its own hub's other spoke is not learned back over the circuit: dropped by the default 10.0.0.0/8 None route.
        Assert.Equal(NextHopType.None, Winner(table, "10.2.0.4")!.NextHopType);
        Assert.Contains(table.Unknowns, u => u.Contains("on-premises prefixes") && u.Contains("erc-contoso-ams"));
        Assert.DoesNotContain(table.Assumptions, a => a.Contains("legacy"));
    }

    [Fact]
    public void AllowRemoteVnetTrafficFalseOnTheReceivingGatewayRemovesTheHairpinRoutes()
    {
        var table = SpokeA1(Contoso(doc => Gateway(doc, "ergw-hub-a")["properties"]!["allowRemoteVnetTraffic"] = false));
        Assert.Equal(NextHopType.None, Winner(table, "10.101.0.4")!.NextHopType);
        Assert.DoesNotContain(table.Routes, r => r.Source == RouteSource.VirtualNetworkGateway && r.AddressPrefix.Contains("10.101.0.0/16"));
    }

    [Fact]
    public void AbsentToggleIsTakenAsLegacyAcceptAllAndSaidSo()
    {
        var table = SpokeA1(Contoso(doc => Gateway(doc, "ergw-hub-a")["properties"]!.AsObject().Remove("allowRemoteVnetTraffic")));
        Assert.Equal(NextHopType.VirtualNetworkGateway, Winner(table, "10.101.0.4")!.NextHopType);
        Assert.Contains(table.Assumptions, a => a.Contains("allowRemoteVnetTraffic") && a.Contains("legacy"));
    }

    [Fact]
    public void DisableBgpRoutePropagationRemovesEveryGatewayRoute()
    {
        // spoke-a2/workload carries rt-spoke-a2-fw; turn its BGP propagation off.
        var t = Contoso();
        var subnet = t.ResolveSubnet("spoke-a2/workload");
        var calc = new EffectiveRouteCalculator(t);
        Assert.Contains(calc.ForSubnet(subnet).Routes, r => r.Source == RouteSource.VirtualNetworkGateway);
        var rt = Assert.Single(t.RouteTables, r => r.Id == subnet.RouteTableId);
        rt.DisableBgpRoutePropagation = true;
        var without = new EffectiveRouteCalculator(t).ForSubnet(subnet);
        Assert.DoesNotContain(without.Routes, r => r.Source == RouteSource.VirtualNetworkGateway);
        Assert.Contains(without.Routes, r => r.Source == RouteSource.User);
    }

    [Fact]
    public void AVirtualNetworkPeeringBeatsTheSamePrefixLearnedOverTheHairpin()
    {
        // Peer spoke-a1 and spoke-b1 directly: the system peering route is preferred over the BGP route (docs/routing-model.md#route-selection).
        var t = Contoso(doc =>
        {
            var vnets = doc["resources"]!.AsArray().Select(r => r!.AsObject()).Where(r => r["type"]!.GetValue<string>() == "Microsoft.Network/virtualNetworks").ToList();
            var a1 = vnets.Single(v => v["name"]!.GetValue<string>() == "spoke-a1");
            var b1 = vnets.Single(v => v["name"]!.GetValue<string>() == "spoke-b1");
            void Peer(JsonObject from, JsonObject to) => from["properties"]!["virtualNetworkPeerings"]!.AsArray().Add(new JsonObject
            {
                ["name"] = "to-" + to["name"]!.GetValue<string>(),
                ["id"] = from["id"]!.GetValue<string>() + "/virtualNetworkPeerings/to-" + to["name"]!.GetValue<string>(),
                ["properties"] = new JsonObject
                {
                    ["peeringState"] = "Connected",
                    ["allowVirtualNetworkAccess"] = true,
                    ["remoteVirtualNetwork"] = new JsonObject { ["id"] = to["id"]!.GetValue<string>() },
                    ["remoteAddressSpace"] = to["properties"]!["addressSpace"]!.DeepClone(),
                },
            });
            Peer(a1, b1);
            Peer(b1, a1);
        });
        var table = SpokeA1(t);
        var winner = Winner(table, "10.101.0.4")!;
        Assert.Equal(NextHopType.VNetGlobalPeering, winner.NextHopType);
        var bgp = Assert.Single(table.Routes, r => r.Source == RouteSource.VirtualNetworkGateway && r.AddressPrefix.Contains("10.101.0.0/16"));
        Assert.Equal(RouteState.Invalid, bgp.State);
        Assert.Contains("VNetGlobalPeering", bgp.InvalidReason);
    }
}
