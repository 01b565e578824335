using System;
using System.Collections.Generic;
using AzSpokeTools.Engine.Input;

namespace AzSpokeTools.Engine.Model
{
    /// <summary>What a firewall rule collection holds.</summary>
    public enum FirewallRuleKind
    {
        /// <summary>Network rules (addresses, protocols, ports).</summary>
        Network,
        /// <summary>Application rules (HTTP, HTTPS or MSSQL by name).</summary>
        Application,
        /// <summary>DNAT rules.</summary>
        Nat,
    }

    /// <summary>
    /// A rule collection of a firewall policy's rule collection group (FirewallPolicyFilterRuleCollection or
    /// FirewallPolicyNatRuleCollection), or a classic rule collection of an Azure Firewall (networkRuleCollections,
    /// applicationRuleCollections, natRuleCollections).
    /// </summary>
    public sealed class FirewallRuleCollection
    {
        /// <summary>The collection name.</summary>
        public string Name { get; internal set; } = "";
        /// <summary>The resource the collection belongs to: the rule collection group, or the firewall for classic collections.</summary>
        public ResourceId OwnerId { get; internal set; }
        /// <summary>100–65000; lower numbers are processed first.</summary>
        public int Priority { get; internal set; }
        /// <summary>Allow, Deny or Dnat.</summary>
        public string Action { get; internal set; } = "";
        /// <summary>Network, Application or Nat (a policy filter collection takes the kind of its rules).</summary>
        public FirewallRuleKind Kind { get; internal set; }
        /// <summary>The collection's rules.</summary>
        public List<FirewallRule> Rules { get; } = new List<FirewallRule>();

        /// <summary>True when the action is Allow.</summary>
        public bool Allows => string.Equals(Action, "Allow", StringComparison.OrdinalIgnoreCase);

        internal static FirewallRuleCollection ReadPolicy(ArmValue n, ResourceId group)
        {
            var c = new FirewallRuleCollection { OwnerId = group, Name = n.Own("name")?.AsString() ?? n.Str("name") ?? "" };
            c.Priority = n.Int("priority") ?? int.MaxValue;
            c.Action = n.Obj("action")?.Str("type") ?? "";
            var type = n.Str("ruleCollectionType") ?? "";
            foreach (var r in n.Objects("rules", "a rule")) c.Rules.Add(FirewallRule.ReadPolicy(r));
            if (type.IndexOf("Nat", StringComparison.OrdinalIgnoreCase) >= 0) c.Kind = FirewallRuleKind.Nat;
            else c.Kind = c.Rules.Count > 0 ? c.Rules[0].Kind : FirewallRuleKind.Network;
            return c;
        }

        internal static FirewallRuleCollection ReadClassic(ArmValue n, ResourceId firewall, FirewallRuleKind kind)
        {
            var c = new FirewallRuleCollection { OwnerId = firewall, Name = n.Own("name")?.AsString() ?? "", Kind = kind };
            c.Priority = n.Int("priority") ?? int.MaxValue;
            c.Action = n.Obj("action")?.Str("type") ?? "";
            foreach (var r in n.Objects("rules", "a rule")) c.Rules.Add(FirewallRule.ReadClassic(r, kind));
            return c;
        }

        /// <inheritdoc />
        public override string ToString() => $"{Name} ({Kind}, {Priority}, {Action})";
    }
}
