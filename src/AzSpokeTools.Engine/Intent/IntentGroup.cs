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

        /// <summary>
        /// Whether <paramref name="name"/> matches the glob <paramref name="pattern"/> (<c>*</c> any run, <c>?</c> one character),
        /// case-insensitively. Linear backtracking to the last <c>*</c>: at most name × pattern steps, whatever the pattern (a regular
        /// expression of many <c>.*</c> can take exponential time on a hostile name).
        /// </summary>
        internal static bool GlobMatches(string pattern, string name)
        {
            int p = 0, n = 0, star = -1, resume = 0;
            while (n < name.Length)
            {
                if (p < pattern.Length && pattern[p] == '*') { star = p++; resume = n; }
                else if (p < pattern.Length && (pattern[p] == '?' || char.ToUpperInvariant(pattern[p]) == char.ToUpperInvariant(name[n]))) { p++; n++; }
                else if (star >= 0) { p = star + 1; n = ++resume; }
                else return false;
            }
            while (p < pattern.Length && pattern[p] == '*') p++;
            return p == pattern.Length;
        }

        internal bool Matches(VirtualNetwork v, Func<VirtualNetwork, IEnumerable<NetworkGroup>> groupsOf)
        {
            foreach (var t in Tags)
                if (!v.Tags.Any(x => string.Equals(x.Key, t.Key, StringComparison.OrdinalIgnoreCase) && (t.Value == "*" || string.Equals(x.Value, t.Value, StringComparison.OrdinalIgnoreCase))))
                    return false;
            if (NamePatterns.Count > 0 && !NamePatterns.Any(p => GlobMatches(p, v.Name))) return false;
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
