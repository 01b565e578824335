using System.Text;
using System.Text.Json.Nodes;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Snapshot;

namespace AzSpokeTools.Engine.Tests.Readiness;

/// <summary>Builds small snapshots in ARM shape for rule tests.</summary>
internal sealed class EstateBuilder
{
    public const string Sub = "00000000-0000-0000-0000-000000000001";
    private readonly JsonArray _resources = new();
    private readonly JsonArray _results = new();
    private readonly Dictionary<string, JsonObject> _vnets = new();

    public static string Id(string type, string name) => $"/subscriptions/{Sub}/resourceGroups/rg/providers/Microsoft.Network/{type}/{name}";

    public EstateBuilder Vnet(string name, string region, string prefix, string? routeTable = null, Dictionary<string, string>? tags = null,
        string? peVnetPolicy = null, string subnetPolicy = "Disabled")
    {
        var id = Id("virtualNetworks", name);
        var subnet = new JsonObject
        {
            ["name"] = "default", ["id"] = id + "/subnets/default",
            ["properties"] = new JsonObject { ["addressPrefix"] = prefix, ["privateEndpointNetworkPolicies"] = subnetPolicy },
        };
        if (routeTable != null) ((JsonObject)subnet["properties"]!)["routeTable"] = new JsonObject { ["id"] = Id("routeTables", routeTable) };
        var props = new JsonObject
        {
            ["addressSpace"] = new JsonObject { ["addressPrefixes"] = new JsonArray(prefix) },
            ["subnets"] = new JsonArray(subnet),
            ["virtualNetworkPeerings"] = new JsonArray(),
        };
        if (peVnetPolicy != null) props["privateEndpointVNetPolicies"] = peVnetPolicy;
        var tagObj = new JsonObject();
        foreach (var kv in tags ?? new()) tagObj[kv.Key] = kv.Value;
        var v = new JsonObject { ["id"] = id, ["name"] = name, ["type"] = "Microsoft.Network/virtualNetworks", ["location"] = region, ["tags"] = tagObj, ["properties"] = props };
        _vnets[name] = v;
        _resources.Add(v);
        return this;
    }

    public EstateBuilder AddSubnet(string vnet, string name, string prefix)
    {
        var v = _vnets[vnet];
        ((JsonArray)v["properties"]!["subnets"]!).Add(new JsonObject
        {
            ["name"] = name, ["id"] = (string)v["id"]! + "/subnets/" + name,
            ["properties"] = new JsonObject { ["addressPrefix"] = prefix },
        });
        return this;
    }

    private string PrefixOf(string vnet) => (string)_vnets[vnet]["properties"]!["addressSpace"]!["addressPrefixes"]![0]!;

    /// <summary>Both sides of a Connected peering; gateway transit from <paramref name="a"/> (hub) when asked.</summary>
    public EstateBuilder Peer(string a, string b, bool hubTransit = false, bool subnetPeering = false)
    {
        Side(a, b, allowGatewayTransit: hubTransit, useRemoteGateways: false, subnetPeering);
        Side(b, a, allowGatewayTransit: false, useRemoteGateways: hubTransit, subnetPeering);
        return this;
    }

    private void Side(string local, string remote, bool allowGatewayTransit, bool useRemoteGateways, bool subnetPeering)
    {
        var v = _vnets[local];
        var props = new JsonObject
        {
            ["remoteVirtualNetwork"] = new JsonObject { ["id"] = Id("virtualNetworks", remote) },
            ["remoteAddressSpace"] = new JsonObject { ["addressPrefixes"] = new JsonArray(PrefixOf(remote)) },
            ["allowVirtualNetworkAccess"] = true, ["allowForwardedTraffic"] = true,
            ["allowGatewayTransit"] = allowGatewayTransit, ["useRemoteGateways"] = useRemoteGateways,
            ["peeringState"] = "Connected",
        };
        if (subnetPeering)
        {
            props["peerCompleteVnets"] = false;
            props["localSubnetNames"] = new JsonArray("default");
            props["remoteSubnetNames"] = new JsonArray("default");
        }
        ((JsonArray)v["properties"]!["virtualNetworkPeerings"]!).Add(new JsonObject
        {
            ["name"] = $"{local}-to-{remote}", ["id"] = (string)v["id"]! + "/virtualNetworkPeerings/" + local + "-to-" + remote, ["properties"] = props,
        });
    }

    public EstateBuilder RouteTable(string name, string region, params (string Prefix, string Hop, string? Ip)[] routes)
    {
        var arr = new JsonArray();
        foreach (var (prefix, hop, ip) in routes)
        {
            var p = new JsonObject { ["addressPrefix"] = prefix, ["nextHopType"] = hop };
            if (ip != null) p["nextHopIpAddress"] = ip;
            arr.Add(new JsonObject { ["name"] = "to-" + prefix.Replace("/", "_"), ["properties"] = p });
        }
        _resources.Add(new JsonObject
        {
            ["id"] = Id("routeTables", name), ["name"] = name, ["type"] = "Microsoft.Network/routeTables", ["location"] = region,
            ["properties"] = new JsonObject { ["routes"] = arr },
        });
        return this;
    }

