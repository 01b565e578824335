using System;
using System.Collections.Generic;
using System.Linq;
using AzSpokeTools.Engine.Addresses;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Routing;
using AzSpokeTools.Engine.Security;

namespace AzSpokeTools.Engine.Verification
{
    /// <summary>
    /// <c>azspoke verify --security-rules</c>: for each NIC with a captured effectiveNetworkSecurityGroups result, the NSGs the engine
    /// evaluates for it (its subnet's and its own, Azure docs, "How network security groups filter network traffic") and their rules,
    /// with the VirtualNetwork and AzureLoadBalancer tags expanded as the engine expands them, against what Azure listed.
    /// </summary>
    public static class SecurityRuleVerification
    {
        /// <summary>Compares every captured NIC's effective security rules with the computed ones.</summary>
        public static IReadOnlyList<NicSecurityVerification> Verify(Topology topology, ServiceTagCatalog? serviceTags = null)
        {
            var calculator = new EffectiveRouteCalculator(topology, serviceTags);
            var shared = new Dictionary<SharedRouteLayer, AddressSet>();
            var results = new List<NicSecurityVerification>();
            foreach (var kv in topology.CapturedEffectiveSecurityGroups.OrderBy(k => k.Key.Value, StringComparer.OrdinalIgnoreCase))
            {
                var nic = topology.Find<NetworkInterface>(kv.Key);
                if (nic == null)
                {
                    results.Add(new NicSecurityVerification(kv.Key, kv.Key.Name, kv.Value.Sum(g => g.Rules.Count), 0, Array.Empty<SecurityRuleDifference>(), "the network interface is not in the snapshot"));
                    continue;
                }
                var subnet = calculator.SubnetOf(nic, out var subnetId);
                if (subnet == null)
                {
                    results.Add(new NicSecurityVerification(nic.Id, nic.Name, kv.Value.Sum(g => g.Rules.Count), 0, Array.Empty<SecurityRuleDifference>(), $"its subnet {subnetId} is not in the snapshot"));
                    continue;
                }
                var tag = VirtualNetworkTag.For(subnet, calculator.ForSubnet(subnet).Routes, shared);
                results.Add(VerifyNic(topology, nic, subnet, tag, kv.Value));
            }
            return results;
        }

        private static NicSecurityVerification VerifyNic(Topology topology, NetworkInterface nic, Subnet subnet, HostAddressContext tag, IReadOnlyList<EffectiveSecurityGroup> captured)
        {
            var differences = new List<SecurityRuleDifference>();
            int matched = 0, total = 0;
            var expected = new List<(string Where, ResourceId Nsg)>();
            if (subnet.NetworkSecurityGroupId is ResourceId s) expected.Add(("subnet", s));
            if (nic.NetworkSecurityGroupId is ResourceId n) expected.Add(("network interface", n));
            var seen = new HashSet<string>();
            foreach (var group in captured)
            {
                total += group.Rules.Count;
                var where = group.NetworkInterfaceId != null ? "network interface" : "subnet";
                var label = (group.NetworkSecurityGroupId?.Name ?? "(unnamed)") + " (" + where + ")";
                var match = expected.FirstOrDefault(e => e.Where == where);
                if (match.Where == null || (group.NetworkSecurityGroupId is ResourceId gid && gid != match.Nsg))
                {
                    differences.Add(new SecurityRuleDifference(SecurityRuleDifferenceKind.Missing, label, "", group.NetworkSecurityGroupId?.Value ?? "(no id)",
                        match.Where == null ? null : match.Nsg.Value));
                    continue;
                }
                seen.Add(where);
                var nsg = topology.Find<NetworkSecurityGroup>(match.Nsg);
                if (nsg == null)
                {
                    differences.Add(new SecurityRuleDifference(SecurityRuleDifferenceKind.Missing, label, "", group.Rules.Count + " rules", "the NSG is not in the snapshot"));
                    continue;
                }
                var computed = nsg.SecurityRules.Concat(nsg.DefaultSecurityRules).ToDictionary(r => r.Name, StringComparer.OrdinalIgnoreCase);
                var compared = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                foreach (var c in group.Rules)
                {
                    var name = BareName(c.Name);
                    compared.Add(name);
                    if (!computed.TryGetValue(name, out var rule))
                    {
                        differences.Add(new SecurityRuleDifference(SecurityRuleDifferenceKind.Missing, label, name, Describe(c), null));
                        continue;
                    }
                    var changed = Changed(c, rule);
                    if (changed != null)
                    {
                        differences.Add(new SecurityRuleDifference(SecurityRuleDifferenceKind.Changed, label, name, changed.Value.Captured, changed.Value.Computed));
                        continue;
                    }
                    var expansion = Expansion(c.SourceAddressPrefixes, c.ExpandedSourceAddressPrefixes, tag) ?? Expansion(c.DestinationAddressPrefixes, c.ExpandedDestinationAddressPrefixes, tag);
                    if (expansion != null)
                    {
                        differences.Add(new SecurityRuleDifference(SecurityRuleDifferenceKind.TagExpansion, label, name, expansion.Value.Captured, expansion.Value.Computed));
                        continue;
                    }
                    matched++;
                }
                foreach (var extra in computed.Values.Where(r => !compared.Contains(r.Name)).OrderBy(r => r.Priority))
                    differences.Add(new SecurityRuleDifference(SecurityRuleDifferenceKind.Extra, label, extra.Name, null, Describe(extra)));
            }
            foreach (var e in expected.Where(e => !seen.Contains(e.Where) && !differences.Any(d => d.Computed == e.Nsg.Value)))
                differences.Add(new SecurityRuleDifference(SecurityRuleDifferenceKind.Extra, e.Nsg.Name + " (" + e.Where + ")", "", null, e.Nsg.Value));
            return new NicSecurityVerification(nic.Id, nic.Name, total, matched, differences, null);
        }

