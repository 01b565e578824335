namespace AzSpokeTools.Engine.Security
{
    /// <summary>
    /// The rule that decided a check: an NSG rule, a security admin rule, a firewall rule (resource: its rule collection group, or the
    /// firewall for classic collections; name: COLLECTION/RULE; priority: the collection's), or an appliance assumption.
    /// </summary>
    public sealed class SecurityRuleReference
    {
        internal SecurityRuleReference(SecurityCheckKind kind, string resourceId, string name, int? priority, string? direction, bool isDefault)
        {
            Kind = kind;
            ResourceId = resourceId;
            Name = name;
            Priority = priority;
            Direction = direction;
            IsDefault = isDefault;
        }

        /// <summary>What kind of rule it is.</summary>
        public SecurityCheckKind Kind { get; }
        /// <summary>The rule's resource id (for a firewall rule: the rule collection group's, or the firewall's for classic collections).</summary>
        public string ResourceId { get; }
        /// <summary>The rule's name (COLLECTION/RULE for a firewall rule).</summary>
        public string Name { get; }
        /// <summary>The rule's priority (a firewall rule's collection priority); null when it has none.</summary>
        public int? Priority { get; }
        /// <summary>Inbound or Outbound for NSG and admin rules; null for firewall and appliance rules.</summary>
        public string? Direction { get; }
        /// <summary>True for a platform default: an NSG default rule, or a firewall's deny when no rule matches.</summary>
        public bool IsDefault { get; }

        /// <inheritdoc />
        public override string ToString() => Name + (Priority is int p ? " (" + p + (Direction != null ? ", " + Direction : "") + ")" : Direction != null ? " (" + Direction + ")" : "");
    }
}
