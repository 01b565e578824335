using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using AzSpokeTools.Engine.Hosting;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Routing;

namespace AzSpokeTools.Engine.Paths
{
    /// <summary>
    /// The all-pairs matrix: the path kind of every ordered pair of VNets (or subnets), streamed row by row with summary
    /// counts and intent violations accumulated on the way; no object per pair is kept.
    /// </summary>
    /// <remarks>
    /// At VNet level each VNet stands for its representative address (<see cref="PathEndpoints"/>); VNets without a subnet
    /// holding an address prefix are skipped and listed in <see cref="PathMatrixSummary.Skipped"/>. At subnet level every subnet
    /// with an address prefix except platform subnets (GatewaySubnet, AzureFirewallSubnet, ...) is an endpoint.
    /// Rows carry the first equal-cost path and the number of equal-cost paths; transits only for delivered paths.
    /// </remarks>
    public sealed class PathMatrix
    {
        private readonly PathMatrixOptions _options;
        private readonly EffectiveRouteCalculator _calculator;
        private readonly List<PathMatrixEndpoint> _endpoints = new List<PathMatrixEndpoint>();
        private readonly List<string> _skipped = new List<string>();
        private readonly PathSummaries _summaries = new PathSummaries();

        /// <summary>The all-pairs matrix of <paramref name="topology"/>.</summary>
        public PathMatrix(Topology topology, PathMatrixOptions? options = null, ServiceTagCatalog? serviceTags = null)
        {
            Topology = topology ?? throw new ArgumentNullException(nameof(topology));
            _options = options ?? new PathMatrixOptions();
            _calculator = new EffectiveRouteCalculator(topology, serviceTags);
            ServiceTags = serviceTags;
            var vnets = topology.VirtualNetworks;
            for (int vi = 0; vi < vnets.Count; vi++)
            {
                var v = vnets[vi];
                if (_options.Level == PathMatrixLevel.VirtualNetwork)
                {
                    var s = PathEndpoints.RepresentativeSubnet(topology, v);
                    if (s == null) { _skipped.Add(v.Name + ": no subnet with an address prefix"); continue; }
                    _endpoints.Add(new PathMatrixEndpoint(_endpoints.Count, v.Name, v.Id, v, vi, s, PathEndpoints.FirstUsable(s.AddressPrefixes[0])));
                }
                else
                {
                    foreach (var s in v.Subnets)
                        if (s.AddressPrefixes.Count > 0 && !PathEndpoints.IsPlatform(s))
                            _endpoints.Add(new PathMatrixEndpoint(_endpoints.Count, s.DisplayName, s.Id, v, vi, s, PathEndpoints.FirstUsable(s.AddressPrefixes[0])));
                }
            }
        }

        /// <summary>The topology traced.</summary>
        public Topology Topology { get; }
        internal ServiceTagCatalog? ServiceTags { get; }
        /// <summary>How the matrix evaluates access where rules are not visible.</summary>
        internal Security.SecurityOptions SecurityOptions => _options.SecurityOptions;
        /// <summary>The endpoints, one per VNet (or subnet).</summary>
        public IReadOnlyList<PathMatrixEndpoint> Endpoints => _endpoints;
        /// <summary>The options the matrix runs with.</summary>
        public PathMatrixOptions Options => _options;
        /// <summary>Counts of the last run (complete once <see cref="Run"/> returns or <see cref="Rows"/> is enumerated to the end).</summary>
        public PathMatrixSummary Summary { get; private set; } = new PathMatrixSummary();

        /// <summary>Timings of the last vector run (null for the scalar engine).</summary>
        internal PathMatrixStatistics? Statistics { get; private set; }

        /// <summary>Streams every ordered pair to <paramref name="onRow"/> (may be null) and returns the summary.</summary>
        public PathMatrixSummary Run(Action<PathMatrixRow>? onRow, IEngineHost? host = null)
        {
            foreach (var row in Rows(host)) onRow?.Invoke(row);
            return Summary;
        }

