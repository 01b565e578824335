using System.Text;
using System.Text.Json.Nodes;
using AzSpokeTools.Engine.Hosting;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Readiness;
using AzSpokeTools.Engine.Requests;
using JsonNode = System.Text.Json.Nodes.JsonNode;
using SnapshotLoader = AzSpokeTools.Engine.Snapshot.SnapshotLoader;
using Xunit;

namespace AzSpokeTools.Engine.Tests.Readiness;

/// <summary>AVNM018–AVNM024: network manager scope, private endpoints per VNet, ExpressRoute advertised prefixes, high-scale side effects, existing AVNM state.</summary>
public sealed class ScopeAndLimitRuleTests
{
    private static ReadinessReport Check(Topology t, Action<MeshReadinessRequest>? set = null)
    {
        var r = new MeshReadinessRequest { Topology = t };
        set?.Invoke(r);
        return r.Execute(new RecordingEngineHost());
    }

    /// <summary>The builder's JSON changed by <paramref name="edit"/>, loaded.</summary>
    private static Topology Edited(EstateBuilder b, Action<JsonObject> edit)
    {
        var doc = JsonNode.Parse(b.Json())!.AsObject();
        edit(doc);
        return SnapshotLoader.Load(new MemoryStream(Encoding.UTF8.GetBytes(doc.ToJsonString())), "edited.json");
    }

    private static JsonObject Resource(JsonObject doc, string name) =>
        doc["resources"]!.AsArray().Select(r => r!.AsObject()).Single(r => (string?)r["name"] == name);

    private static EstateBuilder TwoSpokesWithAManager(string status = "Deployed") => new EstateBuilder()
        .Vnet("hub", "westeurope", "10.0.0.0/16").ErGateway("hub", "10.0.255.0/27")
        .Vnet("a", "westeurope", "10.1.0.0/16").Vnet("b", "westeurope", "10.2.0.0/16").Vnet("c", "westeurope", "10.3.0.0/16")
        .Peer("hub", "a", hubTransit: true).Peer("hub", "b", hubTransit: true).Peer("hub", "c", hubTransit: true)
        .Mesh("nm", "ng-old", "cc-old", new[] { "c" }, new[] { "westeurope" }, status);

    [Fact]
    public void AMemberOutsideTheManagersSubscriptionScopeIsAnErrorAndAManagementGroupScopeAWarning()
    {
        var b = TwoSpokesWithAManager();
        var scopeless = Check(b.Build(), r => r.VirtualNetwork = new[] { "a", "b" });
        var f = Assert.Single(scopeless.Of(ReadinessRules.NetworkManagerScope));
        Assert.Equal(ReadinessSeverity.Error, f.Severity);
        Assert.Equal(EstateBuilder.Sub, f.Evidence["subscription"]);
        Assert.Contains("a, b", f.Evidence["vnets"]);

        var byManagementGroup = Check(Edited(b, doc => Resource(doc, "nm")["properties"] = new JsonObject
        {
            ["networkManagerScopes"] = new JsonObject { ["managementGroups"] = new JsonArray("/providers/Microsoft.Management/managementGroups/mg-lz"), ["subscriptions"] = new JsonArray() },
        }), r => r.VirtualNetwork = new[] { "a", "b" });
        Assert.Equal(ReadinessSeverity.Warning, Assert.Single(byManagementGroup.Of(ReadinessRules.NetworkManagerScope)).Severity);

        var covered = Check(Edited(b, doc => Resource(doc, "nm")["properties"] = new JsonObject
        {
            ["networkManagerScopes"] = new JsonObject { ["subscriptions"] = new JsonArray("/subscriptions/" + EstateBuilder.Sub) },
        }), r => r.VirtualNetwork = new[] { "a", "b" });
        Assert.Empty(covered.Of(ReadinessRules.NetworkManagerScope));
    }

