using AzSpokeTools.Engine.Hosting;
using AzSpokeTools.Engine.Migration;
using AzSpokeTools.Engine.Readiness;
using AzSpokeTools.Engine.Requests;
using Xunit;
using PathKind = AzSpokeTools.Engine.Paths.PathKind;
using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Engine.Tests.Migration;

public sealed class ContosoWhatIfTests
{
    private const int Spokes = 300;
    private static readonly Lazy<MigrationPlan> Plan = new(() =>
        new MeshMigrationRequest { Topology = ContosoEstate.Load(Spokes), HighScale = true }.Execute(new RecordingEngineHost()));

    [Fact]
    public void WhatIfMovesEverySelectedHairpinnedPairToMesh()
    {
        var whatIf = Plan.Value.WhatIf!;
        Assert.Equal(Spokes * (Spokes - 1), whatIf.Pairs.Count);
        var hairpinned = whatIf.Pairs.Where(p => p.Before.Kind == PathKind.ExpressRouteHairpin).ToList();
        Assert.True(hairpinned.Count > Spokes * Spokes / 3, $"only {hairpinned.Count} hairpinned pairs");
        Assert.All(hairpinned, p => Assert.Equal(PathKind.Mesh, p.After.Kind));
        // Every pair ends where the final wave's validation says (Mesh, or Direct for the directly peered pairs) and none loses connectivity.
        var validation = Plan.Value.Waves[^1].Validation;
        var exceptions = validation.Exceptions.ToDictionary(e => (e.From.Id, e.To.Id), e => e.Expected);
        Assert.All(whatIf.Pairs, p => Assert.Equal(exceptions.TryGetValue((p.From.Id, p.To.Id), out var k) ? k : PathKind.Mesh, p.After.Kind));
        Assert.Equal(validation.ExpectedPairKinds[PathKind.Mesh], whatIf.Pairs.Count(p => p.After.Kind == PathKind.Mesh));
        Assert.Contains(validation.Exceptions, e => e.Expected == PathKind.Direct);
        Assert.Empty(whatIf.LosingConnectivity);
        Assert.Equal(hairpinned.Count, whatIf.Transitions["ExpressRouteHairpin -> Mesh"]);
    }

    [Fact]
    public void WhatIfNamesExactlyThePairsWhoseFirewallSummaryRouteTheMeshBypasses()
    {
        var plan = Plan.Value;
        var losing = plan.WhatIf!.LosingInspection.Select(p => (p.From.Name, p.To.Name)).OrderBy(p => p).ToList();
        Assert.NotEmpty(losing);
        // Computed independently from the readiness rule (route level) and the path matrices (path level): they must agree.
        var predicted = plan.Readiness.Of(ReadinessRules.SummaryRouteBypassed)
            .SelectMany(f => f.Evidence["pairs"].Split(", ").Select(p => p.Split("->")))
            .Select(p => (p[0], p[1])).OrderBy(p => p).ToList();
        Assert.Equal(predicted, losing);
        // Those are the firewall spokes' pairs towards spokes of their own hub: across hubs the hairpin BGP routes were more specific than 10.0.0.0/8.
        Assert.All(plan.WhatIf.LosingInspection, p =>
        {
            Assert.True(ContosoEstate.Tagged(p.From, "inspection", "firewall"));
            Assert.Equal(p.From.Tags["hub"], p.To.Tags["hub"]);
            Assert.Equal(PathKind.Appliance, p.Before.Kind);
        });
        var change = plan.RouteTableChanges.Where(c => c.Action == RouteTableAction.KeepBypassed).Sum(c => c.Pairs.Count);
        Assert.Equal(losing.Count, change);
    }

