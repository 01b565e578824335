using System.Text.Json;
using Xunit;

namespace AzSpokeTools.Engine.Tests.Samples;

/// <summary>The integrity checks used on samples and generated estates do catch broken snapshots.</summary>
public class SnapshotIntegrityTests
{
    private const string Sub = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.Network/";

    private static string Vnet(string name, string prefix, string peerings) =>
        $"{{\"id\":\"{Sub}virtualNetworks/{name}\",\"name\":\"{name}\",\"type\":\"Microsoft.Network/virtualNetworks\",\"properties\":{{\"addressSpace\":{{\"addressPrefixes\":[\"{prefix}\"]}},\"subnets\":[],\"virtualNetworkPeerings\":[{peerings}]}}}}";

    private static string Peering(string local, string remote, string state) =>
        $"{{\"name\":\"{local}-{remote}\",\"id\":\"{Sub}virtualNetworks/{local}/virtualNetworkPeerings/{local}-{remote}\",\"properties\":{{\"peeringState\":\"{state}\",\"remoteVirtualNetwork\":{{\"id\":\"{Sub}virtualNetworks/{remote}\"}}}}}}";

    private static JsonElement Doc(params string[] resources) =>
        JsonDocument.Parse("{\"schemaVersion\":1,\"capturedAt\":\"2026-01-01T00:00:00Z\",\"source\":\"t\",\"coverage\":{},\"resources\":[" + string.Join(",", resources) + "],\"results\":[]}").RootElement;

    [Fact]
    public void DetectsAConnectedPeeringWithoutItsOtherSide()
    {
        var root = Doc(Vnet("a", "10.1.0.0/16", Peering("a", "b", "Connected")), Vnet("b", "10.2.0.0/16", ""));
        Assert.Single(SnapshotIntegrity.OneSidedConnectedPeerings(root));
    }

    [Fact]
    public void AcceptsAnInitiatedPeeringWithoutItsOtherSide()
    {
        var root = Doc(Vnet("a", "10.1.0.0/16", Peering("a", "b", "Initiated")), Vnet("b", "10.2.0.0/16", ""));
        Assert.Empty(SnapshotIntegrity.OneSidedConnectedPeerings(root));
    }

    [Fact]
    public void DetectsAReferenceToAMissingResourceOfAnIncludedType()
    {
        var root = Doc(Vnet("a", "10.1.0.0/16", Peering("a", "ghost", "Connected")));
        Assert.Contains(SnapshotIntegrity.DanglingReferences(root), r => r.EndsWith("/ghost", StringComparison.Ordinal));
    }

    [Fact]
    public void ResolvesReferencesCaseInsensitively()
    {
        string upper = Peering("a", "B", "Connected");
        var root = Doc(Vnet("a", "10.1.0.0/16", upper), Vnet("b", "10.2.0.0/16", Peering("b", "a", "Connected")));
        Assert.Empty(SnapshotIntegrity.DanglingReferences(root));
        Assert.Empty(SnapshotIntegrity.OneSidedConnectedPeerings(root));
    }

    [Theory]
    [InlineData("10.0.0.0/8", "10.200.0.0/16", true)]
    [InlineData("10.1.0.0/16", "10.1.0.0/16", true)]
    [InlineData("10.1.0.0/16", "10.2.0.0/16", false)]
    public void DetectsOverlappingAddressSpaces(string a, string b, bool overlap)
    {
        var root = Doc(Vnet("a", a, ""), Vnet("c", "172.16.0.0/24", ""), Vnet("b", b, ""));
        Assert.Equal(overlap, SnapshotIntegrity.OverlappingAddressSpaces(root).Any());
    }

    [Fact]
    public void DetectsAnOverlapHiddenBehindSmallerPrefixes()
    {
        // 10.0.0.0/8 sorts first, then 10.1.0.0/24 (overlap), then 10.2.0.0/16, which also overlaps the /8.
        var root = Doc(Vnet("a", "10.0.0.0/8", ""), Vnet("b", "10.1.0.0/24", ""), Vnet("c", "10.2.0.0/16", ""));
        Assert.Equal(2, SnapshotIntegrity.OverlappingAddressSpaces(root).Count());
    }
}
