using System.Text.Json.Nodes;
using AzSpokeTools.Engine.Hosting;
using AzSpokeTools.Engine.Reports;
using AzSpokeTools.Engine.Requests;
using AzSpokeTools.Engine.Tests.Reports;
using AzSpokeTools.Engine.Tests.Samples;
using AzSpokeTools.Engine.Verification;
using Xunit;

namespace AzSpokeTools.Engine.Tests.Verification;

/// <summary>verify --security-rules: computed effective security rules (NSGs, order, tag expansions) against the captured effectiveNetworkSecurityGroups.</summary>
public class SecurityRuleVerificationTests
{
    /// <summary>The sample's capture, drifted: a rule's priority changed, the VirtualNetwork expansion without the user-defined default route, a rule Azure has and the snapshot lacks.</summary>
    private static Model.Topology Drifted() => SampleFiles.LoadVariant("secured-spokes", doc =>
    {
        var groups = doc["results"]!.AsArray().Single(r => (string)r!["operation"]! == "effectiveNetworkSecurityGroups")!["body"]!["value"]!.AsArray();
        var subnetRules = groups[0]!["effectiveSecurityRules"]!.AsArray();
        subnetRules[0]!["priority"] = 250;
        var vnetIn = subnetRules.Single(r => (string)r!["name"]! == "defaultSecurityRules/AllowVnetInBound")!;
        vnetIn["expandedSourceAddressPrefix"] = new JsonArray("10.0.0.0/16", "10.1.0.0/16", "10.4.0.0/16", "10.0.0.0/8", "168.63.129.16/32");
        subnetRules.Add(JsonNode.Parse("""{"name":"securityRules/added-in-portal","protocol":"Udp","sourcePortRange":"0-65535","destinationPortRange":"53-53","sourceAddressPrefix":"0.0.0.0/0","destinationAddressPrefix":"0.0.0.0/0","access":"Allow","priority":400,"direction":"Inbound"}"""));
    });

    [Fact]
    public void TheSampleCaptureIsReproducedRuleForRuleWithTheTagExpansions()
    {
        var nic = Assert.Single(new VerifyRequest { Snapshot = "sample:secured-spokes" }.ExecuteSecurityRules(new RecordingEngineHost()));
        Assert.True(nic.Agrees, string.Join("\n", nic.Differences));
        Assert.Equal(18, nic.Matched);
    }

    [Fact]
    public void DriftIsReportedAsChangedTagExpansionAndMissing()
    {
        var nic = Assert.Single(SecurityRuleVerification.Verify(Drifted()));
        Assert.False(nic.Agrees);
        Assert.Contains(nic.Differences, d => d.Kind == SecurityRuleDifferenceKind.Changed && d.Rule == "allow-https-from-spokes" && d.Captured!.Contains("250"));
        Assert.Contains(nic.Differences, d => d.Kind == SecurityRuleDifferenceKind.TagExpansion && d.Rule == "AllowVnetInBound" && d.Computed == "0.0.0.0/0");
        Assert.Contains(nic.Differences, d => d.Kind == SecurityRuleDifferenceKind.Missing && d.Rule == "added-in-portal");
        Assert.Equal(16, nic.Matched);
    }

    [Fact]
    public void RequestRefusesASnapshotWithoutSecurityCaptures()
    {
        var ex = Assert.Throws<EngineInputException>(() => new VerifyRequest { Snapshot = "sample:hub-firewall" }.ExecuteSecurityRules(new RecordingEngineHost()));
        Assert.Contains("--include-effective-security-rules", ex.Message);
    }

    [Fact]
    public void JsonShapeMatchesTheSchemaAndTheGoldenFile()
    {
        var text = SecurityRuleVerificationJsonWriter.ToText(SecurityRuleVerification.Verify(Drifted())).Replace("\r\n", "\n");
        ReportSchemas.AssertValid("security-rule-verification", text);
        var path = Path.Combine(TestPaths.RepoRoot, "tests", "AzSpokeTools.Engine.Tests", "Verification", "Golden", "security-rule-verification.secured-spokes-drifted.json");
        if (Environment.GetEnvironmentVariable("AZSPOKE_UPDATE_GOLDEN") == "1") File.WriteAllText(path, text + "\n");
        Assert.True(File.Exists(path), $"golden file {path} is missing; run with AZSPOKE_UPDATE_GOLDEN=1");
        Assert.Equal(File.ReadAllText(path).Replace("\r\n", "\n").TrimEnd('\n'), text);
        Assert.Equal(1, JsonNode.Parse(text)!["schemaVersion"]!.GetValue<int>());
    }
}
