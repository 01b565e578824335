using System.Text.Json.Nodes;
using AzSpokeTools.Engine.Hosting;
using AzSpokeTools.Engine.Migration;
using AzSpokeTools.Engine.Paths;
using AzSpokeTools.Engine.Requests;
using AzSpokeTools.Engine.Tests.Readiness;
using Xunit;
using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Engine.Tests.Migration;

/// <summary>The decommission phase: what it removes and keeps, its rollback, the soak, and its writes replayed on the ARM simulator.</summary>
public sealed class DecommissionTests
{
    /// <summary>
    /// One ExpressRoute hub whose gateway learns nothing from on-premises (its learned routes are its own VNets'), three spokes using
    /// it, and spoke a sending 10.2.0.0/15 (spokes b and c) to an appliance: once meshed, nothing needs the gateway, the hairpin or the route.
    /// </summary>
    private static string Estate()
    {
        var doc = JsonNode.Parse(new EstateBuilder()
            .Vnet("hub", "westeurope", "10.0.0.0/16").ErGateway("hub", "10.0.255.0/27")
            .RouteTable("rt-a", "westeurope", ("10.2.0.0/15", "VirtualAppliance", "10.0.1.4"))
            .Vnet("a", "westeurope", "10.1.0.0/16", routeTable: "rt-a").Vnet("b", "westeurope", "10.2.0.0/16").Vnet("c", "westeurope", "10.3.0.0/16")
            .Peer("hub", "a", hubTransit: true).Peer("hub", "b", hubTransit: true).Peer("hub", "c", hubTransit: true)
            .Json())!.AsObject();
        var rows = new JsonArray();
        foreach (var n in new[] { "10.0.0.0/16", "10.1.0.0/16", "10.2.0.0/16", "10.3.0.0/16" })
            rows.Add(new JsonObject { ["network"] = n, ["origin"] = "Network", ["nextHop"] = "", ["asPath"] = "" });
        doc["results"]!.AsArray().Add(new JsonObject { ["operation"] = "getLearnedRoutes", ["scope"] = EstateBuilder.Id("virtualNetworkGateways", "gw-hub"), ["body"] = new JsonObject { ["value"] = rows } });
        return doc.ToJsonString();
    }

