using System.Text.Json.Nodes;
using AzSpokeTools.Engine.Model;
using FsCheck.Xunit;
using Xunit;
using JsonNode = System.Text.Json.Nodes.JsonNode;
using AzSpokeTools.Engine.Input;

namespace AzSpokeTools.Engine.Tests.Snapshot;

/// <summary>Whatever part of an estate is missing, loading never fails and never loses what it read.</summary>
public class DanglingReferenceProperties
{
    private static readonly string ArmEstate = File.ReadAllText(Snap.TestData("estate/arm-snapshot.json"));
    private static readonly Topology Whole = Snap.Json(ArmEstate);

    [Property(MaxTest = 40)]
    public void AnySubsetOfResourcesLoadsWithWarningsOnlyAndKeepsEveryReference(int seed)
    {
        var random = new Random(seed);
        var doc = JsonNode.Parse(ArmEstate)!.AsObject();
        var resources = doc["resources"]!.AsArray();
        var kept = new JsonArray(resources.Where(_ => random.Next(2) == 0).Select(r => r!.DeepClone()).ToArray());
        doc["resources"] = kept;

        var t = Snap.Json(doc.ToJsonString(), "subset.json");

        Assert.All(t.Diagnostics, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
        Assert.All(t.Diagnostics, d => Assert.Equal("subset.json", d.Location.File));
        foreach (var v in t.VirtualNetworks)
        {
            var original = Whole.VirtualNetworks.Single(w => w.Id == v.Id);
            Assert.Equal(original.Subnets.Select(s => (s.Id, s.RouteTableId)), v.Subnets.Select(s => (s.Id, s.RouteTableId)));
            Assert.Equal(original.Peerings.Select(p => (p.Id, p.RemoteVirtualNetworkId)), v.Peerings.Select(p => (p.Id, p.RemoteVirtualNetworkId)));
            foreach (var s in v.Subnets.Where(s => s.RouteTableId != null && t.Find<RouteTable>(s.RouteTableId) == null))
                Assert.Contains(t.Diagnostics, d => d.Message.Contains(s.RouteTableId!.Value.Value) && d.Location.JsonPath.Contains("subnets"));
        }
        foreach (var r in t.RouteTables)
            Assert.Equal(Whole.RouteTables.Single(w => w.Id == r.Id).Routes.Count, r.Routes.Count);
        foreach (var n in t.NetworkInterfaces)
            Assert.Equal(Whole.NetworkInterfaces.Single(w => w.Id == n.Id).IpConfigurations.Select(c => c.SubnetId), n.IpConfigurations.Select(c => c.SubnetId));
    }
}
