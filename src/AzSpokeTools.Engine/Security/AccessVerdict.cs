namespace AzSpokeTools.Engine.Security
{
    /// <summary>Whether a flow is admitted: the answer for a path, a hop or one check.</summary>
    public enum AccessVerdict
    {
        /// <summary>Every rule on the way admits the flow.</summary>
        Allowed,
        /// <summary>A rule on the way drops the flow.</summary>
        Denied,
        /// <summary>The snapshot lacks what is needed to decide (an unresolved service tag, a rule by name, an appliance's own rules); the reason says what.</summary>
        Unknown,
    }

    /// <summary>What a security check evaluated.</summary>
    public enum SecurityCheckKind
    {
        /// <summary>AVNM security admin rules of the VNet (evaluated before the NSGs).</summary>
        SecurityAdmin,
        /// <summary>A network security group on a subnet or NIC.</summary>
        NetworkSecurityGroup,
        /// <summary>An Azure Firewall's policy or classic rule collections.</summary>
        Firewall,
        /// <summary>A network virtual appliance's own rules (not visible in ARM).</summary>
        Appliance,
    }
}