    private static MigrationPlan Plan(string json, int pilot = 50) =>
        new MeshMigrationRequest { Topology = AzSpokeTools.Engine.Snapshot.SnapshotLoader.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)), "e.json"), Decommission = true, PilotSize = pilot }
            .Execute(new RecordingEngineHost());

    [Fact]
    public void TheMeshReplacesTheRouteTheGatewayTransitAndTheHairpinSoEachGoesWithItsRollback()
    {
        var plan = Plan(Estate());
        var d = plan.Decommission!;
        Assert.Equal(14, d.SoakDays);
        var route = Assert.Single(d.Steps, s => s.Action == DecommissionAction.RemoveRoute);
        Assert.True(route.Change);
        Assert.EndsWith("/routeTables/rt-a/routes/to-10.2.0.0_15", route.ResourceId);
        Assert.StartsWith("Add-AzRouteConfig -Name 'to-10.2.0.0_15' -AddressPrefix '10.2.0.0/15' -NextHopType 'VirtualAppliance' -NextHopIpAddress '10.0.1.4'", route.RollbackCommand);
        var transit = d.Steps.Where(s => s.Action == DecommissionAction.StopUsingRemoteGateways).ToList();
        Assert.Equal(3, transit.Count);
        Assert.All(transit, s => { Assert.True(s.Change); Assert.Contains("$p.UseRemoteGateways = $true", s.RollbackCommand); });
        var hairpin = Assert.Single(d.Steps, s => s.Action == DecommissionAction.DisallowRemoteVnetTraffic);
        Assert.True(hairpin.Change);
        Assert.Contains("--allow-remote-vnet-traffic true", hairpin.RollbackCommand);
        // The decommission what-if: every pair keeps its delivery.
        Assert.NotNull(plan.WhatIf!.Decommission);
        Assert.Empty(plan.WhatIf.Decommission!.LosingConnectivity);
    }

    [Fact]
    public void OnContosoEverythingTheHairpinStillServesIsKeptWithTheReason()
    {
        var plan = new MeshMigrationRequest { Snapshot = "sample:contoso-hairpin", Decommission = true, PilotSize = 2 }.Execute(new RecordingEngineHost());
        var steps = plan.Decommission!.Steps;
        // On-premises 172.20.0.0/16 still comes through the gateways: gateway transit stays; hub-to-hub still hairpins: so does allowRemoteVnetTraffic.
        Assert.All(steps.Where(s => s.Action == DecommissionAction.StopUsingRemoteGateways), s => { Assert.False(s.Change); Assert.Contains("172.20.0.0/16", s.Reason); });
        Assert.All(steps.Where(s => s.Action == DecommissionAction.DisallowRemoteVnetTraffic), s => { Assert.False(s.Change); Assert.Contains("hub-a -> hub-b", s.Reason); });
        Assert.All(steps.Where(s => s.Action == DecommissionAction.RemoveRoute), s => Assert.False(s.Change));
        // The temporary group and configuration of the waves go, the configuration first.
        var temporary = steps.Where(s => s.Action == DecommissionAction.DeleteTemporaryResource).ToList();
        Assert.EndsWith("/connectivityConfigurations/cc-azspoke-mesh", temporary[0].ResourceId);
        Assert.EndsWith("/networkGroups/ng-azspoke-mesh-waves", temporary[^1].ResourceId);
        Assert.Equal(3 + 2, temporary.Count); // three static members of waves 1..2, the group and the configuration
        Assert.All(temporary, s => Assert.StartsWith("Invoke-AzRestMethod -Method PUT", s.RollbackCommand));
    }

    [Fact]
    public void ApplyWaitsForTheSoakThenItsWritesLeaveEveryPairDelivered()
    {
        var json = Estate();
        var plan = Plan(json, pilot: 1);
        var replay = new WaveReplay(json);
        foreach (var w in plan.Waves) Assert.True(replay.Apply(plan, w.Number).Succeeded);
        var meshed = WaveReplay.Paths(replay.Topology());

        var early = replay.Apply(plan, plan.Waves.Count, decommission: true, now: replay.Arm.Clock.AddDays(13));
        Assert.Equal(ApplyRefusal.SoakNotOver, early.RefusalKind);
        Assert.Contains("the soak in westeurope is not over", early.Refusal);
        Assert.DoesNotContain(replay.Arm.Log, l => l.StartsWith("DELETE") || l.Contains("/virtualNetworkPeerings/") && l.StartsWith("PUT"));

        var result = replay.Apply(plan, plan.Waves.Count, decommission: true, now: replay.Arm.Clock.AddDays(14));
        Assert.True(result.Succeeded, result.Failure ?? result.Refusal);
        var after = replay.Topology();
        Assert.Empty(after.RouteTables.Single(r => r.Name == "rt-a").Routes);
        Assert.All(after.VirtualNetworks.Where(v => v.Name != "hub").SelectMany(v => v.Peerings), p => Assert.False(p.UseRemoteGateways));
        Assert.False(after.VirtualNetworkGateways.Single().AllowRemoteVnetTraffic);
        var paths = WaveReplay.Paths(after);
        Assert.DoesNotContain(meshed, p => p.Value.Delivered && !paths[p.Key].Delivered);
        Assert.All(new[] { ("a", "b"), ("b", "c"), ("c", "a") }, k => Assert.Equal(PathKind.Mesh, paths[k].Kind));
        // What the decommission what-if promised is what the simulated estate shows.
        foreach (var pair in plan.WhatIf!.Decommission!.Pairs)
            Assert.Equal(pair.After.ToString(), paths[(pair.From.Name, pair.To.Name)].ToString());
    }

    [Fact]
    public void WithoutTheDecommissionPhaseApplyOfItIsBadInput()
    {
        var plan = new MeshMigrationRequest { Snapshot = "sample:contoso-hairpin", WhatIf = false }.Execute(new RecordingEngineHost());
        Assert.Null(plan.Decommission);
        Assert.Equal("Decommission", Assert.Throws<EngineInputException>(() => MeshApplyPlan.ForDecommission(plan)).Parameter);
    }
}
