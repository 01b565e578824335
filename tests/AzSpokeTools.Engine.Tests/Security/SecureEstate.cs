using System.Text;
using System.Text.Json.Nodes;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Snapshot;
using JsonNode = System.Text.Json.Nodes.JsonNode;

namespace AzSpokeTools.Engine.Tests.Security;

/// <summary>Builds small snapshots with network security groups, firewalls and AVNM security admin rules for access tests.</summary>
internal sealed class SecureEstate
{
    private const string Rg = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.Network/";
    private readonly JsonArray _resources = new();
    private readonly JsonArray _results = new();
    private readonly Dictionary<string, JsonObject> _vnets = new();

    public static string Id(string type, string name) => Rg + type + "/" + name;
    public static string SubnetId(string vnet, string subnet) => Id("virtualNetworks", vnet) + "/subnets/" + subnet;

    /// <summary>A VNet; subnets as (name, prefix, route table or null, NSG or null).</summary>
    public SecureEstate Vnet(string name, string prefix, params (string Name, string Prefix, string? RouteTable, string? Nsg)[] subnets)
    {
        var subs = new JsonArray();
        foreach (var (n, p, rt, nsg) in subnets)
        {
            var props = new JsonObject { ["addressPrefix"] = p };
            if (rt != null) props["routeTable"] = new JsonObject { ["id"] = Id("routeTables", rt) };
            if (nsg != null) props["networkSecurityGroup"] = new JsonObject { ["id"] = Id("networkSecurityGroups", nsg) };
            subs.Add(new JsonObject { ["name"] = n, ["id"] = SubnetId(name, n), ["properties"] = props });
        }
        var v = new JsonObject
        {
            ["id"] = Id("virtualNetworks", name), ["name"] = name, ["type"] = "Microsoft.Network/virtualNetworks", ["location"] = "westeurope",
            ["properties"] = new JsonObject { ["addressSpace"] = new JsonObject { ["addressPrefixes"] = new JsonArray(prefix) }, ["subnets"] = subs, ["virtualNetworkPeerings"] = new JsonArray() },
        };
        _vnets[name] = v;
        _resources.Add(v);
        return this;
    }

    public SecureEstate Peer(string a, string b)
    {
        foreach (var (l, r) in new[] { (a, b), (b, a) })
        {
            var remotePrefix = _vnets[r]["properties"]!["addressSpace"]!["addressPrefixes"]![0]!.GetValue<string>();
            ((JsonArray)_vnets[l]["properties"]!["virtualNetworkPeerings"]!).Add(new JsonObject
            {
                ["name"] = $"{l}-to-{r}", ["id"] = Id("virtualNetworks", l) + $"/virtualNetworkPeerings/{l}-to-{r}",
                ["properties"] = new JsonObject
                {
                    ["allowVirtualNetworkAccess"] = true, ["allowForwardedTraffic"] = true, ["peeringState"] = "Connected",
                    ["remoteVirtualNetwork"] = new JsonObject { ["id"] = Id("virtualNetworks", r) },
                    ["remoteAddressSpace"] = new JsonObject { ["addressPrefixes"] = new JsonArray(remotePrefix) },
                },
            });
        }
        return this;
    }

    public SecureEstate Nic(string name, string vnet, string subnet, string ip, string? nsg = null, bool forwarding = false, string? privateEndpoint = null, params string[] asgs)
    {
        var cfg = new JsonObject { ["privateIPAddress"] = ip, ["primary"] = true, ["subnet"] = new JsonObject { ["id"] = SubnetId(vnet, subnet) } };
        if (asgs.Length > 0) cfg["applicationSecurityGroups"] = new JsonArray(asgs.Select(a => (JsonNode)new JsonObject { ["id"] = Id("applicationSecurityGroups", a) }).ToArray());
        var props = new JsonObject { ["enableIPForwarding"] = forwarding, ["ipConfigurations"] = new JsonArray(new JsonObject { ["name"] = "ipconfig1", ["properties"] = cfg }) };
        if (nsg != null) props["networkSecurityGroup"] = new JsonObject { ["id"] = Id("networkSecurityGroups", nsg) };
        if (privateEndpoint != null) props["privateEndpoint"] = new JsonObject { ["id"] = Id("privateEndpoints", privateEndpoint) };
        _resources.Add(new JsonObject { ["id"] = Id("networkInterfaces", name), ["name"] = name, ["type"] = "Microsoft.Network/networkInterfaces", ["location"] = "westeurope", ["properties"] = props });
        return this;
    }

