using System.Text;
using AzSpokeTools.Engine.Intent;
using AzSpokeTools.Engine.Paths;
using AzSpokeTools.Engine.Snapshot;
using Xunit;

namespace AzSpokeTools.Engine.Tests.Paths;

/// <summary>Path tracing behaviours: hops, reverse paths and asymmetry, drops, loops, unknowns, equal-cost alternatives, explanations.</summary>
public class PathTracingTests
{
    private static PathResult Trace(Model.Topology t, string from, string to) => new PathAnalyzer(t).Trace(from, to, IntentSet.FromAvnm(t));

    [Fact]
    public void FirewallOnOneDirectionOnlyIsAnAsymmetricPair()
    {
        var t = SmallEstate.OneWayFirewall().Load();
        var r = Trace(t, "spoke1", "spoke2");
        Assert.Equal(PathOutcome.Delivered, r.Outcome);
        Assert.Equal(PathKind.Appliance, r.Kind);
        Assert.Equal(new[] { "spoke1/workload", "nva-nic", "hub/nva", "spoke2/workload" }, r.Hops.Select(h => h.Location));
        Assert.Equal(new[] { PathHopRole.Subnet, PathHopRole.Appliance, PathHopRole.Subnet, PathHopRole.Destination }, r.Hops.Select(h => h.Role));
        Assert.Equal("spoke2-via-nva", r.Hops[0].Route!.Name);
        Assert.NotNull(r.Reverse);
        Assert.Equal(PathKind.Direct, r.Reverse!.Kind);
        Assert.Equal(new[] { "spoke2/workload", "spoke1/workload" }, r.Reverse.Hops.Select(h => h.Location));
        Assert.False(r.Symmetric);
        // The exact-prefix UDR overriding the direct peering is named with its route table.
        Assert.Contains(r.Reasons, x => x.Message.Contains("spoke2-via-nva") && x.Message.Contains("rt-spoke1") && x.Message.Contains("VNetPeering"));
    }

    [Fact]
    public void ApplianceWithoutIpForwardingDropsAndNamesTheNic()
    {
        var r = Trace(SmallEstate.OneWayFirewall(nvaForwards: false).Load(), "spoke1", "spoke2");
        Assert.Equal(PathOutcome.Dropped, r.Outcome);
        Assert.Equal(PathKind.None, r.Kind);
        Assert.Contains(r.Reasons, x => x.ResourceId != null && x.ResourceId.EndsWith("/networkInterfaces/nva-nic") && x.Message.Contains("enableIPForwarding") && x.Fix != null);
    }

    [Fact]
    public void NextHopIpInASubnetButOnNoDeviceIsDroppedNamingTheIp()
    {
        // docs/guide/routing.md "Certain drops": in a complete snapshot an address no NIC, frontend or firewall holds is a black hole.
        var r = Trace(SmallEstate.OneWayFirewall(nvaIp: "10.0.2.9").Load(), "spoke1", "spoke2");
        Assert.Equal(PathOutcome.Dropped, r.Outcome);
        Assert.Contains(r.Reasons, x => x.Message.Contains("10.0.2.4") && x.Message.Contains("hub/nva") && x.Message.Contains("dropped"));
    }

    [Fact]
    public void ApplianceSubnetRoutingBackToTheApplianceIsALoop()
    {
        var estate = SmallEstate.OneWayFirewall(nvaRouteTable: "rt-nva").RouteTable("rt-nva", ("back", "10.2.0.0/16", "VirtualAppliance", "10.0.2.4"));
        var r = Trace(estate.Load(), "spoke1", "spoke2");
        Assert.Equal(PathOutcome.Loop, r.Outcome);
        Assert.Equal(PathKind.None, r.Kind);
    }

    [Fact]
    public void PeeringWithVirtualNetworkAccessOffOnTheRemoteSideBlocks()
    {
        var t = new SmallEstate()
            .Vnet("a", "10.1.0.0/16", "westeurope", ("workload", "10.1.0.0/24", null))
            .Vnet("b", "10.2.0.0/16", "westeurope", ("workload", "10.2.0.0/24", null))
            .Peer("a", "b", accessAtoB: true, accessBtoA: false).Load();
        var r = Trace(t, "a", "b");
        Assert.Equal(PathOutcome.Dropped, r.Outcome);
        Assert.Contains(r.Reasons, x => x.Message.Contains("b-to-a") && x.Message.Contains("allowVirtualNetworkAccess false") && x.Fix!.Contains("b-to-a"));
    }

