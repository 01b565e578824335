using System.Globalization;
using AzSpokeTools.Engine.Addresses;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Snapshot;
using Xunit;

namespace AzSpokeTools.Engine.Tests.Snapshot;

/// <summary>
/// One estate (hub + spoke, a route table, a NIC) written three ways: a snapshot of ARM resources,
/// <c>az network ... list -o json</c> output and <c>Get-Az* | ConvertTo-Json -Depth 20</c> output.
/// </summary>
public class FlattenedFormatTests
{
    private static Topology Arm() => SnapshotLoader.Load(Snap.TestData("estate/arm-snapshot.json"));

    private static Topology Az() => SnapshotLoader.Load(new[]
    {
        Snap.TestData("estate/az-network-vnet-list.json"),
        Snap.TestData("estate/az-network-route-table-list.json"),
        Snap.TestData("estate/az-network-nic-list.json"),
    });

    private static Topology Ps() => SnapshotLoader.Load(new[]
    {
        Snap.TestData("estate/ps-Get-AzVirtualNetwork.json"),
        Snap.TestData("estate/ps-Get-AzRouteTable.json"),
        Snap.TestData("estate/ps-Get-AzNetworkInterface.json"),
    });

    public static IEnumerable<object[]> Forms() => new[] { new object[] { "arm" }, new object[] { "az" }, new object[] { "ps" } };

    private static Topology Form(string form) => form switch { "arm" => Arm(), "az" => Az(), _ => Ps() };

    [Theory]
    [MemberData(nameof(Forms))]
    public void EachFormGivesTheEstate(string form)
    {
        var t = Form(form);
        Assert.Empty(t.Diagnostics);
        Assert.Empty(t.UnknownTypes);
        Assert.Equal(new[] { "hub-vnet", "spoke1-vnet" }, t.VirtualNetworks.Select(v => v.Name));

        var hub = t.VirtualNetworks[0];
        Assert.Equal("westeurope", hub.Location);
        Assert.Equal("rg-net", hub.ResourceGroup);
        Assert.Equal("hub", hub.Tags["role"]);
        Assert.Equal(new[] { "GatewaySubnet", "AzureFirewallSubnet" }, hub.Subnets.Select(s => s.Name));
        Assert.Equal(IpPrefix.Parse("10.0.0.0/27"), Assert.Single(hub.Subnets[0].AddressPrefixes));
        var toSpoke = Assert.Single(hub.Peerings);
        Assert.True(toSpoke.AllowGatewayTransit);
        Assert.False(toSpoke.UseRemoteGateways);
        Assert.True(toSpoke.IsConnected);

        var spoke = t.VirtualNetworks[1];
        Assert.Equal(new[] { IpPrefix.Parse("10.1.0.0/16"), IpPrefix.Parse("fd00:1::/48") }, spoke.AddressSpace);
        var app = spoke.Subnets[0];
        Assert.Equal(t.RouteTables[0].Id, app.RouteTableId);
        var data = spoke.Subnets[1];
        Assert.Equal(new[] { IpPrefix.Parse("10.1.2.0/24"), IpPrefix.Parse("fd00:1:0:2::/64") }, data.AddressPrefixes);
        Assert.Null(data.RouteTableId);
        var toHub = Assert.Single(spoke.Peerings);
        Assert.Same(hub, t.Find<VirtualNetwork>(toHub.RemoteVirtualNetworkId));
        Assert.True(toHub.UseRemoteGateways);
        Assert.True(toHub.AllowForwardedTraffic);
        Assert.Equal(new[] { IpPrefix.Parse("10.0.0.0/16") }, toHub.RemoteAddressSpace);
        Assert.Equal(new[] { IpPrefix.Parse("10.0.0.0/16") }, toHub.RemoteVirtualNetworkAddressSpace);

        var rt = Assert.Single(t.RouteTables);
        Assert.True(rt.DisableBgpRoutePropagation);
        Assert.Equal(new[] { "default", "to-hub", "blackhole" }, rt.Routes.Select(r => r.Name));
        Assert.Equal(NextHopType.VirtualAppliance, rt.Routes[0].NextHopType);
        Assert.Equal(new[] { "10.0.1.4" }, rt.Routes[0].NextHopIpAddresses);
        Assert.Equal(NextHopType.None, rt.Routes[2].NextHopType);
        Assert.Empty(rt.Routes[2].NextHopIpAddresses);

        var nic = Assert.Single(t.NetworkInterfaces);
        Assert.True(nic.EnableIPForwarding);
        Assert.Equal("vm1", nic.VirtualMachineId!.Value.Name);
        Assert.Equal(new[] { "10.1.1.4", "10.1.1.5" }, nic.IpConfigurations.Select(c => c.PrivateIpAddress.ToString()));
        Assert.All(nic.IpConfigurations, c => Assert.Same(app, t.Find<Subnet>(c.SubnetId)));
        Assert.Equal(new[] { true, false }, nic.IpConfigurations.Select(c => c.Primary));
    }

