using AzSpokeTools.Engine.Hosting;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Readiness;
using AzSpokeTools.Engine.Requests;
using Xunit;

namespace AzSpokeTools.Engine.Tests.Readiness;

public sealed class ReadinessRuleTests
{
    private static ReadinessReport Check(Topology t, Action<MeshReadinessRequest>? set = null)
    {
        var r = new MeshReadinessRequest { Topology = t };
        set?.Invoke(r);
        return r.Execute(new RecordingEngineHost());
    }

    private static EstateBuilder HubWithSpokes(int spokes, string region = "westeurope")
    {
        var b = new EstateBuilder().Vnet("hub", region, "10.0.0.0/16").ErGateway("hub", "10.0.255.0/27");
        for (int i = 1; i <= spokes; i++) b.Vnet("spoke" + i, region, $"10.{i}.0.0/16").Peer("hub", "spoke" + i, hubTransit: true);
        return b;
    }

    [Fact]
    public void DefaultSelectionIsEverySpokeAndLeavesGatewayHubsOut()
    {
        var report = Check(HubWithSpokes(3).Build());
        Assert.Equal(new[] { "spoke1", "spoke2", "spoke3" }, report.Selection.Members.Select(m => m.Name));
        Assert.True(report.Ready);
    }

    [Fact]
    public void GroupLargerThanTheLimitIsAnErrorAndHighScaleRaisesTheCap()
    {
        var t = HubWithSpokes(4).Build();
        var report = Check(t, r => r.ConnectedGroupLimit = 3);
        var f = Assert.Single(report.Of(ReadinessRules.GroupSize));
        Assert.Equal(ReadinessSeverity.Error, f.Severity);
        Assert.Equal("4", f.Evidence["members"]);
        Assert.Equal("3", f.Evidence["limit"]);
        Assert.False(report.Ready);

        var high = Check(t, r => { r.ConnectedGroupLimit = 3; r.HighScale = true; });
        Assert.True(high.Ready);
        Assert.Equal(ReadinessSeverity.Info, Assert.Single(high.Of(ReadinessRules.GroupSize)).Severity);
        Assert.Equal(MeshReadinessOptions.DefaultHighScaleConnectedGroupLimit.ToString(), high.Of(ReadinessRules.GroupSize).Single().Evidence["limit"]);
    }

    [Fact]
    public void HighScalePrivateEndpointsNeedSubnetAndVnetPoliciesAndWarnOfTheReset()
    {
        var t = new EstateBuilder()
            .Vnet("a", "westeurope", "10.1.0.0/16", peVnetPolicy: "Basic", subnetPolicy: "RouteTableEnabled")
            .Vnet("b", "westeurope", "10.2.0.0/16", subnetPolicy: "Disabled")
            .PrivateEndpoint("a", "pe-a").PrivateEndpoint("b", "pe-b").Build();
        Assert.Empty(Check(t).Of(ReadinessRules.PrivateEndpointSubnetPolicy));

        var report = Check(t, r => r.HighScalePrivateEndpoints = true);
        var subnet = Assert.Single(report.Of(ReadinessRules.PrivateEndpointSubnetPolicy));
        Assert.EndsWith("/virtualNetworks/b/subnets/default", subnet.ResourceId);
        Assert.Equal("Disabled", subnet.Evidence["privateEndpointNetworkPolicies"]);
        var vnet = Assert.Single(report.Of(ReadinessRules.PrivateEndpointVnetPolicy));
        Assert.EndsWith("/virtualNetworks/b", vnet.ResourceId);
        Assert.Equal(ReadinessSeverity.Warning, Assert.Single(report.Of(ReadinessRules.PrivateEndpointConnectionReset)).Severity);
        Assert.False(report.Ready);
    }

    [Fact]
    public void OverlappingMembersAndOverlapWithAnOutsidePeerAreErrors()
    {
        var t = new EstateBuilder()
            .Vnet("a", "westeurope", "10.1.0.0/16")
            .Vnet("b", "westeurope", "10.1.128.0/17")
            .Vnet("c", "westeurope", "10.3.0.0/16")
            .Vnet("outside", "westeurope", "10.3.4.0/24")
            .Vnet("d", "westeurope", "10.4.0.0/16")
            .Peer("d", "outside").Build();
        var report = Check(t, r => r.VirtualNetwork = new[] { "a", "b", "c", "d" });
        var overlap = Assert.Single(report.Of(ReadinessRules.OverlapInGroup));
        Assert.Equal("10.1.0.0/16", overlap.Evidence["prefix"]);
        Assert.Equal("10.1.128.0/17", overlap.Evidence["otherPrefix"]);
        var ext = Assert.Single(report.Of(ReadinessRules.OverlapWithPeeredVnet));
        Assert.Equal("d", ext.Evidence["member"]);
        Assert.Equal("c", ext.Evidence["overlappedMember"]);
        Assert.False(report.Ready);
    }

