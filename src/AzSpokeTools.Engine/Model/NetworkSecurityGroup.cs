using System.Collections.Generic;
using System.Linq;
using AzSpokeTools.Engine.Input;

namespace AzSpokeTools.Engine.Model
{
    /// <summary>
    /// Microsoft.Network/networkSecurityGroups: custom and default security rules. When the input omits defaultSecurityRules
    /// (a hand-made snapshot), the six default rules every NSG has are supplied (Azure docs, "Network security groups" >
    /// "Default security rules").
    /// </summary>
    public sealed class NetworkSecurityGroup : AzureResource
    {
        /// <summary>The custom rules.</summary>
        public List<SecurityRule> SecurityRules { get; } = new List<SecurityRule>();
        /// <summary>The default rules, read or supplied.</summary>
        public List<SecurityRule> DefaultSecurityRules { get; } = new List<SecurityRule>();
        /// <summary>True when the default rules were not in the input and were supplied.</summary>
        public bool DefaultRulesSupplied { get; internal set; }

        /// <summary>Custom then default rules of one direction, in priority order (custom rules' priorities are below the defaults').</summary>
        public IEnumerable<SecurityRule> RulesOf(SecurityRuleDirection direction) =>
            SecurityRules.Concat(DefaultSecurityRules).Where(r => r.Direction == direction).OrderBy(r => r.Priority);

        internal static NetworkSecurityGroup Read(ArmValue n, ResourceId id, string type)
        {
            var g = new NetworkSecurityGroup();
            g.ReadCommon(n, id, type);
            foreach (var r in n.Objects("securityRules", "a security rule")) g.SecurityRules.Add(SecurityRule.Read(r, id, isDefault: false));
            foreach (var r in n.Objects("defaultSecurityRules", "a default security rule")) g.DefaultSecurityRules.Add(SecurityRule.Read(r, id, isDefault: true));
            if (g.DefaultSecurityRules.Count == 0) g.SupplyDefaultRules();
            return g;
        }

        /// <summary>Azure docs, "Network security groups" > "Default security rules": the six rules every NSG has.</summary>
        internal void SupplyDefaultRules()
        {
            DefaultRulesSupplied = true;
            DefaultSecurityRules.Add(SecurityRule.Default(Id, "AllowVnetInBound", 65000, SecurityRuleDirection.Inbound, SecurityRuleAccess.Allow, "VirtualNetwork", "VirtualNetwork"));
            DefaultSecurityRules.Add(SecurityRule.Default(Id, "AllowAzureLoadBalancerInBound", 65001, SecurityRuleDirection.Inbound, SecurityRuleAccess.Allow, "AzureLoadBalancer", "*"));
            DefaultSecurityRules.Add(SecurityRule.Default(Id, "DenyAllInBound", 65500, SecurityRuleDirection.Inbound, SecurityRuleAccess.Deny, "*", "*"));
            DefaultSecurityRules.Add(SecurityRule.Default(Id, "AllowVnetOutBound", 65000, SecurityRuleDirection.Outbound, SecurityRuleAccess.Allow, "VirtualNetwork", "VirtualNetwork"));
            DefaultSecurityRules.Add(SecurityRule.Default(Id, "AllowInternetOutBound", 65001, SecurityRuleDirection.Outbound, SecurityRuleAccess.Allow, "*", "Internet"));
            DefaultSecurityRules.Add(SecurityRule.Default(Id, "DenyAllOutBound", 65500, SecurityRuleDirection.Outbound, SecurityRuleAccess.Deny, "*", "*"));
        }
    }
}