    /// <summary>An NSG; rules as "name priority direction access protocol port source destination" (ports and addresses comma-separated).</summary>
    public SecureEstate Nsg(string name, params string[] rules)
    {
        var list = new JsonArray();
        foreach (var text in rules)
        {
            var f = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var props = new JsonObject
            {
                ["priority"] = int.Parse(f[1]), ["direction"] = f[2], ["access"] = f[3], ["protocol"] = f[4], ["sourcePortRange"] = f.Length > 8 ? f[8] : "*",
                ["destinationPortRanges"] = new JsonArray(f[5].Split(',').Select(x => (JsonNode)x).ToArray()),
            };
            Side(props, "source", f[6]);
            Side(props, "destination", f[7]);
            list.Add(new JsonObject { ["name"] = f[0], ["properties"] = props });
        }
        _resources.Add(new JsonObject { ["id"] = Id("networkSecurityGroups", name), ["name"] = name, ["type"] = "Microsoft.Network/networkSecurityGroups", ["location"] = "westeurope", ["properties"] = new JsonObject { ["securityRules"] = list } });
        return this;
    }

    private static void Side(JsonObject props, string side, string text)
    {
        if (text.StartsWith("asg:", StringComparison.Ordinal))
            props[side + "ApplicationSecurityGroups"] = new JsonArray(new JsonObject { ["id"] = Id("applicationSecurityGroups", text[4..]) });
        else props[side + "AddressPrefixes"] = new JsonArray(text.Split(',').Select(x => (JsonNode)x).ToArray());
    }

    public SecureEstate RouteTable(string name, params (string Prefix, string NextHopIp)[] routes)
    {
        var list = new JsonArray(routes.Select((r, i) => (JsonNode)new JsonObject
        {
            ["name"] = "r" + i, ["properties"] = new JsonObject { ["addressPrefix"] = r.Prefix, ["nextHopType"] = "VirtualAppliance", ["nextHopIpAddress"] = r.NextHopIp },
        }).ToArray());
        _resources.Add(new JsonObject { ["id"] = Id("routeTables", name), ["name"] = name, ["type"] = "Microsoft.Network/routeTables", ["location"] = "westeurope", ["properties"] = new JsonObject { ["routes"] = list } });
        return this;
    }

    /// <summary>An Azure Firewall in VNET/AzureFirewallSubnet with a policy, or with classic collections given as JSON.</summary>
    public SecureEstate Firewall(string name, string vnet, string ip, string? policy = null, string? classicNetworkCollections = null)
    {
        var props = new JsonObject
        {
            ["ipConfigurations"] = new JsonArray(new JsonObject { ["name"] = "c", ["properties"] = new JsonObject { ["privateIPAddress"] = ip, ["subnet"] = new JsonObject { ["id"] = SubnetId(vnet, "AzureFirewallSubnet") } } }),
        };
        if (policy != null) props["firewallPolicy"] = new JsonObject { ["id"] = Id("firewallPolicies", policy) };
        if (classicNetworkCollections != null) props["networkRuleCollections"] = JsonNode.Parse(classicNetworkCollections);
        _resources.Add(new JsonObject { ["id"] = Id("azureFirewalls", name), ["name"] = name, ["type"] = "Microsoft.Network/azureFirewalls", ["location"] = "westeurope", ["properties"] = props });
        return this;
    }

