using System.Text.Json;
using AzSpokeTools.Engine.Addresses;
using AzSpokeTools.Engine.Samples;
using Xunit;

namespace AzSpokeTools.Engine.Tests.Samples;

public class SyntheticEstateTests
{
    private static byte[] Generate(int spokes, int hubs = 2, int subnets = 1, int seed = 1)
    {
        using var ms = new MemoryStream();
        SyntheticEstate.Write(new SyntheticEstateOptions { Spokes = spokes, Hubs = hubs, SubnetsPerSpoke = subnets, Seed = seed }, ms);
        return ms.ToArray();
    }

    private static JsonDocument Parse(byte[] bytes) => JsonDocument.Parse(bytes);

    [Fact]
    public void NetworkSecurityGroupsOptionPutsTheHubsNsgOnEverySpokeSubnetAndAccessIsEvaluatedByItsRules()
    {
        using var ms = new MemoryStream();
        SyntheticEstate.Write(new SyntheticEstateOptions { Spokes = 40, Hubs = 2, SubnetsPerSpoke = 2, NetworkSecurityGroups = true }, ms);
        ms.Position = 0;
        var topology = AzSpokeTools.Engine.Snapshot.SnapshotLoader.Load(ms, "estate.json");
        var spokeSubnets = topology.VirtualNetworks.Where(v => v.Tags.TryGetValue("role", out var r) && r == "spoke").SelectMany(v => v.Subnets).ToList();
        Assert.Equal(80, spokeSubnets.Count);
        Assert.All(spokeSubnets, s => Assert.NotNull(s.NetworkSecurityGroupId));
        Assert.Equal(2, topology.NetworkSecurityGroups.Count);
        var summary = new AzSpokeTools.Engine.Paths.PathMatrix(topology, new AzSpokeTools.Engine.Paths.PathMatrixOptions { Flow = AzSpokeTools.Engine.Security.Flow.Parse("22/tcp") }).Run(null);
        // SSH from 10.0.0.0/8 is denied inbound by every spoke NSG: no spoke pair is allowed.
        Assert.True(summary.ByAccess[AzSpokeTools.Engine.Security.AccessVerdict.Denied] > 0);
        // Without the option the output has no NSGs (and is what it was).
        Assert.Equal(-1, Generate(40).AsSpan().IndexOf("networkSecurityGroups"u8));
    }

    [Fact]
    public void SameOptionsGiveByteIdenticalOutput()
    {
        Assert.Equal(Generate(300, 3, 2, 7), Generate(300, 3, 2, 7));
    }

    [Fact]
    public void DifferentSeedsGiveDifferentEstates()
    {
        Assert.NotEqual(Generate(300, seed: 1), Generate(300, seed: 2));
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(50, 2, 1)]
    [InlineData(120, 3, 3)]
    [InlineData(40, 2, 4)]
    [InlineData(40, 2, 5)]
    [InlineData(17, 16, 16)]
    [InlineData(40, SyntheticEstateOptions.MaxHubs, 2)]
    public void WritesTheRequestedNumbersOfVnetsAndSubnets(int spokes, int hubs, int subnets)
    {
        using var doc = Parse(Generate(spokes, hubs, subnets));
        var vnets = SnapshotIntegrity.VirtualNetworks(doc.RootElement);
        var spokeVnets = vnets.Where(v => v.GetProperty("tags").GetProperty("role").GetString() == "spoke").ToList();
        var hubVnets = vnets.Where(v => v.GetProperty("tags").GetProperty("role").GetString() == "hub").ToList();
        Assert.Equal(spokes, spokeVnets.Count);
        Assert.Equal(hubs, hubVnets.Count);
        Assert.All(spokeVnets, v => Assert.Equal(subnets, SnapshotIntegrity.Subnets(v).Count()));
        Assert.All(hubVnets, v => Assert.Equal(new[] { "AzureFirewallSubnet", "GatewaySubnet" }, SnapshotIntegrity.Subnets(v).Select(s => s.GetProperty("name").GetString())));
        Assert.Empty(SnapshotIntegrity.OverlappingAddressSpaces(doc.RootElement));
    }

