using AzSpokeTools.Engine.Hosting;
using AzSpokeTools.Engine.Requests;
using AzSpokeTools.Engine.Routing;
using AzSpokeTools.Engine.Tests.Reports;
using AzSpokeTools.Engine.Tests.Samples;
using Xunit;

namespace AzSpokeTools.Engine.Tests;

/// <summary>
/// The resource-type dispatch of Get-SpokeEffectiveRoute lives in the engine: EffectiveRouteRequest.Target is told apart by its
/// form (a subnet or NIC resource id by its type, VNET/SUBNET, a NIC name) and answers as --subnet / --nic do; VerifyRequest
/// selects NICs by name, id or pattern.
/// </summary>
public sealed class RouteTargetRequestTests
{
    private const string SpokeRg = "/subscriptions/8e4f2a1c-3b5d-4c7e-a9f0-2d1e3c4b5a69/resourceGroups/rg-spokes/providers/Microsoft.Network";

    private static IReadOnlyList<string> Routes(EffectiveRouteRequest request) =>
        request.Execute(new RecordingEngineHost()).Routes.Select(r => r.ToString()).ToList();

    [Theory]
    [InlineData("spoke1/workload", "spoke1/workload", null)]
    [InlineData(SpokeRg + "/virtualNetworks/spoke1/subnets/workload", "spoke1/workload", null)]
    [InlineData("subscriptions/8e4f2a1c-3b5d-4c7e-a9f0-2d1e3c4b5a69/resourceGroups/rg-spokes/providers/Microsoft.Network/virtualNetworks/spoke1/subnets/workload", "spoke1/workload", null)]
    [InlineData("vm-spoke3-nic", null, "vm-spoke3-nic")]
    [InlineData(SpokeRg + "/networkInterfaces/VM-SPOKE3-NIC", null, "vm-spoke3-nic")]
    public void ATargetAnswersAsTheSubnetOrNicItNames(string target, string? subnet, string? nic)
    {
        var expected = Routes(new EffectiveRouteRequest { Snapshot = "sample:hub-firewall", Subnet = subnet, NetworkInterface = nic });
        Assert.Equal(expected, Routes(new EffectiveRouteRequest { Snapshot = "sample:hub-firewall", Target = target }));
    }

    [Theory]
    [InlineData(SpokeRg + "/virtualNetworks/spoke1", "ResourceId")]
    [InlineData("/subscriptions/8e4f2a1c-3b5d-4c7e-a9f0-2d1e3c4b5a69", "ResourceId")]
    public void AResourceIdOfAnotherKindIsAResourceIdError(string target, string parameter) =>
        Assert.Equal(parameter, Assert.Throws<EngineInputException>(() => Routes(new EffectiveRouteRequest { Snapshot = "sample:hub-firewall", Target = target })).Parameter);

    [Fact]
    public void ATargetAndASubnetTogetherAreRefused() =>
        Assert.Equal("Target", Assert.Throws<EngineInputException>(() => Routes(new EffectiveRouteRequest { Snapshot = "sample:hub-firewall", Target = "x", Subnet = "spoke1/workload" })).Parameter);

    [Fact]
    public void VerifySelectsNicsByNameIdOrPattern()
    {
        var doc = ReportFixtures.HubFirewallWithCapturedRoutes();
        var topology = AzSpokeTools.Engine.Snapshot.SnapshotLoader.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(doc.ToJsonString())), "captured.json");
        var all = new VerifyRequest { Topology = topology }.Execute(new RecordingEngineHost());
        Assert.Equal(2, all.Count);
        Assert.Equal(all.Select(v => v.Name), new VerifyRequest { Topology = topology, NetworkInterface = new[] { "VM-SPOKE*" } }.Execute(new RecordingEngineHost()).Select(v => v.Name));
        Assert.Equal("vm-spoke3-nic", Assert.Single(new VerifyRequest { Topology = topology, NetworkInterface = new[] { "vm-spoke3-nic" } }.Execute(new RecordingEngineHost())).Name);
        var three = Assert.Single(VerifyRequest.Select(topology, all, "vm-spoke3-nic"));
        Assert.Same(three, Assert.Single(VerifyRequest.Select(topology, all, three.NetworkInterfaceId.Value.ToUpperInvariant())));
        Assert.Empty(VerifyRequest.Select(topology, all, "no-such-*"));
        var notCaptured = Assert.Throws<AzSpokeTools.Engine.Model.ResourceNotFoundException>(() => VerifyRequest.Select(topology, all, "vm-spoke2-nic"));
        Assert.Contains("--include-effective-routes", notCaptured.Message);
        Assert.Equal("ResourceId", Assert.Throws<EngineInputException>(() => VerifyRequest.Select(topology, all, SpokeRg + "/virtualNetworks/spoke1")).Parameter);
    }
}
