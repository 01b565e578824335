using System.Text.Json.Nodes;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Routing;
using AzSpokeTools.Engine.Tests.Samples;
using Xunit;

namespace AzSpokeTools.Engine.Tests.Routing;

/// <summary>
/// How gateways advertise (docs/guide/routing.md "How gateways advertise"), the next hop IPs their routes show ("Next hop IP
/// addresses as Azure shows them"), and user-defined routes to a gateway when VPN and ExpressRoute coexist.
/// </summary>
public class GatewayAdvertisementTests
{
    private static EffectiveRouteTable Table(Topology t, string subnet) => new EffectiveRouteCalculator(t).ForSubnet(t.ResolveSubnet(subnet));

    private static List<EffectiveRoute> Gateway(EffectiveRouteTable t, string prefix) =>
        t.Routes.Where(r => r.Source == RouteSource.VirtualNetworkGateway && r.AddressPrefix.Contains(prefix)).ToList();

    [Fact]
    public void SummaryReplacesTheHubAndTheSpokesItCoversOthersStayAndTheSpokesOwnPropertyIsIgnored()
    {
        var t = SampleRouteExpectationTests.For("summarized-prefixes").Topology;
        var calc = new EffectiveRouteCalculator(t);
        var hubB = t.VirtualNetworks.Single(v => v.Name == "hub-b");
        var advertised = calc.Gateways.Advertised(hubB).Select(x => x.Prefix.ToString()).ToList();
        Assert.Equal(new[] { "10.100.0.0/14", "172.21.0.0/16" }, advertised);
        var hubA = t.VirtualNetworks.Single(v => v.Name == "hub-a");
        Assert.Equal(new[] { "10.0.0.0/16", "10.1.0.0/16" }, calc.Gateways.Advertised(hubA).Select(x => x.Prefix.ToString()));
    }

    [Fact]
    public void WithoutTheSummaryEverySpokeIsAdvertisedOnItsOwn()
    {
        var t = SampleFiles.LoadVariant("summarized-prefixes", doc => SampleFiles.Resource(doc, "hub-b")["properties"]!.AsObject().Remove("summarizedGatewayPrefixes"));
        var spoke = Table(t, "spoke-a1/workload");
        foreach (var p in new[] { "10.100.0.0/16", "10.101.0.0/16", "10.102.0.0/16", "172.21.0.0/16" }) Assert.Single(Gateway(spoke, p));
        Assert.Empty(Gateway(spoke, "10.100.0.0/14"));
    }

    [Fact]
    public void BgpVnetToVnetCarriesTheRemoteHubAndItsTransitSpokesStaticOnlyTheRemoteVnetAndNothingTwice()
    {
        var table = Table(SampleRouteExpectationTests.For("vpn-v2v-bgp").Topology, "spoke-a1/workload");
        // Two connection objects (cn-a-to-b, cn-b-to-a) for one BGP VNet-to-VNet: one route each.
        Assert.Single(Gateway(table, "10.100.0.0/16"));
        Assert.Single(Gateway(table, "10.101.0.0/16"));
        Assert.Single(Gateway(table, "10.200.0.0/16"));
        Assert.Empty(Gateway(table, "10.201.0.0/16"));
        Assert.Contains("BGP VNet-to-VNet", Gateway(table, "10.101.0.0/16")[0].Origin);
        Assert.Contains("static VNet-to-VNet", Gateway(table, "10.200.0.0/16")[0].Origin);
    }

    [Fact]
    public void BgpOnOneGatewayOnlyMakesTheConnectionStatic()
    {
        var t = SampleFiles.LoadVariant("vpn-v2v-bgp", doc => SampleFiles.Resource(doc, "vpngw-b")["properties"]!["enableBgp"] = false);
        var table = Table(t, "spoke-a1/workload");
        Assert.Single(Gateway(table, "10.100.0.0/16"));
        Assert.Empty(Gateway(table, "10.101.0.0/16"));
    }

    [Fact]
    public void VpnRoutesShowTheGatewaysOwnAddressesActiveActiveBothNeverTheBgpPeer()
    {
        var t = SampleRouteExpectationTests.For("vpn-v2v-bgp").Topology;
        Assert.Equal(new[] { "10.0.255.4", "10.0.255.5" }, Gateway(Table(t, "spoke-a1/workload"), "10.101.0.0/16")[0].NextHopIpAddress.OrderBy(x => x));
        // Captured on vpngw-b: the rows name vpngw-a's BGP addresses; the NIC shows vpngw-b's public IP.
        Assert.Equal(new[] { "203.0.113.60" }, Gateway(Table(t, "spoke-b1/workload"), "10.1.0.0/16")[0].NextHopIpAddress);
    }