    [Fact]
    public void ForwardedTrafficRefusedByTheReceivingPeeringIsAWarningNotADrop()
    {
        var t = new SmallEstate()
            .Vnet("hub", "10.0.0.0/16", "westeurope", ("nva", "10.0.2.0/24", null))
            .Vnet("spoke1", "10.1.0.0/16", "westeurope", ("workload", "10.1.0.0/24", "rt"))
            .Vnet("spoke2", "10.2.0.0/16", "westeurope", ("workload", "10.2.0.0/24", null))
            .Peer("hub", "spoke1").Peer("hub", "spoke2", forwardedIntoB: false)
            .Nic("nva-nic", "hub", "nva", "10.0.2.4", true)
            .RouteTable("rt", ("to-nva", "10.2.0.0/16", "VirtualAppliance", "10.0.2.4")).Load();
        var r = Trace(t, "spoke1", "spoke2");
        Assert.Equal(PathOutcome.Delivered, r.Outcome);
        Assert.Contains(r.Reasons, x => x.Severity == PathReasonSeverity.Warning && x.Message.Contains("spoke2-to-hub") && x.Message.Contains("allowForwardedTraffic"));
    }

    [Fact]
    public void EqualCostApplianceNextHopsGiveEveryAlternativePath()
    {
        var t = new SmallEstate()
            .Vnet("hub", "10.0.0.0/16", "westeurope", ("nva", "10.0.2.0/24", null))
            .Vnet("spoke1", "10.1.0.0/16", "westeurope", ("workload", "10.1.0.0/24", "rt"))
            .Vnet("spoke2", "10.2.0.0/16", "westeurope", ("workload", "10.2.0.0/24", null))
            .Peer("hub", "spoke1").Peer("hub", "spoke2")
            .Nic("nva-1", "hub", "nva", "10.0.2.4", true).Nic("nva-2", "hub", "nva", "10.0.2.5", true)
            .RouteTable("rt", ("to-nva", "10.2.0.0/16", "VirtualAppliance", "10.0.2.4,10.0.2.5")).Load();
        var r = Trace(t, "spoke1", "spoke2");
        Assert.Single(r.Alternatives);
        Assert.Equal("nva-1", r.Hops[1].Location);
        Assert.Equal("nva-2", r.Alternatives[0].Hops[1].Location);
        Assert.All(new[] { r, r.Alternatives[0] }, p => Assert.Equal(PathKind.Appliance, p.Kind));
    }

    [Fact]
    public void EndpointsResolveByNameSubnetNicIpAndIdAndAmbiguityListsCandidates()
    {
        var t = SmallEstate.OneWayFirewall().Load();
        Assert.Equal("10.1.0.4", PathEndpoints.Resolve(t, "spoke1", "Source").Address.ToString());
        Assert.Equal("10.2.0.4", PathEndpoints.Resolve(t, "spoke2/workload", "Source").Address.ToString());
        Assert.Equal("10.0.2.4", PathEndpoints.Resolve(t, "nva-nic", "Source").Address.ToString());
        Assert.Equal("hub/nva", PathEndpoints.Resolve(t, "10.0.2.77", "Source").Subnet!.DisplayName);
        Assert.Equal("spoke1", PathEndpoints.Resolve(t, SmallEstate.Id("virtualNetworks", "spoke1"), "Source").VirtualNetwork!.Name);
        var twice = new SmallEstate().Vnet("x", "10.1.0.0/16", "westeurope", ("s", "10.1.0.0/24", null)).Nic("x", "x", "s", "10.1.0.5", false).Load();
        var ex = Assert.Throws<EngineInputException>(() => PathEndpoints.Resolve(twice, "x", "Source"));
        Assert.Contains(SmallEstate.Id("virtualNetworks", "x"), ex.Message);
        Assert.Contains(SmallEstate.Id("networkInterfaces", "x"), ex.Message);
    }

