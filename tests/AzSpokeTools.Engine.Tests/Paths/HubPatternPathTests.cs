using System.Text.Json.Nodes;
using AzSpokeTools.Engine.Intent;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Paths;
using AzSpokeTools.Engine.Tests.Routing;
using AzSpokeTools.Engine.Tests.Samples;
using Xunit;

namespace AzSpokeTools.Engine.Tests.Paths;

/// <summary>
/// Traces through the hub patterns of docs/guide/routing.md: Route Server NVAs (inter-hub overlay, loops without one, ECMP),
/// the MSEE turning traffic back through the same gateway, VPN VNet-to-VNet, VPN/ExpressRoute coexistence, certain drops,
/// allowForwardedTraffic on VPN transit, and explanations that name the route covering the destination.
/// </summary>
public class HubPatternPathTests
{
    private static PathResult Trace(Topology t, string from, string to) => new PathAnalyzer(t).Trace(from, to, IntentSet.FromAvnm(t));

    private static PathResult Sample(string sample, string from, string to) => Trace(SampleRouteExpectationTests.For(sample).Topology, from, to);

    [Fact]
    public void InterHubTraceGoesSpokeNvaANvaBSpokeOverTheOverlayAndSaysTheTunnelIsInferred()
    {
        var r = Sample("route-server-interhub", "spoke-a1", "spoke-b1");
        Assert.Equal(PathOutcome.Delivered, r.Outcome);
        Assert.Equal(new[] { "spoke-a1/workload", "nva-a-nic", "hub-a/nva (overlay to nva-b-nic)", "nva-b-nic", "hub-b/nva", "spoke-b1/workload" }, r.Hops.Select(h => h.Location));
        Assert.Equal("VNetGlobalPeering", r.Hops[2].Route!.NextHopType);
        Assert.Contains(r.Reasons, x => x.Severity == PathReasonSeverity.Assumption && x.Message.Contains("overlay") && x.Message.Contains("65001-65002"));
    }

    [Fact]
    public void WithoutAnotherNvaInTheAsPathTheNvaSubnetSendsThePacketBackAndItLoops()
    {
        var t = SampleFiles.LoadVariant("route-server-interhub", doc =>
        {
            foreach (var result in doc["results"]!.AsArray())
                if (result!["operation"]!.GetValue<string>() == "getLearnedRoutes")
                    foreach (var instance in result["body"]!.AsObject())
                        foreach (var row in instance.Value!.AsArray()) row!["asPath"] = row["asPath"]!.GetValue<string>().Split('-')[0];
        });
        var r = Trace(t, "spoke-a1", "spoke-b1");
        Assert.Equal(PathOutcome.Loop, r.Outcome);
        Assert.Contains(r.Reasons, x => x.Message.Contains("nva-a-nic itself") && x.Fix != null && x.Fix.Contains("tunnel"));
    }

    [Fact]
    public void OverlayWithoutADirectRouteToTheOtherNvaIsDropped()
    {
        var t = SampleFiles.LoadVariant("route-server-interhub", doc =>
        {
            foreach (var hub in new[] { "hub-a", "hub-b" })
            {
                var peerings = SampleFiles.Resource(doc, hub)["properties"]!["virtualNetworkPeerings"]!.AsArray();
                peerings.Remove(peerings.Single(p => p!["name"]!.GetValue<string>().EndsWith(hub == "hub-a" ? "hub-b" : "hub-a")));
            }
        });
        var r = Trace(t, "spoke-a1", "spoke-b1");
        Assert.Equal(PathOutcome.Dropped, r.Outcome);
        Assert.Contains(r.Reasons, x => x.Message.Contains("overlay from nva-a-nic to nva-b-nic") && x.Message.Contains("no direct route"));
    }

    [Fact]
    public void EqualAsPathNvasAreEqualCostAlternatives()
    {
        var r = Sample("route-server-only", "spoke1", "spoke2");
        Assert.Equal(PathKind.Appliance, r.Kind);
        var nvas = new[] { r }.Concat(r.Alternatives).Select(p => p.Hops[1].Location).OrderBy(x => x).ToArray();
        Assert.Equal(new[] { "nva1-nic", "nva2-nic" }, nvas);
    }

