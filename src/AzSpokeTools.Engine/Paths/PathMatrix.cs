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

        /// <summary>Effective route tables the first thread's calculator keeps (for the tests: sources' tables are not kept).</summary>
        internal int KeptTables => _calculator.DistinctTables;

        /// <summary>Timings of the last vector run (null for the scalar engine).</summary>
        internal PathMatrixStatistics? Statistics { get; private set; }

        /// <summary>Streams every ordered pair to <paramref name="onRow"/> (may be null) and returns the summary.</summary>
        public PathMatrixSummary Run(Action<PathMatrixRow>? onRow, IEngineHost? host = null)
        {
            foreach (var row in Enumerate(host, keepRows: onRow != null)) onRow?.Invoke(row);
            return Summary;
        }

        /// <summary>
        /// Every ordered pair (source != destination) the selection writes, source by source; the summary accumulates as rows are
        /// produced. The vector engine uses <see cref="PathMatrixOptions.Threads"/> threads (default: every core): sources are
        /// evaluated in parallel and the rows come out in the same order as on one thread.
        /// </summary>
        public IEnumerable<PathMatrixRow> Rows(IEngineHost? host = null) => Enumerate(host, keepRows: true);

        /// <summary>The threads a run uses: one for the scalar reference or when asked; else every core (the what-if's focused runs too).</summary>
        internal int Threads =>
            _options.Engine == PathMatrixEngine.Scalar || !_options.Parallel ? 1
            : Math.Max(1, _options.Threads ?? Environment.ProcessorCount);

        private IEnumerable<PathMatrixRow> Enumerate(IEngineHost? host, bool keepRows)
        {
            var summary = new PathMatrixSummary();
            summary.Skipped.AddRange(_skipped);
            Summary = summary;
            var watch = Stopwatch.StartNew();
            var selection = _options.Selection ?? new PathMatrixSelection();
            var sources = selection.Sources(_endpoints, _options.Sources);
            var toMask = selection.Destinations(_endpoints);
            var intent = _options.Intent;
            var flow = _options.Flow;
            bool access = flow != null || (intent?.NamesFlows ?? false);
            int n = _endpoints.Count;
            var focus = _options.Focus;
            List<int>? focusList = null;
            if (focus != null)
            {
                if (focus.Length != n) throw new ArgumentException($"the focus covers {focus.Length} endpoints; the matrix has {n}");
                focusList = Enumerable.Range(0, n).Where(e => focus[e] && (toMask == null || toMask[e])).ToList();
            }
            var toList = toMask == null ? null : Enumerable.Range(0, n).Where(e => toMask[e]).ToList();
            int threads = Math.Min(Threads, Math.Max(1, sources.Count / 8));
            var workers = new List<MatrixSourceWorker>();
            var tables = access && _options.Engine == PathMatrixEngine.Vector ? new SharedEndpointTables(_endpoints) : null;
            MatrixSourceWorker NewWorker(EffectiveRouteCalculator calculator, PathSummaries summaries)
            {
                IPairEvaluator evaluator;
                if (_options.Engine == PathMatrixEngine.Scalar) evaluator = new ScalarPairEvaluator(calculator, _endpoints, summaries);
                else
                {
                    var vector = new VectorPairEvaluator(calculator, _endpoints, summaries);
                    if (workers.Count == 0) Statistics = vector.Stats;
                    evaluator = vector;
                }
                // Access answers are memoised per worker (PairAccessMemo keys them by the worker's own interned path summaries and is
                // not thread-safe); each worker builds its own on its thread. The vector engine's workers share the endpoints' route
                // tables (computed once per run, each by the first worker to ask) and start building hosts at different endpoints,
                // so that they split that work instead of both doing all of it; the scalar reference reads its own calculator's.
                int index = workers.Count;
                Func<Subnet, IReadOnlyList<EffectiveRoute>> routesOf = s => calculator.ForSubnet(s).Routes;
                if (tables != null)
                {
                    routesOf = s => tables.RoutesOf(s, calculator);
                    ((VectorPairEvaluator)evaluator).SharedTables = tables;
                }
                Func<MatrixAccess>? newAccess = access
                    ? () => new MatrixAccess(Topology, _endpoints, new Security.SecurityEvaluator(Topology, ServiceTags, routesOf, _options.SecurityOptions),
                        start: index * _endpoints.Count / Math.Max(1, workers.Count))
                    : null;
                var w = new MatrixSourceWorker(evaluator, _endpoints, intent, selection, focus, focusList, toList, keepRows && _options.Reasons, flow, newAccess);
                workers.Add(w);
                return w;
            }
            void Report(int i)
            {
                if (host != null && (i & 255) < 8) host.Progress("Path matrix", $"source {i + 1} of {n}", (int)(100L * i / Math.Max(1, n)));
            }
            if (threads > 1)
            {
                // Each thread its own calculator and intern table: neither is thread-safe. Rows leave one core to the consumer that
                // writes them, so that computing and writing overlap instead of competing; a consumer that only stores them (the
                // what-if) needs no core of its own.
                int computing = keepRows && !_options.StoredRows ? threads - 1 : threads;
                NewWorker(_calculator, _summaries);
                for (int t = 1; t < computing; t++) NewWorker(new EffectiveRouteCalculator(Topology, ServiceTags), new PathSummaries());
                foreach (var row in new ParallelMatrixRun(sources, threads).Rows(workers, keepRows, Report)) yield return row;
                MatrixSourceWorker.Publish(summary, workers, watch.ElapsedMilliseconds);
                yield break;
            }
            var worker = NewWorker(_calculator, _summaries);
            SourceTablePrefetcher? prefetcher = null;
            if (worker.Evaluator is VectorPairEvaluator ve && _options.Parallel && Environment.ProcessorCount > 1 && sources.Count >= 16 && _options.Threads != 1)
                ve.Prefetcher = prefetcher = new SourceTablePrefetcher(Topology, ServiceTags, _endpoints, sources);
            try
            {
                var rows = keepRows ? new List<PathMatrixRow>() : null;
                foreach (int i in sources)
                {
                    if (host != null && (i & 255) == 0) Report(i);
                    worker.Evaluate(i, rows);
                    MatrixSourceWorker.Publish(summary, workers, watch.ElapsedMilliseconds);
                    if (rows == null) continue;
                    foreach (var row in rows) yield return row;
                    rows.Clear();
                }
                MatrixSourceWorker.Publish(summary, workers, watch.ElapsedMilliseconds);
            }
            finally
            {
                prefetcher?.Dispose();
            }
        }
    }
}
