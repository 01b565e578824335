using AzSpokeTools.Engine.Hosting;
using AzSpokeTools.Engine.Migration;
using AzSpokeTools.Engine.Readiness;
using AzSpokeTools.Engine.Requests;
using Xunit;

namespace AzSpokeTools.Engine.Tests.Migration;

public sealed class ContosoPlanTests
{
    private const int Spokes = 300;

    private static MigrationPlan Plan(bool highScale = true) =>
        new MeshMigrationRequest { Topology = ContosoEstate.Load(Spokes), HighScale = highScale, WhatIf = false }.Execute(new RecordingEngineHost());

    [Fact]
    public void WavesRunPilotOnDevThenLightProductionThenTheRestWithinTheLimits()
    {
        var plan = Plan();
        Assert.Equal(new[] { "pilot", "light-production", "rest" }, plan.Waves.Select(w => w.Name));
        Assert.All(plan.Waves[0].Members, m => Assert.True(ContosoEstate.Tagged(m, "environment", "dev")));
        // The pilot takes up to 50 (the migration guidance's pilot) non-production spokes.
        var devCount = plan.Selection.Members.Count(m => ContosoEstate.Tagged(m, "environment", "dev"));
        Assert.Equal(Math.Min(MigrationOptions.DefaultPilotSize, devCount), plan.Waves[0].Members.Count);
        // Light production: the other dev spokes and 10% of production, production spokes without route-table dependencies first.
        var prodInLight = plan.Waves[1].Members.Where(m => ContosoEstate.Tagged(m, "environment", "prod")).ToList();
        Assert.Equal(devCount - plan.Waves[0].Members.Count, plan.Waves[1].Members.Count - prodInLight.Count);
        Assert.All(prodInLight, m => Assert.True(ContosoEstate.Tagged(m, "inspection", "none")));
        Assert.Equal(Spokes, plan.Waves.Sum(w => w.Members.Count));
        Assert.Equal(Spokes, plan.Waves[2].CumulativeMembers);
        Assert.All(plan.Waves, w => Assert.True(w.WithinLimits));
        Assert.Empty(plan.Blockers);

        var capped = Plan(highScale: false);
        Assert.False(capped.Waves[2].WithinLimits);
        Assert.Contains("connected-group limit is 250", capped.Waves[2].LimitNote);
        Assert.Contains(capped.Blockers, b => b.StartsWith(ReadinessRules.GroupSize));
    }

    [Fact]
    public void ValidationExpectsEveryMemberPairOnTheMeshAndRollbackRecommitsThePreviousSet()
    {
        var plan = Plan();
        var last = plan.Waves[^1].Validation;
        Assert.True(last.Global);
        // Every ordered pair is expected on the mesh except the directly peered pairs, which keep their peering.
        var peered = plan.Selection.Members.Sum(m => m.Peerings.Count(p => p.RemoteVirtualNetworkId is { } r && plan.Selection.Members.Any(x => x.Id == r)));
        Assert.True(peered > 0);
        Assert.Equal(Spokes * (Spokes - 1) - peered, last.ExpectedPairKinds[Engine.Paths.PathKind.Mesh]);
        Assert.Equal(peered, last.ExpectedPairKinds[Engine.Paths.PathKind.Direct]);
        Assert.All(last.Exceptions, e => Assert.Equal(Engine.Paths.PathKind.Direct, e.Expected));
        Assert.Equal(Spokes, last.ConnectedGroupPrefixes.Count);
        var pilotRollback = plan.Waves[0].Rollback;
        Assert.Contains(pilotRollback.Commands, c => c.StartsWith("Deploy-AzNetworkManagerCommit") && !c.Contains("-ConfigurationId"));
        Assert.Equal(plan.Waves[0].Members.Count, plan.Waves[0].Rollback.Commands.Count(c => c.StartsWith("Remove-AzNetworkManagerStaticMember")));
        Assert.DoesNotContain(plan.Waves[2].Rollback.Commands, c => c.StartsWith("Deploy-AzNetworkManagerCommit"));
    }

    [Fact]
    public void FirewallSummaryRoutesAreKeptButBypassedAndGatewaysLeftInPlace()
    {
        var plan = Plan();
        var change = Assert.Single(plan.RouteTableChanges, c => c.RouteTable.Name == "rt-spokes-fw-hub-01");
        Assert.Equal(RouteTableAction.KeepBypassed, change.Action);
        Assert.Equal("10.0.0.0/8", change.Route.AddressPrefix);
        Assert.Equal(2, plan.RouteTableChanges.Count);
        Assert.DoesNotContain(plan.RouteTableChanges, c => c.Action == RouteTableAction.Remove);
        Assert.Equal(new[] { "ergw-hub-01", "ergw-hub-02" }, plan.GatewayToggles.Select(g => g.Gateway.Name));
        Assert.All(plan.GatewayToggles, g => Assert.True(g.Current));
        var final = plan.Waves[^1];
        Assert.Equal(new[] { "northeurope", "westeurope" }, final.Commits.Select(c => c.Region));
        Assert.All(final.Commits, c => Assert.Equal(new[] { plan.Configuration.Id.Value }, c.ConfigurationIds));
        Assert.Equal("Disallowed", plan.Configuration.ConnectedGroupAddressOverlap);
    }
}
