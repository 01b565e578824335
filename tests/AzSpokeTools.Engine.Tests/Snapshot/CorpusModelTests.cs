using AzSpokeTools.Tests.Shared;
using AzSpokeTools.Engine.Addresses;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Snapshot;
using Xunit;
using AzSpokeTools.Engine.Input;

namespace AzSpokeTools.Engine.Tests.Snapshot;

/// <summary>The model built from real ARM response bodies (../shared/corpus/arm-examples).</summary>
public class CorpusModelTests
{
    private static Topology Load(params string[] files) => SnapshotLoader.Load(files.Select(TestPaths.Example));

    private static IpPrefix P(string s) => IpPrefix.Parse(s);
    private static IpAddressValue Ip(string s) => IpAddressValue.Parse(s);

    [CorpusFact]
    public void VirtualNetworkListGivesEveryVnetWithAddressSpaceAndSubnets()
    {
        var t = Load("VirtualNetworkList.json");
        Assert.Equal(2, t.VirtualNetworks.Count);
        var vnet1 = t.VirtualNetworks[0];
        Assert.Equal("vnet1", vnet1.Name);
        Assert.Equal("rg1", vnet1.ResourceGroup);
        Assert.Equal("00000000-0000-0000-0000-000000000000", vnet1.SubscriptionId);
        Assert.Equal(new[] { P("10.0.0.0/8") }, vnet1.AddressSpace);
        var s = Assert.Single(vnet1.Subnets);
        Assert.Equal("test-1", s.Name);
        Assert.Equal("vnet1/test-1", s.DisplayName);
        Assert.Equal(new[] { P("10.0.0.0/24") }, s.AddressPrefixes);
        Assert.Null(s.RouteTableId);
        var vnet2 = t.VirtualNetworks[1];
        Assert.Equal(new[] { P("10.0.0.0/16") }, vnet2.AddressSpace);
        Assert.Empty(vnet2.Subnets);
        Assert.Empty(vnet2.Peerings);
        Assert.Equal(1, t.Counts()["subnets"]);
    }

    [CorpusFact]
    public void VirtualNetworkListAllKeepsResourceGroupsApart()
    {
        var t = Load("VirtualNetworkListAll.json");
        Assert.Equal(new[] { "rg1", "rg2" }, t.VirtualNetworks.Select(v => v.ResourceGroup));
        Assert.Same(t.VirtualNetworks[1], t.Find<VirtualNetwork>(Snap.Id(Snap.Sub + "/RESOURCEGROUPS/RG2/providers/microsoft.network/virtualnetworks/VNET2")));
    }

    [CorpusFact]
    public void SubnetDelegationsAreRead()
    {
        var t = Load("VirtualNetworkGetWithSubnetDelegation.json");
        var s = Assert.Single(Assert.Single(t.VirtualNetworks).Subnets);
        Assert.Equal(new[] { "Microsoft.Provider/resourceType" }, s.Delegations);
    }

    [CorpusFact]
    public void StandaloneSubnetWithoutItsVnetIsKeptAndReported()
    {
        var t = Load("SubnetGetWithDelegation.json");
        var s = Assert.Single(t.DetachedSubnets);
        Assert.Equal(new[] { P("10.0.0.0/16") }, s.AddressPrefixes);
        Assert.Equal("vnetname", s.VirtualNetwork.Name);
        Assert.Equal(new[] { "Microsoft.Provider/resourceType" }, s.Delegations);
        Assert.Empty(t.VirtualNetworks);
        Assert.Contains(t.Diagnostics, d => d.Location.File.EndsWith("SubnetGetWithDelegation.json") && d.Message.Contains("vnetname"));
    }

