using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Engine.Intent
{
    /// <summary>
    /// A named set of VNets chosen by tag, name glob, resource group, subscription or AVNM network group (DESIGN.md Intent).
    /// A VNet belongs when it meets every selector given; a selector with several values accepts any of them.
    /// </summary>
    public sealed class IntentGroup
    {
        public string Name { get; internal set; } = "";
        public Dictionary<string, string> Tags { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        public List<string> NamePatterns { get; } = new List<string>();
        public List<string> ResourceGroups { get; } = new List<string>();
        public List<string> Subscriptions { get; } = new List<string>();
        /// <summary>AVNM network group names or ids.</summary>
        public List<string> NetworkGroups { get; } = new List<string>();
        internal List<Regex> NameRegexes { get; } = new List<Regex>();

        internal static Regex Glob(string pattern) =>
            new Regex("^" + Regex.Escape(pattern).Replace("\\*", ".*").Replace("\\?", ".") + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        internal bool Matches(VirtualNetwork v, Func<VirtualNetwork, IEnumerable<NetworkGroup>> groupsOf)
        {
            foreach (var t in Tags)
                if (!v.Tags.Any(x => string.Equals(x.Key, t.Key, StringComparison.OrdinalIgnoreCase) && (t.Value == "*" || string.Equals(x.Value, t.Value, StringComparison.OrdinalIgnoreCase))))
                    return false;
            if (NameRegexes.Count > 0 && !NameRegexes.Any(r => r.IsMatch(v.Name))) return false;
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
