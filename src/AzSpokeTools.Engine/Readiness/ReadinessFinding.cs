using System.Collections.Generic;

namespace AzSpokeTools.Engine.Readiness
{
    /// <summary>One readiness finding: a rule that fired, on which resource, what was read, and how to fix it.</summary>
    public sealed class ReadinessFinding
    {
        internal ReadinessFinding(string ruleId, ReadinessSeverity severity, string resourceId, string message,
            IReadOnlyDictionary<string, string> evidence, string fix, IReadOnlyList<string> relatedResourceIds)
        {
            RuleId = ruleId;
            Severity = severity;
            ResourceId = resourceId;
            Message = message;
            Evidence = evidence;
            Fix = fix;
            RelatedResourceIds = relatedResourceIds;
        }

        /// <summary>Stable rule id, e.g. AVNM001 (see <see cref="ReadinessRules"/>).</summary>
        public string RuleId { get; }
        /// <summary>Error, Warning or Info.</summary>
        public ReadinessSeverity Severity { get; }
        /// <summary>The resource the finding is about (a VNet, subnet, route table, network group, ...).</summary>
        public string ResourceId { get; }
        /// <summary>What was found.</summary>
        public string Message { get; }
        /// <summary>The values read from the snapshot that made the rule fire, by name, in a stable order.</summary>
        public IReadOnlyDictionary<string, string> Evidence { get; }
        /// <summary>What to change.</summary>
        public string Fix { get; }
        /// <summary>Other resources involved (the other VNet of a pair, the route table, ...).</summary>
        public IReadOnlyList<string> RelatedResourceIds { get; }

        /// <inheritdoc/>
        public override string ToString() => $"{RuleId} {Severity} {ResourceId}: {Message}";
    }
}