    [CorpusFact]
    public void StandaloneSubnetJoinsItsVnetWhenPresent()
    {
        var vnet = """
            { "id": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/subnet-test/providers/Microsoft.Network/virtualNetworks/vnetname",
              "type": "Microsoft.Network/virtualNetworks", "name": "vnetname", "location": "westus",
              "properties": { "addressSpace": { "addressPrefixes": [ "10.0.0.0/16" ] }, "subnets": [] } }
            """;
        var files = Snap.Files(("vnet.json", vnet));
        var t = SnapshotLoader.Load(files.Append(TestPaths.Example("SubnetGet.json")));
        var v = Assert.Single(t.VirtualNetworks);
        var s = Assert.Single(v.Subnets);
        Assert.Equal("subnet1", s.Name);
        Assert.Same(v, s.VirtualNetwork);
        Assert.Empty(t.DetachedSubnets);
    }

    [CorpusFact]
    public void PeeringListAttachesToItsVnetWhenPresentWithFlagsAndRemoteSpace()
    {
        // The VNet id is written in another casing: ids compare case-insensitively.
        var vnet = """
            { "id": "/SUBSCRIPTIONS/00000000-0000-0000-0000-000000000000/resourcegroups/PEERTEST/providers/microsoft.network/virtualnetworks/VNET1",
              "type": "Microsoft.Network/virtualNetworks", "name": "vnet1", "location": "westus",
              "properties": { "addressSpace": { "addressPrefixes": [ "11.0.0.0/8" ] }, "subnets": [], "virtualNetworkPeerings": [] } }
            """;
        var files = Snap.Files(("vnet1.json", vnet));
        var t = SnapshotLoader.Load(files.Append(TestPaths.Example("VirtualNetworkPeeringList.json")));
        var v = Assert.Single(t.VirtualNetworks);
        Assert.Equal(2, v.Peerings.Count);
        Assert.Empty(t.DetachedPeerings);
        var p1 = v.Peerings[0];
        Assert.Same(v, p1.Local);
        Assert.Equal(Snap.Id(Snap.Sub + "/resourceGroups/peerTest/providers/Microsoft.Network/virtualNetworks/vnet2"), p1.RemoteVirtualNetworkId);
        Assert.True(p1.AllowForwardedTraffic);
        Assert.False(p1.AllowGatewayTransit);
        Assert.True(p1.AllowVirtualNetworkAccess);
        Assert.False(p1.UseRemoteGateways);
        Assert.Equal("Initiated", p1.PeeringState);
        Assert.False(p1.IsConnected);
        Assert.Equal("FullyInSync", p1.PeeringSyncLevel);
        Assert.Equal(new[] { P("12.0.0.0/8") }, p1.RemoteAddressSpace);
        Assert.Equal(new[] { P("12.0.0.0/8") }, p1.RemoteVirtualNetworkAddressSpace);
        Assert.Null(p1.PeerCompleteVnets);
        Assert.False(p1.IsSubnetPeering);
        var p2 = v.Peerings[1];
        Assert.EndsWith("/peer2", p2.Id.Value);
        Assert.False(p2.AllowForwardedTraffic);
        Assert.Equal(new[] { P("13.0.0.0/8") }, p2.RemoteAddressSpace);
        // Both remote VNets are missing: each peering is reported, none is dropped.
        Assert.Equal(2, t.Diagnostics.Count(d => d.Message.Contains("points to virtual network") && d.Location.File.EndsWith("VirtualNetworkPeeringList.json")));
        Assert.Same(p2, t.Find<VirtualNetworkPeering>(p2.Id));
    }

    [CorpusFact]
    public void PeeringWithoutItsVnetIsKeptDetached()
    {
        var t = Load("VirtualNetworkPeeringGetWithRemoteVirtualNetworkEncryption.json");
        var p = Assert.Single(t.DetachedPeerings);
        Assert.Equal("vnet1", p.Local.Name);
        Assert.Equal(new[] { P("12.0.0.0/8") }, p.RemoteAddressSpace);
        Assert.Empty(p.RemoteVirtualNetworkAddressSpace);
        Assert.Null(p.PeeringSyncLevel);
    }

