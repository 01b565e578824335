using System;
using System.Collections.Generic;

namespace AzSpokeTools.Engine.Paths
{
    /// <summary>
    /// The reasons a matrix row carries with <c>--reasons</c> (<see cref="PathMatrixOptions.Reasons"/>): the causes and fixes the
    /// tracer finds along the pair's first equal-cost path, in path order (the reasons <c>path</c> lists first for that path), then
    /// one "not compliant" reason per intent violation, worded as <c>path</c> words it. One per matrix thread, over that thread's
    /// tracer (not thread-safe).
    /// </summary>
    /// <remarks>
    /// Most pairs share their reasons: a delivered pair without commentary gets the one empty list, and the violation reasons
    /// depend only on the intent decision and the interned summary, so they are made once per (decision, summary). Reasons found
    /// along the path name the pair's addresses (as <c>path</c> does), so those are traced per pair; the trace keeps no hops and
    /// stops at the first path instead of counting the others.
    /// </remarks>
    internal sealed class MatrixPairReasons
    {
        private static readonly PathReason[] None = Array.Empty<PathReason>();

        private readonly PathTracer _tracer;
        private readonly IReadOnlyList<PathMatrixEndpoint> _endpoints;
        private readonly Dictionary<IntentDecision, PathReason[]?[]> _violations = new Dictionary<IntentDecision, PathReason[]?[]>();

        public MatrixPairReasons(PathTracer tracer, IReadOnlyList<PathMatrixEndpoint> endpoints)
        {
            _tracer = tracer;
            _endpoints = endpoints;
        }

        /// <summary>The reasons of the pair (<paramref name="source"/>, <paramref name="destination"/>) whose first path is <paramref name="summary"/>.</summary>
        public IReadOnlyList<PathReason> For(int source, int destination, PathSummary summary, IntentDecision? decision, bool? compliant,
            MatrixAccess? access = null)
        {
            var traced = _tracer.FirstPathReasons(_endpoints[source].Subnet, _endpoints[destination].Address);
            var violations = decision != null && compliant == false ? Violations(decision, summary) : None;
            // Flows the intent names (allow/deny) fail per pair, not per summary: their reasons are worded per row, as path words them.
            if (decision != null && compliant == false && decision.HasFlows && access != null)
            {
                var flows = decision.AccessViolations(f => (access.Evaluate(source, destination, summary, f, out var rule), rule));
                if (flows.Count > 0)
                {
                    var more = new PathReason[violations.Length + flows.Count];
                    violations.CopyTo(more, 0);
                    for (int k = 0; k < flows.Count; k++)
                        more[violations.Length + k] = new PathReason(PathReasonSeverity.Error, null, "not compliant: " + flows[k], PathAnalyzer.IntentFlowFix);
                    violations = more;
                }
            }
            if (traced.Count == 0) return violations;
            if (violations.Length == 0) return traced is PathReason[] shared ? shared : new List<PathReason>(traced).ToArray();
            var all = new List<PathReason>(traced.Count + violations.Length);
            all.AddRange(traced);
            // As PathAnalyzer lists them: a reason already given is not repeated.
            foreach (var v in violations) if (!all.Contains(v)) all.Add(v);
            return all.ToArray();
        }

        private PathReason[] Violations(IntentDecision decision, PathSummary summary)
        {
            if (!_violations.TryGetValue(decision, out var bySummary)) _violations[decision] = bySummary = new PathReason[]?[16];
            if (summary.Id >= bySummary.Length)
            {
                Array.Resize(ref bySummary, Math.Max(summary.Id + 1, bySummary.Length * 2));
                _violations[decision] = bySummary;
            }
            return bySummary[summary.Id] ??= Make(decision, summary);
        }

        private static PathReason[] Make(IntentDecision decision, PathSummary summary)
        {
            var texts = decision.Violations(summary.Outcome, summary.Kind, summary.Transits);
            var reasons = new PathReason[texts.Count];
            // The wording of PathExplainer.Explain, so that a row's reasons read as the path's.
            for (int k = 0; k < texts.Count; k++) reasons[k] = new PathReason(PathReasonSeverity.Error, null, "not compliant: " + texts[k]);
            return reasons;
        }
    }
}
