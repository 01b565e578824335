namespace AzSpokeTools.Engine.Verification
{
    /// <summary>How a captured effective security rule differs from the computed one.</summary>
    public enum SecurityRuleDifferenceKind
    {
        /// <summary>Azure lists the rule (or the NSG association); the computation does not.</summary>
        Missing,
        /// <summary>The computation has the rule (or association); Azure does not list it.</summary>
        Extra,
        /// <summary>Same rule, different access, direction, priority, protocol, ports or address prefixes.</summary>
        Changed,
        /// <summary>Same rule, but a service tag (VirtualNetwork, AzureLoadBalancer) expands to other prefixes than computed.</summary>
        TagExpansion,
    }

    /// <summary>One difference between a NIC's captured and computed effective security rules.</summary>
    public sealed class SecurityRuleDifference
    {
        internal SecurityRuleDifference(SecurityRuleDifferenceKind kind, string networkSecurityGroup, string rule, string? captured, string? computed)
        {
            Kind = kind;
            NetworkSecurityGroup = networkSecurityGroup;
            Rule = rule;
            Captured = captured;
            Computed = computed;
        }

        /// <summary>Missing, Extra, Changed or TagExpansion.</summary>
        public SecurityRuleDifferenceKind Kind { get; }
        /// <summary>The NSG's name and where it is associated ("nsg-app (subnet)").</summary>
        public string NetworkSecurityGroup { get; }
        /// <summary>The rule name (empty for a whole association).</summary>
        public string Rule { get; }
        /// <summary>The captured side, or null.</summary>
        public string? Captured { get; }
        /// <summary>The computed side, or null.</summary>
        public string? Computed { get; }

        /// <inheritdoc />
        public override string ToString() => $"{Kind} {NetworkSecurityGroup} {Rule}: captured [{Captured}] computed [{Computed}]";
    }

    /// <summary>A NIC's computed effective security rules against the captured effectiveNetworkSecurityGroups.</summary>
    public sealed class NicSecurityVerification
    {
        internal NicSecurityVerification(Model.ResourceId nic, string name, int captured, int matched, System.Collections.Generic.IReadOnlyList<SecurityRuleDifference> differences, string? error)
        {
            NetworkInterfaceId = nic;
            Name = name;
            CapturedRules = captured;
            Matched = matched;
            Differences = differences;
            Error = error;
        }

        /// <summary>The NIC whose effective security rules were captured.</summary>
        public Model.ResourceId NetworkInterfaceId { get; }
        /// <summary>The NIC's name.</summary>
        public string Name { get; }
        /// <summary>Rules in the capture.</summary>
        public int CapturedRules { get; }
        /// <summary>Captured rules the computation reproduced exactly, tag expansions included.</summary>
        public int Matched { get; }
        /// <summary>Rules that differ between the capture and the computation.</summary>
        public System.Collections.Generic.IReadOnlyList<SecurityRuleDifference> Differences { get; }
        /// <summary>Why the NIC could not be computed, or null.</summary>
        public string? Error { get; }
        /// <summary>No difference and no error.</summary>
        public bool Agrees => Error == null && Differences.Count == 0;
    }
}