    [CorpusFact]
    public void PeeringFlagsWrittenAsStringsAreBooleans()
    {
        var t = Snap.Json(Snap.Envelope("""
            [ { "id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/a", "type": "Microsoft.Network/virtualNetworks", "name": "a",
                "properties": { "addressSpace": { "addressPrefixes": [ "10.1.0.0/16" ] },
                  "virtualNetworkPeerings": [ { "name": "a-to-b",
                    "properties": { "remoteVirtualNetwork": { "id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/b" },
                      "allowVirtualNetworkAccess": "True", "allowForwardedTraffic": "true", "allowGatewayTransit": "False", "useRemoteGateways": "FALSE",
                      "peerCompleteVnets": "False", "localSubnetNames": [ "s1" ], "remoteSubnetNames": [ "s2", "s3" ],
                      "peeringState": "Connected", "remoteAddressSpace": { "addressPrefixes": [ "10.2.0.0/24" ] } } } ] } } ]
            """));
        var p = Assert.Single(Assert.Single(t.VirtualNetworks).Peerings);
        Assert.Equal(Snap.Id("/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/a/virtualNetworkPeerings/a-to-b"), p.Id);
        Assert.True(p.AllowVirtualNetworkAccess);
        Assert.True(p.AllowForwardedTraffic);
        Assert.False(p.AllowGatewayTransit);
        Assert.False(p.UseRemoteGateways);
        Assert.True(p.IsSubnetPeering);
        Assert.Equal(new[] { "s1" }, p.LocalSubnetNames);
        Assert.Equal(new[] { "s2", "s3" }, p.RemoteSubnetNames);
        Assert.True(p.IsConnected);
    }

    [CorpusFact]
    public void RouteTableGetGivesRoutesAndPropagation()
    {
        var t = Load("RouteTableGet.json");
        var rt = Assert.Single(t.RouteTables);
        Assert.Equal("testrt", rt.Name);
        Assert.False(rt.DisableBgpRoutePropagation);
        var r = Assert.Single(rt.Routes);
        Assert.Equal("route1", r.Name);
        Assert.Equal("10.0.3.0/24", r.AddressPrefix);
        Assert.Equal(NextHopType.VirtualNetworkGateway, r.NextHopType);
        Assert.Empty(r.NextHopIpAddresses);
        Assert.Same(rt, r.RouteTable);
        Assert.Contains("routes[0]", r.Source.JsonPath);
    }

    [CorpusFact]
    public void RouteTableListsGivePropagationPerTable()
    {
        var list = Load("RouteTableList.json");
        Assert.Equal(new[] { "testrt", "testrt2" }, list.RouteTables.Select(r => r.Name));
        Assert.All(list.RouteTables, r => Assert.True(r.DisableBgpRoutePropagation));
        Assert.Equal(new[] { 1, 0 }, list.RouteTables.Select(r => r.Routes.Count));
        var all = Load("RouteTableListAll.json");
        Assert.Equal(new[] { "rg1", "rg2" }, all.RouteTables.Select(r => r.ResourceGroup));
        Assert.All(all.RouteTables, r => Assert.False(r.DisableBgpRoutePropagation));
        Assert.Equal(1, all.Counts()["routes"]);
    }

    [CorpusFact]
    public void StandaloneRouteWithoutItsTableIsKeptDetached()
    {
        var t = Load("RouteTableRouteGet.json");
        var r = Assert.Single(t.DetachedRoutes);
        Assert.Equal("route1", r.Name);
        Assert.Equal(NextHopType.Internet, r.NextHopType);
        Assert.Equal("10.0.3.0/24", r.AddressPrefix);
        Assert.Equal("testrt", r.RouteTable.Name);
        Assert.Contains(t.Diagnostics, d => d.Message.Contains("testrt") && d.Location.File.EndsWith("RouteTableRouteGet.json"));
    }

    [CorpusFact]
    public void StandaloneRouteReplacesTheInlineCopyInItsTable()
    {
        var t = Load("RouteTableGet.json", "RouteTableRouteGet.json");
        var rt = Assert.Single(t.RouteTables);
        var r = Assert.Single(rt.Routes);
        Assert.Equal(NextHopType.Internet, r.NextHopType);
        Assert.Empty(t.DetachedRoutes);
    }