    [Fact]
    public void VnetAlreadyInTwoConnectedGroupsIsAnError()
    {
        var t = new EstateBuilder()
            .Vnet("a", "westeurope", "10.1.0.0/16").Vnet("b", "westeurope", "10.2.0.0/16").Vnet("c", "westeurope", "10.3.0.0/16")
            .Mesh("nm", "g1", "c1", new[] { "a", "b" }, new[] { "westeurope" })
            .Mesh("nm", "g2", "c2", new[] { "a", "c" }, new[] { "westeurope" }).Build();
        var f = Assert.Single(Check(t).Of(ReadinessRules.ConnectedGroupsPerVnet));
        Assert.EndsWith("/virtualNetworks/a", f.ResourceId);
        Assert.Equal("2", f.Evidence["connectedGroups"]);
    }

    [Fact]
    public void ExactPrefixRouteKeepsThePairOffTheMeshAndSummaryRouteIsBypassed()
    {
        var t = new EstateBuilder()
            .RouteTable("rt-exact", "westeurope", ("10.2.0.0/16", "VirtualAppliance", "10.0.1.4"))
            .RouteTable("rt-summary", "westeurope", ("10.0.0.0/8", "VirtualAppliance", "10.0.1.4"), ("0.0.0.0/0", "VirtualAppliance", "10.0.1.4"))
            .Vnet("a", "westeurope", "10.1.0.0/16", routeTable: "rt-exact")
            .Vnet("b", "westeurope", "10.2.0.0/16", routeTable: "rt-summary")
            .Vnet("c", "westeurope", "10.3.0.0/16").Build();
        var report = Check(t);
        var keep = Assert.Single(report.Of(ReadinessRules.RouteKeepsPairOffMesh));
        Assert.EndsWith("/virtualNetworks/a", keep.ResourceId);
        Assert.Equal("a->b", keep.Evidence["pairs"]);
        var bypass = Assert.Single(report.Of(ReadinessRules.SummaryRouteBypassed));
        Assert.EndsWith("/virtualNetworks/b", bypass.ResourceId);
        Assert.Equal("10.0.0.0/8", bypass.Evidence["addressPrefix"]);
        Assert.Equal("b->a, b->c", bypass.Evidence["pairs"]);
    }

    [Fact]
    public void SummaryRouteAlreadyBeatenByADirectPeeringIsNotReported()
    {
        var t = new EstateBuilder()
            .RouteTable("rt-summary", "westeurope", ("10.0.0.0/8", "VirtualAppliance", "10.0.1.4"))
            .Vnet("a", "westeurope", "10.1.0.0/16", routeTable: "rt-summary")
            .Vnet("b", "westeurope", "10.2.0.0/16")
            .Vnet("c", "westeurope", "10.3.0.0/16")
            .Peer("a", "b").Build();
        var bypass = Assert.Single(Check(t).Of(ReadinessRules.SummaryRouteBypassed));
        Assert.Equal("a->c", bypass.Evidence["pairs"]);
    }

    [Fact]
    public void RegionalMeshDoesNotReportRoutesForPairsAcrossRegions()
    {
        var t = new EstateBuilder()
            .RouteTable("rt-summary", "westeurope", ("10.0.0.0/8", "VirtualAppliance", "10.0.1.4"))
            .Vnet("a", "westeurope", "10.1.0.0/16", routeTable: "rt-summary")
            .Vnet("b", "westeurope", "10.2.0.0/16")
            .Vnet("c", "northeurope", "10.3.0.0/16").Build();
        var report = Check(t, r => r.Global = false);
        Assert.Equal("a->b", Assert.Single(report.Of(ReadinessRules.SummaryRouteBypassed)).Evidence["pairs"]);
        var region = Assert.Single(report.Of(ReadinessRules.RegionsWithoutGlobalMesh));
        Assert.Equal(ReadinessSeverity.Warning, region.Severity);
        Assert.Equal("northeurope=1, westeurope=2", region.Evidence["regions"]);
        Assert.Equal(ReadinessSeverity.Info, Check(t).Of(ReadinessRules.RegionsWithoutGlobalMesh).Single().Severity);
    }