    [Fact]
    public void RouteServerRouteToAnNvaAddressHeldByNothingIsDropped()
    {
        var t = SampleFiles.LoadVariant("route-server-only", doc =>
        {
            var resources = doc["resources"]!.AsArray();
            foreach (var name in new[] { "nva1-nic", "nva2-nic" }) resources.Remove(resources.Single(x => x!["name"]!.GetValue<string>() == name));
        });
        var r = Trace(t, "spoke1", "spoke2");
        Assert.Equal(PathOutcome.Dropped, r.Outcome);
        Assert.Contains(r.Reasons, x => x.Message.Contains("hub-rs/nva") && x.Message.Contains("dropped"));
    }

    [Fact]
    public void OnPremisesSummaryTurnsTheMseeBackThroughTheSameGateway()
    {
        var r = Sample("er-summary-hairpin", "spoke-a1", "spoke-a2");
        Assert.Equal(PathKind.ExpressRouteHairpin, r.Kind);
        Assert.Equal(new[] { PathHopRole.Subnet, PathHopRole.VirtualNetwork, PathHopRole.ExpressRouteGateway, PathHopRole.ExpressRouteEdge, PathHopRole.ExpressRouteGateway, PathHopRole.Subnet, PathHopRole.Destination },
            r.Hops.Select(h => h.Role));
        Assert.Equal("ergw-hub-a", r.Hops[2].Location);
        Assert.Equal("ergw-hub-a", r.Hops[4].Location);
        Assert.Contains(r.Reasons, x => x.Message.Contains("same gateway"));
    }

    [Fact]
    public void AMoreSpecificOnPremisesPrefixTakesThePacketOutOfAzureInstead()
    {
        var t = SampleFiles.LoadVariant("er-summary-hairpin", doc =>
        {
            var learned = doc["results"]!.AsArray().Single(x => x!["operation"]!.GetValue<string>() == "getLearnedRoutes")!["body"]!["value"]!.AsArray();
            learned.Add(new JsonObject { ["localAddress"] = "10.0.255.4", ["network"] = "10.2.0.0/24", ["nextHop"] = "10.0.255.12", ["sourcePeer"] = "10.0.255.12", ["origin"] = "EBgp", ["asPath"] = "12076-65020" });
        });
        var r = Trace(t, "spoke-a1", "spoke-a2");
        Assert.Equal(PathOutcome.Unknown, r.Outcome);
        Assert.Contains(r.Reasons, x => x.Message.Contains("10.2.0.0/24") && x.Message.Contains("leaves Azure"));
    }

    [Fact]
    public void WithoutTheOnPremisesSummaryTheSpokesOfOneHubDoNotReachEachOther()
    {
        var t = SampleFiles.LoadVariant("er-summary-hairpin", doc => doc["results"] = new JsonArray());
        Assert.Equal(PathOutcome.Dropped, Trace(t, "spoke-a1", "spoke-a2").Outcome);
    }

    [Fact]
    public void RefusedUserRouteToTheGatewayIsNamedWhereThePathDrops()
    {
        var r = Sample("er-summary-hairpin", "spoke-a3", "spoke-a1");
        Assert.Equal(PathOutcome.Dropped, r.Outcome);
        Assert.Contains(r.Reasons, x => x.Message.Contains("'spokes-via-vpngw'") && x.Message.Contains("Invalid") && x.Message.Contains("coexist"));
        Assert.Contains(r.Reasons, x => x.Fix != null && x.Fix.Contains("spokes-via-vpngw") && !x.Fix.Contains("peer the two VNets"));
    }

    [Fact]
    public void BgpVnetToVnetLeavesThroughTheConnectionThatCarriesTheSpoke()
    {
        var r = Sample("vpn-v2v-bgp", "spoke-a1", "spoke-b1");
        Assert.Equal(new[] { "vpngw-a", "vpngw-b" }, r.Hops.Where(h => h.Role == PathHopRole.VpnGateway).Select(h => h.Location));
        Assert.Equal(PathOutcome.Delivered, r.Reverse!.Outcome);
    }