    [Theory]
    [InlineData(8192, 22)]
    [InlineData(8193, 24)]
    [InlineData(32768, 24)]
    [InlineData(32769, 25)]
    [InlineData(SyntheticEstateOptions.MaxSpokes, 25)]
    public void EveryAddressPlanUpToTheLargestHasAlignedNonOverlappingSpokesInsideTheSupernet(int spokes, int length)
    {
        var supernet = IpPrefix.Parse("10.128.0.0/9");
        foreach (int subnets in new[] { 1, 4, 5, 16 })
        {
            var plan = new SyntheticAddressPlan(spokes, subnets);
            Assert.Equal(length, plan.SpokePrefixLength);
            // Consecutive aligned blocks: spoke i ends where spoke i + 1 begins, and the last one ends inside the /9.
            Assert.Equal(0u, plan.SpokeAddress(0) % plan.SpokeSize);
            Assert.True((long)plan.SpokeAddress(spokes - 1) + plan.SpokeSize <= SyntheticAddressPlan.SpokeBase + SyntheticAddressPlan.SpokeSpace);
            foreach (int i in new[] { 0, spokes / 2, spokes - 2, spokes - 1 }.Where(i => i >= 0 && i + 1 < spokes))
                Assert.Equal(plan.SpokeAddress(i) + plan.SpokeSize, plan.SpokeAddress(i + 1));
            var last = IpPrefix.Parse(Ip(plan.SpokeAddress(spokes - 1)) + "/" + length);
            Assert.True(supernet.Contains(last), $"{last} outside {supernet}");
            var lastSubnet = IpPrefix.Parse(Ip(plan.SubnetAddress(spokes - 1, subnets - 1)) + "/" + plan.SubnetPrefixLength);
            Assert.True(last.Contains(lastSubnet), $"{lastSubnet} outside {last}");
            Assert.True(plan.SubnetPrefixLength <= 29, "Azure's smallest subnet is a /29");
            var pe = plan.PrivateEndpointAddress(spokes - 1, plan.PrivateEndpointCapacity - 1);
            Assert.True(pe > plan.SubnetAddress(spokes - 1, 0) + 3 && pe < plan.SubnetAddress(spokes - 1, 0) + plan.SubnetSize - 1, "private endpoints stay clear of Azure's reserved addresses");
        }
    }

    private static string Ip(uint a) => $"{a >> 24}.{(a >> 16) & 255}.{(a >> 8) & 255}.{a & 255}";

    [Fact]
    public void AnEstateBeyondTheFirstPlanIsWrittenWithNonOverlappingSpacesAndEveryPrivateEndpointInItsSubnet()
    {
        using var ms = new MemoryStream();
        SyntheticEstate.Write(new SyntheticEstateOptions { Spokes = 8200, SubnetsPerSpoke = 2, PrivateEndpointsPerSpoke = 3, MeshShare = 0.1 }, ms);
        using var doc = JsonDocument.Parse(ms.ToArray());
        Assert.Empty(SnapshotIntegrity.OverlappingAddressSpaces(doc.RootElement));
        Assert.Equal(8202, SnapshotIntegrity.VirtualNetworks(doc.RootElement).Count);
        var subnets = SnapshotIntegrity.VirtualNetworks(doc.RootElement).SelectMany(v => SnapshotIntegrity.Subnets(v))
            .ToDictionary(s => s.GetProperty("id").GetString()!, s => IpPrefix.Parse(s.GetProperty("properties").GetProperty("addressPrefix").GetString()!), StringComparer.OrdinalIgnoreCase);
        var nics = SnapshotIntegrity.Resources(doc.RootElement)
            .Where(r => r.GetProperty("type").GetString() == "Microsoft.Network/networkInterfaces").ToList();
        Assert.Equal(8200 * 3, nics.Count);
        foreach (var nic in nics)
        {
            var ip = nic.GetProperty("properties").GetProperty("ipConfigurations")[0].GetProperty("properties");
            var subnet = subnets[ip.GetProperty("subnet").GetProperty("id").GetString()!];
            Assert.True(subnet.Contains(IpPrefix.Parse(ip.GetProperty("privateIPAddress").GetString()! + "/32")));
        }
    }

