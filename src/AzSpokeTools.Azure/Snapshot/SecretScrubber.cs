using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace AzSpokeTools.Azure.Snapshot
{
    /// <summary>
    /// Removes secret-bearing properties before anything is written: connections' <c>sharedKey</c> and
    /// <c>authorizationKey</c>, circuits' <c>authorizations[].authorizationKey</c> and <c>serviceKey</c>,
    /// VPN sites' and VPN connections' <c>sharedKey</c>, and any property whose name contains
    /// <c>sharedKey</c>, <c>password</c> or <c>secret</c>, at any depth.
    /// </summary>
    internal static class SecretScrubber
    {
        private static readonly string[] ExactNames = { "authorizationKey", "serviceKey" };
        private static readonly string[] NameFragments = { "sharedkey", "password", "secret" };

        /// <summary>True when a property of this name is removed.</summary>
        public static bool IsSecretName(string name)
        {
            foreach (var exact in ExactNames)
                if (string.Equals(name, exact, StringComparison.OrdinalIgnoreCase)) return true;
            var lower = name.ToLowerInvariant();
            foreach (var fragment in NameFragments)
                if (lower.Contains(fragment)) return true;
            return false;
        }

        /// <summary>Removes secret properties in place; returns how many were removed.</summary>
        public static int Scrub(JsonNode? node)
        {
            int removed = 0;
            switch (node)
            {
                case JsonObject obj:
                    foreach (var name in obj.Select(p => p.Key).Where(IsSecretName).ToList())
                    {
                        obj.Remove(name);
                        removed++;
                    }
                    foreach (var child in obj.Select(p => p.Value).ToList()) removed += Scrub(child);
                    break;
                case JsonArray array:
                    foreach (var item in array) removed += Scrub(item);
                    break;
            }
            return removed;
        }
    }
}