    [CorpusFact]
    public void NetworkInterfaceGetGivesForwardingAddressesAndSubnets()
    {
        var t = Load("NetworkInterfaceGet.json");
        var nic = Assert.Single(t.NetworkInterfaces);
        Assert.Equal("test-nic", nic.Name);
        Assert.Equal("eastus", nic.Location);
        Assert.False(nic.EnableIPForwarding);
        Assert.Equal(Snap.Id("/subscriptions/subid/resourceGroups/rg1/providers/Microsoft.Compute/virtualMachines/vm1"), nic.VirtualMachineId);
        Assert.Equal(2, nic.IpConfigurations.Count);
        var c1 = nic.IpConfigurations[0];
        Assert.Equal("ipconfig1", c1.Name);
        Assert.True(c1.Primary);
        Assert.Equal(Ip("172.20.2.4"), c1.PrivateIpAddress);
        Assert.Null(c1.PrivateIpAddressPrefix);
        var subnet = Snap.Id("/subscriptions/subid/resourceGroups/rg1/providers/Microsoft.Network/virtualNetworks/rg1-vnet/subnets/default");
        Assert.Equal(subnet, c1.SubnetId);
        var c2 = nic.IpConfigurations[1];
        Assert.False(c2.Primary);
        Assert.Equal(Ip("172.20.2.16"), c2.PrivateIpAddress);
        Assert.Equal(P("172.20.2.16/28"), c2.PrivateIpAddressPrefix);
        Assert.Equal(subnet, c2.SubnetId);
        // The subnet is not in the snapshot: reported, and the NIC is still there.
        Assert.Contains(t.Diagnostics, d => d.Message.Contains("rg1-vnet/subnets/default") && d.Location.File.EndsWith("NetworkInterfaceGet.json"));
    }

    [CorpusFact]
    public void VirtualNetworkGatewayGetGivesTypeBgpAndTrafficSwitches()
    {
        var t = Load("VirtualNetworkGatewayGet.json");
        var g = Assert.Single(t.VirtualNetworkGateways);
        Assert.Equal("Vpn", g.GatewayType);
        Assert.True(g.IsVpn);
        Assert.False(g.IsExpressRoute);
        Assert.Equal("RouteBased", g.VpnType);
        Assert.Equal("VpnGw1", g.Sku);
        Assert.False(g.ActiveActive);
        Assert.False(g.EnableBgp);
        Assert.Equal(65514, g.BgpAsn);
        Assert.Equal(new[] { "10.0.1.30", "10.3.1.254" }, g.BgpPeeringAddresses);
        Assert.False(g.AllowRemoteVnetTraffic);
        Assert.False(g.AllowVirtualWanTraffic);
        Assert.Equal(Snap.Id("/subscriptions/subid/resourceGroups/rg1/providers/Microsoft.Network/virtualNetworks/vnet1/subnets/GatewaySubnet"), g.SubnetId);
        Assert.Equal(Snap.Id("/subscriptions/subid/resourceGroups/rg1/providers/Microsoft.Network/virtualNetworks/vnet1"), g.VirtualNetworkId);
        Assert.Contains(t.Diagnostics, d => d.Message.Contains("gateway vpngw is in subnet"));
    }

    [CorpusFact]
    public void VirtualNetworkGatewayListGivesEachGatewaysPrivateIp()
    {
        var t = Load("VirtualNetworkGatewayList.json");
        Assert.Equal(new[] { "vpngw1", "vpngw2" }, t.VirtualNetworkGateways.Select(g => g.Name));
        Assert.Equal(new[] { Ip("10.0.0.14") }, t.VirtualNetworkGateways[0].PrivateIpAddresses);
        Assert.Contains(Ip("10.1.0.7"), t.VirtualNetworkGateways[1].PrivateIpAddresses);
        Assert.Equal("vnet2", t.VirtualNetworkGateways[1].VirtualNetworkId!.Value.Name);
        Assert.All(t.VirtualNetworkGateways, g => Assert.Equal(false, g.AllowRemoteVnetTraffic));
    }

