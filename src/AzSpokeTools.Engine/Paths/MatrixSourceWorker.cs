using System;
using System.Collections.Generic;

namespace AzSpokeTools.Engine.Paths
{
    /// <summary>
    /// The pairs of one source at a time, for one thread: evaluates the source's destinations with the worker's own evaluator,
    /// checks each pair against intent, counts it, and keeps the rows the selection writes. A matrix run has one worker per
    /// thread; their counts add up to the run's summary.
    /// </summary>
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
        // Compliance depends only on the decision and the interned summary: cached per (decision, summary id).
        private readonly Dictionary<IntentDecision, bool?[]> _compliance = new Dictionary<IntentDecision, bool?[]>();

        public MatrixSourceWorker(IPairEvaluator evaluator, IReadOnlyList<PathMatrixEndpoint> endpoints, PairIntent? intent, PathMatrixSelection selection,
            bool[]? focus, List<int>? focusList, List<int>? toList, bool reasons = false)
        {
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
        public long Pairs, Violations, PairsWithIntent, PairsWithAlternatives;
        public readonly long[] ByKind = new long[Enum.GetValues(typeof(PathKind)).Length];
        public readonly long[] ByOutcome = new long[Enum.GetValues(typeof(PathOutcome)).Length];

        /// <summary>Evaluates and counts every pair of source <paramref name="i"/>; adds the rows the selection writes to <paramref name="rows"/> (null: count only).</summary>
        public void Evaluate(int i, List<PathMatrixRow>? rows)
        {
            var destinations = _focus == null || _focus[i] ? _toList : _focusList;
            _evaluator.EvaluateSource(i, _results, destinations);
            int vi = _endpoints[i].VirtualNetworkIndex;
            int count = destinations?.Count ?? _endpoints.Count;
            bool filters = _selection.FiltersRows;
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
                    PairsWithIntent++;
                    if (compliant == false) Violations++;
                }
                ByKind[(int)r.Summary.Kind]++;
                ByOutcome[(int)r.Summary.Outcome]++;
                if (r.Count > 1) PairsWithAlternatives++;
                Pairs++;
                if (rows == null || (filters && !_selection.Writes(r.Summary.Kind, compliant))) continue;
                rows.Add(new PathMatrixRow(i, j, r.Summary, r.Count, decision, compliant, _reasons?.For(i, j, r.Summary, decision, compliant)));
            }
        }

        /// <summary>Sets the summary's counts to the sum of the workers'.</summary>
        public static void Publish(PathMatrixSummary summary, IReadOnlyList<MatrixSourceWorker> workers, long elapsedMs)
        {
            var byKind = new long[Enum.GetValues(typeof(PathKind)).Length];
            var byOutcome = new long[Enum.GetValues(typeof(PathOutcome)).Length];
            summary.Pairs = summary.Violations = summary.PairsWithIntent = summary.PairsWithAlternatives = 0;
            foreach (var w in workers)
            {
                summary.Pairs += w.Pairs;
                summary.Violations += w.Violations;
                summary.PairsWithIntent += w.PairsWithIntent;
                summary.PairsWithAlternatives += w.PairsWithAlternatives;
                for (int k = 0; k < byKind.Length; k++) byKind[k] += w.ByKind[k];
                for (int k = 0; k < byOutcome.Length; k++) byOutcome[k] += w.ByOutcome[k];
            }
            summary.ByKind.Clear();
            for (int k = 0; k < byKind.Length; k++) if (byKind[k] > 0) summary.ByKind[(PathKind)k] = byKind[k];
            summary.ByOutcome.Clear();
            for (int k = 0; k < byOutcome.Length; k++) if (byOutcome[k] > 0) summary.ByOutcome[(PathOutcome)k] = byOutcome[k];
            summary.ElapsedMs = elapsedMs;
        }
    }
}
