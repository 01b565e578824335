using System.Text.Json.Nodes;
using AzSpokeTools.Engine.Addresses;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Routing;
using AzSpokeTools.Engine.Tests.Paths;
using AzSpokeTools.Engine.Tests.Samples;
using Xunit;

namespace AzSpokeTools.Engine.Tests.Routing;

/// <summary>
/// Azure Route Server as a resource (docs/guide/routing.md "Azure Route Server"): where the routes of its NVAs are programmed,
/// how several NVAs for one prefix are chosen, Unknown without the capture, branch-to-branch and routing preference.
/// </summary>
public class RouteServerRouteTests
{
    private static EffectiveRouteTable Table(Topology t, string subnet)
    {
        var calc = new EffectiveRouteCalculator(t);
        return calc.ForSubnet(t.ResolveSubnet(subnet));
    }

    private static IEnumerable<EffectiveRoute> Bgp(EffectiveRouteTable t, string prefix) =>
        t.Routes.Where(r => r.Source == RouteSource.VirtualNetworkGateway && r.AddressPrefix.Contains(prefix));

    [Fact]
    public void RouteServerIsReadFromItsHubIpConfigurationAndBgpConnections()
    {
        var t = SampleRouteExpectationTests.For("route-server-only").Topology;
        var rs = Assert.Single(t.RouteServers);
        Assert.Equal("hub-rs", rs.VirtualNetworkId?.Name);
        Assert.Equal(65515, rs.VirtualRouterAsn);
        Assert.False(rs.AllowBranchToBranchTraffic);
        Assert.Equal(new[] { "bgp-nva1", "bgp-nva2", "bgp-sdwan" }, rs.BgpConnections.Select(b => b.Name));
        Assert.Equal(65020, rs.BgpConnections[2].PeerAsn);
        // The PeerRouteList's two instance lists repeat the same rows: kept once.
        Assert.Equal(2, t.LearnedRoutes[rs.BgpConnections[0].Id].Count);
    }

    [Fact]
    public void NvaRoutesReachTheRouteServerVnetAndGatewayTransitSpokesButNotSubnetsWithoutPropagation()
    {
        var t = SampleRouteExpectationTests.For("route-server-only").Topology;
        Assert.Equal(2, Bgp(Table(t, "hub-rs/shared"), "10.0.0.0/8").Count());
        Assert.Equal(2, Bgp(Table(t, "spoke1/workload"), "10.0.0.0/8").Count());
        Assert.DoesNotContain(Table(t, "spoke3/workload").Routes, r => r.Source == RouteSource.VirtualNetworkGateway);
        Assert.DoesNotContain(Table(t, "hub-rs/nva").Routes, r => r.Source == RouteSource.VirtualNetworkGateway);
    }

    [Fact]
    public void SpokeWithoutUseRemoteGatewaysGetsNoRouteServerRoutes()
    {
        var t = SampleFiles.LoadVariant("route-server-only", doc =>
        {
            var spoke = SampleFiles.Resource(doc, "spoke2");
            spoke["properties"]!["virtualNetworkPeerings"]![0]!["properties"]!["useRemoteGateways"] = false;
        });
        Assert.DoesNotContain(Table(t, "spoke2/workload").Routes, r => r.Source == RouteSource.VirtualNetworkGateway);
        Assert.Contains(Table(t, "spoke1/workload").Routes, r => r.Source == RouteSource.VirtualNetworkGateway);
    }

    [Fact]
    public void EqualAsPathsGiveOneRoutePerNvaAndAShorterPathWinsAlone()
    {
        var table = Table(SampleRouteExpectationTests.For("route-server-only").Topology, "spoke1/workload");
        Assert.Equal(new[] { "10.0.1.4", "10.0.1.5" }, Bgp(table, "10.0.0.0/8").Select(r => Assert.Single(r.NextHopIpAddress)).OrderBy(x => x));
        Assert.All(Bgp(table, "10.0.0.0/8"), r => Assert.Equal(NextHopType.VirtualNetworkGateway, r.NextHopType));
        Assert.Equal("10.0.1.4", Assert.Single(Assert.Single(Bgp(table, "0.0.0.0/0")).NextHopIpAddress));
    }

