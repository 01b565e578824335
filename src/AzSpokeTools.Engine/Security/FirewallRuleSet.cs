using System;
using System.Collections.Generic;
using System.Linq;
using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Engine.Security
{
    /// <summary>
    /// An Azure Firewall's rules in processing order (Azure docs, "Azure Firewall rule processing logic"): with a firewall policy, the
    /// parent policy's rule collection groups first, then by group priority and collection priority; network rules before application
    /// rules regardless of priority; no match is denied. DNAT rules translate traffic to the firewall's public addresses and are left out
    /// for traffic between private addresses. Classic rule collections: network collections by priority, then application ones.
    /// </summary>
    internal sealed class FirewallRuleSet
    {
        private FirewallRuleSet(RuleList rules, string? unavailable, List<string> notes)
        {
            Rules = rules;
            Unavailable = unavailable;
            Notes = notes;
        }

        public RuleList Rules { get; }
        /// <summary>Why the firewall's rules cannot be evaluated (its policy is not in the snapshot), or null.</summary>
        public string? Unavailable { get; }
        public List<string> Notes { get; }

        public static FirewallRuleSet For(AzureFirewall firewall, Topology topology, AddressResolver resolver)
        {
            var notes = new List<string>();
            var network = new List<FirewallRuleCollection>();
            var application = new List<FirewallRuleCollection>();
            if (firewall.FirewallPolicyId is ResourceId policyId)
            {
                var chain = new List<FirewallPolicy>();
                for (ResourceId? id = policyId; id is ResourceId pid; )
                {
                    var policy = topology.Find<FirewallPolicy>(pid);
                    if (policy == null)
                        return new FirewallRuleSet(RuleList.Empty, $"firewall policy {pid.Name} of {firewall.Name} is not in the snapshot", notes);
                    if (chain.Contains(policy)) break;
                    // The parent policy always takes precedence over the child policy.
                    chain.Insert(0, policy);
                    id = policy.BasePolicyId;
                }
                foreach (var policy in chain)
                    foreach (var group in policy.RuleCollectionGroups.OrderBy(g => g.Priority))
                        foreach (var c in group.RuleCollections.OrderBy(c => c.Priority))
                            (c.Kind == FirewallRuleKind.Application ? application : c.Kind == FirewallRuleKind.Network ? network : null)?.Add(c);
                if (firewall.ClassicRuleCollections.Count > 0)
                    notes.Add($"firewall {firewall.Name} has a policy and classic rule collections; the policy's rules are evaluated");
            }
            else
            {
                network.AddRange(firewall.ClassicRuleCollections.Where(c => c.Kind == FirewallRuleKind.Network).OrderBy(c => c.Priority));
                application.AddRange(firewall.ClassicRuleCollections.Where(c => c.Kind == FirewallRuleKind.Application).OrderBy(c => c.Priority));
            }
            var rules = new List<CompiledRule>();
            foreach (var c in network.Concat(application))
                foreach (var r in c.Rules)
                    rules.AddRange(Compile(c, r, resolver));
            rules.Add(new CompiledRule(new SecurityRuleReference(SecurityCheckKind.Firewall, (firewall.FirewallPolicyId ?? firewall.Id).Value, "no rule matched (default deny)", null, null, isDefault: true),
                RuleEffect.Deny, "*", PortRanges.Any, PortRanges.Any, AddressMatcher.Anything, AddressMatcher.Anything));
            return new FirewallRuleSet(new RuleList(rules), null, notes);
        }

        private static IEnumerable<CompiledRule> Compile(FirewallRuleCollection c, FirewallRule r, AddressResolver resolver)
        {
            var reference = new SecurityRuleReference(SecurityCheckKind.Firewall, c.OwnerId.Value, c.Name + "/" + r.Name, c.Priority, null, isDefault: false);
            var effect = c.Allows ? RuleEffect.Allow : RuleEffect.Deny;
            var sources = r.SourceAddresses.Select(a => new AddressItem(AddressItemKind.Auto, a))
                .Concat(r.SourceIpGroupIds.Select(g => new AddressItem(AddressItemKind.IpGroup, g.Value))).ToList();
            var source = AddressMatcher.Compile(sources, HostAddressContext.Firewall, resolver);
            string? problem = c.Allows || string.Equals(c.Action, "Deny", StringComparison.OrdinalIgnoreCase) ? null : $"rule collection {c.Name} has action '{c.Action}'";
            if (r.Kind == FirewallRuleKind.Application)
            {
                var ports = new List<string>();
                foreach (var p in r.ApplicationProtocols)
                {
                    int colon = p.IndexOf(':');
                    ports.Add(colon >= 0 && colon < p.Length - 1 ? p.Substring(colon + 1) : DefaultPort(p));
                }
                yield return new CompiledRule(reference, effect, "Tcp", PortRanges.Any, PortRanges.Parse(ports), source, AddressMatcher.Anything)
                {
                    // Application rules match HTTP, HTTPS and MSSQL by name (FQDN, tag, category, URL).
                    Conditional = $"application rule {c.Name}/{r.Name} matches by name ({string.Join(", ", r.TargetNames.Take(3))}{(r.TargetNames.Count > 3 ? ", ..." : "")}) at the HTTP or TLS layer, which addresses alone cannot decide",
                    Problem = problem,
                };
                yield break;
            }
            var destinations = r.DestinationAddresses.Select(a => new AddressItem(AddressItemKind.Auto, a))
                .Concat(r.DestinationIpGroupIds.Select(g => new AddressItem(AddressItemKind.IpGroup, g.Value)))
                .Concat(r.DestinationFqdns.Select(f => new AddressItem(AddressItemKind.Fqdn, f))).ToList();
            var destination = AddressMatcher.Compile(destinations, HostAddressContext.Firewall, resolver);
            var destinationPorts = PortRanges.Parse(r.DestinationPorts);
            var protocols = r.IpProtocols.Count == 0 ? new[] { "*" } : r.IpProtocols.Select(p => SecurityProtocolName(p)).Distinct().ToArray();
            foreach (var protocol in protocols)
                yield return new CompiledRule(reference, effect, protocol, PortRanges.Any, destinationPorts, source, destination) { Problem = problem };
        }

        private static string SecurityProtocolName(string p) =>
            p.Equals("Any", StringComparison.OrdinalIgnoreCase) || p == "*" ? "*" :
            p.Equals("TCP", StringComparison.OrdinalIgnoreCase) ? "Tcp" : p.Equals("UDP", StringComparison.OrdinalIgnoreCase) ? "Udp" :
            p.Equals("ICMP", StringComparison.OrdinalIgnoreCase) ? "Icmp" : p;

        private static string DefaultPort(string protocol) =>
            protocol.StartsWith("Https", StringComparison.OrdinalIgnoreCase) ? "443" : protocol.StartsWith("Mssql", StringComparison.OrdinalIgnoreCase) ? "1433" : "80";
    }
}
