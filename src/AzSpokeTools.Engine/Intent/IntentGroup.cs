using System;
using System.Collections.Generic;
using System.Linq;
using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Engine.Intent
{
    /// <summary>
    /// A named set of VNets chosen by tag, name glob, resource group, subscription or AVNM network group (docs/guide/paths-and-intent.md#intent-files).
    /// A VNet belongs when it meets every selector given; a selector with several values accepts any of them.
    /// </summary>
    internal sealed class IntentGroup
    {
        public string Name { get; internal set; } = "";
        public Dictionary<string, string> Tags { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        public List<string> NamePatterns { get; } = new List<string>();
        public List<string> ResourceGroups { get; } = new List<string>();
        public List<string> Subscriptions { get; } = new List<string>();
        /// <summary>AVNM network group names or ids.</summary>
        public List<string> NetworkGroups { get; } = new List<string>();

        internal bool Matches(VirtualNetwork v, Func<VirtualNetwork, IEnumerable<NetworkGroup>> groupsOf)
        {
            foreach (var t in Tags)
                if (!v.Tags.Any(x => string.Equals(x.Key, t.Key, StringComparison.OrdinalIgnoreCase) && (t.Value == "*" || string.Equals(x.Value, t.Value, StringComparison.OrdinalIgnoreCase))))
                    return false;
            if (NamePatterns.Count > 0 && !NamePatterns.Any(p => NameGlob.Matches(p, v.Name))) return false;
            if (ResourceGroups.Count > 0 && !ResourceGroups.Any(g => string.Equals(g, v.ResourceGroup, StringComparison.OrdinalIgnoreCase))) return false;
            if (Subscriptions.Count > 0 && !Subscriptions.Any(s => string.Equals(s.Replace("/subscriptions/", "").Trim('/'), v.SubscriptionId, StringComparison.OrdinalIgnoreCase))) return false;
            if (NetworkGroups.Count > 0)
            {
                var mine = groupsOf(v).ToList();
                if (!NetworkGroups.Any(n => mine.Any(g => string.Equals(g.Name, n, StringComparison.OrdinalIgnoreCase) || string.Equals(g.Id.Value, n, StringComparison.OrdinalIgnoreCase))))
                    return false;
            }
            return true;
        }
    }
}