    [CorpusFact]
    public void GatewayTrafficSwitchesAbsentFromTheInputAreUnknown()
    {
        var t = Snap.Json("""
            { "id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworkGateways/ergw", "type": "Microsoft.Network/virtualNetworkGateways",
              "name": "ergw", "location": "westeurope",
              "properties": { "gatewayType": "ExpressRoute", "activeActive": "True", "sku": { "name": "ErGw1AZ" },
                "ipConfigurations": [ { "name": "default", "properties": { "subnet": { "id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/hub/subnets/GatewaySubnet" } } } ] } }
            """);
        var g = Assert.Single(t.VirtualNetworkGateways);
        Assert.True(g.IsExpressRoute);
        Assert.True(g.ActiveActive);
        Assert.Equal("ErGw1AZ", g.Sku);
        Assert.Null(g.AllowRemoteVnetTraffic);
        Assert.Null(g.AllowVirtualWanTraffic);
        Assert.Null(g.BgpAsn);
    }

    [CorpusFact]
    public void ConnectionGivesTypeAndGatewayReferences()
    {
        var t = Load("VirtualNetworkGatewayConnectionGet.json");
        var c = Assert.Single(t.Connections);
        Assert.Equal("IPsec", c.ConnectionType);
        Assert.False(c.IsExpressRoute);
        Assert.Equal("vpngw", c.VirtualNetworkGateway1Id!.Value.Name);
        Assert.Equal(Snap.Id("/subscriptions/subid/resourceGroups/rg1/providers/Microsoft.Network/localNetworkGateways/localgw"), c.LocalNetworkGateway2Id);
        Assert.Null(c.VirtualNetworkGateway2Id);
        Assert.Null(c.PeerId);
        Assert.Equal("Connecting", c.ConnectionStatus);
        Assert.False(c.EnableBgp);
        Assert.Contains(t.Diagnostics, d => d.Message.Contains("uses gateway") && d.Message.Contains("vpngw"));
    }

    [CorpusFact]
    public void ConnectionSharedKeyNeitherMattersNorLeaks()
    {
        const string template = """
            { "id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/connections/er", "type": "Microsoft.Network/connections", "name": "er",
              "properties": { "connectionType": "ExpressRoute", KEY
                "virtualNetworkGateway1": { "id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworkGateways/ergw" },
                "peer": { "id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/expressRouteCircuits/c1" } } }
            """;
        var withKey = Snap.Json(template.Replace("KEY", "\"sharedKey\": \"s3cr3t-Value\","));
        var without = Snap.Json(template.Replace("KEY", ""));
        var a = Assert.Single(withKey.Connections);
        var b = Assert.Single(without.Connections);
        Assert.True(a.IsExpressRoute);
        Assert.Equal(b.PeerId, a.PeerId);
        Assert.Equal(b.VirtualNetworkGateway1Id, a.VirtualNetworkGateway1Id);
        Assert.Equal("c1", a.PeerId!.Value.Name);
        Assert.DoesNotContain(withKey.Diagnostics, d => d.ToString().Contains("s3cr3t"));
        Assert.Equal(without.Diagnostics.Select(d => d.Message), withKey.Diagnostics.Select(d => d.Message));
    }

    [CorpusFact]
    public void ExpressRouteCircuitIsModelled()
    {
        var t = Load("ExpressRouteCircuitGet.json");
        var c = Assert.Single(t.ExpressRouteCircuits);
        Assert.Equal("circuitName", c.Name);
        Assert.Equal("westus", c.Location);
        Assert.Empty(c.GlobalReachCircuitIds);
        Assert.Same(c, t.Find<ExpressRouteCircuit>(c.Id));
    }

    [CorpusFact]
    public void AzureFirewallGivesPrivateIpSubnetAndNormalisedLocation()
    {
        var t = Load("AzureFirewallGet.json");
        var f = Assert.Single(t.AzureFirewalls);
        Assert.Equal("westus", f.Location); // written "West US"
        Assert.Equal(new[] { Ip("10.0.0.0") }, f.PrivateIpAddresses);
        Assert.Equal("AzureFirewallSubnet", f.SubnetId!.Value.Name);
        Assert.Null(f.VirtualHubId);
        Assert.Equal("value1", f.Tags["KEY1"]);
        var list = Load("AzureFirewallListBySubscription.json");
        Assert.Equal("AzureFirewallSubnet", Assert.Single(list.AzureFirewalls).SubnetId!.Value.Name);
    }

