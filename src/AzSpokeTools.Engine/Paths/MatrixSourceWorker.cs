using System;
using System.Collections.Generic;

namespace AzSpokeTools.Engine.Paths
{
    /// <summary>
    /// The pairs of one source at a time, for one thread: evaluates the source's destinations with the worker's own evaluator,
    /// checks each pair against intent, evaluates the flow's access when one is asked for, counts it, and keeps the rows the
    /// selection writes. A matrix run has one worker per thread; their counts add up to the run's summary.
    /// </summary>
    /// <remarks>
    /// Access answers come from the worker's own <see cref="MatrixAccess"/>: its memo is keyed by this worker's interned path
    /// summaries and mutates its hosts while it learns a pair, so it is never shared between threads. It is built on the worker's
    /// thread at its first pair, so the hosts of several workers compile in parallel.
    /// </remarks>
    internal sealed class MatrixSourceWorker
    {
        private readonly IPairEvaluator _evaluator;
        private readonly IReadOnlyList<PathMatrixEndpoint> _endpoints;
        private readonly PairIntent? _intent;
        private readonly PathMatrixSelection _selection;
        private readonly bool[]? _focus;
        private readonly List<int>? _focusList, _toList;
        private readonly PairResult[] _results;
        private readonly MatrixPairReasons? _reasons;
        private readonly Security.Flow? _flow;
        private readonly Func<MatrixAccess>? _newAccess;
        private MatrixAccess? _access;
        // Compliance depends only on the decision and the interned summary: cached per (decision, summary id).
        private readonly Dictionary<IntentDecision, bool?[]> _compliance = new Dictionary<IntentDecision, bool?[]>();

        public MatrixSourceWorker(IPairEvaluator evaluator, IReadOnlyList<PathMatrixEndpoint> endpoints, PairIntent? intent, PathMatrixSelection selection,
            bool[]? focus, List<int>? focusList, List<int>? toList, bool reasons = false, Security.Flow? flow = null, Func<MatrixAccess>? newAccess = null)
        {
            if (flow != null && newAccess == null) throw new ArgumentException("a flow needs access", nameof(newAccess));
            _flow = flow;
            _newAccess = newAccess;
            if (reasons) _reasons = new MatrixPairReasons(evaluator.Tracer, endpoints);
            _evaluator = evaluator;
            _endpoints = endpoints;
            _intent = intent;
            _selection = selection;
            _focus = focus;
            _focusList = focusList;
            _toList = toList;
            _results = new PairResult[endpoints.Count];
        }

        public IPairEvaluator Evaluator => _evaluator;
        /// <summary>This worker's access answers (built at first use); null when the run evaluates no access.</summary>
        internal MatrixAccess? Access => _access ??= _newAccess?.Invoke();
        public long Pairs, Violations, PairsWithIntent, PairsWithAlternatives;
        public readonly long[] ByKind = new long[Enum.GetValues(typeof(PathKind)).Length];
        public readonly long[] ByOutcome = new long[Enum.GetValues(typeof(PathOutcome)).Length];
        public readonly long[] ByAccess = new long[Enum.GetValues(typeof(Security.AccessVerdict)).Length];

        /// <summary>Evaluates and counts every pair of source <paramref name="i"/>; adds the rows the selection writes to <paramref name="rows"/> (null: count only).</summary>
        public void Evaluate(int i, List<PathMatrixRow>? rows)
        {
            var destinations = _focus == null || _focus[i] ? _toList : _focusList;
            _evaluator.EvaluateSource(i, _results, destinations);
            int vi = _endpoints[i].VirtualNetworkIndex;
            int count = destinations?.Count ?? _endpoints.Count;
            bool filters = _selection.FiltersRows;
            var access = Access;
            for (int k = 0; k < count; k++)
            {
                int j = destinations?[k] ?? k;
                if (j == i) continue;
                var r = _results[j];
                IntentDecision? decision = _intent?.For(vi, _endpoints[j].VirtualNetworkIndex);
                bool? compliant = null;
                if (decision != null)
                {
                    if (!_compliance.TryGetValue(decision, out var cache)) _compliance[decision] = cache = new bool?[16];
                    int id = r.Summary.Id;
                    if (id >= cache.Length) { Array.Resize(ref cache, Math.Max(id + 1, cache.Length * 2)); _compliance[decision] = cache; }
                    compliant = cache[id] ??= decision.IsCompliant(r.Summary.Outcome, r.Summary.Kind, r.Summary.Transits);
                    // Flows named by the intent (allow/deny) are a pair's own answer, not the path's.
                    if (compliant == true && decision.HasFlows) compliant = access!.Complies(i, j, r.Summary, decision);
                    PairsWithIntent++;
                    if (compliant == false) Violations++;
                }
                ByKind[(int)r.Summary.Kind]++;
                ByOutcome[(int)r.Summary.Outcome]++;
                if (r.Count > 1) PairsWithAlternatives++;
                Pairs++;
                Security.AccessVerdict? verdict = null;
                Security.SecurityRuleReference? rule = null;
                if (_flow != null)
                {
                    verdict = access!.Evaluate(i, j, r.Summary, _flow, out rule);
                    ByAccess[(int)verdict.Value]++;
                }
                if (rows == null || (filters && !_selection.Writes(r.Summary.Kind, compliant))) continue;
                rows.Add(new PathMatrixRow(i, j, r.Summary, r.Count, decision, compliant, _reasons?.For(i, j, r.Summary, decision, compliant, access), verdict, rule));
            }
        }

        /// <summary>Sets the summary's counts to the sum of the workers'.</summary>
        public static void Publish(PathMatrixSummary summary, IReadOnlyList<MatrixSourceWorker> workers, long elapsedMs)
        {
            var byKind = new long[Enum.GetValues(typeof(PathKind)).Length];
            var byOutcome = new long[Enum.GetValues(typeof(PathOutcome)).Length];
            var byAccess = new long[Enum.GetValues(typeof(Security.AccessVerdict)).Length];
            bool access = false;
            summary.Pairs = summary.Violations = summary.PairsWithIntent = summary.PairsWithAlternatives = 0;
            foreach (var w in workers)
            {
                summary.Pairs += w.Pairs;
                summary.Violations += w.Violations;
                summary.PairsWithIntent += w.PairsWithIntent;
                summary.PairsWithAlternatives += w.PairsWithAlternatives;
                for (int k = 0; k < byKind.Length; k++) byKind[k] += w.ByKind[k];
                for (int k = 0; k < byOutcome.Length; k++) byOutcome[k] += w.ByOutcome[k];
                for (int k = 0; k < byAccess.Length; k++) byAccess[k] += w.ByAccess[k];
                access |= w._flow != null;
            }
            // Every verdict is listed (zeros too) when a flow was asked for.
            summary.ByAccess.Clear();
            if (access) for (int k = 0; k < byAccess.Length; k++) summary.ByAccess[(Security.AccessVerdict)k] = byAccess[k];
            summary.ByKind.Clear();
            for (int k = 0; k < byKind.Length; k++) if (byKind[k] > 0) summary.ByKind[(PathKind)k] = byKind[k];
            summary.ByOutcome.Clear();
            for (int k = 0; k < byOutcome.Length; k++) if (byOutcome[k] > 0) summary.ByOutcome[(PathOutcome)k] = byOutcome[k];
            summary.ElapsedMs = elapsedMs;
        }
    }
}