    [Fact]
    public void VpnTransitWarnsAboutAllowForwardedTrafficLikeApplianceTransit()
    {
        var t = SampleFiles.LoadVariant("vpn-transit", doc =>
            SampleFiles.Resource(doc, "spoke2")["properties"]!["virtualNetworkPeerings"]![0]!["properties"]!["allowForwardedTraffic"] = false);
        var r = Trace(t, "spoke1", "spoke2");
        Assert.Equal(PathKind.VpnGateway, r.Kind);
        Assert.Contains(r.Reasons, x => x.Severity == PathReasonSeverity.Warning && x.Message.Contains("allowForwardedTraffic") && x.Message.Contains("spoke2"));
        Assert.DoesNotContain(Trace(SampleRouteExpectationTests.For("vpn-transit").Topology, "spoke1", "spoke2").Reasons, x => x.Message.Contains("allowForwardedTraffic"));
    }

    [Fact]
    public void NextHopInAVnetButInNoSubnetIsDropped()
    {
        var t = new SmallEstate()
            .Vnet("hub", "10.0.0.0/16", "westeurope", ("nva", "10.0.2.0/24", null))
            .Vnet("spoke1", "10.1.0.0/16", "westeurope", ("workload", "10.1.0.0/24", "rt-spoke1"))
            .Vnet("spoke2", "10.2.0.0/16", "westeurope", ("workload", "10.2.0.0/24", null))
            .Peer("hub", "spoke1").Peer("hub", "spoke2")
            .RouteTable("rt-spoke1", ("spoke2-via-nva", "10.2.0.0/16", "VirtualAppliance", "10.0.9.4"))
            .Load();
        var r = Trace(t, "spoke1", "spoke2");
        Assert.Equal(PathOutcome.Dropped, r.Outcome);
        Assert.Contains(r.Reasons, x => x.Message.Contains("10.0.9.4") && x.Message.Contains("none of its subnets"));
    }

    [Fact]
    public void AMissingNextHopIsUnknownWhereTheCaptureWasDeniedOrTheSubnetIsDelegated()
    {
        var withGap = SampleLikeWithCoverageGap(SmallEstate.OneWayFirewall(nvaIp: "10.0.2.9"));
        var r = Trace(withGap, "spoke1", "spoke2");
        Assert.Equal(PathOutcome.Unknown, r.Outcome);
        Assert.Contains(r.Reasons, x => x.Message.Contains("could not read"));

        var delegated = SmallEstate.OneWayFirewall(nvaIp: "10.0.2.9").Load();
        var subnet = delegated.ResolveSubnet("hub/nva");
        subnet.Delegations = new[] { "Microsoft.Sql/managedInstances" };
        var d = Trace(delegated, "spoke1", "spoke2");
        Assert.Equal(PathOutcome.Unknown, d.Outcome);
        Assert.Contains(d.Reasons, x => x.Message.Contains("delegated to Microsoft.Sql/managedInstances"));
    }

    [Fact]
    public void InternalLoadBalancerWithEmptyBackendPoolsDropsAndWithUnknownMembersIsUnknown()
    {
        Assert.Equal(PathOutcome.Dropped, Trace(WithLoadBalancer(new JsonArray()), "spoke1", "spoke2").Outcome);
        var missingMember = new JsonArray(new JsonObject { ["id"] = SmallEstate.Id("networkInterfaces", "gone") + "/ipConfigurations/ipconfig1" });
        Assert.Equal(PathOutcome.Unknown, Trace(WithLoadBalancer(missingMember), "spoke1", "spoke2").Outcome);
    }

    [Fact]
    public void InspectionBypassReasonsQuoteOnlyRoutesThatCoverTheDestination()
    {
        var r = Sample("avnm-mesh", "spoke4", "spoke1");
        Assert.Contains(r.Reasons, x => x.Message.Contains("'private-to-fw' 10.0.0.0/8"));
        Assert.DoesNotContain(r.Reasons, x => x.Message.Contains("spoke2-via-fw"));
        Assert.DoesNotContain(r.Reasons, x => x.Message.Contains("0.0.0.0/0"));
    }

