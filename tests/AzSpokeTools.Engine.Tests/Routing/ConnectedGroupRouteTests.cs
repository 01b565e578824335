using System.Text;
using System.Text.Json.Nodes;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Routing;
using AzSpokeTools.Engine.Tests.Samples;
using Xunit;
using JsonNode = System.Text.Json.Nodes.JsonNode;

namespace AzSpokeTools.Engine.Tests.Routing;

/// <summary>ConnectedGroup routes from AVNM configurations (docs/routing-model.md#avnm-connectivity-configurations, docs/routing-model.md#connected-group-limits) on variations of the avnm-mesh sample.</summary>
public class ConnectedGroupRouteTests
{
    private static Topology Mesh(Action<JsonObject>? edit = null) => SampleFiles.LoadVariant("avnm-mesh", edit);

    private static JsonObject Resource(JsonObject doc, string name) => SampleFiles.Resource(doc, name);

    private static EffectiveRouteTable Table(Topology t, string subnet) =>
        new EffectiveRouteCalculator(t).ForSubnet(t.ResolveSubnet(subnet));

    private static IEnumerable<string> ConnectedGroupPrefixes(EffectiveRouteTable table) =>
        table.Routes.Where(r => r.NextHopType == NextHopType.ConnectedGroup).SelectMany(r => r.AddressPrefix).OrderBy(p => p);

    [Fact]
    public void DeployedMeshGivesEachMemberTheOtherMembersPrefixes()
    {
        Assert.Equal(new[] { "10.2.0.0/16", "10.3.0.0/16", "10.4.0.0/16" }, ConnectedGroupPrefixes(Table(Mesh(), "spoke1/workload")));
        Assert.Empty(ConnectedGroupPrefixes(Table(Mesh(), "hub/AzureFirewallSubnet")));
    }

    [Fact]
    public void UncapturedDeploymentStatusIsTakenAsDeployedAndSaidSo()
    {
        var table = Table(Mesh(doc => doc["results"] = new JsonArray()), "spoke1/workload");
        Assert.Equal(3, ConnectedGroupPrefixes(table).Count());
        Assert.Contains(table.Assumptions, a => a.Contains("deployment status was not captured") && a.Contains("cc-mesh-we"));
    }

    [Fact]
    public void ConfigurationNotCommittedInTheRegionGivesNoRoutes()
    {
        var table = Table(Mesh(doc => doc["results"]![0]!["body"]!["value"]![0]!["deploymentStatus"] = "NotStarted"), "spoke1/workload");
        Assert.Empty(ConnectedGroupPrefixes(table));
    }

    [Fact]
    public void OverlappingMemberSpaceIsRemovedFromTheGroup()
    {
        // spoke4 also claims 10.3.128.0/17, inside spoke3's 10.3.0.0/16: both are removed from the group (docs/routing-model.md#connected-group-limits).
        var t = Mesh(doc => Resource(doc, "spoke4")["properties"]!["addressSpace"]!["addressPrefixes"]!.AsArray().Add("10.3.128.0/17"));
        var prefixes = ConnectedGroupPrefixes(Table(t, "spoke1/workload")).ToList();
        Assert.DoesNotContain("10.3.0.0/16", prefixes);
        Assert.DoesNotContain("10.3.128.0/17", prefixes);
        Assert.Contains("10.4.0.0/16", prefixes);
    }

    [Fact]
    public void SpaceOverlappingAVnetPeeredFromOutsideTheGroupIsRemoved()
    {
        // The hub (not a member) is peered with members; give it space overlapping spoke2: 10.2.0.0/16 leaves the group (docs/routing-model.md#connected-group-limits).
        var t = Mesh(doc =>
        {
            Resource(doc, "hub")["properties"]!["addressSpace"]!["addressPrefixes"]!.AsArray().Add("10.2.0.0/24");
            foreach (var name in new[] { "spoke1", "spoke2", "spoke3", "spoke4" })
                foreach (var p in Resource(doc, name)["properties"]!["virtualNetworkPeerings"]!.AsArray())
                    p!["properties"]!["remoteAddressSpace"]!["addressPrefixes"]!.AsArray().Add("10.2.0.0/24");
        });
        var prefixes = ConnectedGroupPrefixes(Table(t, "spoke1/workload")).ToList();
        Assert.DoesNotContain("10.2.0.0/16", prefixes);
        Assert.Contains("10.3.0.0/16", prefixes);
    }

    [Fact]
    public void RegionalMeshLeavesOutMembersInOtherRegionsAndGlobalMeshIncludesThem()
    {
        void MoveSpoke4(JsonObject doc) => Resource(doc, "spoke4")["location"] = "northeurope";
        Assert.DoesNotContain("10.4.0.0/16", ConnectedGroupPrefixes(Table(Mesh(doc => { MoveSpoke4(doc); doc["results"] = new JsonArray(); }), "spoke1/workload")));
        var global = Mesh(doc =>
        {
            MoveSpoke4(doc);
            doc["results"] = new JsonArray();
            Resource(doc, "cc-mesh-we")["properties"]!["isGlobal"] = "True";
        });
        Assert.Contains("10.4.0.0/16", ConnectedGroupPrefixes(Table(global, "spoke1/workload")));
    }
}
