namespace AzSpokeTools.Engine.Model
{
    /// <summary>The direction a network security rule or security admin rule applies to.</summary>
    public enum SecurityRuleDirection
    {
        /// <summary>Traffic arriving at the network interface.</summary>
        Inbound,
        /// <summary>Traffic leaving the network interface.</summary>
        Outbound,
    }

    /// <summary>What a matching rule does with the traffic.</summary>
    public enum SecurityRuleAccess
    {
        /// <summary>Allow (for a security admin rule: allow, and let the NSGs decide next).</summary>
        Allow,
        /// <summary>Deny.</summary>
        Deny,
        /// <summary>Security admin rules only: allow, and skip the NSGs.</summary>
        AlwaysAllow,
    }
}
