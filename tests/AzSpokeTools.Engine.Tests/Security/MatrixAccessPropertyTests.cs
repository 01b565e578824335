using System.Net;
using System.Text.Json.Nodes;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Paths;
using AzSpokeTools.Engine.Routing;
using AzSpokeTools.Engine.Samples;
using AzSpokeTools.Engine.Security;
using AzSpokeTools.Engine.Snapshot;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace AzSpokeTools.Engine.Tests.Security;

/// <summary>
/// The matrix's shared access answers (<see cref="PairAccessMemo"/>: endpoint keys, address classes, supposed VirtualNetwork-tag answers,
/// host sides folded into the rules) against the straightforward walk: every rule matched on both sides, pair by pair, with its own evaluator.
/// </summary>
public class MatrixAccessPropertyTests
{
    private static readonly string[] Flows = { "443/tcp", "22/tcp", "80/udp", "icmp", "8080/any", "9100/tcp", "23/tcp", "3389/tcp", "53/udp" };

    [Fact]
    public void SharedMatrixAccessIsTheStraightforwardWalkForEveryPairOfGeneratedRuleSets()
    {
        // Property: random NSG rules (prefixes of the estate's own VNets and subnets, endpoint addresses, VirtualNetwork, Internet,
        // AzureLoadBalancer, an unresolved service tag, augmented lists), security admin rules and firewall network rules added to the
        // secured-spokes sample or to a generated hub-and-spoke estate with NSGs: every pair's verdict and deciding rule, at VNet and at
        // subnet level, is the straightforward walk's.
        var cases = Gen.Choose(0, 2).SelectMany(bases => Gen.Choose(2, 14).SelectMany(spokes => Gen.Choose(1, 100000).SelectMany(seed =>
            Gen.Choose(0, Flows.Length - 1).Select(flow => (Base: bases, Spokes: spokes, Seed: seed, Flow: Flows[flow])))));
        var property = Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var topology = Mutated(c.Base, c.Spokes, c.Seed);
            var flow = Flow.Parse(c.Flow);
            foreach (var level in new[] { PathMatrixLevel.VirtualNetwork, PathMatrixLevel.Subnet })
                AssertSameAsStraightforward(topology, flow, level, $"base {c.Base} spokes {c.Spokes} seed {c.Seed} flow {c.Flow} {level}");
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(40).WithQuietOnSuccess(true), property);
    }

    [Fact]
    public void EndpointsWhoseHostsShareRulesShareKeysAndPairsShareAnswers()
    {
        using var ms = new MemoryStream();
        SyntheticEstate.Write(new SyntheticEstateOptions { Spokes = 80, Hubs = 2, SubnetsPerSpoke = 2, Seed = 5, NetworkSecurityGroups = true }, ms);
        ms.Position = 0;
        var topology = SnapshotLoader.Load(ms, "generated");
        var matrix = new PathMatrix(topology, new PathMatrixOptions { Flow = Flow.Parse("443/tcp") });
        var calculator = new EffectiveRouteCalculator(topology);
        var access = new MatrixAccess(topology, matrix.Endpoints, new SecurityEvaluator(topology, null, s => calculator.ForSubnet(s).Routes, null));
        var flow = Flow.Parse("443/tcp");
        long pairs = 0;
        foreach (var row in matrix.Rows())
        {
            var v = access.Evaluate(row.Source, row.Destination, row.Summary, flow, out var rule);
            Assert.Equal(row.Access, v);
            Assert.Equal(row.AccessRule?.Name, rule?.Name);
            pairs++;
        }
        Assert.True(access.Memo.KeyCount < matrix.Endpoints.Count / 4, $"{access.Memo.KeyCount} keys for {matrix.Endpoints.Count} endpoints");
        Assert.True(access.Memo.Learnt * 20 < pairs, $"{access.Memo.Learnt} walks learnt for {pairs} pairs");
    }

    private static void AssertSameAsStraightforward(Topology topology, Flow flow, PathMatrixLevel level, string what)
    {
        var matrix = new PathMatrix(topology, new PathMatrixOptions { Flow = flow, Level = level });
        var calculator = new EffectiveRouteCalculator(topology);
        var reference = new SecurityEvaluator(topology, null, s => calculator.ForSubnet(s).Routes, null) { MatchHostSide = false };
        var endpoints = matrix.Endpoints;
        SecurityHost Host(int e) => reference.Host(endpoints[e].Subnet, reference.NicAt(endpoints[e].Subnet, endpoints[e].Address));
        var seen = new HashSet<AccessVerdict>();
        foreach (var row in matrix.Rows())
        {
            var path = row.Summary;
            var expected = AccessWalk.RunFlow(reference, topology, Host(row.Source), path.Devices, path.Outcome == PathOutcome.Delivered ? Host(row.Destination) : null,
                flow, endpoints[row.Source].Address, endpoints[row.Destination].Address, null, out var rule);
            seen.Add(expected);
            Assert.True(expected == row.Access && Same(rule, row.AccessRule),
                $"{what}: {endpoints[row.Source].Name} -> {endpoints[row.Destination].Name} ({path}): matrix {row.Access} {row.AccessRule}, straightforward {expected} {rule}");
        }
        Assert.NotEmpty(seen);
    }

    private static bool Same(SecurityRuleReference? a, SecurityRuleReference? b) =>
        a == null || b == null ? a == b
        : a.Kind == b.Kind && a.ResourceId == b.ResourceId && a.Name == b.Name && a.Priority == b.Priority && a.Direction == b.Direction && a.IsDefault == b.IsDefault;

    /// <summary>The base snapshot (0: secured-spokes; 1, 2: a generated estate with NSGs) with random rules added.</summary>
    private static Topology Mutated(int baseKind, int spokes, int seed)
    {
        JsonObject doc;
        if (baseKind == 0)
        {
            Assert.True(SampleCatalog.TryOpen("secured-spokes", out var stream));
            using (stream) doc = System.Text.Json.Nodes.JsonNode.Parse(stream)!.AsObject();
        }
        else
        {
            using var ms = new MemoryStream();
            SyntheticEstate.Write(new SyntheticEstateOptions { Spokes = spokes, Hubs = baseKind, SubnetsPerSpoke = 2, Seed = seed, NetworkSecurityGroups = true }, ms);
            ms.Position = 0;
            doc = System.Text.Json.Nodes.JsonNode.Parse(ms)!.AsObject();
        }
        var rng = new Random(seed);
        var resources = doc["resources"]!.AsArray();
        var pool = AddressPool(resources);
        string Address() => rng.Next(10) switch
        {
            0 => "*",
            1 => "VirtualNetwork",
            2 => "Internet",
            3 => "AzureLoadBalancer",
            4 => rng.Next(4) == 0 ? "Storage" : "10.0.0.0/8",
            _ => pool[rng.Next(pool.Count)],
        };
        string Ports() => rng.Next(6) switch { 0 => "*", 1 => "443", 2 => "22", 3 => "80-8080", 4 => "53", _ => "9000-9200" };
        string Protocol() => rng.Next(5) switch { 0 => "*", 1 => "Udp", 2 => "Icmp", _ => "Tcp" };
        foreach (var nsg in resources.OfType<JsonObject>().Where(r => (string?)r["type"] == "Microsoft.Network/networkSecurityGroups").ToList())
        {
            var props = (nsg["properties"] ??= new JsonObject()).AsObject();
            var rules = (props["securityRules"] ??= new JsonArray()).AsArray();
            var used = new HashSet<string>(rules.OfType<JsonObject>().Select(r => r["properties"]?["priority"] + "/" + r["properties"]?["direction"]));
            int count = rng.Next(5);
            for (int k = 0; k < count; k++)
            {
                var direction = rng.Next(2) == 0 ? "Inbound" : "Outbound";
                int priority;
                do priority = 100 + rng.Next(40) * 10; while (!used.Add(priority + "/" + direction));
                var rp = new JsonObject
                {
                    ["priority"] = priority, ["direction"] = direction, ["access"] = rng.Next(2) == 0 ? "Allow" : "Deny", ["protocol"] = Protocol(),
                    ["sourcePortRange"] = "*", ["destinationPortRange"] = Ports(),
                };
                if (rng.Next(4) == 0) rp["sourceAddressPrefixes"] = new JsonArray(pool[rng.Next(pool.Count)], pool[rng.Next(pool.Count)]);
                else rp["sourceAddressPrefix"] = Address();
                rp["destinationAddressPrefix"] = Address();
                var name = "gen-" + k;
                rules.Add(new JsonObject { ["name"] = name, ["id"] = (string)nsg["id"]! + "/securityRules/" + name, ["properties"] = rp });
            }
        }
        // Security admin rules in the sample's deployed rule collection.
        foreach (var collection in resources.OfType<JsonObject>().Where(r => (string?)r["type"] == "Microsoft.Network/networkManagers/securityAdminConfigurations/ruleCollections").Take(1).ToList())
        {
            int count = rng.Next(4);
            for (int k = 0; k < count; k++)
            {
                var name = "gen-admin-" + k;
                JsonArray Side() => rng.Next(3) switch
                {
                    0 => new JsonArray(),
                    1 => new JsonArray(new JsonObject { ["addressPrefix"] = "VirtualNetwork", ["addressPrefixType"] = "ServiceTag" }),
                    _ => new JsonArray(new JsonObject { ["addressPrefix"] = pool[rng.Next(pool.Count)], ["addressPrefixType"] = "IPPrefix" }),
                };
                resources.Add(new JsonObject
                {
                    ["id"] = (string)collection["id"]! + "/rules/" + name, ["name"] = name, ["kind"] = "Custom",
                    ["type"] = "Microsoft.Network/networkManagers/securityAdminConfigurations/ruleCollections/rules",
                    ["properties"] = new JsonObject
                    {
                        ["priority"] = 1 + rng.Next(60), ["access"] = rng.Next(3) switch { 0 => "Deny", 1 => "AlwaysAllow", _ => "Allow" },
                        ["direction"] = rng.Next(2) == 0 ? "Inbound" : "Outbound", ["protocol"] = Protocol(),
                        ["sourcePortRanges"] = new JsonArray(), ["destinationPortRanges"] = new JsonArray(Ports() is var p && p == "*" ? "0-65535" : p),
                        ["sources"] = Side(), ["destinations"] = Side(),
                    },
                });
            }
        }
        // Firewall network rules at the front of the policies' first collections.
        foreach (var group in resources.OfType<JsonObject>().Where(r => (string?)r["type"] == "Microsoft.Network/firewallPolicies/ruleCollectionGroups").ToList())
        {
            var first = group["properties"]?["ruleCollections"]?.AsArray().OfType<JsonObject>().FirstOrDefault();
            if (first?["rules"] is not JsonArray rules) continue;
            int count = rng.Next(3);
            for (int k = 0; k < count; k++)
                rules.Insert(0, new JsonObject
                {
                    ["ruleType"] = "NetworkRule", ["name"] = "gen-fw-" + k, ["ipProtocols"] = new JsonArray(rng.Next(3) switch { 0 => "Any", 1 => "UDP", _ => "TCP" }),
                    ["destinationPorts"] = new JsonArray(Ports()), ["sourceAddresses"] = new JsonArray(rng.Next(3) == 0 ? "*" : pool[rng.Next(pool.Count)]),
                    ["destinationAddresses"] = new JsonArray(rng.Next(3) == 0 ? "*" : pool[rng.Next(pool.Count)]),
                });
        }
        using var output = new MemoryStream();
        using (var writer = new System.Text.Json.Utf8JsonWriter(output)) doc.WriteTo(writer);
        output.Position = 0;
        return SnapshotLoader.Load(output, $"mutated {baseKind}/{spokes}/{seed}");
    }

    /// <summary>The estate's VNet and subnet prefixes, the address each endpoint stands for (the prefix's fourth address), and wider supernets.</summary>
    private static List<string> AddressPool(JsonArray resources)
    {
        var prefixes = new List<string>();
        foreach (var v in resources.OfType<JsonObject>().Where(r => (string?)r["type"] == "Microsoft.Network/virtualNetworks"))
        {
            foreach (var p in v["properties"]?["addressSpace"]?["addressPrefixes"]?.AsArray() ?? new JsonArray()) prefixes.Add((string)p!);
            foreach (var s in v["properties"]?["subnets"]?.AsArray().OfType<JsonObject>() ?? Enumerable.Empty<JsonObject>())
                if (s["properties"]?["addressPrefix"] is JsonValue p) prefixes.Add((string)p!);
        }
        var pool = new List<string>(prefixes);
        foreach (var p in prefixes.Where(p => p.Contains('.')))
        {
            var parts = p.Split('/');
            var bytes = IPAddress.Parse(parts[0]).GetAddressBytes();
            uint a = (uint)(bytes[0] << 24 | bytes[1] << 16 | bytes[2] << 8 | bytes[3]);
            string Text(uint x) => $"{x >> 24}.{(x >> 16) & 255}.{(x >> 8) & 255}.{x & 255}";
            pool.Add(Text(a + 4) + "/32");
            pool.Add(Text(a & 0xFFF00000) + "/12");
        }
        return pool.Distinct().ToList();
    }
}