    public EstateBuilder ErGateway(string vnet, string gatewaySubnetPrefix)
    {
        AddSubnet(vnet, "GatewaySubnet", gatewaySubnetPrefix);
        var v = _vnets[vnet];
        _resources.Add(new JsonObject
        {
            ["id"] = Id("virtualNetworkGateways", "gw-" + vnet), ["name"] = "gw-" + vnet, ["type"] = "Microsoft.Network/virtualNetworkGateways", ["location"] = (string)v["location"]!,
            ["properties"] = new JsonObject
            {
                ["gatewayType"] = "ExpressRoute", ["allowRemoteVnetTraffic"] = true,
                ["ipConfigurations"] = new JsonArray(new JsonObject { ["name"] = "c", ["properties"] = new JsonObject { ["subnet"] = new JsonObject { ["id"] = (string)v["id"]! + "/subnets/GatewaySubnet" } } }),
            },
        });
        return this;
    }

    public EstateBuilder PrivateEndpoint(string vnet, string name)
    {
        var v = _vnets[vnet];
        _resources.Add(new JsonObject
        {
            ["id"] = Id("privateEndpoints", name), ["name"] = name, ["type"] = "Microsoft.Network/privateEndpoints", ["location"] = (string)v["location"]!,
            ["properties"] = new JsonObject { ["subnet"] = new JsonObject { ["id"] = (string)v["id"]! + "/subnets/default" } },
        });
        return this;
    }

    public EstateBuilder VirtualHubConnection(string hub, string region, string vnet)
    {
        var hubId = Id("virtualHubs", hub);
        _resources.Add(new JsonObject
        {
            ["id"] = hubId, ["name"] = hub, ["type"] = "Microsoft.Network/virtualHubs", ["location"] = region,
            ["properties"] = new JsonObject { ["addressPrefix"] = "10.250.0.0/23" },
        });
        _resources.Add(new JsonObject
        {
            ["id"] = hubId + "/hubVirtualNetworkConnections/c-" + vnet, ["name"] = "c-" + vnet, ["type"] = "Microsoft.Network/virtualHubs/hubVirtualNetworkConnections",
            ["properties"] = new JsonObject { ["remoteVirtualNetwork"] = new JsonObject { ["id"] = Id("virtualNetworks", vnet) } },
        });
        return this;
    }

    /// <summary>A network manager with one mesh configuration over a group of static members, with a deployment status row per region.</summary>
    public EstateBuilder Mesh(string manager, string group, string config, string[] members, string[] regions, string status = "Deployed", bool global = true)
    {
        var nm = Id("networkManagers", manager);
        if (!_resources.Any(r => (string?)r!["id"] == nm))
            _resources.Add(new JsonObject { ["id"] = nm, ["name"] = manager, ["type"] = "Microsoft.Network/networkManagers", ["location"] = regions[0], ["properties"] = new JsonObject() });
        var g = nm + "/networkGroups/" + group;
        _resources.Add(new JsonObject { ["id"] = g, ["name"] = group, ["type"] = "Microsoft.Network/networkManagers/networkGroups", ["properties"] = new JsonObject { ["memberType"] = "VirtualNetwork" } });
        foreach (var m in members)
            _resources.Add(new JsonObject
            {
                ["id"] = g + "/staticMembers/sm-" + m, ["name"] = "sm-" + m, ["type"] = "Microsoft.Network/networkManagers/networkGroups/staticMembers",
                ["properties"] = new JsonObject { ["resourceId"] = Id("virtualNetworks", m) },
            });
        var c = nm + "/connectivityConfigurations/" + config;
        _resources.Add(new JsonObject
        {
            ["id"] = c, ["name"] = config, ["type"] = "Microsoft.Network/networkManagers/connectivityConfigurations",
            ["properties"] = new JsonObject
            {
                ["connectivityTopology"] = "Mesh", ["isGlobal"] = global,
                ["appliesToGroups"] = new JsonArray(new JsonObject { ["networkGroupId"] = g, ["groupConnectivity"] = "None" }),
            },
        });
        var rows = new JsonArray();
        foreach (var r in regions)
            rows.Add(new JsonObject { ["region"] = r, ["deploymentType"] = "Connectivity", ["deploymentStatus"] = status, ["configurationIds"] = new JsonArray(c) });
        _results.Add(new JsonObject { ["operation"] = "listDeploymentStatus", ["scope"] = nm, ["body"] = new JsonObject { ["value"] = rows } });
        return this;
    }

    public string Json() => new JsonObject
    {
        ["schemaVersion"] = 1, ["capturedAt"] = "2026-11-01T00:00:00Z", ["source"] = "test",
        ["resources"] = _resources.DeepClone(), ["results"] = _results.DeepClone(),
    }.ToJsonString();

    public Topology Build() => SnapshotLoader.Load(new MemoryStream(Encoding.UTF8.GetBytes(Json())), "test-estate.json");
}
