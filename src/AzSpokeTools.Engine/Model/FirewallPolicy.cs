using System.Collections.Generic;
using AzSpokeTools.Engine.Input;

namespace AzSpokeTools.Engine.Model
{
    /// <summary>
    /// Microsoft.Network/firewallPolicies: rule collection groups (read as child resources) and the parent policy whose groups
    /// take precedence (Azure docs, "Azure Firewall rule processing logic" > "Rule processing using Firewall Policy").
    /// </summary>
    public sealed class FirewallPolicy : AzureResource
    {
        /// <summary>basePolicy: the parent policy, whose rule collection groups are processed first.</summary>
        public ResourceId? BasePolicyId { get; internal set; }
        /// <summary>threatIntelMode (Alert, Deny, Off); not evaluated.</summary>
        public string? ThreatIntelMode { get; internal set; }
        /// <summary>The rule collection groups read for this policy.</summary>
        public List<FirewallPolicyRuleCollectionGroup> RuleCollectionGroups { get; } = new List<FirewallPolicyRuleCollectionGroup>();

        internal static FirewallPolicy Read(ArmValue n, ResourceId id, string type)
        {
            var p = new FirewallPolicy();
            p.ReadCommon(n, id, type);
            p.BasePolicyId = n.Ref("basePolicy");
            p.ThreatIntelMode = n.Str("threatIntelMode");
            return p;
        }
    }
}
