using System.Text.Json;
using System.Text.Json.Nodes;

namespace AzSpokeTools.Azure.Tests.FakeArm;

/// <summary>One Resource Graph row as the fake server holds it: the ARM object plus the helper columns.</summary>
public sealed record FakeRow(string Id, string SubscriptionId, string Json)
{
    /// <summary>
    /// The row as Resource Graph returns it: <c>type</c> in lower case, the projected columns it fills
    /// (null / "" when the resource has none) and the helper columns.
    /// </summary>
    public string ArgJson { get; } = ToArgRow(Json, SubscriptionId, Id);

    private static string ToArgRow(string json, string subscriptionId, string id)
    {
        var row = JsonNode.Parse(json)!.AsObject();
        row["type"] = ((string)row["type"]!).ToLowerInvariant();
        foreach (var column in new[] { "sku", "zones", "identity", "extendedLocation" }) if (!row.ContainsKey(column)) row[column] = null;
        foreach (var column in new[] { "kind", "managedBy" }) if (!row.ContainsKey(column)) row[column] = "";
        row["subscriptionId"] = subscriptionId;
        row["resourceGroup"] = id.Split('/')[4];
        return row.ToJsonString();
    }
}

/// <summary>
/// The estate the fake ARM server serves: top-level resources (Resource Graph rows), child resources
/// (ARM list calls keyed by parent id and child segment), and action bodies. Every secret value contains
/// <see cref="SecretMarker"/> so tests can prove none reaches a snapshot.
/// </summary>
public sealed class FakeEstate
{
    public const string SecretMarker = "SECRET-VALUE-";
    public const string ManagementGroup = "mg-estate";

    public List<string> Subscriptions { get; } = new();
    public List<FakeRow> Rows { get; } = new();
    public Dictionary<string, List<string>> Children { get; } = new(StringComparer.OrdinalIgnoreCase);
    public Dictionary<string, string> ArmObjectsById { get; } = new(StringComparer.OrdinalIgnoreCase);
    public List<string> NetworkInterfaceIds { get; } = new();
    public List<string> GatewayIds { get; } = new();
    public List<string> NetworkManagerIds { get; } = new();
    public string? DeploymentStatusJson { get; set; }
    public string? EffectiveRoutesJson { get; set; }

    /// <summary>
    /// Generates <paramref name="topLevel"/> Resource Graph resources spread over <paramref name="subscriptionCount"/>
    /// subscriptions, each subscription with one network manager (2 groups x 3 static members, 1 connectivity
    /// configuration), one virtual hub (2 hub connections, 1 hub route table, routing intent) and one gateway.
    /// </summary>
    public static FakeEstate Generate(int topLevel, int subscriptionCount = 3, bool includeCorpus = false)
    {
        var estate = new FakeEstate();
        for (int s = 0; s < subscriptionCount; s++)
            estate.Subscriptions.Add(new Guid(s + 1, 0x1111, 0x2222, 1, 2, 3, 4, 5, 6, 7, 8).ToString());

        int perSubscriptionFixed = 3; // network manager, virtual hub, gateway
        int remaining = topLevel - perSubscriptionFixed * subscriptionCount;
        if (remaining < 0) throw new ArgumentOutOfRangeException(nameof(topLevel));
        for (int s = 0; s < subscriptionCount; s++)
        {
            var sub = estate.Subscriptions[s];
            estate.AddNetworkManager(sub);
            estate.AddVirtualHub(sub);
            estate.AddGateway(sub);
        }
        for (int i = 0; i < remaining; i++)
        {
            var sub = estate.Subscriptions[i % subscriptionCount];
            estate.AddGenerated(sub, i);
        }
        if (includeCorpus) estate.AddCorpus();
        estate.DeploymentStatusJson ??= """{"value":[{"deploymentType":"Connectivity","configurationIds":["cc1"],"commitTime":"2024-01-01T00:00:00Z","region":"westeurope","deploymentStatus":"Deployed","errorMessage":""}]}""";
        estate.EffectiveRoutesJson ??= """{"value":[{"source":"Default","state":"Active","addressPrefix":["10.0.0.0/16"],"nextHopIpAddress":[],"nextHopType":"VnetLocal"}]}""";
        return estate;
    }

