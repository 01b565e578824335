namespace AzSpokeTools.Engine.Security
{
    /// <summary>
    /// One evaluation on a path: the security admin rules of a VNet, an NSG of a subnet or NIC, a firewall, or an appliance; its verdict,
    /// the rule that decided it, why, and for a denial the change that would admit the flow.
    /// </summary>
    public sealed class SecurityCheck
    {
        internal SecurityCheck(SecurityCheckKind kind, string resourceId, string name, string? direction, AccessVerdict verdict,
            SecurityRuleReference? rule, string reason, string? fix = null)
        {
            Kind = kind;
            ResourceId = resourceId;
            Name = name;
            Direction = direction;
            Verdict = verdict;
            Rule = rule;
            Reason = reason;
            Fix = fix;
        }

        /// <summary>What was evaluated.</summary>
        public SecurityCheckKind Kind { get; }
        /// <summary>The NSG, network manager, firewall or appliance (the subnet when it has no NSG).</summary>
        public string ResourceId { get; }
        /// <summary>Its name.</summary>
        public string Name { get; }
        /// <summary>Inbound or Outbound for NSG and admin checks; null otherwise.</summary>
        public string? Direction { get; }
        /// <summary>Allowed, Denied or Unknown.</summary>
        public AccessVerdict Verdict { get; }
        /// <summary>The deciding rule; null when no rule applies (no NSG) or the verdict is Unknown.</summary>
        public SecurityRuleReference? Rule { get; }
        /// <summary>Why, in words.</summary>
        public string Reason { get; }
        /// <summary>For a denial or an unknown, what would change it; otherwise null.</summary>
        public string? Fix { get; }

        /// <inheritdoc />
        public override string ToString() => $"{Kind} {Name}{(Direction != null ? " " + Direction : "")}: {Verdict}" + (Rule != null ? $" by {Rule}" : "") + " — " + Reason;
    }
}
