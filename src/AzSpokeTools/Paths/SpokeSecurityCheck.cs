using AzSpokeTools.Engine.Security;

namespace AzSpokeTools.Paths
{
    /// <summary>One security check on a path: what was evaluated (admin rules, an NSG, a firewall, an appliance), its verdict, the rule and why.</summary>
    public sealed class SpokeSecurityCheck
    {
        private readonly string _text;

        internal SpokeSecurityCheck(SecurityCheck c)
        {
            Kind = c.Kind.ToString();
            ResourceId = c.ResourceId;
            Name = c.Name;
            Direction = c.Direction;
            Verdict = c.Verdict.ToString();
            Rule = c.Rule?.Name;
            RuleId = c.Rule?.ResourceId;
            RulePriority = c.Rule?.Priority;
            Reason = c.Reason;
            Fix = c.Fix;
            _text = $"{Kind} {Name}: {Verdict}" + (Rule != null ? " by " + Rule : "");
        }

        /// <summary>SecurityAdmin, NetworkSecurityGroup, Firewall or Appliance.</summary>
        public string Kind { get; }
        /// <summary>The NSG, security admin configuration, firewall or appliance.</summary>
        public string ResourceId { get; }
        /// <summary>Its name.</summary>
        public string Name { get; }
        /// <summary>Inbound or Outbound (NSG and admin checks).</summary>
        public string? Direction { get; }
        /// <summary>Allowed, Denied or Unknown.</summary>
        public string Verdict { get; }
        /// <summary>The deciding rule's name.</summary>
        public string? Rule { get; }
        /// <summary>The deciding rule's resource id.</summary>
        public string? RuleId { get; }
        /// <summary>The deciding rule's priority.</summary>
        public int? RulePriority { get; }
        /// <summary>Why, in words.</summary>
        public string Reason { get; }
        /// <summary>For a denial or an unknown: what would change it.</summary>
        public string? Fix { get; }

        /// <inheritdoc />
        public override string ToString() => _text;
    }
}