    [Fact]
    public void PeerWithoutCapturedLearnedRoutesIsUnknownNamingTheMissingCapture()
    {
        var table = Table(SampleRouteExpectationTests.For("route-server-only").Topology, "spoke1/workload");
        Assert.Contains(table.Unknowns, u => u.Contains("bgp-sdwan") && u.Contains("getLearnedRoutes") && u.Contains("/bgpConnections/bgp-sdwan"));
        // A subnet that takes no gateway routes is not affected by what the Route Server left unknown.
        Assert.DoesNotContain(Table(SampleRouteExpectationTests.For("route-server-only").Topology, "spoke3/workload").Unknowns, u => u.Contains("bgp-sdwan"));
    }

    [Fact]
    public void RouteServerWithoutAnyCaptureProgramsNothingAndSaysSoForEveryPeer()
    {
        var t = SampleFiles.LoadVariant("route-server-only", doc => doc["results"] = new JsonArray());
        var table = Table(t, "spoke1/workload");
        Assert.DoesNotContain(table.Routes, r => r.Source == RouteSource.VirtualNetworkGateway);
        Assert.Equal(3, table.Unknowns.Count(u => u.Contains("were not captured")));
    }

    [Fact]
    public void BranchToBranchAddsTheGatewaysLearnedRoutesToTheAdvertisementAndTheNvaRoutesToTheGatewaysAdvertisement()
    {
        var t = BranchToBranchEstate(true).Load();
        var calc = new EffectiveRouteCalculator(t);
        var rs = Assert.Single(t.RouteServers);
        var advertised = calc.Gateways.RouteServers.DerivedAdvertisement(rs, calc.Gateways)!;
        Assert.Contains(IpPrefix.Parse("192.168.50.0/24"), advertised);   // on-premises, learned by the VPN gateway
        var gw = t.VirtualNetworkGateways.Single();
        Assert.Contains(calc.Gateways.Advertised(t.VirtualNetworks.Single(v => v.Name == "hub")), x => x.Prefix == IpPrefix.Parse("10.60.0.0/16"));

        var off = BranchToBranchEstate(false).Load();
        var calcOff = new EffectiveRouteCalculator(off);
        Assert.DoesNotContain(IpPrefix.Parse("192.168.50.0/24"), calcOff.Gateways.RouteServers.DerivedAdvertisement(off.RouteServers.Single(), calcOff.Gateways)!);
        Assert.DoesNotContain(calcOff.Gateways.Advertised(off.VirtualNetworks.Single(v => v.Name == "hub")), x => x.Prefix == IpPrefix.Parse("10.60.0.0/16"));
    }

    [Fact]
    public void GatewayRowsLearnedFromTheRouteServerAreLeftToTheRouteServer()
    {
        // With branch-to-branch the VPN gateway learns the NVA's 10.60.0.0/16 from the Route Server (sourcePeer = a router IP);
        // the VNet gets it once, from the Route Server, with the NVA as next hop.
        var t = BranchToBranchEstate(true, gatewayLearnsNva: true).Load();
        var routes = Table(t, "spoke/workload").Routes.Where(r => r.AddressPrefix.Contains("10.60.0.0/16")).ToList();
        var route = Assert.Single(routes);
        Assert.Equal("10.0.1.4", Assert.Single(route.NextHopIpAddress));
    }

    [Theory]
    [InlineData("ExpressRoute", "10.0.255.12")]
    [InlineData("VpnGateway", "10.0.1.4")]
    public void SamePrefixFromExpressRouteAndAnNvaFollowsTheRoutingPreference(string preference, string expectedHop)
    {
        var t = ExpressRouteAndNva(preference).Load();
        var routes = Table(t, "spoke/workload").Routes.Where(r => r.AddressPrefix.Contains("172.16.0.0/12") && r.Source == RouteSource.VirtualNetworkGateway).ToList();
        var active = Assert.Single(routes, r => r.State == RouteState.Active);
        Assert.Contains(expectedHop, active.NextHopIpAddress);
        var invalid = Assert.Single(routes, r => r.State == RouteState.Invalid);
        Assert.Contains(preference, invalid.InvalidReason);
    }