    [CorpusFact]
    public void PrivateEndpointGivesSubnetNicsAndEveryIp()
    {
        var t = Load("PrivateEndpointGet.json");
        var pe = Assert.Single(t.PrivateEndpoints);
        Assert.Equal("mySubnet", pe.SubnetId!.Value.Name);
        Assert.Equal("testPe.nic.abcd1234", Assert.Single(pe.NetworkInterfaceIds).Name);
        Assert.Equal(new[] { "192.168.0.4", "192.168.0.5", "192.168.0.6", "192.168.0.7" },
            pe.IpAddresses.Select(a => a.ToString()).OrderBy(s => s, StringComparer.Ordinal));
    }

    [CorpusFact]
    public void VirtualHubWithItsConnectionRouteTablesAndRoutingIntent()
    {
        var t = Load("VirtualHubGet.json", "HubVirtualNetworkConnectionGet.json", "HubRouteTableList.json", "RoutingIntentGet.json");
        var h = Assert.Single(t.VirtualHubs);
        Assert.Equal("westus", h.Location);
        Assert.Equal(P("10.10.1.0/24"), h.AddressPrefix);
        Assert.Equal("virtualWan1", h.VirtualWanId!.Value.Name);
        Assert.Equal(new[] { Ip("10.10.1.12"), Ip("10.10.1.13") }, h.VirtualRouterIps);

        var c = Assert.Single(h.Connections);
        Assert.Same(c, Assert.Single(t.HubVirtualNetworkConnections));
        Assert.Equal(h.Id, c.HubId);
        Assert.False(c.EnableInternetSecurity);
        Assert.Equal("vnet1", c.RemoteVirtualNetworkId!.Value.Name);
        Assert.Equal("hubRouteTable1", c.AssociatedRouteTableId!.Value.Name);
        Assert.Equal(new[] { "hubRouteTable1", "hubRouteTable2", "hubRouteTable3" }, c.PropagatedRouteTableIds.Select(i => i.Name));
        Assert.Equal(new[] { "label1", "label2" }, c.PropagatedLabels);
        Assert.Equal(2, c.StaticRoutes.Count);
        Assert.Equal(new[] { P("10.1.0.0/16"), P("10.2.0.0/16") }, c.StaticRoutes[0].AddressPrefixes);
        Assert.Equal("10.0.0.68", c.StaticRoutes[0].NextHopIpAddress);
        Assert.Equal("route2", c.StaticRoutes[1].Name);

        Assert.Equal(new[] { "hubRouteTable1", "hubRouteTable2" }, h.RouteTables.Select(r => r.Name));
        var rt1 = h.RouteTables[0];
        Assert.Equal(new[] { "label1", "label2" }, rt1.Labels);
        Assert.Equal(2, rt1.AssociatedConnections.Count);
        Assert.Equal(2, rt1.PropagatingConnections.Count);
        var route = Assert.Single(rt1.Routes);
        Assert.Equal("route1a", route.Name);
        Assert.Equal("CIDR", route.DestinationType);
        Assert.Equal(new[] { "10.0.0.0/8", "20.0.0.0/8", "30.0.0.0/8" }, route.Destinations);
        Assert.Equal("ResourceId", route.NextHopType);
        Assert.Equal("azureFirewall1", route.NextHop!.Value.Name);
        Assert.Equal(new[] { "label3" }, h.RouteTables[1].Labels);

        var ri = h.RoutingIntent!;
        Assert.Same(ri, Assert.Single(t.RoutingIntents));
        Assert.Equal(2, ri.Policies.Count);
        Assert.Equal("azfw1", ri.PrivateTrafficNextHop!.Value.Name);
        Assert.Equal("azfw1", ri.InternetNextHop!.Value.Name);
        Assert.Same(c, t.Find<HubVirtualNetworkConnection>(c.Id));
    }