    [Theory]
    [InlineData(3)]
    [InlineData(16)]
    public void SubnetsAreInsideTheirVnetAndDoNotOverlap(int subnets)
    {
        using var doc = Parse(Generate(60, 2, subnets));
        foreach (var v in SnapshotIntegrity.VirtualNetworks(doc.RootElement))
        {
            var space = IpPrefix.Parse(v.GetProperty("properties").GetProperty("addressSpace").GetProperty("addressPrefixes")[0].GetString()!);
            var prefixes = SnapshotIntegrity.Subnets(v).Select(s => IpPrefix.Parse(s.GetProperty("properties").GetProperty("addressPrefix").GetString()!)).ToList();
            Assert.All(prefixes, p => Assert.True(space.Contains(p), $"{p} outside {space}"));
            for (int i = 0; i < prefixes.Count; i++)
                for (int j = i + 1; j < prefixes.Count; j++)
                    Assert.False(prefixes[i].Overlaps(prefixes[j]), $"{prefixes[i]} overlaps {prefixes[j]}");
        }
    }

    [Fact]
    public void EveryPeeringHasBothSidesAndEveryReferenceResolves()
    {
        using var doc = Parse(Generate(500, 3, 2, 5));
        Assert.Empty(SnapshotIntegrity.EnvelopeProblems(doc.RootElement));
        Assert.Empty(SnapshotIntegrity.ResourcesMissingIdNameType(doc.RootElement));
        Assert.Empty(SnapshotIntegrity.OneSidedConnectedPeerings(doc.RootElement));
        Assert.Empty(SnapshotIntegrity.DanglingReferences(doc.RootElement));
    }

