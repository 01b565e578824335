using System.Collections.Generic;
using System.Linq;
using AzSpokeTools.Engine.Security;

namespace AzSpokeTools.Engine.Paths
{
    /// <summary>What is intended for one ordered VNet pair, and from which rule.</summary>
    public sealed class IntentDecision
    {
        internal IntentDecision(string ruleName, IReadOnlyList<PathKind> expect, IReadOnlyList<PathKind> require, IReadOnlyList<PathKind> forbid, int ruleIndex, bool fromAvnm,
            IReadOnlyList<Flow>? allow = null, IReadOnlyList<Flow>? deny = null)
        {
            Allow = allow ?? System.Array.Empty<Flow>();
            Deny = deny ?? System.Array.Empty<Flow>();
            RuleName = ruleName;
            Expect = expect;
            Require = require;
            Forbid = forbid;
            RuleIndex = ruleIndex;
            FromAvnm = fromAvnm;
        }

        /// <summary>The rule name, or "AVNM connectivity configuration NAME".</summary>
        public string RuleName { get; }
        /// <summary>The path kinds intended.</summary>
        public IReadOnlyList<PathKind> Expect { get; }
        /// <summary>The transits the path must contain.</summary>
        public IReadOnlyList<PathKind> Require { get; }
        /// <summary>The transits the path must not contain.</summary>
        public IReadOnlyList<PathKind> Forbid { get; }
        /// <summary>Index of the file rule (-1 for AVNM-derived intent).</summary>
        public int RuleIndex { get; }
        /// <summary>True when the intent comes from an AVNM connectivity configuration.</summary>
        public bool FromAvnm { get; }
        /// <summary>Flows the path must admit (access Allowed).</summary>
        public IReadOnlyList<Flow> Allow { get; }
        /// <summary>Flows the path must not admit (access Denied).</summary>
        public IReadOnlyList<Flow> Deny { get; }
        /// <summary>True when the intent names flows, so access decides compliance too.</summary>
        public bool HasFlows => Allow.Count > 0 || Deny.Count > 0;

        /// <summary>
        /// Why the path's access does not meet the intent: an <c>allow</c> flow that is not Allowed, a <c>deny</c> flow that is not Denied
        /// (Unknown fails both: a gate does not pass what it cannot show). <paramref name="verdictOf"/> gives a flow's access on the path.
        /// </summary>
        public List<string> AccessViolations(System.Func<Flow, (AccessVerdict Verdict, SecurityRuleReference? Rule)> verdictOf)
        {
            var v = new List<string>();
            foreach (var f in Allow)
            {
                var (verdict, rule) = verdictOf(f);
                if (verdict != AccessVerdict.Allowed) v.Add($"{f} must be allowed but is {verdict}" + (rule != null ? $" by {rule.Name}" : "") + $" ({RuleName})");
            }
            foreach (var f in Deny)
            {
                var (verdict, rule) = verdictOf(f);
                if (verdict != AccessVerdict.Denied) v.Add($"{f} must be denied but is {verdict}" + (rule != null ? $" by {rule.Name}" : "") + $" ({RuleName})");
            }
            return v;
        }

        /// <summary>True when a path with this outcome, kind and transits meets the intent.</summary>
        public bool IsCompliant(PathOutcome outcome, PathKind kind, IReadOnlyList<PathKind> transits) => Violations(outcome, kind, transits).Count == 0;

        /// <summary>Why the path does not meet the intent (empty when it does).</summary>
        public List<string> Violations(PathOutcome outcome, PathKind kind, IReadOnlyList<PathKind> transits)
        {
            var v = new List<string>();
            if (Expect.Count > 0 && !Expect.Contains(kind))
                v.Add($"kind {kind} is not one of the intended [{string.Join(", ", Expect)}] ({RuleName})");
            var delivered = outcome == PathOutcome.Delivered;
            foreach (var r in Require)
                if (!delivered || !transits.Contains(r)) v.Add($"required transit {r} is not on the path ({RuleName})");
            foreach (var f in Forbid)
                if (delivered && transits.Contains(f)) v.Add($"forbidden transit {f} is on the path ({RuleName})");
            return v;
        }
    }
}