    [CorpusFact]
    public void HubChildrenWithoutTheirHubAreKeptAndReported()
    {
        var t = Load("HubVirtualNetworkConnectionGet.json", "HubRouteTableGet.json", "RoutingIntentGet.json");
        Assert.Empty(t.VirtualHubs);
        Assert.Single(t.HubVirtualNetworkConnections);
        Assert.Equal("hubRouteTable1", Assert.Single(t.HubRouteTables).Name);
        Assert.Equal("azfw1", Assert.Single(t.RoutingIntents).InternetNextHop!.Value.Name);
        Assert.Equal(3, t.Diagnostics.Count(d => d.Message.Contains("virtual hub") && d.Message.Contains("not in the snapshot")));
    }

    [CorpusFact]
    public void VirtualWanTypeIsReadFromProperties()
    {
        var t = Load("VirtualWANGet.json");
        var w = Assert.Single(t.VirtualWans);
        Assert.Equal("Basic", w.WanType);
        Assert.Equal("westus", w.Location);
    }

    [CorpusFact]
    public void NetworkManagerGroupsStaticMembersAndVnetsLinkDespiteIdQuirks()
    {
        // The AVNM examples write "resourceGroup/" (singular) and lower-case "virtualnetworks" in ids.
        var t = Load("VirtualNetworkList.json", "NetworkManagerGet.json", "NetworkManagerGroupGet.json", "NetworkManagerStaticMemberGet.json");
        var m = Assert.Single(t.NetworkManagers);
        Assert.Equal("rg1", m.ResourceGroup);
        Assert.StartsWith(Snap.Sub + "/resourceGroups/rg1/", m.Id.Value);
        Assert.Equal(new[] { Snap.Sub }, m.ScopeSubscriptions);
        Assert.Empty(m.ScopeManagementGroups);
        Assert.Null(m.Deployments);
        var g = Assert.Single(m.NetworkGroups);
        Assert.Equal("VirtualNetwork", g.MemberType);
        Assert.Equal(m.Id, g.NetworkManagerId);
        var member = Assert.Single(g.StaticMemberIds);
        var vnet1 = t.VirtualNetworks.Single(v => v.Name == "vnet1");
        Assert.Equal(vnet1.Id, member);
        Assert.Same(vnet1, t.Find<VirtualNetwork>(member));
        Assert.DoesNotContain(t.Diagnostics, d => d.Message.Contains("has member"));
        Assert.Same(g, t.Find<NetworkGroup>(g.Id));
        Assert.Equal(g.Id, Assert.Single(t.StaticMembers).NetworkGroupId);
    }

    [CorpusFact]
    public void NetworkGroupListAndStaticMemberList()
    {
        var t = Load("NetworkManagerGroupList.json", "NetworkManagerStaticMemberList.json");
        var g = Assert.Single(t.NetworkGroups);
        Assert.Equal("testNetworkGroup", g.Name);
        Assert.Equal("vnet1", Assert.Single(g.StaticMemberIds).Name);
        // Neither the manager nor the member VNet is in the snapshot: both reported.
        Assert.Contains(t.Diagnostics, d => d.Message.Contains("network manager") && d.Location.File.EndsWith("NetworkManagerGroupList.json"));
        Assert.Contains(t.Diagnostics, d => d.Message.Contains("has member") && d.Message.Contains("vnet1"));
    }

