using System.Text;
using System.Text.Json.Nodes;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Snapshot;

namespace AzSpokeTools.Engine.Tests.Paths;

/// <summary>Builds small snapshots (a bare array of ARM resources) for path tests.</summary>
internal sealed class SmallEstate
{
    private const string Rg = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.Network/";
    private readonly JsonArray _resources = new();
    private readonly Dictionary<string, JsonObject> _vnets = new();

    public static string Id(string type, string name) => Rg + type + "/" + name;
    public static string SubnetId(string vnet, string subnet) => Id("virtualNetworks", vnet) + "/subnets/" + subnet;

    public SmallEstate Vnet(string name, string prefix, string location = "westeurope", params (string Name, string Prefix, string? RouteTable)[] subnets)
    {
        var subs = new JsonArray();
        foreach (var (n, p, rt) in subnets)
        {
            var props = new JsonObject { ["addressPrefix"] = p };
            if (rt != null) props["routeTable"] = new JsonObject { ["id"] = Id("routeTables", rt) };
            subs.Add(new JsonObject { ["name"] = n, ["id"] = SubnetId(name, n), ["properties"] = props });
        }
        var v = new JsonObject
        {
            ["id"] = Id("virtualNetworks", name), ["name"] = name, ["type"] = "Microsoft.Network/virtualNetworks", ["location"] = location,
            ["properties"] = new JsonObject
            {
                ["addressSpace"] = new JsonObject { ["addressPrefixes"] = new JsonArray(prefix) },
                ["subnets"] = subs,
                ["virtualNetworkPeerings"] = new JsonArray(),
            },
        };
        _vnets[name] = v;
        _resources.Add(v);
        return this;
    }

    /// <summary>Both sides of a Connected peering; <paramref name="accessAtoB"/> / <paramref name="accessBtoA"/> set allowVirtualNetworkAccess per side.</summary>
    public SmallEstate Peer(string a, string b, bool accessAtoB = true, bool accessBtoA = true, bool forwardedIntoA = true, bool forwardedIntoB = true)
    {
        Side(a, b, accessAtoB, forwardedIntoA);
        Side(b, a, accessBtoA, forwardedIntoB);
        return this;
    }

    private void Side(string local, string remote, bool access, bool forwarded)
    {
        var remotePrefix = _vnets[remote]["properties"]!["addressSpace"]!["addressPrefixes"]![0]!.GetValue<string>();
        ((JsonArray)_vnets[local]["properties"]!["virtualNetworkPeerings"]!).Add(new JsonObject
        {
            ["name"] = $"{local}-to-{remote}",
            ["id"] = Id("virtualNetworks", local) + $"/virtualNetworkPeerings/{local}-to-{remote}",
            ["properties"] = new JsonObject
            {
                ["allowVirtualNetworkAccess"] = access, ["allowForwardedTraffic"] = forwarded, ["allowGatewayTransit"] = false, ["useRemoteGateways"] = false,
                ["peeringState"] = "Connected",
                ["remoteVirtualNetwork"] = new JsonObject { ["id"] = Id("virtualNetworks", remote) },
                ["remoteAddressSpace"] = new JsonObject { ["addressPrefixes"] = new JsonArray(remotePrefix) },
            },
        });
    }

    public SmallEstate Nic(string name, string vnet, string subnet, string ip, bool forwarding)
    {
        _resources.Add(new JsonObject
        {
            ["id"] = Id("networkInterfaces", name), ["name"] = name, ["type"] = "Microsoft.Network/networkInterfaces", ["location"] = "westeurope",
            ["properties"] = new JsonObject
            {
                ["enableIPForwarding"] = forwarding,
                ["ipConfigurations"] = new JsonArray(new JsonObject
                {
                    ["name"] = "ipconfig1",
                    ["properties"] = new JsonObject { ["privateIPAddress"] = ip, ["primary"] = true, ["subnet"] = new JsonObject { ["id"] = SubnetId(vnet, subnet) } },
                }),
            },
        });
        return this;
    }

    public SmallEstate RouteTable(string name, params (string Name, string Prefix, string Hop, string? Ip)[] routes)
    {
        var list = new JsonArray();
        foreach (var (n, p, hop, ip) in routes)
        {
            var props = new JsonObject { ["addressPrefix"] = p, ["nextHopType"] = hop };
            if (ip != null) props["nextHopIpAddress"] = ip;
            list.Add(new JsonObject { ["name"] = n, ["properties"] = props });
        }
        _resources.Add(new JsonObject
        {
            ["id"] = Id("routeTables", name), ["name"] = name, ["type"] = "Microsoft.Network/routeTables", ["location"] = "westeurope",
            ["properties"] = new JsonObject { ["disableBgpRoutePropagation"] = false, ["routes"] = list },
        });
        return this;
    }

    /// <summary>Sets gateway transit between a hub and a spoke: allowGatewayTransit on the hub side, useRemoteGateways on the spoke side.</summary>
    public SmallEstate GatewayTransit(string hub, string spoke)
    {
        foreach (var (local, remote, flag) in new[] { (hub, spoke, "allowGatewayTransit"), (spoke, hub, "useRemoteGateways") })
        {
            var peering = ((JsonArray)_vnets[local]["properties"]!["virtualNetworkPeerings"]!).Single(p => (string)p!["name"]! == $"{local}-to-{remote}")!;
            peering["properties"]![flag] = true;
        }
        return this;
    }