    /// <summary>A firewall policy with one rule collection group whose collections are given as JSON.</summary>
    public SecureEstate Policy(string name, string ruleCollections, int groupPriority = 100)
    {
        _resources.Add(new JsonObject { ["id"] = Id("firewallPolicies", name), ["name"] = name, ["type"] = "Microsoft.Network/firewallPolicies", ["location"] = "westeurope", ["properties"] = new JsonObject() });
        _resources.Add(new JsonObject
        {
            ["id"] = Id("firewallPolicies", name) + "/ruleCollectionGroups/rcg", ["name"] = "rcg", ["type"] = "Microsoft.Network/firewallPolicies/ruleCollectionGroups",
            ["properties"] = new JsonObject { ["priority"] = groupPriority, ["ruleCollections"] = JsonNode.Parse(ruleCollections) },
        });
        return this;
    }

    /// <summary>A network manager with a group (static members, or none for a policy-based group) and a security admin configuration whose rules are given as JSON objects of properties.</summary>
    public SecureEstate AdminRules(string[] members, string? deployedIn, params string[] rules)
    {
        var nm = Id("networkManagers", "nm");
        _resources.Add(new JsonObject { ["id"] = nm, ["name"] = "nm", ["type"] = "Microsoft.Network/networkManagers", ["location"] = "westeurope", ["properties"] = new JsonObject() });
        _resources.Add(new JsonObject { ["id"] = nm + "/networkGroups/ng", ["name"] = "ng", ["type"] = "Microsoft.Network/networkManagers/networkGroups", ["properties"] = new JsonObject { ["memberType"] = "VirtualNetwork" } });
        foreach (var m in members)
            _resources.Add(new JsonObject { ["id"] = nm + "/networkGroups/ng/staticMembers/" + m, ["name"] = m, ["type"] = "Microsoft.Network/networkManagers/networkGroups/staticMembers", ["properties"] = new JsonObject { ["resourceId"] = Id("virtualNetworks", m) } });
        _resources.Add(new JsonObject { ["id"] = nm + "/securityAdminConfigurations/sac", ["name"] = "sac", ["type"] = "Microsoft.Network/networkManagers/securityAdminConfigurations", ["properties"] = new JsonObject() });
        _resources.Add(new JsonObject
        {
            ["id"] = nm + "/securityAdminConfigurations/sac/ruleCollections/rc", ["name"] = "rc", ["type"] = "Microsoft.Network/networkManagers/securityAdminConfigurations/ruleCollections",
            ["properties"] = new JsonObject { ["appliesToGroups"] = new JsonArray(new JsonObject { ["networkGroupId"] = nm + "/networkGroups/ng" }) },
        });
        int i = 0;
        foreach (var r in rules)
            _resources.Add(new JsonObject
            {
                ["id"] = nm + "/securityAdminConfigurations/sac/ruleCollections/rc/rules/rule" + i, ["name"] = "rule" + i++, ["kind"] = "Custom",
                ["type"] = "Microsoft.Network/networkManagers/securityAdminConfigurations/ruleCollections/rules", ["properties"] = JsonNode.Parse(r),
            });
        if (deployedIn != null)
            _results.Add(new JsonObject
            {
                ["operation"] = "listDeploymentStatus", ["scope"] = nm,
                ["body"] = new JsonObject { ["value"] = new JsonArray(new JsonObject { ["region"] = deployedIn, ["deploymentType"] = "SecurityAdmin", ["deploymentStatus"] = "Deployed", ["configurationIds"] = new JsonArray(nm + "/securityAdminConfigurations/sac") }) },
            });
        return this;
    }

    public SecureEstate Raw(string json)
    {
        _resources.Add(JsonNode.Parse(json));
        return this;
    }

    public Topology Load()
    {
        var doc = new JsonObject { ["schemaVersion"] = 1, ["source"] = "test", ["resources"] = _resources.DeepClone(), ["results"] = _results.DeepClone() };
        return SnapshotLoader.Load(new MemoryStream(Encoding.UTF8.GetBytes(doc.ToJsonString())), "secure-estate.json");
    }
}
