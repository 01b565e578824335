using System.Collections.Generic;

namespace AzSpokeTools.Engine.Security
{
    /// <summary>
    /// A path's access for one flow: the checks in path order (outbound at the source, each firewall or appliance, inbound at the
    /// destination; return traffic is admitted statefully and not evaluated), the verdict and the rule that decided it.
    /// </summary>
    public sealed class PathAccess
    {
        internal PathAccess(Flow flow, AccessVerdict verdict, SecurityRuleReference? decidingRule, IReadOnlyList<IReadOnlyList<SecurityCheck>> hopChecks, IReadOnlyList<string> notes)
        {
            Flow = flow;
            Verdict = verdict;
            DecidingRule = decidingRule;
            _hopChecks = hopChecks;
            var all = new List<SecurityCheck>();
            foreach (var h in hopChecks) all.AddRange(h);
            Checks = all;
            Notes = notes;
        }

        private readonly IReadOnlyList<IReadOnlyList<SecurityCheck>> _hopChecks;

        /// <summary>The checks made at hop <paramref name="hopIndex"/> of the path (empty where nothing filters or evaluation stopped before).</summary>
        public IReadOnlyList<SecurityCheck> ChecksAt(int hopIndex) =>
            hopIndex >= 0 && hopIndex < _hopChecks.Count ? _hopChecks[hopIndex] : System.Array.Empty<SecurityCheck>();

        /// <summary>The verdict of hop <paramref name="hopIndex"/>: Denied if a check there denies, else Unknown if one is unknown, else Allowed; null when nothing was checked there.</summary>
        public AccessVerdict? VerdictAt(int hopIndex) => Combine(ChecksAt(hopIndex));

        /// <summary>Denied if any check denies, else Unknown if any is unknown, else Allowed; null for no checks.</summary>
        internal static AccessVerdict? Combine(IEnumerable<SecurityCheck> checks)
        {
            AccessVerdict? v = null;
            foreach (var c in checks)
            {
                if (c.Verdict == AccessVerdict.Denied) return AccessVerdict.Denied;
                if (c.Verdict == AccessVerdict.Unknown || v == AccessVerdict.Unknown) v = AccessVerdict.Unknown;
                else v = AccessVerdict.Allowed;
            }
            return v;
        }

        /// <summary>The flow evaluated.</summary>
        public Flow Flow { get; }
        /// <summary>Denied when any check denies; else Unknown when any check is unknown; else Allowed.</summary>
        public AccessVerdict Verdict { get; }
        /// <summary>
        /// Denied: the first denying rule. Allowed: the last rule on the path that is not a platform default (null when only default rules,
        /// or nothing, allowed the flow). Unknown: null.
        /// </summary>
        public SecurityRuleReference? DecidingRule { get; }
        /// <summary>Every check, in path order.</summary>
        public IReadOnlyList<SecurityCheck> Checks { get; }
        /// <summary>Assumptions the verdict rests on and what was not evaluated.</summary>
        public IReadOnlyList<string> Notes { get; }

        /// <inheritdoc />
        public override string ToString() => $"{Flow}: {Verdict}" + (DecidingRule != null ? " by " + DecidingRule : "");
    }
}