    [Fact]
    public void HairpinGoesSpokeHubGatewayMseeGatewayHubSpoke()
    {
        var r = Trace(SnapshotLoader.Load("sample:contoso-hairpin"), "spoke-a1", "spoke-b1");
        Assert.Equal(PathKind.ExpressRouteHairpin, r.Kind);
        Assert.Equal(new[] { PathHopRole.Subnet, PathHopRole.VirtualNetwork, PathHopRole.ExpressRouteGateway, PathHopRole.ExpressRouteEdge,
                             PathHopRole.ExpressRouteGateway, PathHopRole.Subnet, PathHopRole.Destination }, r.Hops.Select(h => h.Role));
        Assert.Equal(new[] { "spoke-a1/workload", "hub-a", "ergw-hub-a", "MSEE of erc-contoso-ams", "ergw-hub-b", "hub-b/GatewaySubnet", "spoke-b1/workload" },
            r.Hops.Select(h => h.Location));
        Assert.Equal("VirtualNetworkGateway", r.Hops[0].Route!.NextHopType);
        Assert.Equal("VNetPeering", r.Hops[5].Route!.NextHopType);
        // The mesh is configured but not deployed: the explanation names the configuration and the regions to deploy.
        Assert.False(r.Compliant);
        Assert.Contains(r.Reasons, x => x.Message.Contains("cc-spokes-mesh") && x.Message.Contains("not deployed") && x.Fix!.Contains("deploy"));
    }

    [Fact]
    public void HairpinBecomesMeshOnceTheMeshConfigurationIsDeployed()
    {
        using var s = typeof(SnapshotLoader).Assembly.GetManifestResourceStream("samples/contoso-hairpin.json")!;
        var text = new StreamReader(s).ReadToEnd();
        Assert.Contains("\"NotStarted\"", text);
        var deployed = SnapshotLoader.Load(new MemoryStream(Encoding.UTF8.GetBytes(text.Replace("\"NotStarted\"", "\"Deployed\""))), "contoso-hairpin-deployed.json");
        var r = Trace(deployed, "spoke-a1", "spoke-b1");
        Assert.Equal(PathOutcome.Delivered, r.Outcome);
        Assert.Equal(PathKind.Mesh, r.Kind);
        Assert.Equal("ConnectedGroup", r.Hops[0].Route!.NextHopType);
        Assert.True(r.Compliant);
        Assert.True(r.Symmetric);
    }

    [Fact]
    public void SummaryFirewallUdrLosingToConnectedGroupRoutesSaysInspectionIsBypassed()
    {
        var r = Trace(SnapshotLoader.Load("sample:avnm-mesh"), "spoke1", "spoke2");
        Assert.Equal(PathKind.Mesh, r.Kind);
        var reason = Assert.Single(r.Reasons, x => x.Message.Contains("inspection is bypassed"));
        Assert.Contains("10.0.0.0/8", reason.Message);
        Assert.Contains("10.2.0.0/16", reason.Fix);
    }

    [Fact]
    public void ExactPrefixUdrOverridingTheMeshIsNamedWithItsRouteTable()
    {
        var r = Trace(SnapshotLoader.Load("sample:avnm-mesh"), "spoke4", "spoke2");
        Assert.Equal(PathKind.Appliance, r.Kind);
        Assert.False(r.Compliant);
        Assert.Equal(new[] { PathKind.Mesh }, r.Intended);
        Assert.Contains(r.Reasons, x => x.Message.Contains("spoke2-via-fw") && x.Message.Contains("rt-spoke4-to-fw") && x.Message.Contains("ConnectedGroup") && x.Fix!.Contains("remove route"));
    }

    [Fact]
    public void UndeliveredPairListsTheDropRouteAndWhatWouldConnectIt()
    {
        var r = Trace(SnapshotLoader.Load("sample:avnm-hub-spoke"), "spoke-we1", "spoke-ne1");
        Assert.Equal(PathOutcome.Dropped, r.Outcome);
        Assert.Contains(r.Reasons, x => x.Message.Contains("None"));
        Assert.Contains(r.Reasons, x => x.Message.Contains("regional") && x.Fix!.Contains("isGlobal"));
    }

    [Fact]
    public void PrivateEndpointInAPeeredVnetIsReachedDirectlyByItsSlash32()
    {
        var t = SnapshotLoader.Load("sample:peered-spokes");
        var r = Trace(t, "spoke1", "10.2.1.4");
        Assert.Equal(PathKind.Direct, r.Kind);
        Assert.Equal("InterfaceEndpoint", r.Hops[0].Route!.NextHopType);
        Assert.Equal("10.2.1.4/32", r.Hops[0].Route!.AddressPrefix);
        Assert.Equal("spoke2/endpoints", r.Hops[^1].Location);
        Assert.Equal(PathOutcome.Dropped, Trace(t, "spoke3", "10.2.1.4").Outcome);
    }

