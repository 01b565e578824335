using System;
using System.Collections.Generic;

namespace AzSpokeTools.Engine.Model
{
    /// <summary>Protocol names of security rules, normalised: Tcp, Udp, Icmp, Esp, Ah, or * for any.</summary>
    internal static class SecurityProtocols
    {
        /// <summary>The normalised name; "*", "Any", "All" and an absent protocol mean any (a problem is noted for an unknown name).</summary>
        public static string Normalize(string? text, List<string> problems)
        {
            var t = (text ?? "").Trim();
            if (t.Length == 0 || t == "*" || t.Equals("Any", StringComparison.OrdinalIgnoreCase) || t.Equals("All", StringComparison.OrdinalIgnoreCase)) return "*";
            foreach (var p in new[] { "Tcp", "Udp", "Icmp", "Esp", "Ah", "IcmpV6" })
                if (t.Equals(p, StringComparison.OrdinalIgnoreCase)) return p;
            problems.Add($"protocol '{t}' is not Tcp, Udp, Icmp, Esp, Ah or *");
            return t;
        }
    }
}