    private static SmallEstate BranchToBranchEstate(bool branchToBranch, bool gatewayLearnsNva = false)
    {
        var gw = SmallEstate.Id("virtualNetworkGateways", "vpngw");
        var lng = SmallEstate.Id("localNetworkGateways", "branch");
        var e = new SmallEstate()
            .Vnet("hub", "10.0.0.0/16", "westeurope", ("GatewaySubnet", "10.0.255.0/27", null), ("RouteServerSubnet", "10.0.254.0/27", null), ("nva", "10.0.1.0/24", null))
            .Vnet("spoke", "10.1.0.0/16", "westeurope", ("workload", "10.1.0.0/24", null))
            .Peer("hub", "spoke").GatewayTransit("hub", "spoke")
            .Nic("nva-nic", "hub", "nva", "10.0.1.4", forwarding: true)
            .RouteServer("rs", "hub", "RouteServerSubnet", new[] { "10.0.254.4", "10.0.254.5" }, branchToBranch, ("nva", "10.0.1.4", 65010))
            .RouteServerLearned("rs", "nva", ("10.60.0.0/16", "10.0.1.4", "65010"))
            .Resource(Gateway(gw, "vpngw", "Vpn", SmallEstate.SubnetId("hub", "GatewaySubnet"), "10.0.255.4"))
            .Resource(new JsonObject
            {
                ["id"] = lng, ["name"] = "branch", ["type"] = "Microsoft.Network/localNetworkGateways", ["location"] = "westeurope",
                ["properties"] = new JsonObject { ["localNetworkAddressSpace"] = new JsonObject { ["addressPrefixes"] = new JsonArray("192.168.50.0/24") }, ["gatewayIpAddress"] = "198.51.100.1" },
            })
            .Resource(new JsonObject
            {
                ["id"] = SmallEstate.Id("connections", "cn-branch"), ["name"] = "cn-branch", ["type"] = "Microsoft.Network/connections", ["location"] = "westeurope",
                ["properties"] = new JsonObject { ["connectionType"] = "IPsec", ["virtualNetworkGateway1"] = new JsonObject { ["id"] = gw }, ["localNetworkGateway2"] = new JsonObject { ["id"] = lng } },
            });
        if (gatewayLearnsNva)
            e.Result("getLearnedRoutes", gw, new JsonObject
            {
                ["value"] = new JsonArray(
                    new JsonObject { ["network"] = "192.168.50.0/24", ["nextHop"] = "", ["sourcePeer"] = "10.0.255.4", ["origin"] = "Network", ["asPath"] = "" },
                    new JsonObject { ["network"] = "10.60.0.0/16", ["nextHop"] = "10.0.1.4", ["sourcePeer"] = "10.0.254.4", ["origin"] = "IBgp", ["asPath"] = "65010" }),
            });
        return e;
    }

    private static SmallEstate ExpressRouteAndNva(string preference)
    {
        var gw = SmallEstate.Id("virtualNetworkGateways", "ergw");
        var e = new SmallEstate()
            .Vnet("hub", "10.0.0.0/16", "westeurope", ("GatewaySubnet", "10.0.255.0/27", null), ("RouteServerSubnet", "10.0.254.0/27", null), ("nva", "10.0.1.0/24", null))
            .Vnet("spoke", "10.1.0.0/16", "westeurope", ("workload", "10.1.0.0/24", null))
            .Peer("hub", "spoke").GatewayTransit("hub", "spoke")
            .Nic("nva-nic", "hub", "nva", "10.0.1.4", forwarding: true)
            .RouteServer("rs", "hub", "RouteServerSubnet", new[] { "10.0.254.4", "10.0.254.5" }, true, ("nva", "10.0.1.4", 65010))
            .RouteServerLearned("rs", "nva", ("172.16.0.0/12", "10.0.1.4", "65010"))
            .Resource(Gateway(gw, "ergw", "ExpressRoute", SmallEstate.SubnetId("hub", "GatewaySubnet"), "10.0.255.4"))
            .Result("getLearnedRoutes", gw, new JsonObject
            {
                ["value"] = new JsonArray(new JsonObject { ["network"] = "172.16.0.0/12", ["nextHop"] = "10.0.255.12", ["sourcePeer"] = "10.0.255.12", ["origin"] = "EBgp", ["asPath"] = "12076-65020" }),
            });
        return e.Patch("virtualHubs", "rs", p => p["hubRoutingPreference"] = preference);
    }

    internal static JsonObject Gateway(string id, string name, string type, string subnetId, string bgpIp) => new()
    {
        ["id"] = id, ["name"] = name, ["type"] = "Microsoft.Network/virtualNetworkGateways", ["location"] = "westeurope",
        ["properties"] = new JsonObject
        {
            ["gatewayType"] = type, ["vpnType"] = "RouteBased", ["enableBgp"] = type == "Vpn",
            ["bgpSettings"] = new JsonObject { ["asn"] = 65515, ["bgpPeeringAddress"] = bgpIp },
            ["ipConfigurations"] = new JsonArray(new JsonObject { ["name"] = "default", ["properties"] = new JsonObject { ["privateIPAddress"] = bgpIp, ["subnet"] = new JsonObject { ["id"] = subnetId } } }),
        },
    };
}
