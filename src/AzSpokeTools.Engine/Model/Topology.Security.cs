using System.Collections.Generic;
using System.Linq;

namespace AzSpokeTools.Engine.Model
{
    /// <summary>The security resources of the model: NSGs, application security groups, AVNM security admin rules, firewall policies and IP groups.</summary>
    public sealed partial class Topology
    {
        /// <summary>Network security groups (Microsoft.Network/networkSecurityGroups).</summary>
        public IReadOnlyList<NetworkSecurityGroup> NetworkSecurityGroups => EditableNetworkSecurityGroups;
        internal List<NetworkSecurityGroup> EditableNetworkSecurityGroups { get; } = new List<NetworkSecurityGroup>();
        /// <summary>Application security groups.</summary>
        public IReadOnlyList<ApplicationSecurityGroup> ApplicationSecurityGroups => EditableApplicationSecurityGroups;
        internal List<ApplicationSecurityGroup> EditableApplicationSecurityGroups { get; } = new List<ApplicationSecurityGroup>();
        /// <summary>Every AVNM security admin configuration read, also those whose network manager is not in the snapshot.</summary>
        public IReadOnlyList<SecurityAdminConfiguration> SecurityAdminConfigurations => EditableSecurityAdminConfigurations;
        internal List<SecurityAdminConfiguration> EditableSecurityAdminConfigurations { get; } = new List<SecurityAdminConfiguration>();
        /// <summary>Every security admin rule collection read, also those whose configuration is not in the snapshot.</summary>
        public IReadOnlyList<AdminRuleCollection> AdminRuleCollections => EditableAdminRuleCollections;
        internal List<AdminRuleCollection> EditableAdminRuleCollections { get; } = new List<AdminRuleCollection>();
        /// <summary>Every security admin rule read, also those whose rule collection is not in the snapshot.</summary>
        public IReadOnlyList<AdminRule> AdminRules => EditableAdminRules;
        internal List<AdminRule> EditableAdminRules { get; } = new List<AdminRule>();
        /// <summary>Firewall policies.</summary>
        public IReadOnlyList<FirewallPolicy> FirewallPolicies => EditableFirewallPolicies;
        internal List<FirewallPolicy> EditableFirewallPolicies { get; } = new List<FirewallPolicy>();
        /// <summary>Every firewall policy rule collection group read, also those whose policy is not in the snapshot.</summary>
        public IReadOnlyList<FirewallPolicyRuleCollectionGroup> FirewallPolicyRuleCollectionGroups => EditableFirewallPolicyRuleCollectionGroups;
        internal List<FirewallPolicyRuleCollectionGroup> EditableFirewallPolicyRuleCollectionGroups { get; } = new List<FirewallPolicyRuleCollectionGroup>();
        /// <summary>IP groups.</summary>
        public IReadOnlyList<IpGroup> IpGroups => EditableIpGroups;
        internal List<IpGroup> EditableIpGroups { get; } = new List<IpGroup>();
        /// <summary>Captured NIC effective security groups (results: effectiveNetworkSecurityGroups), the ground truth for verify.</summary>
        public IReadOnlyDictionary<ResourceId, IReadOnlyList<EffectiveSecurityGroup>> CapturedEffectiveSecurityGroups => EditableCapturedEffectiveSecurityGroups;
        internal Dictionary<ResourceId, IReadOnlyList<EffectiveSecurityGroup>> EditableCapturedEffectiveSecurityGroups { get; } = new Dictionary<ResourceId, IReadOnlyList<EffectiveSecurityGroup>>();

        /// <summary>Shares this topology's security resources with <paramref name="copy"/> (the migration what-if's copies change no security resource).</summary>
        internal void ShareSecurityWith(Topology copy)
        {
            copy.EditableNetworkSecurityGroups.AddRange(NetworkSecurityGroups);
            copy.EditableApplicationSecurityGroups.AddRange(ApplicationSecurityGroups);
            copy.EditableSecurityAdminConfigurations.AddRange(SecurityAdminConfigurations);
            copy.EditableAdminRuleCollections.AddRange(AdminRuleCollections);
            copy.EditableAdminRules.AddRange(AdminRules);
            copy.EditableFirewallPolicies.AddRange(FirewallPolicies);
            copy.EditableFirewallPolicyRuleCollectionGroups.AddRange(FirewallPolicyRuleCollectionGroups);
            copy.EditableIpGroups.AddRange(IpGroups);
            foreach (var kv in CapturedEffectiveSecurityGroups) copy.EditableCapturedEffectiveSecurityGroups[kv.Key] = kv.Value;
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
