using System.Text.Json.Nodes;
using AzSpokeTools.Engine.Hosting;
using AzSpokeTools.Engine.Readiness;
using AzSpokeTools.Engine.Requests;
using AzSpokeTools.Engine.Tests.Samples;
using Xunit;

namespace AzSpokeTools.Engine.Tests.Readiness;

/// <summary>AVNM030: a Route Server the selected VNets rely on with more BGP peers than a Route Server supports.</summary>
public class RouteServerRuleTests
{
    private static ReadinessReport Check(int peers, params string[] vnets)
    {
        var t = SampleFiles.LoadVariant("route-server-only", doc =>
        {
            var resources = doc["resources"]!.AsArray();
            var template = resources.Single(r => r!["name"]!.GetValue<string>() == "bgp-nva1")!;
            for (int i = 3; i < peers; i++)
            {
                var copy = template.DeepClone().AsObject();
                copy["name"] = $"bgp-extra-{i}";
                copy["id"] = template["id"]!.GetValue<string>().Replace("bgp-nva1", $"bgp-extra-{i}");
                copy["properties"]!["peerIp"] = $"10.0.1.{20 + i}";
                resources.Add(copy);
            }
        });
        return new MeshReadinessRequest { Topology = t, VirtualNetwork = vnets }.Execute(new RecordingEngineHost());
    }

    [Fact]
    public void MoreThanSixteenPeersIsAnErrorForSpokesUsingTheRouteServer()
    {
        var report = Check(17, "spoke1", "spoke2");
        var finding = Assert.Single(report.Findings, f => f.RuleId == ReadinessRules.RouteServerPeers);
        Assert.Equal(ReadinessSeverity.Error, finding.Severity);
        Assert.EndsWith("/virtualHubs/rs-hub", finding.ResourceId);
        Assert.Equal("17", finding.Evidence["bgpConnections"]);
        Assert.False(report.Ready);
    }

    [Fact]
    public void SixteenPeersIsNoFinding()
    {
        Assert.DoesNotContain(Check(16, "spoke1", "spoke2").Findings, f => f.RuleId == ReadinessRules.RouteServerPeers);
        Assert.Contains(ReadinessRules.RouteServerPeers, ReadinessRules.Catalog.Keys);
    }
}
