using System.Collections.Generic;
using AzSpokeTools.Engine.Input;

namespace AzSpokeTools.Engine.Model
{
    /// <summary>firewallPolicies/ruleCollectionGroups: a priority (100–65000) and the rule collections it holds.</summary>
    public sealed class FirewallPolicyRuleCollectionGroup : AzureResource
    {
        /// <summary>The policy that holds the group.</summary>
        public ResourceId PolicyId { get; internal set; }
        /// <summary>Lower numbers are processed first.</summary>
        public int Priority { get; internal set; }
        /// <summary>The group's rule collections.</summary>
        public List<FirewallRuleCollection> RuleCollections { get; } = new List<FirewallRuleCollection>();

        internal static FirewallPolicyRuleCollectionGroup Read(ArmValue n, ResourceId id, string type)
        {
            var g = new FirewallPolicyRuleCollectionGroup();
            g.ReadCommon(n, id, type);
            g.PolicyId = id.Parent ?? id;
            var priority = n.Int("priority");
            if (priority == null) n.Context.Warn(n.Location, $"rule collection group {g.Name} has no priority; it is processed last");
            g.Priority = priority ?? int.MaxValue;
            foreach (var c in n.Objects("ruleCollections", "a rule collection"))
                g.RuleCollections.Add(FirewallRuleCollection.ReadPolicy(c, id));
            return g;
        }
    }
}