    /// <summary>
    /// An Azure Route Server (virtualHubs of kind RouteServer) in <paramref name="vnet"/>'s <paramref name="subnet"/>, with its IP
    /// configuration and one BGP connection per peer, as ARM lists them.
    /// </summary>
    public SmallEstate RouteServer(string name, string vnet, string subnet, string[] routerIps, bool branchToBranch, params (string Peer, string Ip, long Asn)[] peers)
    {
        var hub = Id("virtualHubs", name);
        _resources.Add(new JsonObject
        {
            ["id"] = hub, ["name"] = name, ["type"] = "Microsoft.Network/virtualHubs", ["location"] = "westeurope", ["kind"] = "RouteServer",
            ["properties"] = new JsonObject
            {
                ["sku"] = "Standard", ["virtualRouterAsn"] = 65515, ["virtualRouterIps"] = new JsonArray(routerIps.Select(ip => (System.Text.Json.Nodes.JsonNode)ip).ToArray()),
                ["allowBranchToBranchTraffic"] = branchToBranch, ["hubRoutingPreference"] = "ExpressRoute",
            },
        });
        _resources.Add(new JsonObject
        {
            ["id"] = hub + "/ipConfigurations/ipconfig1", ["name"] = "ipconfig1", ["type"] = "Microsoft.Network/virtualHubs/ipConfigurations",
            ["properties"] = new JsonObject { ["subnet"] = new JsonObject { ["id"] = SubnetId(vnet, subnet) } },
        });
        foreach (var (peer, ip, asn) in peers)
            _resources.Add(new JsonObject
            {
                ["id"] = hub + "/bgpConnections/" + peer, ["name"] = peer, ["type"] = "Microsoft.Network/virtualHubs/bgpConnections",
                ["properties"] = new JsonObject { ["peerIp"] = ip, ["peerAsn"] = asn, ["connectionState"] = "Connected" },
            });
        return this;
    }

    /// <summary>Edits the properties of a resource added earlier (by type segment and name).</summary>
    public SmallEstate Patch(string type, string name, Action<JsonObject> edit)
    {
        var r = _resources.Select(x => x!.AsObject()).Single(x => (string)x["id"]! == Id(type, name));
        edit(r["properties"]!.AsObject());
        return this;
    }

    /// <summary>A captured getLearnedRoutes of a Route Server BGP connection (PeerRouteList, one list per instance).</summary>
    public SmallEstate RouteServerLearned(string routeServer, string peer, params (string Network, string NextHop, string AsPath)[] routes)
    {
        JsonArray Rows() => new(routes.Select(r => (System.Text.Json.Nodes.JsonNode)new JsonObject
        {
            ["localAddress"] = "10.0.0.4", ["network"] = r.Network, ["nextHop"] = r.NextHop, ["sourcePeer"] = r.NextHop, ["origin"] = "EBgp", ["asPath"] = r.AsPath, ["weight"] = 32768,
        }).ToArray());
        return Result("getLearnedRoutes", Id("virtualHubs", routeServer) + "/bgpConnections/" + peer,
            new JsonObject { ["RouteServiceRole_IN_0"] = Rows(), ["RouteServiceRole_IN_1"] = Rows() });
    }

    private readonly JsonArray _results = new();

    /// <summary>Adds any ARM resource as given (virtual hubs, hub connections, gateways...).</summary>
    public SmallEstate Resource(JsonObject resource) { _resources.Add(resource); return this; }

    /// <summary>Adds a captured action result (operation, scope, body); the snapshot is then written as a document with results.</summary>
    public SmallEstate Result(string operation, string scope, JsonObject body)
    {
        _results.Add(new JsonObject { ["operation"] = operation, ["scope"] = scope, ["body"] = body });
        return this;
    }

    /// <summary>The resources as a JSON array (for tests that wrap them in their own snapshot document).</summary>
    public string ToJson() => _resources.ToJsonString();

    public Topology Load() => SnapshotLoader.Load(new MemoryStream(Encoding.UTF8.GetBytes(Text())), "small-estate.json");

    /// <summary>The snapshot as JSON text.</summary>
    public string Text() => _results.Count == 0 ? _resources.ToJsonString() : new JsonObject
    {
        ["schemaVersion"] = 1, ["capturedAt"] = "2026-11-01T00:00:00Z", ["source"] = "test",
        ["resources"] = _resources.DeepClone(), ["results"] = _results.DeepClone(),
    }.ToJsonString();

    /// <summary>
    /// hub (10.0/16, nva subnet with an NVA NIC 10.0.2.4), spoke1 and spoke2 peered to the hub and to each other;
    /// spoke1's route table sends spoke2's exact prefix to the NVA, spoke2 has none: a firewall on one direction only.
    /// </summary>
    public static SmallEstate OneWayFirewall(bool nvaForwards = true, string nvaIp = "10.0.2.4", string? nvaRouteTable = null) => new SmallEstate()
        .Vnet("hub", "10.0.0.0/16", "westeurope", ("nva", "10.0.2.0/24", nvaRouteTable))
        .Vnet("spoke1", "10.1.0.0/16", "westeurope", ("workload", "10.1.0.0/24", "rt-spoke1"))
        .Vnet("spoke2", "10.2.0.0/16", "westeurope", ("workload", "10.2.0.0/24", null))
        .Peer("hub", "spoke1").Peer("hub", "spoke2").Peer("spoke1", "spoke2")
        .Nic("nva-nic", "hub", "nva", nvaIp, nvaForwards)
        .RouteTable("rt-spoke1", ("spoke2-via-nva", "10.2.0.0/16", "VirtualAppliance", "10.0.2.4"));
}