    [Fact]
    public void MixesTheSpokePatterns()
    {
        using var doc = Parse(Generate(1000, 2, 1, 3));
        var root = doc.RootElement;
        var resources = SnapshotIntegrity.Resources(root).ToList();
        int Count(string type) => resources.Count(r => r.GetProperty("type").GetString() == type);
        var spokes = SnapshotIntegrity.VirtualNetworks(root).Where(v => v.GetProperty("tags").GetProperty("role").GetString() == "spoke").ToList();

        // Firewall UDRs on a share of spokes.
        int withRouteTable = spokes.Count(v => SnapshotIntegrity.Subnets(v).First().GetProperty("properties").TryGetProperty("routeTable", out _));
        Assert.InRange(withRouteTable, 200, 500);
        // Directly peered spoke pairs: spokes with two peerings.
        Assert.InRange(spokes.Count(v => SnapshotIntegrity.Peerings(v).Count() == 2), 2, 200);
        // Every spoke uses its hub's gateway; hubs offer gateway transit; ER gateways allow remote VNet traffic on one circuit.
        Assert.All(spokes, v => Assert.Contains(SnapshotIntegrity.Peerings(v), p => p.GetProperty("properties").GetProperty("useRemoteGateways").GetBoolean()));
        var gateways = resources.Where(r => r.GetProperty("type").GetString() == "Microsoft.Network/virtualNetworkGateways").ToList();
        Assert.Equal(2, gateways.Count);
        Assert.All(gateways, g => Assert.True(g.GetProperty("properties").GetProperty("allowRemoteVnetTraffic").GetBoolean()));
        Assert.Equal(1, Count("Microsoft.Network/expressRouteCircuits"));
        Assert.Equal(2, Count("Microsoft.Network/azureFirewalls"));
        Assert.Equal(2, root.GetProperty("results").EnumerateArray().Count(r => r.GetProperty("operation").GetString() == "getLearnedRoutes"));
        // A few private endpoints, each with its NIC.
        int pes = Count("Microsoft.Network/privateEndpoints");
        Assert.InRange(pes, 1, 60);
        // AVNM mesh groups of at most 250 members, all deployed.
        var members = resources.Where(r => r.GetProperty("type").GetString() == "Microsoft.Network/networkManagers/networkGroups/staticMembers")
            .GroupBy(r => r.GetProperty("id").GetString()!.Split("/staticMembers/")[0]).ToList();
        Assert.NotEmpty(members);
        Assert.All(members, g => Assert.InRange(g.Count(), 1, SyntheticEstate.MaxMeshGroupSize));
        Assert.InRange(members.Sum(g => g.Count()), 200, 450);
        var status = root.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("operation").GetString() == "listDeploymentStatus");
        Assert.All(status.GetProperty("body").GetProperty("value").EnumerateArray(), d =>
        {
            Assert.Equal("Deployed", d.GetProperty("deploymentStatus").GetString());
            Assert.Equal(members.Count, d.GetProperty("configurationIds").GetArrayLength());
        });
    }

    [Fact]
    public void SpokeTagsDescribeTheirFirewallRouteTableAndMeshGroup()
    {
        using var doc = Parse(Generate(400, 3, 2, 11));
        var members = SnapshotIntegrity.Resources(doc.RootElement)
            .Where(r => r.GetProperty("type").GetString() == "Microsoft.Network/networkManagers/networkGroups/staticMembers")
            .ToDictionary(r => r.GetProperty("properties").GetProperty("resourceId").GetString()!,
                          r => r.GetProperty("id").GetString()!.Split("/networkGroups/")[1].Split('/')[0], StringComparer.OrdinalIgnoreCase);
        foreach (var v in SnapshotIntegrity.VirtualNetworks(doc.RootElement).Where(v => v.GetProperty("tags").GetProperty("role").GetString() == "spoke"))
        {
            var tags = v.GetProperty("tags");
            bool firewall = tags.GetProperty("inspection").GetString() == "firewall";
            Assert.All(SnapshotIntegrity.Subnets(v), s => Assert.Equal(firewall, s.GetProperty("properties").TryGetProperty("routeTable", out _)));
            string id = v.GetProperty("id").GetString()!;
            if (tags.TryGetProperty("meshGroup", out var group)) Assert.Equal(group.GetString(), members[id]);
            else Assert.False(members.ContainsKey(id));
        }
    }

    [Fact]
    public void MeshGroupsStayWithinTheConnectedGroupLimitAtScale()
    {
        using var doc = Parse(Generate(5000, 2, 1));
        var groups = SnapshotIntegrity.Resources(doc.RootElement)
            .Where(r => r.GetProperty("type").GetString() == "Microsoft.Network/networkManagers/networkGroups/staticMembers")
            .GroupBy(r => r.GetProperty("id").GetString()!.Split("/staticMembers/")[0]).ToList();
        Assert.True(groups.Count > 1);
        Assert.All(groups, g => Assert.True(g.Count() <= SyntheticEstate.MaxMeshGroupSize));
    }

    [Theory]
    [InlineData(0, 2, 1, "Spokes")]
    [InlineData(SyntheticEstateOptions.MaxSpokes + 1, 2, 1, "Spokes")]
    [InlineData(10, 0, 1, "Hubs")]
    [InlineData(10, 17, 1, "Hubs")]
    [InlineData(10, 2, 0, "SubnetsPerSpoke")]
    [InlineData(10, 2, 17, "SubnetsPerSpoke")]
    [InlineData(10, 2, 1, "PrivateEndpointsPerSpoke", 236)]
    [InlineData(40000, 2, 16, "PrivateEndpointsPerSpoke", 4)]
    public void RejectsOptionsOutsideTheAddressPlanWithoutWriting(int spokes, int hubs, int subnets, string parameter, int privateEndpoints = 0)
    {
        using var ms = new MemoryStream();
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() =>
            SyntheticEstate.Write(new SyntheticEstateOptions { Spokes = spokes, Hubs = hubs, SubnetsPerSpoke = subnets, PrivateEndpointsPerSpoke = privateEndpoints }, ms));
        Assert.Equal(parameter, ex.ParamName);
        Assert.Equal(0, ms.Length);
    }
}
