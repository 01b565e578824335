using System.Collections.Generic;
using AzSpokeTools.Engine.Routing;

namespace AzSpokeTools.Engine.Paths
{
    /// <summary>
    /// The reference matrix engine: a full trace per pair, scalar lookups, nothing memoised up to <see cref="ExhaustivePaths"/>
    /// equal-cost paths per pair; beyond that the remaining paths are counted through the tracer's memo so that fan-out stays bounded.
    /// </summary>
    internal sealed class ScalarPairEvaluator : IPairEvaluator
    {
        /// <summary>Equal-cost paths per pair traced one by one before the rest are counted.</summary>
        internal const int ExhaustivePaths = 256;

        private readonly PathTracer _tracer;
        private readonly IReadOnlyList<PathMatrixEndpoint> _endpoints;
        private readonly PathSummaries _summaries;

        public ScalarPairEvaluator(EffectiveRouteCalculator calculator, IReadOnlyList<PathMatrixEndpoint> endpoints, PathSummaries summaries)
        {
            _tracer = new PathTracer(new ScalarPathRouteLookup(calculator));
            _endpoints = endpoints;
            _summaries = summaries;
        }

        public PathTracer Tracer => _tracer;

        public void EvaluateSource(int source, PairResult[] into, IReadOnlyList<int>? destinations = null)
        {
            var src = _endpoints[source].Subnet;
            int count = destinations?.Count ?? _endpoints.Count;
            for (int k = 0; k < count; k++)
            {
                int j = destinations?[k] ?? k;
                if (j == source) continue;
                var ends = _tracer.Trace(src, _endpoints[j].Address, detail: false, keep: ExhaustivePaths);
                into[j] = new PairResult(_summaries.Get(ends.Ends[0].Outcome, ends.Ends[0].Builder.Transits, ends.Ends[0].Builder.Devices), PairResult.Clamp(ends.Total));
            }
        }
    }
}