    [Fact]
    public void PrivateEndpointsPerVnetAreCheckedAgainst1000And5000WithHighScale()
    {
        var b = new EstateBuilder().Vnet("a", "westeurope", "10.1.0.0/16", peVnetPolicy: "Basic", subnetPolicy: "RouteTableEnabled").Vnet("b", "westeurope", "10.2.0.0/16");
        for (int i = 0; i < 1001; i++) b.PrivateEndpoint("a", "pe-" + i);
        var t = b.Build();
        var f = Assert.Single(Check(t).Of(ReadinessRules.PrivateEndpointsPerVnet));
        Assert.Equal(ReadinessSeverity.Error, f.Severity);
        Assert.Equal("1001", f.Evidence["privateEndpoints"]);
        Assert.Equal("1000", f.Evidence["limit"]);
        Assert.Empty(Check(t, r => r.HighScalePrivateEndpoints = true).Of(ReadinessRules.PrivateEndpointsPerVnet));
    }

    [Fact]
    public void HighScalePrivateEndpointsReportTheirSideEffectsAsInfoAndTheirOwnPlanStep()
    {
        var t = new EstateBuilder().Vnet("a", "westeurope", "10.1.0.0/16", peVnetPolicy: "Basic", subnetPolicy: "RouteTableEnabled").Vnet("b", "westeurope", "10.2.0.0/16", peVnetPolicy: "Basic")
            .PrivateEndpoint("a", "pe-a").Build();
        Assert.Empty(Check(t).Of(ReadinessRules.HighScalePrivateEndpointSideEffects));
        var f = Assert.Single(Check(t, r => r.HighScalePrivateEndpoints = true).Of(ReadinessRules.HighScalePrivateEndpointSideEffects));
        Assert.Equal(ReadinessSeverity.Info, f.Severity);
        Assert.Contains("Bytes In / Out", f.Message);
        Assert.Contains("billed as an aggregate", f.Message);
        Assert.Contains("resets", f.Message);
        var plan = new MeshMigrationRequest { Topology = t, HighScalePrivateEndpoints = true, WhatIf = false }.Execute(new RecordingEngineHost());
        var step = Assert.Single(plan.Preparation);
        Assert.Contains(step.Commands, c => c.StartsWith("az feature register --namespace Microsoft.Network --name EnableMaxPrivateEndpointsVia64kPath"));
    }

    [Fact]
    public void PrefixesAnExpressRouteGatewayAdvertisesAreCheckedBeforeAndAfterTheMesh()
    {
        var b = new EstateBuilder().Vnet("hub", "westeurope", "10.0.0.0/16").ErGateway("hub", "10.0.255.0/27")
            .Vnet("a", "westeurope", "10.1.0.0/16").Vnet("b", "westeurope", "10.2.0.0/16").Peer("hub", "a", hubTransit: true).Peer("hub", "b", hubTransit: true);
        Assert.Empty(Check(b.Build()).Of(ReadinessRules.ExpressRouteAdvertisedPrefixes));
        // Spoke a holds 1,000 /28 prefixes: with the hub's and b's, the gateway advertises 1,002, over the 1,000 IPv4 limit.
        var t = Edited(b, doc =>
        {
            var prefixes = new JsonArray(Enumerable.Range(0, 1000).Select(i => (JsonNode)JsonValue.Create($"10.1.{i / 16}.{(i % 16) * 16}/28")!).ToArray());
            Resource(doc, "a")["properties"]!["addressSpace"] = new JsonObject { ["addressPrefixes"] = prefixes };
            foreach (var p in Resource(doc, "hub")["properties"]!["virtualNetworkPeerings"]!.AsArray().Where(p => ((string?)p!["name"])!.EndsWith("-to-a")))
                p!["properties"]!["remoteAddressSpace"] = new JsonObject { ["addressPrefixes"] = prefixes.DeepClone() };
        });
        var f = Assert.Single(Check(t).Of(ReadinessRules.ExpressRouteAdvertisedPrefixes));
        Assert.Equal(ReadinessSeverity.Error, f.Severity);
        Assert.Equal("1002", f.Evidence["before"]);
        Assert.Equal("1002", f.Evidence["afterMesh"]);
        Assert.Equal("IPv4", f.Evidence["family"]);
        Assert.Equal("2", f.Evidence["transitSpokes"]);
    }

