using System.Text.Json.Nodes;
using AzSpokeTools.Engine.Tests.Paths;
using AzSpokeTools.Engine.Tests.Samples;
using Xunit;

namespace AzSpokeTools.Engine.Tests.Snapshot;

/// <summary>Loading Azure Route Server resources and their captured route lists.</summary>
public class RouteServerLoadTests
{
    [Fact]
    public void RouteServerWithoutItsIpConfigurationLoadsWithAWarningNamingWhatIsMissing()
    {
        var t = SampleFiles.LoadVariant("route-server-only", doc =>
        {
            var resources = doc["resources"]!.AsArray();
            resources.Remove(resources.Single(r => r!["type"]!.GetValue<string>() == "Microsoft.Network/virtualHubs/ipConfigurations"));
        });
        var rs = Assert.Single(t.RouteServers);
        Assert.Null(rs.VirtualNetworkId);
        Assert.Contains(t.Diagnostics, d => d.Message.Contains("rs-hub") && d.Message.Contains("ipConfigurations"));
    }

    [Fact]
    public void ActionNameAndTheGatewayStyleOperationNameAreBothAccepted()
    {
        var peerScope = SmallEstate.Id("virtualHubs", "rs") + "/bgpConnections/nva";
        var t = new SmallEstate()
            .Vnet("hub", "10.0.0.0/16", "westeurope", ("RouteServerSubnet", "10.0.254.0/27", null))
            .RouteServer("rs", "hub", "RouteServerSubnet", new[] { "10.0.254.4", "10.0.254.5" }, false, ("nva", "10.0.1.4", 65010))
            .Result("advertisedRoutes", peerScope, new JsonObject
            {
                ["RouteServiceRole_IN_0"] = new JsonArray(new JsonObject { ["network"] = "10.0.0.0/16", ["nextHop"] = "10.0.254.4", ["origin"] = "Igp", ["asPath"] = "65515" }),
            })
            .Load();
        Assert.Equal("10.0.0.0/16", Assert.Single(t.AdvertisedRoutes.Values.Single()).Network.ToString());
        Assert.True(t.RouteServers.Single().IsRouteServer);
    }

    [Fact]
    public void BgpConnectionWithAnInvalidPeerIpIsAnErrorNamingTheValue()
    {
        var ex = Assert.Throws<AzSpokeTools.Engine.Snapshot.SnapshotLoadException>(() => SampleFiles.LoadVariant("route-server-only", doc =>
            SampleFiles.Resource(doc, "bgp-nva1")["properties"]!["peerIp"] = "10.0.1.400"));
        Assert.Contains("10.0.1.400", ex.Message);
    }
}