    [Fact]
    public void SpokesUsingTheHubGatewayAreWarnedThatTheHubPeeringStays()
    {
        var report = Check(HubWithSpokes(2).Build());
        var f = report.Of(ReadinessRules.GatewayTransitDependency).ToList();
        Assert.Equal(2, f.Count);
        Assert.All(f, x => Assert.EndsWith("/virtualNetworks/hub", x.Evidence["hub"]));
    }

    [Fact]
    public void DevelopmentAndProductionInOneGroupIsAWarning()
    {
        var t = new EstateBuilder()
            .Vnet("a", "westeurope", "10.1.0.0/16", tags: new() { ["environment"] = "prod" })
            .Vnet("b", "westeurope", "10.2.0.0/16", tags: new() { ["Environment"] = "Dev" })
            .Vnet("c", "westeurope", "10.3.0.0/16", tags: new() { ["env"] = "prod" }).Build();
        var f = Assert.Single(Check(t).Of(ReadinessRules.EnvironmentsMixed));
        Assert.Equal("2", f.Evidence["production"]);
        Assert.Equal("b", f.Evidence["nonProductionVnets"]);
        Assert.Empty(Check(t, r => r.Tag = new[] { "environment=prod" }).Of(ReadinessRules.EnvironmentsMixed));
    }

    [Fact]
    public void VirtualWanMembersAndSubnetPeeringCarryTheirCaveats()
    {
        var t = new EstateBuilder()
            .Vnet("a", "westeurope", "10.1.0.0/16").Vnet("b", "westeurope", "10.2.0.0/16").Vnet("w", "westeurope", "10.5.0.0/16")
            .Peer("a", "b", subnetPeering: true)
            .VirtualHubConnection("vhub", "westeurope", "w").Build();
        var report = Check(t);
        Assert.EndsWith("/virtualNetworks/w", Assert.Single(report.Of(ReadinessRules.VirtualWanMember)).ResourceId);
        var sp = report.Of(ReadinessRules.SubnetPeering).ToList();
        Assert.Equal(2, sp.Count);
        Assert.All(sp, f => Assert.Equal(ReadinessSeverity.Error, f.Severity));
    }

    [Fact]
    public void PeeringCountNearTheLimitOfAnExpressRouteHubIsReported()
    {
        var b = new EstateBuilder().Vnet("hub", "westeurope", "10.0.0.0/16").ErGateway("hub", "10.0.255.0/27");
        for (int i = 0; i < 460; i++) b.Vnet("s" + i, "westeurope", $"10.{64 + i / 256}.{i % 256}.0/24").Peer("hub", "s" + i);
        var f = Assert.Single(Check(b.Build()).Of(ReadinessRules.PeeringCount));
        Assert.EndsWith("/virtualNetworks/hub", f.ResourceId);
        Assert.Equal(ReadinessSeverity.Warning, f.Severity);
        Assert.Equal("460", f.Evidence["peerings"]);
        Assert.Equal("True", f.Evidence["expressRouteGateway"]);
    }

    [Fact]
    public void SelectionByPatternTagAndGroupAndErrorsNameTheParameter()
    {
        var t = new EstateBuilder()
            .Vnet("app-1", "westeurope", "10.1.0.0/16", tags: new() { ["team"] = "x" })
            .Vnet("app-2", "westeurope", "10.2.0.0/16")
            .Vnet("db-1", "northeurope", "10.3.0.0/16", tags: new() { ["team"] = "x" })
            .Mesh("nm", "g1", "c1", new[] { "app-2", "db-1" }, new[] { "westeurope" }, "NotStarted").Build();
        Assert.Equal(new[] { "app-1", "app-2" }, Check(t, r => r.VirtualNetwork = new[] { "app-*" }).Selection.Members.Select(m => m.Name));
        Assert.Equal(new[] { "app-1", "db-1" }, Check(t, r => r.Tag = new[] { "team=x" }).Selection.Members.Select(m => m.Name));
        Assert.Equal(new[] { "app-2", "db-1" }, Check(t, r => r.NetworkGroup = "g1").Selection.Members.Select(m => m.Name));
        Assert.Equal(new[] { "app-1" }, Check(t, r => { r.Tag = new[] { "team=x" }; r.Region = new[] { "West Europe" }; }).Selection.Members.Select(m => m.Name));
        Assert.Equal("NetworkGroup", Assert.Throws<EngineInputException>(() => Check(t, r => r.NetworkGroup = "nope")).Parameter);
        Assert.Equal("Tag", Assert.Throws<EngineInputException>(() => Check(t, r => r.Tag = new[] { "team" })).Parameter);
        Assert.Equal("VirtualNetwork", Assert.Throws<EngineInputException>(() => Check(t, r => r.VirtualNetwork = new[] { "zz-*" })).Parameter);
    }
}
