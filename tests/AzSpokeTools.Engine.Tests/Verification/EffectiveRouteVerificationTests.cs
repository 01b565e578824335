using System.Text;
using System.Text.Json.Nodes;
using JsonNode = System.Text.Json.Nodes.JsonNode;
using AzSpokeTools.Cli;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Tests.Samples;
using AzSpokeTools.Engine.Snapshot;
using AzSpokeTools.Engine.Verification;
using Xunit;

namespace AzSpokeTools.Engine.Tests.Verification;

/// <summary>
/// Computed routes against captured NIC effective routes: the docs/routing-model.md#worked-example worked example's Subnet2 table as Azure lists it
/// (API strings, with the extra platform None routes real captures carry) must agree; tampered captures must not.
/// </summary>
public class EffectiveRouteVerificationTests
{
    private const string Subnet2Nic = "vm-subnet2-nic";

    // docs/routing-model.md#worked-example, Subnet2 table in API strings, plus one extra platform None route (docs/routing-model.md#extra-platform-none-routes).
    private static JsonArray Subnet2Capture(string gatewayIp) => new()
    {
        Route("Default", "Active", "10.0.0.0/16", "VnetLocal"),
        Route("Default", "Active", "10.1.0.0/16", "VNetPeering"),
        Route("Default", "Active", "10.2.0.0/16", "VNetPeering"),
        Route("VirtualNetworkGateway", "Active", "10.10.0.0/16", "VirtualNetworkGateway", gatewayIp),
        Route("Default", "Active", "0.0.0.0/0", "Internet"),
        Route("Default", "Active", "10.0.0.0/8", "None"),
        Route("Default", "Active", "100.64.0.0/10", "None"),
        Route("Default", "Active", "192.168.0.0/16", "None"),
        Route("Default", "Active", "25.33.80.0/20", "None"),
    };

    private static JsonObject Route(string source, string state, string prefix, string hop, string? ip = null) => new()
    {
        ["name"] = null,
        ["source"] = source,
        ["state"] = state,
        ["addressPrefix"] = new JsonArray(prefix),
        ["nextHopType"] = hop,
        ["nextHopIpAddress"] = ip == null ? new JsonArray() : new JsonArray(ip),
    };

    private static string SnapshotWithCapture(JsonArray capture)
    {
        var doc = SampleFiles.EditableSample("routing-example");
        var nicId = doc["resources"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()).Single(id => id.EndsWith("/" + Subnet2Nic));
        doc["results"] = new JsonArray(new JsonObject
        {
            ["operation"] = "effectiveRouteTable",
            ["scope"] = nicId,
            ["body"] = new JsonObject { ["value"] = capture },
        });
        return doc.ToJsonString();
    }

    private static Topology Load(string json) =>
        SnapshotLoader.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)), "routing-example-with-capture.json");

    private static string GatewayIp() =>
        Load(SnapshotWithCapture(new JsonArray())).PublicIpAddresses.Single().IpAddress!.Value.ToString();

    [Fact]
    public void ComputedRoutesAgreeWithTheDocumentedSubnet2Table()
    {
        var result = Assert.Single(EffectiveRouteVerification.Verify(Load(SnapshotWithCapture(Subnet2Capture(GatewayIp())))));
        Assert.True(result.Agrees, string.Join("\n", result.Differences));
        Assert.Equal(9, result.CapturedRoutes);
        Assert.Equal(1.0, result.Agreement);
        Assert.Contains(result.Tolerated, t => t.Contains("25.33.80.0/20"));
        Assert.Contains(result.Tolerated, t => t.Contains("172.16.0.0/12"));
    }

    [Fact]
    public void WrongNextHopMissingAndExtraRoutesAreReported()
    {
        var capture = Subnet2Capture("198.51.100.77");             // a different gateway IP
        capture.RemoveAt(2);                                       // 10.2.0.0/16 peering: computed but not captured -> Extra
        capture.Add(Route("User", "Active", "10.99.0.0/16", "VirtualAppliance", "10.0.100.4")); // captured only -> Missing
        var result = Assert.Single(EffectiveRouteVerification.Verify(Load(SnapshotWithCapture(capture))));
        Assert.False(result.Agrees);
        Assert.Contains(result.Differences, d => d.Kind == RouteDifferenceKind.DifferentNextHop && d.AddressPrefix == "10.10.0.0/16");
        Assert.Contains(result.Differences, d => d.Kind == RouteDifferenceKind.Extra && d.AddressPrefix == "10.2.0.0/16");
        Assert.Contains(result.Differences, d => d.Kind == RouteDifferenceKind.Missing && d.AddressPrefix == "10.99.0.0/16");
        Assert.Equal(3, result.Differences.Count);
    }

    [Fact]
    public void StateDifferenceIsReported()
    {
        var capture = Subnet2Capture(GatewayIp());
        capture[0]!["state"] = "Invalid";
        var result = Assert.Single(EffectiveRouteVerification.Verify(Load(SnapshotWithCapture(capture))));
        var d = Assert.Single(result.Differences);
        Assert.Equal(RouteDifferenceKind.DifferentState, d.Kind);
        Assert.Equal("10.0.0.0/16", d.AddressPrefix);
    }

    [Fact]
    public void VerifyCommandExitsZeroWhenAllNicsAgreeAndOneOtherwise()
    {
        var dir = Directory.CreateTempSubdirectory();
        try
        {
            var good = Path.Combine(dir.FullName, "good.json");
            File.WriteAllText(good, SnapshotWithCapture(Subnet2Capture(GatewayIp())));
            var bad = Path.Combine(dir.FullName, "bad.json");
            File.WriteAllText(bad, SnapshotWithCapture(Subnet2Capture("198.51.100.77")));
            var output = new StringWriter();
            Assert.Equal(0, CliApp.Run(new[] { "verify", "--snapshot", good, "--format", "json" }, output, new StringWriter()));
            var json = JsonNode.Parse(output.ToString())!;
            Assert.True(json["agrees"]!.GetValue<bool>());
            Assert.Single(json["nics"]!.AsArray());
            output = new StringWriter();
            Assert.Equal(1, CliApp.Run(new[] { "verify", "--snapshot", bad }, output, new StringWriter()));
            Assert.Contains("DifferentNextHop", output.ToString());
        }
        finally { dir.Delete(true); }
    }

    [Fact]
    public void VerifyCommandWithoutCapturedTablesIsBadInput()
    {
        var err = new StringWriter();
        Assert.Equal(2, CliApp.Run(new[] { "verify", "--snapshot", "sample:hub-firewall" }, new StringWriter(), err));
        Assert.Contains("effectiveRouteTable", err.ToString());
    }
}
