using System.Text.Json.Nodes;
using AzSpokeTools.Engine.Hosting;
using AzSpokeTools.Engine.Reports;
using AzSpokeTools.Engine.Requests;
using AzSpokeTools.Engine.Tests.Samples;
using AzSpokeTools.Engine.Verification;
using Xunit;

namespace AzSpokeTools.Engine.Tests.Verification;

/// <summary>
/// Captured learned-route tables against the derived ones (docs/guide/routing.md "Captured or derived"): agreement on the samples,
/// tolerated prefixes from beyond the snapshot, and both kinds of difference when capture and topology disagree.
/// </summary>
public class LearnedRouteVerificationTests
{
    [Fact]
    public void GatewayCaptureAgreesWithTheBgpVnetToVnetDerivationAndToleratesOnPremisesPrefixes()
    {
        var result = Assert.Single(LearnedRouteVerification.Verify(SampleFiles.LoadVariant("vpn-v2v-bgp")));
        Assert.Equal(LearnedRouteTableKind.GatewayLearned, result.Kind);
        Assert.Equal("vpngw-b", result.Name);
        Assert.True(result.Agrees);
        Assert.Equal(3, result.CapturedRoutes);
        Assert.Equal(2, result.DerivedRoutes);
        Assert.Contains(result.Tolerated, t => t.StartsWith("192.168.10.0/24"));
    }

    [Fact]
    public void CapturedVnetPrefixNotDerivedIsMissingAndDerivedPrefixNotCapturedIsExtra()
    {
        var t = Drifted();
        var result = Assert.Single(LearnedRouteVerification.Verify(t));
        Assert.False(result.Agrees);
        Assert.Contains(result.Differences, d => d.Kind == RouteDifferenceKind.Missing && d.AddressPrefix == "10.201.0.0/16");
        Assert.Contains(result.Differences, d => d.Kind == RouteDifferenceKind.Extra && d.AddressPrefix == "10.1.0.0/16");
    }

    /// <summary>vpngw-b's capture no longer lists spoke-a1 but lists spoke-c1 (a capture older or newer than the topology).</summary>
    private static Model.Topology Drifted() => SampleFiles.LoadVariant("vpn-v2v-bgp", doc =>
    {
        var rows = doc["results"]!.AsArray().Single(r => r!["operation"]!.GetValue<string>() == "getLearnedRoutes")!["body"]!["value"]!.AsArray();
        foreach (var row in rows.Where(r => r!["network"]!.GetValue<string>() == "10.1.0.0/16").ToList()) rows.Remove(row);
        rows.Add(new JsonObject { ["localAddress"] = "10.100.255.30", ["network"] = "10.201.0.0/16", ["nextHop"] = "10.0.255.4", ["sourcePeer"] = "10.0.255.4", ["origin"] = "EBgp", ["asPath"] = "65010" });
    });

    [Fact]
    public void RouteServerAdvertisementIsComparedWithTheVnetAndItsGatewayTransitSpokes()
    {
        var results = LearnedRouteVerification.Verify(SampleFiles.LoadVariant("route-server-interhub"));
        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.Equal(LearnedRouteTableKind.RouteServerAdvertised, r.Kind));
        Assert.All(results, r => Assert.True(r.Agrees));

        var drifted = SampleFiles.LoadVariant("route-server-interhub", doc =>
            SampleFiles.Resource(doc, "spoke-a1")["properties"]!["virtualNetworkPeerings"]![0]!["properties"]!["useRemoteGateways"] = false);
        var a = LearnedRouteVerification.Verify(drifted).Single(r => r.Name == "rs-hub-a/bgp-nva-a");
        Assert.Contains(a.Differences, d => d.Kind == RouteDifferenceKind.Missing && d.AddressPrefix == "10.1.0.0/16");
    }

    [Fact]
    public void RequestRefusesASnapshotWithoutLearnedRouteCaptures()
    {
        var ex = Assert.Throws<EngineInputException>(() => new VerifyRequest { Topology = SampleFiles.LoadVariant("hub-firewall") }.ExecuteLearnedRoutes(new RecordingEngineHost()));
        Assert.Contains("--include-learned-routes", ex.Message);
    }

    [Fact]
    public void JsonShapeMatchesTheGoldenFile()
    {
        var results = new VerifyRequest { Topology = Drifted() }.ExecuteLearnedRoutes(new RecordingEngineHost());
        var text = LearnedRouteVerificationJsonWriter.ToText(results).Replace("\r\n", "\n");
        var path = Path.Combine(TestPaths.RepoRoot, "tests", "AzSpokeTools.Engine.Tests", "Verification", "Golden", "learned-route-verification.vpn-v2v-bgp-drifted.json");
        if (Environment.GetEnvironmentVariable("AZSPOKE_UPDATE_GOLDEN") == "1") File.WriteAllText(path, text + "\n");
        Assert.True(File.Exists(path), $"golden file {path} is missing; run with AZSPOKE_UPDATE_GOLDEN=1");
        Assert.Equal(File.ReadAllText(path).Replace("\r\n", "\n").TrimEnd('\n'), text);
        var doc = JsonNode.Parse(text)!;
        Assert.Equal(1, doc["schemaVersion"]!.GetValue<int>());
    }
}
