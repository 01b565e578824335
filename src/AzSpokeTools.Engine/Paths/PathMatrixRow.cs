using System.Collections.Generic;

namespace AzSpokeTools.Engine.Paths
{
    /// <summary>
    /// One ordered pair of the matrix, compact: endpoint indices into <see cref="PathMatrix.Endpoints"/>, the interned summary of
    /// the first equal-cost path, the number of equal-cost paths, and the intent verdict.
    /// </summary>
    public readonly struct PathMatrixRow
    {
        internal PathMatrixRow(int source, int destination, PathSummary summary, int alternatives, IntentDecision? intent, bool? compliant,
            IReadOnlyList<PathReason>? reasons = null, Security.AccessVerdict? access = null, Security.SecurityRuleReference? accessRule = null)
        {
            Reasons = reasons;
            Access = access;
            AccessRule = accessRule;
            Source = source;
            Destination = destination;
            Summary = summary;
            Alternatives = alternatives;
            Intent = intent;
            Compliant = compliant;
        }

        /// <summary>The source endpoint's index.</summary>
        public int Source { get; }
        /// <summary>The destination endpoint's index.</summary>
        public int Destination { get; }
        /// <summary>The path's outcome, kind and transits.</summary>
        public PathSummary Summary { get; }
        /// <summary>Number of equal-cost paths (1 when the path is unique).</summary>
        public int Alternatives { get; }
        /// <summary>The intent that applies, or null.</summary>
        public IntentDecision? Intent { get; }
        /// <summary>Null when no intent applies.</summary>
        public bool? Compliant { get; }
        /// <summary>
        /// With <see cref="PathMatrixOptions.Reasons"/>: the causes and fixes found along the first path, in path order, then the
        /// intent's violations (empty when there is nothing to explain); null when the run was not asked for reasons.
        /// </summary>
        public IReadOnlyList<PathReason>? Reasons { get; }
        /// <summary>The access of the options' flow along the pair's first path; null when no flow was asked for.</summary>
        public Security.AccessVerdict? Access { get; }
        /// <summary>The rule that decided <see cref="Access"/> (the denying rule, or the last non-default allowing rule); null otherwise.</summary>
        public Security.SecurityRuleReference? AccessRule { get; }

        /// <summary>How the path ends.</summary>
        public PathOutcome Outcome => Summary.Outcome;
        /// <summary>The path's kind.</summary>
        public PathKind Kind => Summary.Kind;
    }
}