    [Fact]
    public void WhatIfOnTheBundledContosoSampleFlipsHairpinsToMeshAndNamesTheInspectedPair()
    {
        var plan = new MeshMigrationRequest { Snapshot = "sample:contoso-hairpin" }.Execute(new RecordingEngineHost());
        var w = plan.WhatIf!;
        Assert.Equal(8, w.Transitions["ExpressRouteHairpin -> Mesh"]);
        Assert.Equal(("spoke-a2", "spoke-a1"), w.LosingInspection.Select(p => (p.From.Name, p.To.Name)).Single());
        Assert.Empty(w.LosingConnectivity);
        // The what-if works on a copy: the loaded sample still shows the hairpin.
        Assert.Equal(8, w.Pairs.Count(p => p.Before.Kind == PathKind.ExpressRouteHairpin));
    }

    [Fact]
    public void ExactPrefixApplianceRouteKeepsItsPairInspectedAndGatewayRoutesAreRemovedInTheWhatIf()
    {
        var t = new Readiness.EstateBuilder()
            .Vnet("hub", "westeurope", "10.0.0.0/16").ErGateway("hub", "10.0.255.0/27")
            .RouteTable("rt-a", "westeurope", ("10.2.0.0/16", "VirtualAppliance", "10.0.1.4"))
            .Vnet("a", "westeurope", "10.1.0.0/16", routeTable: "rt-a")
            .Vnet("b", "westeurope", "10.2.0.0/16")
            .Vnet("c", "westeurope", "10.3.0.0/16")
            .Peer("hub", "a", hubTransit: true).Peer("hub", "b", hubTransit: true).Peer("hub", "c", hubTransit: true).Build();
        var plan = new MeshMigrationRequest { Topology = t }.Execute(new RecordingEngineHost());
        var keep = Assert.Single(plan.RouteTableChanges);
        Assert.Equal(RouteTableAction.KeepForInspection, keep.Action);
        var ab = plan.WhatIf!.Pairs.Single(p => p.From.Name == "a" && p.To.Name == "b");
        Assert.NotEqual(PathKind.Mesh, ab.After.Kind);
        Assert.Equal(PathKind.Mesh, plan.WhatIf.Pairs.Single(p => p.From.Name == "a" && p.To.Name == "c").After.Kind);
        var expected = plan.Waves[^1].Validation.Exceptions.Single();
        Assert.Equal(("a", "b", PathKind.Appliance), (expected.From.Name, expected.To.Name, expected.Expected));
    }

    [Fact]
    public void ExactPrefixGatewayRouteIsRemovedInItsWaveMovesThePairToMeshAndItsRollbackRestoresIt()
    {
        var t = new Readiness.EstateBuilder()
            .Vnet("hub", "westeurope", "10.0.0.0/16").ErGateway("hub", "10.0.255.0/27")
            .RouteTable("rt-a", "westeurope", ("10.2.0.0/16", "VirtualNetworkGateway", null))
            .Vnet("a", "westeurope", "10.1.0.0/16", routeTable: "rt-a")
            .Vnet("b", "westeurope", "10.2.0.0/16")
            .Peer("hub", "a", hubTransit: true).Peer("hub", "b", hubTransit: true).Build();
        var plan = new MeshMigrationRequest { Topology = t }.Execute(new RecordingEngineHost());
        var remove = Assert.Single(plan.RouteTableChanges);
        Assert.Equal(RouteTableAction.Remove, remove.Action);
        var wave = plan.Waves.Single(w => w.Number == remove.Wave);
        Assert.Contains(wave.Rollback.Commands, c => c.StartsWith("Add-AzRouteConfig -Name 'to-10.2.0.0_16' -AddressPrefix '10.2.0.0/16' -NextHopType 'VirtualNetworkGateway'"));
        Assert.Equal(PathKind.Mesh, plan.WhatIf!.Pairs.Single(p => p.From.Name == "a" && p.To.Name == "b").After.Kind);
        Assert.Empty(plan.Waves[^1].Validation.Exceptions);
        // The snapshot itself keeps the route: the what-if changed a copy.
        Assert.Single(t.RouteTables.Single(r => r.Name == "rt-a").Routes);
    }
}
