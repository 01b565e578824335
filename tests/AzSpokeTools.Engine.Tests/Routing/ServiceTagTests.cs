using System.Text;
using System.Text.Json.Nodes;
using AzSpokeTools.Cli;
using AzSpokeTools.Engine.Addresses;
using AzSpokeTools.Engine.Routing;
using AzSpokeTools.Engine.Tests.Samples;
using AzSpokeTools.Engine.Snapshot;
using Xunit;
using JsonNode = System.Text.Json.Nodes.JsonNode;
using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Engine.Tests.Routing;

/// <summary>Service-tag prefixes in UDRs and service endpoints stay unresolved without a service-tag file and resolve with one.</summary>
public class ServiceTagTests
{
    // The shape of Azure's ServiceTags_Public_*.json.
    private const string TagFile = """
        { "changeNumber": 1, "cloud": "Public", "values": [
          { "name": "Storage.EastUS", "id": "Storage.EastUS", "properties": { "region": "eastus", "addressPrefixes": [ "20.38.98.0/24", "52.239.152.0/22" ] } },
          { "name": "AzureMonitor", "id": "AzureMonitor", "properties": { "addressPrefixes": [ "13.88.0.0/16", "2603:1030::/48" ] } } ] }
        """;

    private static string Snapshot(string dir)
    {
        var doc = SampleFiles.EditableSample("routing-example");
        var table = SampleFiles.Resource(doc, "Subnet1-route-table");
        table["properties"]!["routes"]!.AsArray().Add(new JsonObject
        {
            ["name"] = "Monitor-Direct",
            ["properties"] = new JsonObject { ["addressPrefix"] = "AzureMonitor", ["nextHopType"] = "Internet" },
        });
        var path = Path.Combine(dir, "snapshot.json");
        File.WriteAllText(path, doc.ToJsonString());
        File.WriteAllText(Path.Combine(dir, "tags.json"), TagFile);
        return path;
    }

    [Fact]
    public void WithoutATagFileTagPrefixesAreKeptAndReportedUnresolved()
    {
        var dir = Directory.CreateTempSubdirectory();
        try
        {
            var t = SnapshotLoader.Load(Snapshot(dir.FullName));
            var table = new EffectiveRouteCalculator(t).ForSubnet(t.ResolveSubnet("Virtual-network-1/Subnet1"));
            var udr = Assert.Single(table.Routes, r => r.Name == "Monitor-Direct");
            Assert.Equal(new[] { "AzureMonitor" }, udr.AddressPrefix);
            Assert.Equal(new[] { "AzureMonitor" }, udr.UnresolvedPrefixes);
            Assert.Empty(udr.Prefixes);
            Assert.Contains(table.Unknowns, u => u.Contains("AzureMonitor") && u.Contains("service-tag file"));
            Assert.Contains(table.Unknowns, u => u.Contains("Microsoft.Storage"));
        }
        finally { dir.Delete(true); }
    }

    [Fact]
    public void ATagFileResolvesUdrAndServiceEndpointPrefixes()
    {
        var dir = Directory.CreateTempSubdirectory();
        try
        {
            var t = SnapshotLoader.Load(Snapshot(dir.FullName));
            var tags = ServiceTagCatalog.Load(Path.Combine(dir.FullName, "tags.json"));
            var table = new EffectiveRouteCalculator(t, tags).ForSubnet(t.ResolveSubnet("Virtual-network-1/Subnet1"));
            var udr = Assert.Single(table.Routes, r => r.Name == "Monitor-Direct");
            Assert.Equal(new[] { "13.88.0.0/16", "2603:1030::/48" }, udr.AddressPrefix);
            var se = Assert.Single(table.Routes, r => r.NextHopType == NextHopType.VirtualNetworkServiceEndpoint);
            Assert.Equal(new[] { "20.38.98.0/24", "52.239.152.0/22" }, se.AddressPrefix);
            // docs/routing-model.md#special-override-rules: the service endpoint route beats the 0.0.0.0/0 UDR to the NVA for storage addresses.
            var winner = SampleRouteExpectationTests.LongestPrefixMatch(table, IpAddressValue.Parse("52.239.153.1")).Single();
            Assert.Equal(NextHopType.VirtualNetworkServiceEndpoint, winner.NextHopType);
            Assert.Equal(NextHopType.Internet, SampleRouteExpectationTests.LongestPrefixMatch(table, IpAddressValue.Parse("13.88.1.1")).Single().NextHopType);
            Assert.DoesNotContain(table.Unknowns, u => u.Contains("service-tag file"));
        }
        finally { dir.Delete(true); }
    }

    [Fact]
    public void RoutesCommandTakesATagFileAndNamesAMissingOne()
    {
        var dir = Directory.CreateTempSubdirectory();
        try
        {
            var snapshot = Snapshot(dir.FullName);
            var output = new StringWriter();
            Assert.Equal(0, CliApp.Run(new[] { "routes", "--snapshot", snapshot, "--subnet", "Virtual-network-1/Subnet1", "--service-tags", Path.Combine(dir.FullName, "tags.json"), "--format", "json" }, output, new StringWriter()));
            Assert.Contains("13.88.0.0/16", output.ToString());
            var error = new StringWriter();
            Assert.Equal(2, CliApp.Run(new[] { "routes", "--snapshot", snapshot, "--subnet", "Virtual-network-1/Subnet1", "--service-tags", Path.Combine(dir.FullName, "nope.json") }, new StringWriter(), error));
            Assert.Contains("--service-tags", error.ToString());
        }
        finally { dir.Delete(true); }
    }
}
