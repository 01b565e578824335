using System.Text.Json;
using AzSpokeTools.Engine.Addresses;
using AzSpokeTools.Engine.Paths;
using Xunit;
using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Engine.Tests.Samples;

public class BundledSampleTests
{
    public static IEnumerable<object[]> Names() => SampleFiles.Names();

    private static readonly string[] CanonicalNextHopTypes = Enum.GetNames(typeof(NextHopType));
    private static readonly string[] Sources = Enum.GetNames(typeof(RouteSource));
    private static readonly string[] States = Enum.GetNames(typeof(RouteState));
    // docs/routing-model.md#vocabulary: a path's kind is its most significant transit, in this order.
    private static readonly PathKind[] Significance =
        { PathKind.ExpressRouteHairpin, PathKind.VpnGateway, PathKind.Appliance, PathKind.VirtualWanHub, PathKind.Mesh, PathKind.Direct, PathKind.Local };

    [Theory, MemberData(nameof(Names))]
    public void SampleHasTheSnapshotEnvelope(string name)
    {
        using var doc = SampleFiles.OpenSample(name);
        Assert.Empty(SnapshotIntegrity.EnvelopeProblems(doc.RootElement));
        Assert.Equal("sample", doc.RootElement.GetProperty("source").GetString());
    }

    [Theory, MemberData(nameof(Names))]
    public void EveryResourceHasIdNameAndType(string name)
    {
        using var doc = SampleFiles.OpenSample(name);
        Assert.NotEmpty(SnapshotIntegrity.Resources(doc.RootElement));
        Assert.Empty(SnapshotIntegrity.ResourcesMissingIdNameType(doc.RootElement));
    }

    [Theory, MemberData(nameof(Names))]
    public void ResourceIdsAreUniqueCaseInsensitively(string name)
    {
        using var doc = SampleFiles.OpenSample(name);
        var duplicates = SnapshotIntegrity.Resources(doc.RootElement).GroupBy(r => r.GetProperty("id").GetString()!, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1).Select(g => g.Key);
        Assert.Empty(duplicates);
    }

    [Theory, MemberData(nameof(Names))]
    public void ReferencedIdsOfIncludedTypesResolve(string name)
    {
        using var doc = SampleFiles.OpenSample(name);
        Assert.Empty(SnapshotIntegrity.DanglingReferences(doc.RootElement));
    }

    [Theory, MemberData(nameof(Names))]
    public void ConnectedPeeringsExistOnBothSides(string name)
    {
        using var doc = SampleFiles.OpenSample(name);
        Assert.Empty(SnapshotIntegrity.OneSidedConnectedPeerings(doc.RootElement));
    }

    [Theory, MemberData(nameof(Names))]
    public void VnetAddressSpacesDoNotOverlapAndSubnetsFitTheirVnet(string name)
    {
        using var doc = SampleFiles.OpenSample(name);
        Assert.Empty(SnapshotIntegrity.OverlappingAddressSpaces(doc.RootElement));
        foreach (var vnet in SnapshotIntegrity.VirtualNetworks(doc.RootElement))
        {
            var space = vnet.GetProperty("properties").GetProperty("addressSpace").GetProperty("addressPrefixes").EnumerateArray().Select(p => IpPrefix.Parse(p.GetString()!)).ToList();
            foreach (var subnet in SnapshotIntegrity.Subnets(vnet))
            {
                var prefix = IpPrefix.Parse(subnet.GetProperty("properties").GetProperty("addressPrefix").GetString()!);
                Assert.True(space.Any(s => s.Contains(prefix)), $"{subnet.GetProperty("id").GetString()} {prefix} is outside its VNet");
            }
        }
    }

    [Theory, MemberData(nameof(Names))]
    public void ExpectFileHasAtLeastFiveRouteExpectations(string name)
    {
        string path = SampleFiles.ExpectPath(name);
        Assert.True(File.Exists(path), "missing " + path);
        using var expect = JsonDocument.Parse(File.ReadAllText(path));
        Assert.True(expect.RootElement.GetProperty("routes").GetArrayLength() >= 5);
    }

