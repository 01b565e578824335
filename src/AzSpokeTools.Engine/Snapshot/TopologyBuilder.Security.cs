using System;
using System.Collections.Generic;
using System.Linq;
using AzSpokeTools.Engine.Input;
using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Engine.Snapshot
{
    /// <summary>Reading and linking the security resources: NSGs, ASGs, AVNM security admin rules, firewall policies, IP groups.</summary>
    internal sealed partial class TopologyBuilder
    {
        private readonly List<(ResourceId Parent, ArmValue Node)> _standaloneSecurityRules = new List<(ResourceId, ArmValue)>();

        /// <summary>Adds a security resource; false when <paramref name="lowerType"/> is not one.</summary>
        private bool AddSecurityResource(string lowerType, ArmValue n, ResourceId id, string type)
        {
            switch (lowerType)
            {
                case "microsoft.network/networksecuritygroups": _t.EditableNetworkSecurityGroups.Add(NetworkSecurityGroup.Read(n, id, type)); return true;
                case "microsoft.network/networksecuritygroups/securityrules":
                    if (id.Parent is ResourceId nsg) _standaloneSecurityRules.Add((nsg, n));
                    return true;
                case "microsoft.network/applicationsecuritygroups": _t.EditableApplicationSecurityGroups.Add(ApplicationSecurityGroup.Read(n, id, type)); return true;
                case "microsoft.network/networkmanagers/securityadminconfigurations": _t.EditableSecurityAdminConfigurations.Add(SecurityAdminConfiguration.Read(n, id, type)); return true;
                case "microsoft.network/networkmanagers/securityadminconfigurations/rulecollections": _t.EditableAdminRuleCollections.Add(AdminRuleCollection.Read(n, id, type)); return true;
                case "microsoft.network/networkmanagers/securityadminconfigurations/rulecollections/rules": _t.EditableAdminRules.Add(AdminRule.Read(n, id, type)); return true;
                case "microsoft.network/firewallpolicies": _t.EditableFirewallPolicies.Add(FirewallPolicy.Read(n, id, type)); return true;
                case "microsoft.network/firewallpolicies/rulecollectiongroups": _t.EditableFirewallPolicyRuleCollectionGroups.Add(FirewallPolicyRuleCollectionGroup.Read(n, id, type)); return true;
                case "microsoft.network/ipgroups": _t.EditableIpGroups.Add(IpGroup.Read(n, id, type)); return true;
                default: return false;
            }
        }

        /// <summary>A captured NIC effectiveNetworkSecurityGroups body (EffectiveNetworkSecurityGroupListResult).</summary>
        private IReadOnlyList<EffectiveSecurityGroup> ReadEffectiveSecurityGroups(ArmValue body)
        {
            var list = new List<EffectiveSecurityGroup>();
            foreach (var g in body.Objects("value", "an effective network security group"))
            {
                var e = new EffectiveSecurityGroup { NetworkSecurityGroupId = g.Ref("networkSecurityGroup") };
                if (g.Obj("association") is ArmValue a)
                {
                    e.SubnetId = a.Ref("subnet");
                    e.NetworkInterfaceId = a.Ref("networkInterface");
                }
                foreach (var r in g.Objects("effectiveSecurityRules", "an effective security rule"))
                {
                    e.Rules.Add(new EffectiveSecurityRule
                    {
                        Name = r.Str("name") ?? "",
                        Protocol = r.Str("protocol") ?? "",
                        Access = r.Str("access") ?? "",
                        Direction = r.Str("direction") ?? "",
                        Priority = r.Int("priority") ?? 0,
                        SourcePortRanges = SecurityRule.Merge(r.Strings("sourcePortRange"), r.Strings("sourcePortRanges")),
                        DestinationPortRanges = SecurityRule.Merge(r.Strings("destinationPortRange"), r.Strings("destinationPortRanges")),
                        SourceAddressPrefixes = SecurityRule.Merge(r.Strings("sourceAddressPrefix"), r.Strings("sourceAddressPrefixes")),
                        DestinationAddressPrefixes = SecurityRule.Merge(r.Strings("destinationAddressPrefix"), r.Strings("destinationAddressPrefixes")),
                        ExpandedSourceAddressPrefixes = r.Strings("expandedSourceAddressPrefix"),
                        ExpandedDestinationAddressPrefixes = r.Strings("expandedDestinationAddressPrefix"),
                    });
                }
                list.Add(e);
            }
            return list;
        }

        /// <summary>Child security resources to their parents, and references to what is missing from the snapshot.</summary>
        private void LinkSecurity()
        {
            var nsgs = _t.NetworkSecurityGroups.ToDictionary(g => g.Id);
            foreach (var (parent, node) in _standaloneSecurityRules)
            {
                if (!nsgs.TryGetValue(parent, out var nsg))
                {
                    _context.Warn(node.Location, $"security rule {node.Own("name")?.AsString()} belongs to network security group {parent} that is not in the snapshot; ignored");
                    continue;
                }
                var rule = SecurityRule.Read(node, parent, isDefault: false);
                int existing = nsg.SecurityRules.FindIndex(r => string.Equals(r.Name, rule.Name, StringComparison.OrdinalIgnoreCase));
                if (existing >= 0) nsg.SecurityRules[existing] = rule; else nsg.SecurityRules.Add(rule);
            }
            var managers = _t.NetworkManagers.ToDictionary(m => m.Id);
            var configurations = _t.SecurityAdminConfigurations.ToDictionary(c => c.Id);
            var collections = _t.AdminRuleCollections.ToDictionary(c => c.Id);
            foreach (var c in _t.SecurityAdminConfigurations)
            {
                if (managers.TryGetValue(c.NetworkManagerId, out var m)) m.SecurityAdminConfigurations.Add(c);
                else _context.Warn(c.Source, $"security admin configuration {c.Name} belongs to network manager {c.NetworkManagerId} that is not in the snapshot; its rules are not applied");
            }
            foreach (var c in _t.AdminRuleCollections)
            {
                if (configurations.TryGetValue(c.ConfigurationId, out var config)) config.RuleCollections.Add(c);
                else _context.Warn(c.Source, $"rule collection {c.Name} belongs to security admin configuration {c.ConfigurationId} that is not in the snapshot; its rules are not applied");
            }
            foreach (var r in _t.AdminRules)
            {
                if (collections.TryGetValue(r.CollectionId, out var collection)) collection.Rules.Add(r);
                else _context.Warn(r.Source, $"security admin rule {r.Name} belongs to rule collection {r.CollectionId} that is not in the snapshot; it is not applied");
            }
            var policies = _t.FirewallPolicies.ToDictionary(p => p.Id);
            foreach (var g in _t.FirewallPolicyRuleCollectionGroups)
            {
                if (policies.TryGetValue(g.PolicyId, out var policy)) policy.RuleCollectionGroups.Add(g);
                else _context.Warn(g.Source, $"rule collection group {g.Name} belongs to firewall policy {g.PolicyId} that is not in the snapshot");
            }
        }

        /// <summary>References to security resources that are not in the snapshot: answers that need them are Unknown.</summary>
        private void ValidateSecurity()
        {
            var nsgs = new HashSet<ResourceId>(_t.NetworkSecurityGroups.Select(g => g.Id));
            foreach (var s in _t.VirtualNetworks.SelectMany(v => v.Subnets))
                if (s.NetworkSecurityGroupId is ResourceId g && !nsgs.Contains(g))
                    _context.Warn(s.Source, $"subnet {s.DisplayName} uses network security group {g} that is not in the snapshot; access through it is Unknown");
            foreach (var nic in _t.NetworkInterfaces)
                if (nic.NetworkSecurityGroupId is ResourceId g && !nsgs.Contains(g))
                    _context.Warn(nic.Source, $"network interface {nic.Name} uses network security group {g} that is not in the snapshot; access through it is Unknown");
            var policies = new HashSet<ResourceId>(_t.FirewallPolicies.Select(p => p.Id));
            foreach (var f in _t.AzureFirewalls)
                if (f.FirewallPolicyId is ResourceId p && !policies.Contains(p))
                    _context.Warn(f.Source, $"firewall {f.Name} uses firewall policy {p} that is not in the snapshot; access through it is Unknown");
            foreach (var p in _t.FirewallPolicies)
                if (p.BasePolicyId is ResourceId b && !policies.Contains(b))
                    _context.Warn(p.Source, $"firewall policy {p.Name} inherits from {b}, which is not in the snapshot; access through it is Unknown");
        }
    }
}
