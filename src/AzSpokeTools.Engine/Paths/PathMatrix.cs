using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using AzSpokeTools.Engine.Hosting;
using AzSpokeTools.Engine.Intent;
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

        public Topology Topology { get; }
        internal ServiceTagCatalog? ServiceTags { get; }
        public IReadOnlyList<PathMatrixEndpoint> Endpoints => _endpoints;
        /// <summary>Counts of the last run (complete once <see cref="Run"/> returns or <see cref="Rows"/> is enumerated to the end).</summary>
        public PathMatrixSummary Summary { get; private set; } = new PathMatrixSummary();

        /// <summary>Timings of the last vector run (null for the scalar engine).</summary>
        internal PathMatrixStatistics? Statistics { get; private set; }

        /// <summary>Streams every ordered pair to <paramref name="onRow"/> (may be null) and returns the summary.</summary>
        public PathMatrixSummary Run(Action<PathMatrixRow>? onRow, IEngineHost? host = null)
        {
            // Without a consumer there is nothing to overlap with: no read-ahead thread.
            foreach (var row in onRow == null ? RowsOfSources(host) : Rows(host)) onRow?.Invoke(row);
            return Summary;
        }

        /// <summary>
        /// Every ordered pair (source != destination) the selection writes, source by source; the summary accumulates as rows are
        /// produced. With the vector engine on two or more cores the rows are computed on a background thread a few thousand rows
        /// ahead of the consumer (same rows, same order), so that writing them and computing the next ones overlap.
        /// </summary>
        public IEnumerable<PathMatrixRow> Rows(IEngineHost? host = null)
        {
            if (!(_options.Parallel && _options.Engine == PathMatrixEngine.Vector && _options.Focus == null && Environment.ProcessorCount > 1))
                return RowsOfSources(host);
            return WithProgress(ReadAheadEnumerable.Of(RowsOfSources(null)), host);
        }

        /// <summary>Reports progress on the consumer's thread (the host's thread) as the sources go by.</summary>
        private IEnumerable<PathMatrixRow> WithProgress(IEnumerable<PathMatrixRow> rows, IEngineHost? host)
        {
            int last = -1, n = _endpoints.Count;
            foreach (var row in rows)
            {
                if (host != null && row.Source != last && (row.Source & 255) == 0)
                    host.Progress("Path matrix", $"source {row.Source + 1} of {n}", (int)(100L * row.Source / Math.Max(1, n)));
                last = row.Source;
                yield return row;
            }
        }

        private IEnumerable<PathMatrixRow> RowsOfSources(IEngineHost? host)
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
            
            var selection = _options.Selection ?? new PathMatrixSelection();
            var sources = selection.Sources(_endpoints, _options.Sources);
            var toMask = selection.Destinations(_endpoints);
            bool filtersRows = selection.FiltersRows;
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
                focusList = Enumerable.Range(0, n).Where(e => focus[e] && (toMask == null || toMask[e])).ToList();
            }
            var toList = toMask == null ? null : Enumerable.Range(0, n).Where(e => toMask[e]).ToList();
            foreach (int i in sources)
            {
                if (host != null && (i & 255) == 0) host.Progress("Path matrix", $"source {i + 1} of {n}", (int)(100L * i / Math.Max(1, n)));
                var destinations = focus == null || focus[i] ? toList : focusList;
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
                        summary.PairsWithIntent++;
                        if (compliant == false) summary.Violations++;
                    }
                    byKind[(int)r.Summary.Kind]++;
                    byOutcome[(int)r.Summary.Outcome]++;
                    if (r.Count > 1) summary.PairsWithAlternatives++;
                    summary.Pairs++;
                    if (filtersRows && !selection.Writes(r.Summary.Kind, compliant)) continue;
                    yield return new PathMatrixRow(i, j, r.Summary, r.Count, decision, compliant);
                }
                Publish(summary, byKind, byOutcome, watch);
            }
            Publish(summary, byKind, byOutcome, watch);
            }
            finally
            {
                prefetcher?.Dispose();
            }
        }

        private static void Publish(PathMatrixSummary summary, long[] byKind, long[] byOutcome, Stopwatch watch)
        {
            summary.ByKind.Clear();
            for (int k = 0; k < byKind.Length; k++) if (byKind[k] > 0) summary.ByKind[(PathKind)k] = byKind[k];
            summary.ByOutcome.Clear();
            for (int k = 0; k < byOutcome.Length; k++) if (byOutcome[k] > 0) summary.ByOutcome[(PathOutcome)k] = byOutcome[k];
            summary.ElapsedMs = watch.ElapsedMilliseconds;
        }
    }
}