    [Theory, MemberData(nameof(Names))]
    public void ExpectFileUsesTheFixedVocabularyAndNamesSubnetsOfTheSample(string name)
    {
        using var doc = SampleFiles.OpenSample(name);
        using var expect = JsonDocument.Parse(File.ReadAllText(SampleFiles.ExpectPath(name)));
        var subnets = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var vnets = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var v in SnapshotIntegrity.VirtualNetworks(doc.RootElement))
        {
            string vn = v.GetProperty("name").GetString()!;
            vnets.Add(vn);
            foreach (var s in SnapshotIntegrity.Subnets(v)) subnets.Add(vn + "/" + s.GetProperty("name").GetString());
        }
        var e = expect.RootElement;
        foreach (var r in e.GetProperty("routes").EnumerateArray())
        {
            Assert.Contains(r.GetProperty("subnet").GetString()!, subnets);
            Assert.True(IpAddressValue.TryParse(r.GetProperty("destination").GetString(), out _), r.ToString());
            Assert.Contains(r.GetProperty("nextHopType").GetString()!, CanonicalNextHopTypes);
            Assert.Contains(r.GetProperty("source").GetString()!, Sources);
            Assert.Equal(JsonValueKind.Array, r.GetProperty("nextHopIpAddress").ValueKind);
            // Each expectation cites its rule: a section of docs/routing-model.md or a public documentation page by name.
            var why = r.GetProperty("why").GetString()!;
            Assert.True(Docs.RoutingModelAnchors.CitesRule(why), $"why cites no rule (docs/routing-model.md#ANCHOR or Azure docs \"page\"): {why}");
        }
        foreach (var t in e.GetProperty("tables").EnumerateArray())
        {
            Assert.Contains(t.GetProperty("subnet").GetString()!, subnets);
            foreach (var row in t.GetProperty("contains").EnumerateArray().Concat(t.GetProperty("absent").EnumerateArray()))
            {
                if (row.TryGetProperty("addressPrefix", out var p)) Assert.True(IpPrefix.TryParse(p.GetString(), out _), p.ToString());
                if (row.TryGetProperty("nextHopType", out var n)) Assert.Contains(n.GetString()!, CanonicalNextHopTypes);
                if (row.TryGetProperty("source", out var s)) Assert.Contains(s.GetString()!, Sources);
                if (row.TryGetProperty("state", out var st)) Assert.Contains(st.GetString()!, States);
            }
        }
        foreach (var p in e.GetProperty("paths").EnumerateArray())
        {
            foreach (string end in new[] { "from", "to" })
            {
                string x = p.GetProperty(end).GetString()!;
                Assert.True(vnets.Contains(x) || subnets.Contains(x), $"{end} '{x}' is not a VNet or VNET/SUBNET of {name}");
            }
            Assert.True(Enum.TryParse(p.GetProperty("outcome").GetString(), false, out PathOutcome _));
            Assert.True(Enum.TryParse(p.GetProperty("kind").GetString(), false, out PathKind kind));
            var transits = p.GetProperty("transits").EnumerateArray().Select(x => Enum.Parse<PathKind>(x.GetString()!)).ToList();
            // docs/routing-model.md#vocabulary: kind is the most significant transit; an undelivered path has kind None.
            PathKind expectedKind = transits.Count == 0 ? PathKind.None : Significance.First(transits.Contains);
            Assert.Equal(expectedKind, kind);
        }
    }

    [Theory, MemberData(nameof(Names))]
    public void ExpectedApplianceNextHopsAreDevicesInTheSample(string name)
    {
        using var doc = SampleFiles.OpenSample(name);
        using var expect = JsonDocument.Parse(File.ReadAllText(SampleFiles.ExpectPath(name)));
        var deviceIps = DeviceIps(doc.RootElement);
        foreach (var r in expect.RootElement.GetProperty("routes").EnumerateArray().Where(r => r.GetProperty("nextHopType").GetString() == "VirtualAppliance"))
        {
            var ips = r.GetProperty("nextHopIpAddress").EnumerateArray().Select(x => x.GetString()!).ToList();
            Assert.NotEmpty(ips);
            Assert.All(ips, ip => Assert.Contains(ip, deviceIps));
        }
    }

    // Private IPs of NIC ip configurations, firewall ip configurations, hub firewalls and load balancer frontends.
    private static HashSet<string> DeviceIps(JsonElement root)
    {
        var ips = new HashSet<string>(StringComparer.Ordinal);
        void Collect(JsonElement e)
        {
            if (e.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in e.EnumerateObject())
                {
                    if (p.Name == "privateIPAddress" && p.Value.ValueKind == JsonValueKind.String) ips.Add(p.Value.GetString()!);
                    Collect(p.Value);
                }
            }
            else if (e.ValueKind == JsonValueKind.Array) foreach (var x in e.EnumerateArray()) Collect(x);
        }
        foreach (var r in SnapshotIntegrity.Resources(root))
        {
            string type = r.GetProperty("type").GetString()!;
            if (type is "Microsoft.Network/networkInterfaces" or "Microsoft.Network/azureFirewalls" or "Microsoft.Network/loadBalancers") Collect(r);
        }
        return ips;
    }

    [Fact]
    public void ReadmeCommandNamesExistInHubFirewall()
    {
        // README: routes --snapshot sample:hub-firewall --subnet spoke1/workload
        using var doc = SampleFiles.OpenSample("hub-firewall");
        var spoke1 = SnapshotIntegrity.VirtualNetworks(doc.RootElement).Single(v => v.GetProperty("name").GetString() == "spoke1");
        Assert.Contains(SnapshotIntegrity.Subnets(spoke1), s => s.GetProperty("name").GetString() == "workload");
    }

    [Fact]
    public void ContosoHairpinMeshIsNotDeployed()
    {
        using var doc = SampleFiles.OpenSample("contoso-hairpin");
        var status = doc.RootElement.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("operation").GetString() == "listDeploymentStatus");
        Assert.All(status.GetProperty("body").GetProperty("value").EnumerateArray(), d => Assert.NotEqual("Deployed", d.GetProperty("deploymentStatus").GetString()));
    }
}
