using System;

namespace AzSpokeTools.Azure
{
    /// <summary>Small checks on ARM resource ids (compared case-insensitively, as ARM does).</summary>
    internal static class ResourceIds
    {
        /// <summary>True when <paramref name="id"/> is a /subscriptions/... id whose last type segment pair is <paramref name="type"/>.</summary>
        public static bool IsOfType(string id, string type)
        {
            if (string.IsNullOrWhiteSpace(id) || !id.StartsWith("/subscriptions/", StringComparison.OrdinalIgnoreCase)) return false;
            if (id.IndexOfAny(new[] { '?', '#', ' ' }) >= 0) return false;
            var parts = id.Trim('/').Split('/');
            int p = Array.FindLastIndex(parts, s => s.Equals("providers", StringComparison.OrdinalIgnoreCase));
            if (p < 0 || parts.Length != p + 4) return false;
            return string.Equals(parts[p + 1] + "/" + parts[p + 2], type, StringComparison.OrdinalIgnoreCase) && parts[p + 3].Length > 0;
        }

        /// <summary>The subscription segment of an id, or null.</summary>
        public static string? SubscriptionOf(string id)
        {
            var parts = id.Trim('/').Split('/');
            return parts.Length >= 2 && parts[0].Equals("subscriptions", StringComparison.OrdinalIgnoreCase) ? parts[1] : null;
        }
    }
}