    [Fact]
    public void ArmAzCliAndPowerShellFormsGiveTheSameModel()
    {
        var arm = Describe(Arm());
        Assert.Equal(16, arm.Count); // 2 VNets, 4 subnets, 2 peerings, 1 table, 3 routes, 1 NIC, 2 ipconfigs, counts
        Assert.Equal(arm, Describe(Az()));
        Assert.Equal(arm, Describe(Ps()));
    }

    [Fact]
    public void PowerShellTextPropertiesAreIgnored()
    {
        // Az.Network objects carry *Text copies of their members as JSON strings; only the members count.
        var t = Snap.Json("""
            { "AddressSpace": { "AddressPrefixes": [ "10.9.0.0/16" ], "AddressPrefixesText": "[ \"99.0.0.0/8\" ]" },
              "Subnets": [ { "AddressPrefix": [ "10.9.1.0/24" ], "AddressPrefixText": "[ \"99.1.0.0/16\" ]", "Name": "a",
                             "Id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/a" } ],
              "SubnetsText": "[ { \"Name\": \"ghost\", \"AddressPrefix\": [ \"99.2.0.0/16\" ] } ]",
              "VirtualNetworkPeerings": [], "VirtualNetworkPeeringsText": "[ { \"Name\": \"ghost-peering\" } ]",
              "ResourceGroupName": "rg", "Location": "westus", "Name": "v",
              "Id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v" }
            """);
        var v = Assert.Single(t.VirtualNetworks);
        Assert.Equal(new[] { IpPrefix.Parse("10.9.0.0/16") }, v.AddressSpace);
        Assert.Equal("a", Assert.Single(v.Subnets).Name);
        Assert.Equal(IpPrefix.Parse("10.9.1.0/24"), Assert.Single(v.Subnets[0].AddressPrefixes));
        Assert.Empty(v.Peerings);
        Assert.Empty(t.Diagnostics);
    }

    [Theory]
    [InlineData("enableIPForwarding")]  // ARM
    [InlineData("enableIpForwarding")]  // az CLI
    [InlineData("EnableIPForwarding")]  // Az.Network
    [InlineData("ENABLEIPFORWARDING")]
    public void IpForwardingIsReadInEveryCasing(string name)
    {
        var t = Snap.Json($$"""
            [ { "id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/networkInterfaces/n", "name": "n",
                "{{name}}": "True", "ipConfigurations": [ { "name": "c", "PRIVATEIPADDRESS": "10.0.0.4" } ] } ]
            """);
        var nic = Assert.Single(t.NetworkInterfaces);
        Assert.True(nic.EnableIPForwarding);
        Assert.Equal("10.0.0.4", nic.IpConfigurations[0].PrivateIpAddress.ToString());
        Assert.Equal("Microsoft.Network/networkInterfaces", nic.Type);
    }

    [Fact]
    public void WindowsPowerShellArrayWrapperIsUnwrapped()
    {
        // Windows PowerShell 5.1 can write arrays as {"value": [...], "Count": n}.
        var t = Snap.Json("""
            { "AddressSpace": { "AddressPrefixes": { "value": [ "10.8.0.0/16" ], "Count": 1 } },
              "Subnets": { "value": [ { "Name": "a", "AddressPrefix": { "value": [ "10.8.0.0/24" ], "Count": 1 } } ], "Count": 1 },
              "Name": "v", "Id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v" }
            """);
        var v = Assert.Single(t.VirtualNetworks);
        Assert.Equal(new[] { IpPrefix.Parse("10.8.0.0/16") }, v.AddressSpace);
        Assert.Equal(IpPrefix.Parse("10.8.0.0/24"), Assert.Single(Assert.Single(v.Subnets).AddressPrefixes));
    }