    [CorpusFact]
    public void ConnectivityConfigurationReadsStringBooleansAndIdsWithoutLeadingSlash()
    {
        var t = Load("NetworkManagerConnectivityConfigurationGet.json");
        var c = Assert.Single(t.ConnectivityConfigurations);
        Assert.StartsWith("/subscriptions/", c.Id.Value);
        Assert.Equal("myTestConnectivityConfig", c.Name);
        Assert.Equal("testNetworkManager", c.NetworkManagerId.Name);
        Assert.True(c.IsHubAndSpoke);
        Assert.False(c.IsMesh);
        Assert.True(c.IsGlobal);
        Assert.True(c.DeleteExistingPeering);
        Assert.Equal(Snap.Id(Snap.Sub + "/resourceGroups/myResourceGroup/providers/Microsoft.Network/virtualNetworks/myHubVnet"), Assert.Single(c.HubIds));
        var a = Assert.Single(c.AppliesToGroups);
        Assert.Equal("group1", a.NetworkGroupId.Name);
        Assert.True(a.UseHubGateway);
        Assert.False(a.IsGlobal);
        Assert.False(a.DirectlyConnected);
        Assert.Equal("None", a.GroupConnectivity);
        Assert.Equal("Allowed", c.ConnectedGroupAddressOverlap);
        Assert.Equal("Standard", c.ConnectedGroupPrivateEndpointsScale);
        Assert.Equal("Unenforced", c.PeeringEnforcement);
    }

    [CorpusFact]
    public void ConnectivityConfigurationListNormalisesSubscriptionSingular()
    {
        var t = Load("NetworkManagerConnectivityConfigurationList.json");
        var c = Assert.Single(t.ConnectivityConfigurations);
        Assert.StartsWith("/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/myResourceGroup/", c.Id.Value);
        Assert.Equal("00000000-0000-0000-0000-000000000000", c.SubscriptionId);
    }

    [CorpusFact]
    public void DeploymentStatusAndEffectiveConnectivityUnderResultsAttachToTheirScope()
    {
        var manager = File.ReadAllText(TestPaths.Example("NetworkManagerGet.json"));
        var status = File.ReadAllText(TestPaths.Example("NetworkManagerDeploymentStatusList.json"));
        var effective = File.ReadAllText(TestPaths.Example("NetworkManagerEffectiveConnectivityConfigurationsList.json"));
        var routes = File.ReadAllText(TestPaths.Example("NetworkInterfaceEffectiveRouteTableList.json"));
        const string vnet = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.Network/virtualNetworks/vnet1";
        const string nic = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.Network/networkInterfaces/nic1";
        var t = Snap.Json(Snap.Envelope("[" + manager + "]", $$"""
            [ { "operation": "listDeploymentStatus", "scope": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.Network/networkManagers/testNetworkManager", "body": {{status}} },
              { "operation": "listNetworkManagerEffectiveConnectivityConfigurations", "scope": "{{vnet}}", "body": {{effective}} },
              { "operation": "effectiveRouteTable", "scope": "{{nic}}", "body": {{routes}} } ]
            """));
        var m = Assert.Single(t.NetworkManagers);
        Assert.NotNull(m.Deployments);
        Assert.Equal(2, m.Deployments!.Count);
        var conn = m.Deployments.Single(d => d.DeploymentType == "Connectivity");
        Assert.True(conn.IsDeployed);
        Assert.Equal("eastus", conn.Region);
        Assert.Equal(new[] { "ConnConfig1", "ConnConfig2" }, conn.ConfigurationIds);
        Assert.False(m.Deployments.Single(d => d.DeploymentType == "AdminPolicy").IsDeployed);

        var e = t.EffectiveConnectivity[Snap.Id(vnet.ToUpperInvariant())];
        Assert.Equal("myTestConnectivityConfig", Assert.Single(e.ConfigurationIds).Name);
        Assert.Equal("group1", Assert.Single(e.NetworkGroupIds).Name);

        var captured = t.CapturedEffectiveRoutes[Snap.Id(nic)];
        Assert.Equal(6, captured.Count);
        Assert.Equal(NextHopType.VnetLocal, captured[0].NextHopType);
        Assert.Equal(RouteSource.Default, captured[0].Source);
        Assert.Equal("2026-01-01T00:00:00Z", t.CapturedAt);
    }

    [CorpusFact]
    public void ActionBodyWithoutScopeIsReportedNotGuessed()
    {
        var t = Load("NetworkManagerDeploymentStatusList.json");
        Assert.Empty(t.AllResources());
        var d = Assert.Single(t.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.Contains("results", d.Message);
    }
}