        private static string BareName(string name)
        {
            int slash = name.LastIndexOf('/');
            return slash >= 0 ? name.Substring(slash + 1) : name;
        }

        private static (string Captured, string Computed)? Changed(EffectiveSecurityRule c, SecurityRule r)
        {
            string cp = Fields(c.Access, c.Direction, c.Priority, Protocol(c.Protocol), Ports(c.SourcePortRanges), Ports(c.DestinationPortRanges), Addresses(c.SourceAddressPrefixes), Addresses(c.DestinationAddressPrefixes));
            string rp = Fields(r.Access.ToString(), r.Direction.ToString(), r.Priority, Protocol(r.Protocol), Ports(r.SourcePortRanges), Ports(r.DestinationPortRanges),
                Addresses(r.SourceAddressPrefixes.Concat(r.SourceApplicationSecurityGroupIds.Select(a => a.Name))), Addresses(r.DestinationAddressPrefixes.Concat(r.DestinationApplicationSecurityGroupIds.Select(a => a.Name))));
            return string.Equals(cp, rp, StringComparison.OrdinalIgnoreCase) ? ((string, string)?)null : (cp, rp);
        }

        private static string Fields(string access, string direction, int priority, string protocol, string sourcePorts, string destinationPorts, string sources, string destinations) =>
            $"{access} {direction} {priority} {protocol} {sources}:{sourcePorts} -> {destinations}:{destinationPorts}";

        private static string Protocol(string p) => p == "*" || p.Equals("All", StringComparison.OrdinalIgnoreCase) || p.Equals("Any", StringComparison.OrdinalIgnoreCase) ? "All" : p;

        private static string Ports(IEnumerable<string> ports)
        {
            var list = ports.Select(p => p.Trim()).Select(p => p == "*" || p == "0-65535" ? "*" : SinglePort(p)).Distinct().OrderBy(p => p, StringComparer.Ordinal).ToList();
            return list.Count == 0 || list.Contains("*") ? "*" : string.Join(",", list);
        }

        /// <summary>"443-443" (as the effective rules list a single port) is "443".</summary>
        private static string SinglePort(string p)
        {
            int dash = p.IndexOf('-');
            return dash > 0 && p.Substring(0, dash) == p.Substring(dash + 1) ? p.Substring(0, dash) : p;
        }

        private static string Addresses(IEnumerable<string> prefixes)
        {
            var list = prefixes.Select(p => p.Trim()).Select(p => p == "*" || p == "0.0.0.0/0" || p.Equals("Any", StringComparison.OrdinalIgnoreCase) ? "*" : p)
                .Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(p => p, StringComparer.OrdinalIgnoreCase).ToList();
            return list.Count == 0 || list.Contains("*") ? "*" : string.Join(",", list);
        }

        private static string Describe(EffectiveSecurityRule c) =>
            Fields(c.Access, c.Direction, c.Priority, Protocol(c.Protocol), Ports(c.SourcePortRanges), Ports(c.DestinationPortRanges), Addresses(c.SourceAddressPrefixes), Addresses(c.DestinationAddressPrefixes));

        private static string Describe(SecurityRule r) =>
            Fields(r.Access.ToString(), r.Direction.ToString(), r.Priority, Protocol(r.Protocol), Ports(r.SourcePortRanges), Ports(r.DestinationPortRanges), Addresses(r.SourceAddressPrefixes), Addresses(r.DestinationAddressPrefixes));

        /// <summary>For a side written as the VirtualNetwork or AzureLoadBalancer tag with a captured expansion: the two expansions when they differ.</summary>
        private static (string Captured, string Computed)? Expansion(IReadOnlyList<string> written, IReadOnlyList<string> expanded, HostAddressContext tag)
        {
            if (written.Count != 1 || expanded.Count == 0) return null;
            AddressSet computed;
            if (written[0].Equals("VirtualNetwork", StringComparison.OrdinalIgnoreCase))
            {
                var b = new AddressSet.Builder().Add(tag.VirtualNetwork);
                if (tag.DefaultRoute != null) b.Add(IpPrefix.AnyV4);
                computed = b.Build();
            }
            else if (written[0].Equals("AzureLoadBalancer", StringComparison.OrdinalIgnoreCase)) computed = new AddressSet.Builder().Add(AddressMatcher.HostVirtualIp).Build();
            else return null;
            var cb = new AddressSet.Builder();
            foreach (var e in expanded) cb.TryAdd(e);
            var capturedSet = cb.Build();
            if (capturedSet.SameAs(computed)) return null;
            return (string.Join(",", expanded), string.Join(",", computed.Intervals().Select(i => Interval(i.Low, i.High))));
        }

        private static string Interval(IpAddressValue low, IpAddressValue high)
        {
            for (int len = 0; len <= low.Bits; len++)
                if (low.Mask(len) == low && low.LastInBlock(len) == high) return new IpPrefix(low, len).ToString();
            return low + "-" + high;
        }
    }
}
