using System.Collections.Generic;
using System.Linq;

namespace AzSpokeTools.Engine.Model
{
    /// <summary>The security resources of the model: NSGs, application security groups, AVNM security admin rules, firewall policies and IP groups.</summary>
    public sealed partial class Topology
    {
        /// <summary>Network security groups (Microsoft.Network/networkSecurityGroups).</summary>
        public List<NetworkSecurityGroup> NetworkSecurityGroups { get; } = new List<NetworkSecurityGroup>();
        /// <summary>Application security groups.</summary>
        public List<ApplicationSecurityGroup> ApplicationSecurityGroups { get; } = new List<ApplicationSecurityGroup>();
        /// <summary>Every AVNM security admin configuration read, also those whose network manager is not in the snapshot.</summary>
        public List<SecurityAdminConfiguration> SecurityAdminConfigurations { get; } = new List<SecurityAdminConfiguration>();
        /// <summary>Every security admin rule collection read, also those whose configuration is not in the snapshot.</summary>
        public List<AdminRuleCollection> AdminRuleCollections { get; } = new List<AdminRuleCollection>();
        /// <summary>Every security admin rule read, also those whose rule collection is not in the snapshot.</summary>
        public List<AdminRule> AdminRules { get; } = new List<AdminRule>();
        /// <summary>Firewall policies.</summary>
        public List<FirewallPolicy> FirewallPolicies { get; } = new List<FirewallPolicy>();
        /// <summary>Every firewall policy rule collection group read, also those whose policy is not in the snapshot.</summary>
        public List<FirewallPolicyRuleCollectionGroup> FirewallPolicyRuleCollectionGroups { get; } = new List<FirewallPolicyRuleCollectionGroup>();
        /// <summary>IP groups.</summary>
        public List<IpGroup> IpGroups { get; } = new List<IpGroup>();
        /// <summary>Captured NIC effective security groups (results: effectiveNetworkSecurityGroups), the ground truth for verify.</summary>
        public Dictionary<ResourceId, IReadOnlyList<EffectiveSecurityGroup>> CapturedEffectiveSecurityGroups { get; } = new Dictionary<ResourceId, IReadOnlyList<EffectiveSecurityGroup>>();

        /// <summary>Shares this topology's security resources with <paramref name="copy"/> (the migration what-if's copies change no security resource).</summary>
        internal void ShareSecurityWith(Topology copy)
        {
            copy.NetworkSecurityGroups.AddRange(NetworkSecurityGroups);
            copy.ApplicationSecurityGroups.AddRange(ApplicationSecurityGroups);
            copy.SecurityAdminConfigurations.AddRange(SecurityAdminConfigurations);
            copy.AdminRuleCollections.AddRange(AdminRuleCollections);
            copy.AdminRules.AddRange(AdminRules);
            copy.FirewallPolicies.AddRange(FirewallPolicies);
            copy.FirewallPolicyRuleCollectionGroups.AddRange(FirewallPolicyRuleCollectionGroups);
            copy.IpGroups.AddRange(IpGroups);
            foreach (var kv in CapturedEffectiveSecurityGroups) copy.CapturedEffectiveSecurityGroups[kv.Key] = kv.Value;
        }

        /// <summary>The security resources, for the id index.</summary>
        private IEnumerable<AzureResource> SecurityResources() =>
            NetworkSecurityGroups.Cast<AzureResource>().Concat(ApplicationSecurityGroups).Concat(SecurityAdminConfigurations).Concat(AdminRuleCollections)
                .Concat(AdminRules).Concat(FirewallPolicies).Concat(FirewallPolicyRuleCollectionGroups).Concat(IpGroups);

        /// <summary>Counts of the security resources, for summaries.</summary>
        private IEnumerable<KeyValuePair<string, int>> SecurityCounts() => new Dictionary<string, int>
        {
            ["networkSecurityGroups"] = NetworkSecurityGroups.Count,
            ["applicationSecurityGroups"] = ApplicationSecurityGroups.Count,
            ["securityAdminConfigurations"] = SecurityAdminConfigurations.Count,
            ["securityAdminRules"] = AdminRules.Count,
            ["firewallPolicies"] = FirewallPolicies.Count,
            ["firewallPolicyRuleCollectionGroups"] = FirewallPolicyRuleCollectionGroups.Count,
            ["ipGroups"] = IpGroups.Count,
        };
    }
}