    /// <summary>Every resource id a complete export must contain exactly once: rows plus reachable children.</summary>
    public HashSet<string> ExpectedIds(ISet<string>? deniedSubscriptions = null)
    {
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in Rows)
        {
            if (deniedSubscriptions != null && deniedSubscriptions.Contains(row.SubscriptionId)) continue;
            ids.Add(row.Id);
            var type = TypeOf(row.Json);
            if (type.Equals("Microsoft.Network/networkManagers", StringComparison.OrdinalIgnoreCase))
            {
                foreach (var group in ChildIds(row.Id, "networkGroups"))
                {
                    ids.Add(group);
                    foreach (var member in ChildIds(group, "staticMembers")) ids.Add(member);
                }
                foreach (var config in ChildIds(row.Id, "connectivityConfigurations")) ids.Add(config);
                foreach (var config in ChildIds(row.Id, "securityAdminConfigurations"))
                {
                    ids.Add(config);
                    foreach (var collection in ChildIds(config, "ruleCollections"))
                    {
                        ids.Add(collection);
                        foreach (var rule in ChildIds(collection, "rules")) ids.Add(rule);
                    }
                }
            }
            else if (type.Equals("Microsoft.Network/firewallPolicies", StringComparison.OrdinalIgnoreCase))
            {
                foreach (var group in ChildIds(row.Id, "ruleCollectionGroups")) ids.Add(group);
            }
            else if (type.Equals("Microsoft.Network/virtualHubs", StringComparison.OrdinalIgnoreCase))
            {
                var children = string.Equals((string?)JsonNode.Parse(row.Json)!["kind"], "RouteServer", StringComparison.OrdinalIgnoreCase)
                    ? new[] { "bgpConnections", "ipConfigurations" }
                    : new[] { "hubVirtualNetworkConnections", "hubRouteTables", "routingIntent" };
                foreach (var child in children)
                    foreach (var id in ChildIds(row.Id, child)) ids.Add(id);
            }
        }
        return ids;
    }

    /// <summary>
    /// Adds an Azure Route Server (a virtualHubs row of kind RouteServer, as Resource Graph returns it) in <paramref name="sub"/>,
    /// its IP configuration and <paramref name="peers"/> BGP connections (ARM children).
    /// </summary>
    public string AddRouteServer(string sub, int peers)
    {
        var rs = $"/subscriptions/{sub}/resourceGroups/rg-hub/providers/Microsoft.Network/virtualHubs/rs-hub";
        var resource = Resource(rs, "rs-hub", "Microsoft.Network/virtualHubs", new JsonObject
        {
            ["sku"] = "Standard", ["virtualRouterAsn"] = 65515, ["virtualRouterIps"] = new JsonArray("10.0.254.4", "10.0.254.5"),
            ["allowBranchToBranchTraffic"] = false, ["hubRoutingPreference"] = "ExpressRoute",
        });
        resource["kind"] = "RouteServer";
        AddRow(sub, resource);
        AddChild(rs, "ipConfigurations", Child($"{rs}/ipConfigurations/ipconfig1", "ipconfig1", "Microsoft.Network/virtualHubs/ipConfigurations", new JsonObject
        {
            ["subnet"] = new JsonObject { ["id"] = $"/subscriptions/{sub}/resourceGroups/rg-hub/providers/Microsoft.Network/virtualNetworks/hub/subnets/RouteServerSubnet" },
        }));
        for (int p = 0; p < peers; p++)
            AddChild(rs, "bgpConnections", Child($"{rs}/bgpConnections/nva-{p}", $"nva-{p}", "Microsoft.Network/virtualHubs/bgpConnections", new JsonObject
            {
                ["peerIp"] = $"10.0.1.{4 + p}", ["peerAsn"] = 65010, ["connectionState"] = "Connected",
            }));
        return rs;
    }

    /// <summary>
    /// Adds the security resources of one subscription: a network security group on a NIC of a workload VNet (Resource Graph rows:
    /// the VNet, the NSG, an application security group, the NIC), an IP group, a firewall policy with a rule collection group (ARM child),
    /// and under the subscription's network manager a security admin configuration, its rule collection and a Deny rule (ARM children).
    /// Returns the NIC id, whose effectiveNetworkSecurityGroups the server answers.
    /// </summary>
    public string AddSecurity(string sub)
    {
        var rg = $"/subscriptions/{sub}/resourceGroups/rg-sec/providers/Microsoft.Network";
        var nsg = $"{rg}/networkSecurityGroups/nsg-app";
        var asg = $"{rg}/applicationSecurityGroups/asg-web";
        var subnet = $"{rg}/virtualNetworks/vnet-sec/subnets/app";
        AddRow(sub, Resource($"{rg}/virtualNetworks/vnet-sec", "vnet-sec", "Microsoft.Network/virtualNetworks", new JsonObject
        {
            ["addressSpace"] = new JsonObject { ["addressPrefixes"] = new JsonArray("10.250.0.0/24") },
            ["subnets"] = new JsonArray(new JsonObject
            {
                ["name"] = "app", ["id"] = subnet,
                ["properties"] = new JsonObject { ["addressPrefix"] = "10.250.0.0/26", ["networkSecurityGroup"] = new JsonObject { ["id"] = nsg } },
            }),
            ["virtualNetworkPeerings"] = new JsonArray(),
        }));
        AddRow(sub, Resource(nsg, "nsg-app", "Microsoft.Network/networkSecurityGroups", new JsonObject
        {
            ["securityRules"] = new JsonArray(new JsonObject
            {
                ["name"] = "allow-https", ["id"] = nsg + "/securityRules/allow-https",
                ["properties"] = new JsonObject
                {
                    ["priority"] = 100, ["direction"] = "Inbound", ["access"] = "Allow", ["protocol"] = "Tcp", ["sourcePortRange"] = "*", ["destinationPortRange"] = "443",
                    ["sourceAddressPrefix"] = "VirtualNetwork", ["destinationApplicationSecurityGroups"] = new JsonArray(new JsonObject { ["id"] = asg }),
                },
            }),
        }));
        AddRow(sub, Resource(asg, "asg-web", "Microsoft.Network/applicationSecurityGroups", new JsonObject()));
        var nic = $"{rg}/networkInterfaces/nic-app";
        AddRow(sub, Resource(nic, "nic-app", "Microsoft.Network/networkInterfaces", new JsonObject
        {
            ["ipConfigurations"] = new JsonArray(new JsonObject
            {
                ["name"] = "ipconfig1",
                ["properties"] = new JsonObject
                {
                    ["privateIPAddress"] = "10.250.0.4", ["primary"] = true, ["subnet"] = new JsonObject { ["id"] = subnet },
                    ["applicationSecurityGroups"] = new JsonArray(new JsonObject { ["id"] = asg }),
                },
            }),
        }));
        var ipg = $"{rg}/ipGroups/ipg-spokes";
        AddRow(sub, Resource(ipg, "ipg-spokes", "Microsoft.Network/ipGroups", new JsonObject { ["ipAddresses"] = new JsonArray("10.250.0.0/24") }));
        var policy = $"{rg}/firewallPolicies/fwpol";
        AddRow(sub, Resource(policy, "fwpol", "Microsoft.Network/firewallPolicies", new JsonObject { ["threatIntelMode"] = "Alert" }));
        AddChild(policy, "ruleCollectionGroups", Child($"{policy}/ruleCollectionGroups/rcg", "rcg", "Microsoft.Network/firewallPolicies/ruleCollectionGroups", new JsonObject
        {
            ["priority"] = 100,
            ["ruleCollections"] = new JsonArray(new JsonObject
            {
                ["ruleCollectionType"] = "FirewallPolicyFilterRuleCollection", ["name"] = "allow-web", ["priority"] = 100, ["action"] = new JsonObject { ["type"] = "Allow" },
                ["rules"] = new JsonArray(new JsonObject
                {
                    ["ruleType"] = "NetworkRule", ["name"] = "https", ["ipProtocols"] = new JsonArray("TCP"), ["destinationPorts"] = new JsonArray("443"),
                    ["sourceIpGroups"] = new JsonArray(ipg), ["destinationAddresses"] = new JsonArray("*"),
                }),
            }),
        }));
        var nm = $"/subscriptions/{sub}/resourceGroups/rg-avnm/providers/Microsoft.Network/networkManagers/avnm";
        var config = $"{nm}/securityAdminConfigurations/baseline";
        AddChild(nm, "securityAdminConfigurations", Child(config, "baseline", "Microsoft.Network/networkManagers/securityAdminConfigurations",
            new JsonObject { ["applyOnNetworkIntentPolicyBasedServices"] = new JsonArray("None") }));
        var collection = $"{config}/ruleCollections/rc";
        AddChild(config, "ruleCollections", Child(collection, "rc", "Microsoft.Network/networkManagers/securityAdminConfigurations/ruleCollections",
            new JsonObject { ["appliesToGroups"] = new JsonArray(new JsonObject { ["networkGroupId"] = $"{nm}/networkGroups/group-0" }) }));
        var rule = Child($"{collection}/rules/deny-telnet", "deny-telnet", "Microsoft.Network/networkManagers/securityAdminConfigurations/ruleCollections/rules", new JsonObject
        {
            ["priority"] = 10, ["access"] = "Deny", ["direction"] = "Inbound", ["protocol"] = "Tcp", ["destinationPortRanges"] = new JsonArray("23"),
            ["sources"] = new JsonArray(), ["destinations"] = new JsonArray(), ["sourcePortRanges"] = new JsonArray(),
        });
        rule["kind"] = "Custom";
        AddChild(collection, "rules", rule);
        return nic;
    }

    /// <summary>An EffectiveNetworkSecurityGroupListResult for a NIC of <see cref="AddSecurity"/>: its subnet's NSG with a tag expanded, as the action returns.</summary>
    public string EffectiveSecurityGroupsJson(string nicId)
    {
        var rg = nicId[..nicId.IndexOf("/networkInterfaces/", StringComparison.OrdinalIgnoreCase)];
        return new JsonObject
        {
            ["value"] = new JsonArray(new JsonObject
            {
                ["networkSecurityGroup"] = new JsonObject { ["id"] = rg + "/networkSecurityGroups/nsg-app" },
                ["association"] = new JsonObject { ["subnet"] = new JsonObject { ["id"] = rg + "/virtualNetworks/vnet-sec/subnets/app" } },
                ["effectiveSecurityRules"] = new JsonArray(new JsonObject
                {
                    ["name"] = "defaultSecurityRules/AllowVnetInBound", ["protocol"] = "All", ["sourcePortRange"] = "0-65535", ["destinationPortRange"] = "0-65535",
                    ["sourceAddressPrefix"] = "VirtualNetwork", ["destinationAddressPrefix"] = "VirtualNetwork",
                    ["expandedSourceAddressPrefix"] = new JsonArray("10.250.0.0/24", "168.63.129.16/32"), ["expandedDestinationAddressPrefix"] = new JsonArray("10.250.0.0/24", "168.63.129.16/32"),
                    ["access"] = "Allow", ["priority"] = 65000, ["direction"] = "Inbound",
                }),
            }),
        }.ToJsonString();
    }

    /// <summary>A PeerRouteList body for a BGP connection (one list per Route Server instance), as the learnedRoutes / advertisedRoutes actions return.</summary>
    public static string PeerRouteList(string bgpConnectionId, bool learned)
    {
        var peer = bgpConnectionId[(bgpConnectionId.LastIndexOf('/') + 1)..];
        int index = int.TryParse(peer.Replace("nva-", ""), out var i) ? i : 0;
        JsonArray Rows(string local) => learned
            ? new JsonArray(new JsonObject { ["localAddress"] = local, ["network"] = "10.0.0.0/8", ["nextHop"] = $"10.0.1.{4 + index}", ["sourcePeer"] = $"10.0.1.{4 + index}", ["origin"] = "EBgp", ["asPath"] = "65010", ["weight"] = 32768 })
            : new JsonArray(new JsonObject { ["localAddress"] = local, ["network"] = "10.0.0.0/16", ["nextHop"] = local, ["sourcePeer"] = local, ["origin"] = "Igp", ["asPath"] = "65515", ["weight"] = 0 });
        return new JsonObject { ["RouteServiceRole_IN_0"] = Rows("10.0.254.4"), ["RouteServiceRole_IN_1"] = Rows("10.0.254.5") }.ToJsonString();
    }

    private IEnumerable<string> ChildIds(string parent, string child)
        => Children.TryGetValue(parent + "/" + child, out var items) ? items.Select(j => (string)JsonNode.Parse(j)!["id"]!) : [];

    private static string TypeOf(string json) => (string?)JsonNode.Parse(json)!["type"] ?? "";

    private static string Rg(string sub, int i) => $"/subscriptions/{sub}/resourceGroups/rg-{i % 7}/providers/Microsoft.Network";

    private void AddRow(string sub, JsonObject resource)
    {
        var id = (string)resource["id"]!;
        if (ArmObjectsById.ContainsKey(id)) return;
        var json = resource.ToJsonString();
        ArmObjectsById[id] = json;
        Rows.Add(new FakeRow(id, sub, json));
    }

    private void AddChild(string parent, string child, JsonObject resource)
    {
        var key = parent + "/" + child;
        if (!Children.TryGetValue(key, out var list)) Children[key] = list = new List<string>();
        var json = resource.ToJsonString();
        ArmObjectsById[(string)resource["id"]!] = json;
        list.Add(json);
    }

    private void AddGenerated(string sub, int i)
    {
        var rg = Rg(sub, i);
        JsonObject resource;
        switch (i % 10)
        {
            case 5:
            case 6:
                var nicId = $"{rg}/networkInterfaces/nic-{i}";
                resource = Resource(nicId, $"nic-{i}", "Microsoft.Network/networkInterfaces", new JsonObject
                {
                    ["enableIPForwarding"] = i % 20 == 5,
                    ["ipConfigurations"] = new JsonArray(new JsonObject
                    {
                        ["name"] = "ipconfig1",
                        ["properties"] = new JsonObject { ["privateIPAddress"] = $"10.{i % 250}.0.4", ["subnet"] = new JsonObject { ["id"] = $"{rg}/virtualNetworks/vnet-{i - 5}/subnets/default" } },
                    }),
                });
                if (NetworkInterfaceIds.Count < 5) NetworkInterfaceIds.Add(nicId);
                break;
            case 7:
                resource = Resource($"{rg}/routeTables/rt-{i}", $"rt-{i}", "Microsoft.Network/routeTables", new JsonObject
                {
                    ["disableBgpRoutePropagation"] = false,
                    ["routes"] = new JsonArray(new JsonObject
                    {
                        ["name"] = "default",
                        ["properties"] = new JsonObject { ["addressPrefix"] = "0.0.0.0/0", ["nextHopType"] = "VirtualAppliance", ["nextHopIpAddress"] = "10.255.0.4" },
                    }),
                });
                break;
            case 8:
                resource = Resource($"{rg}/connections/conn-{i}", $"conn-{i}", "Microsoft.Network/connections", new JsonObject
                {
                    ["connectionType"] = "IPsec",
                    ["sharedKey"] = SecretMarker + "psk-" + i,
                    ["authorizationKey"] = SecretMarker + "auth-" + i,
                    ["ipsecPolicies"] = new JsonArray(),
                });
                break;
            case 9:
                resource = Resource($"{rg}/expressRouteCircuits/er-{i}", $"er-{i}", "Microsoft.Network/expressRouteCircuits", new JsonObject
                {
                    ["serviceKey"] = SecretMarker + "svc-" + i,
                    ["serviceProviderProperties"] = new JsonObject { ["serviceProviderName"] = "Equinix", ["peeringLocation"] = "Amsterdam", ["bandwidthInMbps"] = 1000 },
                    ["authorizations"] = new JsonArray(new JsonObject
                    {
                        ["name"] = "auth1",
                        ["properties"] = new JsonObject { ["authorizationKey"] = SecretMarker + "cauth-" + i, ["authorizationUseStatus"] = "Available" },
                    }),
                });
                break;
            default:
                resource = Resource($"{rg}/virtualNetworks/vnet-{i}", $"vnet-{i}", "Microsoft.Network/virtualNetworks", new JsonObject
                {
                    ["addressSpace"] = new JsonObject { ["addressPrefixes"] = new JsonArray($"10.{i % 250}.{i / 250 % 250}.0/24") },
                    ["subnets"] = new JsonArray(new JsonObject
                    {
                        ["name"] = "default",
                        ["id"] = $"{rg}/virtualNetworks/vnet-{i}/subnets/default",
                        ["properties"] = new JsonObject { ["addressPrefix"] = $"10.{i % 250}.{i / 250 % 250}.0/26" },
                    }),
                    ["virtualNetworkPeerings"] = new JsonArray(),
                });
                resource["tags"] = new JsonObject { ["spoke"] = "true", ["index"] = i.ToString() };
                break;
        }
        AddRow(sub, resource);
    }

    private void AddNetworkManager(string sub)
    {
        var nm = $"/subscriptions/{sub}/resourceGroups/rg-avnm/providers/Microsoft.Network/networkManagers/avnm";
        NetworkManagerIds.Add(nm);
        AddRow(sub, Resource(nm, "avnm", "Microsoft.Network/networkManagers", new JsonObject
        {
            ["networkManagerScopes"] = new JsonObject { ["subscriptions"] = new JsonArray($"/subscriptions/{sub}") },
            ["networkManagerScopeAccesses"] = new JsonArray("Connectivity"),
        }));
        for (int g = 0; g < 2; g++)
        {
            var group = $"{nm}/networkGroups/group-{g}";
            AddChild(nm, "networkGroups", Child(group, $"group-{g}", "Microsoft.Network/networkManagers/networkGroups", new JsonObject { ["memberType"] = "VirtualNetwork" }));
            for (int m = 0; m < 3; m++)
            {
                AddChild(group, "staticMembers", Child($"{group}/staticMembers/member-{m}", $"member-{m}", "Microsoft.Network/networkManagers/networkGroups/staticMembers",
                    new JsonObject { ["resourceId"] = $"/subscriptions/{sub}/resourceGroups/rg-{m}/providers/Microsoft.Network/virtualNetworks/vnet-{m}" }));
            }
        }
        AddChild(nm, "connectivityConfigurations", Child($"{nm}/connectivityConfigurations/mesh", "mesh", "Microsoft.Network/networkManagers/connectivityConfigurations", new JsonObject
        {
            ["connectivityTopology"] = "Mesh",
            ["appliesToGroups"] = new JsonArray(new JsonObject { ["networkGroupId"] = $"{nm}/networkGroups/group-0", ["groupConnectivity"] = "None" }),
        }));
    }

    private void AddVirtualHub(string sub)
    {
        var hub = $"/subscriptions/{sub}/resourceGroups/rg-vwan/providers/Microsoft.Network/virtualHubs/hub-weu";
        AddRow(sub, Resource(hub, "hub-weu", "Microsoft.Network/virtualHubs", new JsonObject { ["addressPrefix"] = "10.100.0.0/23" }));
        for (int c = 0; c < 2; c++)
        {
            AddChild(hub, "hubVirtualNetworkConnections", Child($"{hub}/hubVirtualNetworkConnections/conn-{c}", $"conn-{c}", "Microsoft.Network/virtualHubs/hubVirtualNetworkConnections",
                new JsonObject { ["remoteVirtualNetwork"] = new JsonObject { ["id"] = $"/subscriptions/{sub}/resourceGroups/rg-{c}/providers/Microsoft.Network/virtualNetworks/vnet-{c}" } }));
        }
        AddChild(hub, "hubRouteTables", Child($"{hub}/hubRouteTables/defaultRouteTable", "defaultRouteTable", "Microsoft.Network/virtualHubs/hubRouteTables", new JsonObject { ["routes"] = new JsonArray() }));
        AddChild(hub, "routingIntent", Child($"{hub}/routingIntent/intent", "intent", "Microsoft.Network/virtualHubs/routingIntent", new JsonObject
        {
            ["routingPolicies"] = new JsonArray(new JsonObject { ["name"] = "PrivateTraffic", ["destinations"] = new JsonArray("PrivateTraffic"), ["nextHop"] = $"{hub}/../azureFirewalls/fw" }),
        }));
    }

    private void AddGateway(string sub)
    {
        var gw = $"/subscriptions/{sub}/resourceGroups/rg-hub/providers/Microsoft.Network/virtualNetworkGateways/vpngw";
        GatewayIds.Add(gw);
        AddRow(sub, Resource(gw, "vpngw", "Microsoft.Network/virtualNetworkGateways", new JsonObject
        {
            ["gatewayType"] = "Vpn",
            ["enableBgp"] = true,
            ["vpnClientConfiguration"] = new JsonObject { ["radiusServerAddress"] = "10.0.0.9", ["radiusServerSecret"] = SecretMarker + "radius" },
        }));
    }

    private void AddCorpus()
    {
        var dir = Corpus.ArmExamplesDirectory();
        var topLevel = new HashSet<string>(AzSpokeTools.Azure.ResourceGraph.ResourceGraphQuery.TopLevelTypes, StringComparer.OrdinalIgnoreCase);
        foreach (var file in Directory.GetFiles(dir, "*Get*.json").OrderBy(f => f, StringComparer.Ordinal))
        {
            if (JsonNode.Parse(File.ReadAllText(file)) is not JsonObject resource) continue;
            if (resource["type"] is not JsonValue type || !topLevel.Contains((string)type!)) continue;
            AddRow(Subscriptions[0], resource);
        }
        foreach (var list in new[] { "NetworkManagerGroupList.json", "NetworkManagerStaticMemberList.json", "HubRouteTableList.json" })
        {
            foreach (var item in ((JsonArray)JsonNode.Parse(File.ReadAllText(Path.Combine(dir, list)))!["value"]!).ToList())
                AddCorpusChild((JsonObject)item!.DeepClone());
        }
        foreach (var single in new[] { "HubVirtualNetworkConnectionGet.json", "RoutingIntentGet.json" })
            AddCorpusChild((JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(dir, single)))!);
        DeploymentStatusJson = File.ReadAllText(Path.Combine(dir, "NetworkManagerDeploymentStatusList.json"));
        EffectiveRoutesJson = File.ReadAllText(Path.Combine(dir, "NetworkInterfaceEffectiveRouteTableList.json"));
    }

    private void AddCorpusChild(JsonObject item)
    {
        var id = (string)item["id"]!;
        var parts = id.Split('/');
        var parent = string.Join('/', parts.Take(parts.Length - 2));
        AddChild(parent, parts[^2], item);
    }

    private static JsonObject Resource(string id, string name, string type, JsonObject properties) => new()
    {
        ["id"] = id,
        ["name"] = name,
        ["type"] = type,
        ["location"] = "westeurope",
        ["tags"] = new JsonObject(),
        ["properties"] = properties,
    };

    private static JsonObject Child(string id, string name, string type, JsonObject properties) => new()
    {
        ["id"] = id,
        ["name"] = name,
        ["type"] = type,
        ["etag"] = "W/\"00000000-0000-0000-0000-000000000000\"",
        ["properties"] = properties,
    };
}