    [Fact]
    public void DropInsideAMeshOverlapGivesTheOverlapFixNotPeerOrMesh()
    {
        var t = SampleFiles.LoadVariant("avnm-mesh", doc =>
        {
            // spoke2 also claims part of spoke1's space; the firewall UDRs are taken off so only the mesh routes remain.
            SampleFiles.Resource(doc, "spoke2")["properties"]!["addressSpace"]!["addressPrefixes"]!.AsArray().Add("10.1.128.0/17");
            foreach (var spoke in new[] { "spoke1", "spoke2", "spoke3", "spoke4" })
                foreach (var subnet in SampleFiles.Resource(doc, spoke)["properties"]!["subnets"]!.AsArray())
                    subnet!["properties"]!.AsObject().Remove("routeTable");
        });
        var r = Trace(t, "spoke4", "spoke1");
        Assert.Equal(PathOutcome.Dropped, r.Outcome);
        Assert.Contains(r.Reasons, x => x.Fix != null && x.Fix.Contains("overlap") && x.Fix.Contains("spoke2"));
        Assert.DoesNotContain(r.Reasons, x => x.Fix != null && x.Fix.StartsWith("peer the two VNets"));
    }

    [Fact]
    public void DropBetweenVirtualWanSpokesGivesThePropagationFix()
    {
        var r = Sample("vwan", "spoke1", "spoke3");
        Assert.Equal(PathOutcome.Dropped, r.Outcome);
        Assert.Contains(r.Reasons, x => x.Fix != null && x.Fix.Contains("propagate conn-spoke3"));
        Assert.DoesNotContain(r.Reasons, x => x.Fix != null && x.Fix.StartsWith("peer the two VNets"));
    }

    private static Topology SampleLikeWithCoverageGap(SmallEstate estate)
    {
        var doc = new JsonObject
        {
            ["schemaVersion"] = 1, ["capturedAt"] = "2026-11-01T00:00:00Z", ["source"] = "test",
            ["coverage"] = new JsonObject { ["denied"] = new JsonArray(new JsonObject { ["scope"] = "/subscriptions/00000000-0000-0000-0000-000000000001", ["type"] = "microsoft.network/networkinterfaces", ["status"] = 403 }) },
            ["resources"] = JsonNode.Parse(estate.ToJson())!.AsArray(), ["results"] = new JsonArray(),
        };
        return AzSpokeTools.Engine.Snapshot.SnapshotLoader.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(doc.ToJsonString())), "gap.json");
    }

    private static Topology WithLoadBalancer(JsonArray poolMembers) => new SmallEstate()
        .Vnet("hub", "10.0.0.0/16", "westeurope", ("nva", "10.0.2.0/24", null))
        .Vnet("spoke1", "10.1.0.0/16", "westeurope", ("workload", "10.1.0.0/24", "rt-spoke1"))
        .Vnet("spoke2", "10.2.0.0/16", "westeurope", ("workload", "10.2.0.0/24", null))
        .Peer("hub", "spoke1").Peer("hub", "spoke2")
        .RouteTable("rt-spoke1", ("spoke2-via-ilb", "10.2.0.0/16", "VirtualAppliance", "10.0.2.100"))
        .Resource(new JsonObject
        {
            ["id"] = SmallEstate.Id("loadBalancers", "ilb-nva"), ["name"] = "ilb-nva", ["type"] = "Microsoft.Network/loadBalancers", ["location"] = "westeurope",
            ["properties"] = new JsonObject
            {
                ["frontendIPConfigurations"] = new JsonArray(new JsonObject
                {
                    ["name"] = "fe", ["properties"] = new JsonObject { ["privateIPAddress"] = "10.0.2.100", ["subnet"] = new JsonObject { ["id"] = SmallEstate.SubnetId("hub", "nva") } },
                }),
                ["backendAddressPools"] = new JsonArray(new JsonObject { ["name"] = "nvas", ["properties"] = new JsonObject { ["backendIPConfigurations"] = poolMembers } }),
            },
        })
        .Load();
}