    [Fact]
    public void ANeverDeployedMeshOverExactlyTheSelectionIsAdoptedAndOverOtherVnetsRefused()
    {
        var b = TwoSpokesWithAManager(status: "NotStarted");
        // cc-old (never deployed) covers c only: selecting c alone adopts it.
        var adopt = Check(b.Build(), r => r.VirtualNetwork = new[] { "c" });
        Assert.Equal(AdoptionDecision.AdoptConfiguration, adopt.Adoption.Decision);
        Assert.Equal(ReadinessSeverity.Info, Assert.Single(adopt.Of(ReadinessRules.ExistingMeshCoversSelection)).Severity);
        // Selecting a, b and c: cc-old would be a second mesh over c.
        var refuse = Check(b.Build());
        Assert.Equal(AdoptionDecision.Refused, refuse.Adoption.Decision);
        var f = Assert.Single(refuse.Of(ReadinessRules.ExistingMeshCoversSelection));
        Assert.Equal(ReadinessSeverity.Error, f.Severity);
        Assert.Contains("never deployed", f.Message);
        Assert.Contains("--group ng-old", f.Fix);
        Assert.Contains("Remove-AzNetworkManagerConnectivityConfiguration", f.Fix);
        Assert.False(refuse.Ready);
        // Not covering any selected VNet: nothing to decide.
        Assert.Equal(AdoptionDecision.NewMesh, Check(b.Build(), r => r.VirtualNetwork = new[] { "a", "b" }).Adoption.Decision);
    }

    [Fact]
    public void ADeployedMeshOverSelectedVnetsIsRefusedAndAnOwnedOneIsThePlansOwn()
    {
        var deployed = Check(TwoSpokesWithAManager(status: "Deployed").Build());
        Assert.Equal(AdoptionDecision.Refused, deployed.Adoption.Decision);
        Assert.Contains("is deployed in westeurope and already meshes 1 selected VNet", deployed.Adoption.Reason);
        var owned = Check(Edited(TwoSpokesWithAManager(status: "Deployed"), doc =>
            Resource(doc, "cc-old")["properties"]!["description"] = "made by an earlier run (azspoke-owner=azspoke)"));
        Assert.Equal(AdoptionDecision.NewMesh, owned.Adoption.Decision);
        // Without the deployment status, a configuration may be active: refused until it is captured.
        var unknown = Check(Edited(TwoSpokesWithAManager(status: "NotStarted"), doc => doc["results"] = new JsonArray()));
        Assert.Equal(AdoptionDecision.Refused, unknown.Adoption.Decision);
        Assert.Contains("deployment status was not captured", unknown.Adoption.Reason);
        Assert.Equal(ReadinessSeverity.Warning, Assert.Single(unknown.Of(ReadinessRules.DeploymentStatusNotCaptured)).Severity);
    }

    [Theory]
    [InlineData("NotStarted", ReadinessSeverity.Info)]
    [InlineData("Failed", ReadinessSeverity.Warning)]
    [InlineData("Deploying", ReadinessSeverity.Error)]
    public void ARegionWhoseLastCommitIsNotDeployedIsReported(string status, ReadinessSeverity severity)
    {
        var report = Check(TwoSpokesWithAManager(status).Build(), r => r.VirtualNetwork = new[] { "c" });
        var f = Assert.Single(report.Of(ReadinessRules.RegionDeploymentState));
        Assert.Equal(severity, f.Severity);
        Assert.Equal(status, f.Evidence["deploymentStatus"]);
        Assert.Equal("cc-old", f.Evidence["configurations"]);
        Assert.Empty(Check(TwoSpokesWithAManager("Deployed").Build(), r => r.VirtualNetwork = new[] { "a" }).Of(ReadinessRules.RegionDeploymentState));
    }

    [Fact]
    public void EveryRuleIsInTheCatalogWithAPublicSource()
    {
        var ids = Enumerable.Range(1, 24).Select(i => $"AVNM{i:000}").ToList();
        Assert.Equal(ids, ReadinessRules.Catalog.Keys.Where(k => string.CompareOrdinal(k, "AVNM025") < 0));
        foreach (var id in ids)
        {
            var source = ReadinessRules.Catalog[id].Source;
            Assert.True(source.StartsWith("Azure docs, ", StringComparison.Ordinal) || source.StartsWith("Cloud Adoption Framework", StringComparison.Ordinal), $"{id}: {source}");
            Assert.DoesNotContain(".md", source);
        }
    }
}
