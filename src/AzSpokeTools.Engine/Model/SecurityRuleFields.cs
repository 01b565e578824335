using System;
using System.Collections.Generic;
using AzSpokeTools.Engine.Input;

namespace AzSpokeTools.Engine.Model
{
    /// <summary>
    /// The fields an NSG rule and a security admin rule write alike (priority, direction, access), read once for both; an
    /// unreadable field is noted in <c>problems</c> and its property keeps its default.
    /// </summary>
    internal static class SecurityRuleFields
    {
        /// <summary>The rule's priority; 0 with a problem noted when absent.</summary>
        public static int Priority(ArmValue n, List<string> problems)
        {
            var priority = n.Int("priority");
            if (priority == null) problems.Add("no priority");
            return priority ?? 0;
        }

        /// <summary>Inbound or Outbound; Inbound with a problem noted for anything else.</summary>
        public static SecurityRuleDirection Direction(ArmValue n, List<string> problems)
        {
            var direction = n.Str("direction");
            if (string.Equals(direction, "Inbound", StringComparison.OrdinalIgnoreCase)) return SecurityRuleDirection.Inbound;
            if (string.Equals(direction, "Outbound", StringComparison.OrdinalIgnoreCase)) return SecurityRuleDirection.Outbound;
            problems.Add($"direction '{direction}' is neither Inbound nor Outbound");
            return default;
        }

        /// <summary>
        /// Allow or Deny, and AlwaysAllow where <paramref name="alwaysAllow"/> (security admin rules only); the default with a
        /// problem noted for anything else.
        /// </summary>
        public static SecurityRuleAccess Access(ArmValue n, List<string> problems, bool alwaysAllow)
        {
            var access = n.Str("access");
            if (string.Equals(access, "Allow", StringComparison.OrdinalIgnoreCase)) return SecurityRuleAccess.Allow;
            if (string.Equals(access, "Deny", StringComparison.OrdinalIgnoreCase)) return SecurityRuleAccess.Deny;
            if (alwaysAllow && string.Equals(access, "AlwaysAllow", StringComparison.OrdinalIgnoreCase)) return SecurityRuleAccess.AlwaysAllow;
            problems.Add(alwaysAllow ? $"access '{access}' is not Allow, Deny or AlwaysAllow" : $"access '{access}' is neither Allow nor Deny");
            return default;
        }
    }
}