        /// <summary>Every ordered pair (source != destination), source by source; the summary accumulates as rows are produced.</summary>
        public IEnumerable<PathMatrixRow> Rows(IEngineHost? host = null)
        {
            var summary = new PathMatrixSummary();
            summary.Skipped.AddRange(_skipped);
            Summary = summary;
            var watch = Stopwatch.StartNew();
            IPairEvaluator evaluator;
            if (_options.Engine == PathMatrixEngine.Scalar) evaluator = new ScalarPairEvaluator(_calculator, _endpoints, _summaries);
            else
            {
                var vector = new VectorPairEvaluator(_calculator, _endpoints, _summaries);
                Statistics = vector.Stats;
                evaluator = vector;
            }
            var intent = _options.Intent;
            var flow = _options.Flow;
            MatrixAccess? access = flow != null || (intent?.NamesFlows ?? false)
                ? new MatrixAccess(Topology, _endpoints, new Security.SecurityEvaluator(Topology, ServiceTags, s => _calculator.ForSubnet(s).Routes, _options.SecurityOptions))
                : null;
            var byAccess = new long[3];
            var sources = _options.Sources ?? Enumerable.Range(0, _endpoints.Count).ToList();
            SourceTablePrefetcher? prefetcher = null;
            if (evaluator is VectorPairEvaluator ve && _options.Parallel && Environment.ProcessorCount > 1 && sources.Count >= 16)
                ve.Prefetcher = prefetcher = new SourceTablePrefetcher(Topology, ServiceTags, _endpoints, sources);
            try
            {
            var results = new PairResult[_endpoints.Count];
            var byKind = new long[Enum.GetValues(typeof(PathKind)).Length];
            var byOutcome = new long[Enum.GetValues(typeof(PathOutcome)).Length];
            var compliance = new Dictionary<IntentDecision, bool?[]>();
            int n = _endpoints.Count;
            var focus = _options.Focus;
            List<int>? focusList = null;
            if (focus != null)
            {
                if (focus.Length != n) throw new ArgumentException($"the focus covers {focus.Length} endpoints; the matrix has {n}");
                focusList = Enumerable.Range(0, n).Where(e => focus[e]).ToList();
            }
            foreach (int i in sources)
            {
                if (host != null && (i & 255) == 0) host.Progress("Path matrix", $"source {i + 1} of {n}", (int)(100L * i / Math.Max(1, n)));
                var destinations = focus == null || focus[i] ? null : focusList;
                evaluator.EvaluateSource(i, results, destinations);
                int vi = _endpoints[i].VirtualNetworkIndex;
                int count = destinations?.Count ?? n;
                for (int k = 0; k < count; k++)
                {
                    int j = destinations?[k] ?? k;
                    if (j == i) continue;
                    var r = results[j];
                    IntentDecision? decision = intent?.For(vi, _endpoints[j].VirtualNetworkIndex);
                    bool? compliant = null;
                    if (decision != null)
                    {
                        if (!compliance.TryGetValue(decision, out var cache)) compliance[decision] = cache = new bool?[16];
                        int id = r.Summary.Id;
                        if (id >= cache.Length) { Array.Resize(ref cache, Math.Max(id + 1, cache.Length * 2)); compliance[decision] = cache; }
                        compliant = cache[id] ??= decision.IsCompliant(r.Summary.Outcome, r.Summary.Kind, r.Summary.Transits);
                        // Flows named by the intent (allow/deny) are a pair's own answer, not the path's.
                        if (compliant == true && decision.HasFlows) compliant = access!.Complies(i, j, r.Summary, decision);
                        summary.PairsWithIntent++;
                        if (compliant == false) summary.Violations++;
                    }
                    byKind[(int)r.Summary.Kind]++;
                    byOutcome[(int)r.Summary.Outcome]++;
                    if (r.Count > 1) summary.PairsWithAlternatives++;
                    summary.Pairs++;
                    Security.AccessVerdict? verdict = null;
                    Security.SecurityRuleReference? rule = null;
                    if (flow != null)
                    {
                        verdict = access!.Evaluate(i, j, r.Summary, flow, out rule);
                        byAccess[(int)verdict.Value]++;
                    }
                    yield return new PathMatrixRow(i, j, r.Summary, r.Count, decision, compliant, verdict, rule);
                }
                Publish(summary, byKind, byOutcome, byAccess, flow != null, watch);
            }
            Publish(summary, byKind, byOutcome, byAccess, flow != null, watch);
            }
            finally
            {
                prefetcher?.Dispose();
            }
        }

        private static void Publish(PathMatrixSummary summary, long[] byKind, long[] byOutcome, long[] byAccess, bool access, Stopwatch watch)
        {
            summary.ByAccess.Clear();
            if (access) for (int k = 0; k < byAccess.Length; k++) summary.ByAccess[(Security.AccessVerdict)k] = byAccess[k];
            summary.ByKind.Clear();
            for (int k = 0; k < byKind.Length; k++) if (byKind[k] > 0) summary.ByKind[(PathKind)k] = byKind[k];
            summary.ByOutcome.Clear();
            for (int k = 0; k < byOutcome.Length; k++) if (byOutcome[k] > 0) summary.ByOutcome[(PathOutcome)k] = byOutcome[k];
            summary.ElapsedMs = watch.ElapsedMilliseconds;
        }
    }
}
