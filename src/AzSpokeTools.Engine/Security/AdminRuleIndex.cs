using System;
using System.Collections.Generic;
using System.Linq;
using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Engine.Security
{
    /// <summary>
    /// Which security admin rules apply to a VNet: the rules of every rule collection whose network groups hold the VNet, of a
    /// security admin configuration deployed in the VNet's region (Azure docs, "Security admin rules in Azure Virtual Network
    /// Manager": rules apply to the VNets of the network groups once deployed). Deployment status follows the connectivity rule:
    /// not captured means taken as deployed, and answers say so.
    /// </summary>
    internal sealed class AdminRuleIndex
    {
        private readonly Topology _topology;
        private readonly Dictionary<VirtualNetwork, AppliedAdminRules> _byVnet = new Dictionary<VirtualNetwork, AppliedAdminRules>();
        private Dictionary<ResourceId, HashSet<ResourceId>>? _effectiveGroups;

        public AdminRuleIndex(Topology topology) => _topology = topology;

        public bool Any => _topology.AdminRules.Count > 0;

        public AppliedAdminRules For(VirtualNetwork vnet)
        {
            if (_byVnet.TryGetValue(vnet, out var applied)) return applied;
            applied = new AppliedAdminRules();
            foreach (var manager in _topology.NetworkManagers)
                foreach (var config in manager.SecurityAdminConfigurations)
                {
                    List<(AdminRule Rule, string? Conditional)>? rules = null;
                    foreach (var collection in config.RuleCollections)
                    {
                        string? conditional = null;
                        bool member = false;
                        foreach (var gid in collection.AppliesToGroups)
                        {
                            var m = Membership(gid, vnet, out var why);
                            if (m == Match.Yes) { member = true; conditional = null; break; }
                            if (m == Match.Maybe) { member = true; conditional ??= why; }
                        }
                        if (!member) continue;
                        rules ??= new List<(AdminRule, string?)>();
                        foreach (var r in collection.Rules) rules.Add((r, conditional));
                    }
                    if (rules == null) continue;
                    if (!IsDeployed(manager, config, vnet.Location, out var assumption))
                    {
                        applied.Notes.Add($"security admin configuration {config.Name} applies to {vnet.Name} but is not deployed in {(vnet.Location.Length > 0 ? vnet.Location : "its region")}: its rules are not in force (Azure docs, \"Security admin rules in Azure Virtual Network Manager\")");
                        continue;
                    }
                    if (assumption != null) applied.Notes.Add(assumption);
                    foreach (var (r, c) in rules) applied.Rules.Add((r, config, c));
                }
            // Lower priority numbers first; [INFER] on a tie, Deny before AlwaysAllow before Allow.
            applied.Rules.Sort((a, b) => a.Rule.Priority != b.Rule.Priority ? a.Rule.Priority.CompareTo(b.Rule.Priority) : Rank(a.Rule.Access).CompareTo(Rank(b.Rule.Access)));
            _byVnet[vnet] = applied;
            return applied;
        }

        private static int Rank(SecurityRuleAccess a) => a == SecurityRuleAccess.Deny ? 0 : a == SecurityRuleAccess.AlwaysAllow ? 1 : 2;

        /// <summary>Yes for a static member (or a group the VNet's captured effective configurations name), Maybe for a group without static members (Azure Policy).</summary>
        private Match Membership(ResourceId groupId, VirtualNetwork vnet, out string? why)
        {
            why = null;
            var group = _topology.Find<NetworkGroup>(groupId);
            if (group == null)
            {
                why = $"network group {groupId.Name} is not in the snapshot, so whether it holds the VNet is unknown";
                return Match.Maybe;
            }
            if (group.StaticMemberIds.Contains(vnet.Id)) return Match.Yes;
            if (EffectiveGroups(vnet.Id)?.Contains(groupId) == true) return Match.Yes;
            if (group.StaticMemberIds.Count == 0)
            {
                why = $"network group {group.Name} has no static members: its members come from Azure Policy, which is not evaluated offline";
                return Match.Maybe;
            }
            return Match.No;
        }

        private HashSet<ResourceId>? EffectiveGroups(ResourceId vnet)
        {
            if (_effectiveGroups == null)
            {
                _effectiveGroups = new Dictionary<ResourceId, HashSet<ResourceId>>();
                foreach (var kv in _topology.EffectiveConnectivity) _effectiveGroups[kv.Key] = new HashSet<ResourceId>(kv.Value.NetworkGroupIds);
            }
            return _effectiveGroups.TryGetValue(vnet, out var set) ? set : null;
        }

        /// <summary>A SecurityAdmin listDeploymentStatus row in the region naming the configuration; taken as deployed when status was not captured.</summary>
        private static bool IsDeployed(NetworkManager manager, SecurityAdminConfiguration config, string region, out string? assumption)
        {
            assumption = null;
            if (manager.Deployments == null)
            {
                assumption = $"AVNM deployment status was not captured: security admin configuration {config.Name} is taken as deployed in {(region.Length > 0 ? region : "its region")}";
                return true;
            }
            return manager.Deployments.Any(d => string.Equals(d.DeploymentType, "SecurityAdmin", StringComparison.OrdinalIgnoreCase) &&
                                                string.Equals(d.Region, region, StringComparison.OrdinalIgnoreCase) && d.IsDeployed &&
                                                d.ConfigurationIds.Any(c => (ResourceId.TryParse(c, out var id) && id == config.Id) || string.Equals(c, config.Name, StringComparison.OrdinalIgnoreCase)));
        }
    }

    /// <summary>The security admin rules in force for one VNet, in evaluation order, and what they rest on.</summary>
    internal sealed class AppliedAdminRules
    {
        /// <summary>Rule, its configuration, and why it may not apply (a network group whose membership is unknown) or null.</summary>
        public List<(AdminRule Rule, SecurityAdminConfiguration Configuration, string? Conditional)> Rules { get; } = new List<(AdminRule, SecurityAdminConfiguration, string?)>();
        /// <summary>Assumptions and configurations left out.</summary>
        public List<string> Notes { get; } = new List<string>();
    }
}