    [Fact]
    public void VpnTransitGoesThroughTheHubGatewayAndItsGatewaySubnet()
    {
        var r = Trace(SnapshotLoader.Load("sample:vpn-transit"), "spoke1", "spoke2");
        Assert.Equal(PathKind.VpnGateway, r.Kind);
        Assert.Equal(new[] { PathHopRole.Subnet, PathHopRole.VirtualNetwork, PathHopRole.VpnGateway, PathHopRole.Subnet, PathHopRole.Destination }, r.Hops.Select(h => h.Role));
        Assert.Equal("User", r.Hops[0].Route!.Source);
        Assert.Equal("VirtualNetworkGateway", r.Hops[0].Route!.NextHopType);
        Assert.Equal("hub/GatewaySubnet", r.Hops[3].Location);
    }

    [Fact]
    public void VirtualWanHubRouterAndSecuredHubFirewallAreTheTransits()
    {
        var t = SnapshotLoader.Load("sample:vwan");
        var plain = Trace(t, "spoke1", "spoke2");
        Assert.Equal(new[] { PathHopRole.Subnet, PathHopRole.VirtualHubRouter, PathHopRole.Destination }, plain.Hops.Select(h => h.Role));
        var secured = Trace(t, "spoke3", "spoke4");
        Assert.Equal(new[] { PathHopRole.Subnet, PathHopRole.Appliance, PathHopRole.Destination }, secured.Hops.Select(h => h.Role));
        Assert.Equal(new[] { PathKind.Appliance }, secured.Transits);
    }

    private static Model.Topology ContosoWith(Func<string, string> edit)
    {
        using var s = typeof(SnapshotLoader).Assembly.GetManifestResourceStream("samples/contoso-hairpin.json")!;
        var text = new StreamReader(s).ReadToEnd();
        var changed = edit(text);
        Assert.NotEqual(text, changed);
        return SnapshotLoader.Load(new MemoryStream(Encoding.UTF8.GetBytes(changed)), "contoso-hairpin-edited.json");
    }

    [Fact]
    public void HairpinIsDroppedWhenTheGatewaysRefuseRemoteVnetTraffic()
    {
        var t = ContosoWith(x => x.Replace("\"allowRemoteVnetTraffic\": true", "\"allowRemoteVnetTraffic\": false"));
        var r = Trace(t, "spoke-a1", "spoke-b1");
        Assert.Equal(PathOutcome.Dropped, r.Outcome);
        Assert.Contains(r.Reasons, x => x.Message.Contains("ergw-hub-b") && x.Message.Contains("allowRemoteVnetTraffic false") && x.Fix != null);
        Assert.Contains(r.Reasons, x => x.Message.Contains("ergw-hub-a") && x.Message.Contains("allowRemoteVnetTraffic false"));
    }

    [Fact]
    public void AbsentGatewayToggleIsTakenAsLegacyAcceptAllAndSaysSo()
    {
        var t = ContosoWith(x => x.Replace("\"allowRemoteVnetTraffic\": true,", ""));
        var r = Trace(t, "spoke-a1", "spoke-b1");
        Assert.Equal(PathKind.ExpressRouteHairpin, r.Kind);
        Assert.Contains(r.Reasons, x => x.Severity == PathReasonSeverity.Assumption && x.Message.Contains("legacy"));
    }

    [Fact]
    public void InternetNextHopDropsPrivateDestinationsAndLeavesPublicOnesUnknown()
    {
        var t = new SmallEstate()
            .Vnet("a", "10.1.0.0/16", "westeurope", ("workload", "10.1.0.0/24", "rt"))
            .RouteTable("rt", ("private-to-internet", "172.16.0.0/12", "Internet", null)).Load();
        var priv = Trace(t, "a", "172.20.0.4");
        Assert.Equal(PathOutcome.Dropped, priv.Outcome);
        Assert.Contains(priv.Reasons, x => x.Message.Contains("private-to-internet") && x.Message.Contains("leaves private routing"));
        var pub = Trace(SnapshotLoader.Load("sample:split-nva"), "spoke1", "8.8.8.8");
        Assert.Equal(PathOutcome.Unknown, pub.Outcome);
        Assert.Equal(new[] { PathKind.Appliance }, pub.Transits);
        Assert.Contains(pub.Reasons, x => x.Message.Contains("Internet"));
    }
}