    [Fact]
    public void ConvertToJsonDepthTruncationIsAClearErrorNamingThePathAndTheFix()
    {
        var ex = Assert.Throws<SnapshotLoadException>(() => SnapshotLoader.Load(Snap.TestData("ps-depth2-Get-AzVirtualNetwork.json")));
        Assert.NotEmpty(ex.Errors);
        Assert.All(ex.Errors, e => Assert.EndsWith("ps-depth2-Get-AzVirtualNetwork.json", e.Location.File));
        Assert.Contains(ex.Errors, e => e.Location.JsonPath == "$[0].Subnets[0].AddressPrefix" && e.Message.Contains("System.Collections.Generic.List`1[System.String]"));
        Assert.Contains(ex.Errors, e => e.Location.JsonPath == "$[0].Subnets[0].RouteTable");
        Assert.Contains(ex.Errors, e => e.Location.JsonPath == "$[0].VirtualNetworkPeerings[0].RemoteVirtualNetwork");
        Assert.Contains(ex.Errors, e => e.Location.JsonPath == "$[1].Subnets" && e.Message.Contains("PSSubnet"));
        Assert.All(ex.Errors, e => Assert.Contains("-Depth", e.Message));
        Assert.Contains("-Depth", ex.Message);
    }

    [Fact]
    public void AzCliSubnetAddressPrefixesAndNullsAreAccepted()
    {
        var t = Az();
        var data = t.VirtualNetworks[1].Subnets[1];
        Assert.Equal(2, data.AddressPrefixes.Count);
        Assert.Equal("Disabled", data.PrivateEndpointNetworkPolicies);
    }

    /// <summary>A line per modelled fact, so two topologies can be compared whole.</summary>
    internal static List<string> Describe(Topology t)
    {
        static string B(bool? b) => b == null ? "?" : b.Value ? "1" : "0";
        static string L<T>(IEnumerable<T> xs) => string.Join(",", xs);
        static string Id(ResourceId? id) => id?.Value.ToLowerInvariant() ?? "-";
        var lines = new List<string>();
        foreach (var v in t.VirtualNetworks)
        {
            lines.Add($"vnet {Id(v.Id)} {v.Name} {v.Type.ToLowerInvariant()} {v.Location} {L(v.AddressSpace)} tags={L(v.Tags.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => k.Key + "=" + k.Value))}");
            foreach (var s in v.Subnets)
                lines.Add($"subnet {Id(s.Id)} {s.Name} {L(s.AddressPrefixes)} rt={Id(s.RouteTableId)} pe={s.PrivateEndpointNetworkPolicies} se={s.ServiceEndpoints.Count} del={L(s.Delegations)}");
            foreach (var p in v.Peerings)
                lines.Add($"peering {Id(p.Id)} {p.Name} remote={Id(p.RemoteVirtualNetworkId)} {B(p.AllowVirtualNetworkAccess)}{B(p.AllowForwardedTraffic)}{B(p.AllowGatewayTransit)}{B(p.UseRemoteGateways)} " +
                          $"{p.PeeringState} {p.PeeringSyncLevel} {L(p.RemoteAddressSpace)} {L(p.RemoteVirtualNetworkAddressSpace)} complete={B(p.PeerCompleteVnets)}");
        }
        foreach (var r in t.RouteTables)
        {
            lines.Add($"rt {Id(r.Id)} {r.Name} {r.Location} bgpOff={r.DisableBgpRoutePropagation}");
            foreach (var u in r.Routes)
                lines.Add($"route {u.Name} {u.AddressPrefix} {u.NextHopType} {L(u.NextHopIpAddresses)} {u.HasBgpOverride}");
        }
        foreach (var n in t.NetworkInterfaces)
        {
            lines.Add($"nic {Id(n.Id)} {n.Name} {n.Location} fwd={n.EnableIPForwarding} vm={Id(n.VirtualMachineId)}");
            foreach (var c in n.IpConfigurations)
                lines.Add($"ipconfig {c.Name} {c.PrivateIpAddress} {c.PrivateIpAddressPrefix} {Id(c.SubnetId)} {c.Primary}");
        }
        lines.Add("counts " + string.Join(",", t.Counts().Select(k => k.Key + "=" + k.Value.ToString(CultureInfo.InvariantCulture))));
        return lines;
    }
}