    [Fact]
    public void CapturedLearnedRoutesOnAnActiveActiveGatewayShowBothInstances()
    {
        var t = SampleFiles.LoadVariant("vpn-v2v-bgp", doc =>
        {
            var gwA = SampleFiles.Resource(doc, "vpngw-a")["id"]!.GetValue<string>();
            doc["results"]!.AsArray().Add(new JsonObject
            {
                ["operation"] = "getLearnedRoutes", ["scope"] = gwA,
                ["body"] = new JsonObject { ["value"] = new JsonArray(new JsonObject
                {
                    ["localAddress"] = "10.0.255.4", ["network"] = "10.101.0.0/16", ["nextHop"] = "10.100.255.30", ["sourcePeer"] = "10.100.255.30", ["origin"] = "EBgp", ["asPath"] = "65020",
                }) },
            });
        });
        var table = Table(t, "spoke-a1/workload");
        Assert.Equal(new[] { "10.0.255.4", "10.0.255.5" }, Assert.Single(Gateway(table, "10.101.0.0/16")).NextHopIpAddress.OrderBy(x => x));
        // The capture is preferred: what it does not list (hub-b's own 10.100.0.0/16, hub-c) is not derived next to it.
        Assert.Empty(Gateway(table, "10.100.0.0/16"));
        Assert.Empty(Gateway(table, "10.200.0.0/16"));
    }

    [Fact]
    public void CapturedNetworkRowsOfALocalNetworkGatewayPrefixStayProgrammedTheVnetsOwnDoNot()
    {
        var t = SampleFiles.LoadVariant("vpn-transit", doc =>
        {
            var gw = SampleFiles.Resource(doc, "vgw-hub")["id"]!.GetValue<string>();
            JsonObject Row(string network) => new() { ["localAddress"] = "10.0.255.30", ["network"] = network, ["nextHop"] = "", ["sourcePeer"] = "10.0.255.30", ["origin"] = "Network", ["asPath"] = "" };
            doc["results"]!.AsArray().Add(new JsonObject
            {
                ["operation"] = "getLearnedRoutes", ["scope"] = gw,
                ["body"] = new JsonObject { ["value"] = new JsonArray(Row("10.0.0.0/16"), Row("10.1.0.0/16"), Row("192.168.100.0/24")) },
            });
        });
        var table = Table(t, "spoke1/workload");
        Assert.Single(Gateway(table, "192.168.100.0/24"));
        Assert.Empty(Gateway(table, "10.1.0.0/16"));
    }

    [Fact]
    public void UserRouteToTheGatewayIsInvalidWhenVpnAndExpressRouteCoexistAndTheDefaultRouteStaysActive()
    {
        var table = Table(SampleRouteExpectationTests.For("er-summary-hairpin").Topology, "spoke-a3/workload");
        var udr = Assert.Single(table.Routes, r => r.Name == "spokes-via-vpngw");
        Assert.Equal(RouteState.Invalid, udr.State);
        Assert.Contains("coexist", udr.InvalidReason);
        Assert.Contains("vpngw-hub-a", udr.InvalidReason);
        Assert.Single(table.Routes, r => r.Source == RouteSource.Default && r.NextHopType == NextHopType.None && r.AddressPrefix.Contains("10.0.0.0/8") && r.State == RouteState.Active);
    }

    [Fact]
    public void WithOnlyTheVpnGatewayTheSameUserRouteIsActive()
    {
        var t = SampleFiles.LoadVariant("er-summary-hairpin", doc =>
        {
            var resources = doc["resources"]!.AsArray();
            foreach (var name in new[] { "ergw-hub-a", "cn-hub-a-erc" })
                resources.Remove(resources.Single(r => r!["name"]!.GetValue<string>() == name));
            doc["results"] = new JsonArray();
        });
        Assert.Equal(RouteState.Active, Table(t, "spoke-a3/workload").Routes.Single(r => r.Name == "spokes-via-vpngw").State);
    }
}
