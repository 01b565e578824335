using AzSpokeTools.Engine.Hosting;
using AzSpokeTools.Engine.Readiness;
using AzSpokeTools.Engine.Requests;
using Xunit;

namespace AzSpokeTools.Engine.Tests.Migration;

public sealed class ContosoReadinessTests
{
    private const int Spokes = 300;

    private static ReadinessReport Check(Action<MeshReadinessRequest>? set = null)
    {
        var r = new MeshReadinessRequest { Topology = ContosoEstate.Load(Spokes) };
        set?.Invoke(r);
        return r.Execute(new RecordingEngineHost());
    }

    [Fact]
    public void ContosoEstateYieldsTheExpectedFindingsByRuleId()
    {
        var t = ContosoEstate.Load(Spokes);
        var spokes = t.VirtualNetworks.Where(v => ContosoEstate.Tagged(v, "role", "spoke")).ToList();
        var report = Check();
        Assert.Equal(spokes.Select(s => s.Id), report.Selection.Members.Select(m => m.Id));
        Assert.False(report.Ready);

        // 300 spokes in one group exceed the default cap of 250.
        var size = Assert.Single(report.Of(ReadinessRules.GroupSize));
        Assert.Equal(ReadinessSeverity.Error, size.Severity);
        Assert.Equal("300", size.Evidence["members"]);

        // Every firewall spoke's 10.0.0.0/8 summary is bypassed by the /22 ConnectedGroup routes.
        var firewallSpokes = spokes.Where(s => ContosoEstate.Tagged(s, "inspection", "firewall")).Select(s => s.Id.Value).OrderBy(x => x).ToList();
        var bypassed = report.Of(ReadinessRules.SummaryRouteBypassed).ToList();
        Assert.Equal(firewallSpokes, bypassed.Select(f => f.ResourceId).OrderBy(x => x).ToList());
        Assert.All(bypassed, f => Assert.Equal("10.0.0.0/8", f.Evidence["addressPrefix"]));
        Assert.Empty(report.Of(ReadinessRules.RouteKeepsPairOffMesh));

        // Every spoke uses its hub's ExpressRoute gateway.
        Assert.Equal(Spokes, report.Of(ReadinessRules.GatewayTransitDependency).Count());
        Assert.Equal(ReadinessSeverity.Info, Assert.Single(report.Of(ReadinessRules.RegionsWithoutGlobalMesh)).Severity);
        var mixed = Assert.Single(report.Of(ReadinessRules.EnvironmentsMixed));
        Assert.Equal(spokes.Count(s => ContosoEstate.Tagged(s, "environment", "dev")).ToString(), mixed.Evidence["nonProduction"]);
        foreach (var none in new[] { ReadinessRules.OverlapInGroup, ReadinessRules.OverlapWithPeeredVnet, ReadinessRules.ConnectedGroupsPerVnet,
                     ReadinessRules.PrivateEndpointCount, ReadinessRules.VirtualWanMember, ReadinessRules.PeeringCount })
            Assert.Empty(report.Of(none));
    }

    [Fact]
    public void HighScaleMakesTheContosoGroupFitAndHighScalePrivateEndpointsListTheirPrerequisites()
    {
        var t = ContosoEstate.Load(Spokes);
        var report = Check(r => { r.HighScale = true; r.HighScalePrivateEndpoints = true; });
        Assert.Equal(ReadinessSeverity.Info, Assert.Single(report.Of(ReadinessRules.GroupSize)).Severity);
        // The generator leaves privateEndpointNetworkPolicies Disabled and no VNet policy: every prerequisite is missing.
        Assert.Equal(t.PrivateEndpoints.Count, report.Of(ReadinessRules.PrivateEndpointSubnetPolicy).Count());
        Assert.Equal(Spokes, report.Of(ReadinessRules.PrivateEndpointVnetPolicy).Count());
        Assert.Single(report.Of(ReadinessRules.PrivateEndpointConnectionReset));
        Assert.False(report.Ready);
        Assert.True(Check(r => r.HighScale = true).Ready);
    }
}
