using System;
using System.Collections.Generic;
using System.Linq;
using AzSpokeTools.Engine.Addresses;
using AzSpokeTools.Engine.Evaluation;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Routing;

namespace AzSpokeTools.Engine.Paths
{
    /// <summary>
    /// The fast matrix engine. Per source it looks up every destination in one batch through the source subnet's compiled table,
    /// works out once per winner set what the first hop does (deliver into a VNet, stop, or continue at a location), and
    /// memoises each continuation by (location, destination) in a <see cref="ContinuationMemo"/>: after the first hop, the rest
    /// of a trace depends only on where the packet is and where it is going.
    /// </summary>
    internal sealed class VectorPairEvaluator : IPairEvaluator, IContinuationHook
    {
        private readonly PathTracer _tracer;
        private readonly CompiledPathRouteLookup _lookup;
        private readonly IReadOnlyList<PathMatrixEndpoint> _endpoints;
        private readonly PathSummaries _summaries;
        private readonly uint[]? _v4;
        private readonly IpAddressValue[] _addresses;
        private readonly bool[] _deliverable;
        private readonly int[] _sets;
        private readonly ContinuationMemo _memo;
        private bool _probing;
        private PlanStep? _captured;

        public VectorPairEvaluator(EffectiveRouteCalculator calculator, IReadOnlyList<PathMatrixEndpoint> endpoints, PathSummaries summaries)
        {
            _lookup = new CompiledPathRouteLookup(calculator);
            _tracer = new PathTracer(_lookup) { Hook = this };
            _endpoints = endpoints;
            _summaries = summaries;
            _addresses = endpoints.Select(e => e.Address).ToArray();
            if (_addresses.All(a => !a.IsV6)) _v4 = _addresses.Select(a => (uint)a.Low).ToArray();
            _sets = new int[endpoints.Count];
            _memo = new ContinuationMemo(_tracer, summaries, _addresses, Stats);
            // A destination is delivered by a route into its own VNet when its address is in a subnet of that VNet (PathTracer.Deliver).
            _deliverable = endpoints.Select(e => e.VirtualNetwork.AddressSpace.Any(p => p.Contains(e.Address)) &&
                                                 e.VirtualNetwork.Subnets.Any(s => s.AddressPrefixes.Any(p => p.Contains(e.Address)))).ToArray();
        }

        public int DistinctTables => _lookup.DistinctTables;

        public PathTracer Tracer => _tracer;

        internal CompiledPathRouteLookup Lookup => _lookup;

        /// <summary>The endpoints' route tables the run's workers share (set when the run evaluates access), read for the sources too.</summary>
        internal SharedEndpointTables? SharedTables { get; set; }

        /// <summary>Computes some sources' effective routes on another thread, when set.</summary>
        internal SourceTablePrefetcher? Prefetcher { get; set; }

        private readonly Dictionary<SharedRouteLayer, SharedLayerLookup> _layers = new Dictionary<SharedRouteLayer, SharedLayerLookup>();
        private readonly Dictionary<string, int> _actionKeys = new Dictionary<string, int>();

        internal SharedLayerLookup SharedLookup(SharedRouteLayer layer)
        {
            if (!_layers.TryGetValue(layer, out var l)) _layers[layer] = l = new SharedLayerLookup(layer);
            return l;
        }

        private IReadOnlyList<EffectiveRoute>? _lastSourceRows;
        private CompiledRouteTable? _lastSourceTable;

        /// <summary>
        /// A source's own rows compiled for its one pass: not kept (a source's table is read once), except that the next source with
        /// the same list (another subnet of the same VNet) reuses it.
        /// </summary>
        internal CompiledRouteTable CompileSourceRows(IReadOnlyList<EffectiveRoute> rows)
        {
            if (!ReferenceEquals(rows, _lastSourceRows))
            {
                _lastSourceTable = RouteTableCompiler.Compile(rows);
                _lastSourceRows = rows;
            }
            return _lastSourceTable!;
        }

        /// <summary>A positive id per distinct first-hop action key.</summary>
        internal int ActionId(string key)
        {
            if (!_actionKeys.TryGetValue(key, out var id)) _actionKeys[key] = id = _actionKeys.Count + 1;
            return id;
        }

        internal int[] LookupAll(CompiledRouteTable table)
        {
            var sets = new int[_addresses.Length];
            if (_v4 != null) table.LookupBatch(_v4, sets);
            else table.LookupBatch(_addresses, sets);
            return sets;
        }

        public void EvaluateSource(int source, PairResult[] into, IReadOnlyList<int>? destinations = null)
        {
            var src = _endpoints[source].Subnet;
            long t0 = System.Diagnostics.Stopwatch.GetTimestamp();
            var first = FirstHops.For(this, SharedTables?.RoutesOf(src, _lookup.Calculator) ?? Prefetcher?.Take(source) ?? _lookup.SourceRoutes(src));
            long t1 = System.Diagnostics.Stopwatch.GetTimestamp();
            Stats.Tables += t1 - t0;
            int n = _endpoints.Count;
            if (_v4 != null) first.Own.Table.LookupBatch(_v4, _sets);
            else first.Own.Table.LookupBatch(_addresses, _sets);
            var shared = first.Shared;
            int[]? sharedSets = shared?.SetsByDestination(this);
            var ownPlans = new Plan?[first.Own.Table.WinnerSetCount + 1];
            var actionPlans = new Plan?[_actionKeys.Count + 1];
            Dictionary<long, Plan>? otherPlans = null;
            int count = destinations?.Count ?? n;
            for (int k = 0; k < count; k++)
            {
                int j = destinations?[k] ?? k;
                if (j == source) continue;
                int o = _sets[j];
                int ol = o == CompiledRouteTable.NoRoute ? -1 : first.Own.Length(o, _addresses[j]);
                Plan plan;
                if (shared == null) plan = ownPlans[o + 1] ??= Probe(src, first.Own.WinnersOf(o), j);
                else
                {
                    int sh = sharedSets![j];
                    int sl = sh == CompiledRouteTable.NoRoute ? -1 : shared.Length(sh, _addresses[j]);
                    // docs/routing-model.md#route-selection: the longest prefix wins across the table's own rows and the shared layer;
                    // equal lengths are equal-cost alternatives, own rows first as the table lists them.
                    if (ol > sl) plan = ownPlans[o + 1] ??= Probe(src, first.Own.WinnersOf(o), j);
                    else if (ol < 0 && sl < 0) plan = ownPlans[0] ??= Probe(src, first.Own.WinnersOf(CompiledRouteTable.NoRoute), j);
                    else if (sl > ol && !first.Changes(sh))
                    {
                        int action = shared.ActionOf(this, sh);
                        if (action >= actionPlans.Length) Array.Resize(ref actionPlans, _actionKeys.Count + 1);
                        plan = actionPlans[action] ??= Probe(src, shared.WinnersOf(sh), j);
                    }
                    else
                    {
                        // A tie (own rows first, as the table lists them), or the table leaves out or invalidates one of the layer's
                        // winners here: with an own winner as long, the valid rows of both are the winners; otherwise the exact lookup decides.
                        otherPlans ??= new Dictionary<long, Plan>();
                        long key = ((long)(o + 1) << 32) | (uint)(sh + 1);
                        if (!otherPlans.TryGetValue(key, out plan!))
                            otherPlans[key] = plan = Probe(src, ol == sl ? first.Own.WinnersOf(o).Concat(first.Valid(shared, sh)).ToList() : ExactWinners(src, _addresses[j]), j);
                    }
                }
                into[j] = plan.Evaluate(this, src, j);
            }
            Stats.Pairs += System.Diagnostics.Stopwatch.GetTimestamp() - t1;
        }

        /// <summary>Where the time goes, for the benchmark.</summary>
        internal PathMatrixStatistics Stats { get; } = new PathMatrixStatistics();

        private readonly List<int> _exactIndices = new List<int>();

        private List<EffectiveRoute> ExactWinners(Subnet src, IpAddressValue dst)
        {
            Stats.Exact++;
            var routes = _lookup.TableOf(src).Routes;
            ScalarRouteLookup.Lookup(routes, dst, _exactIndices);
            var list = new List<EffectiveRoute>(_exactIndices.Count);
            foreach (var i in _exactIndices) list.Add(routes[i]);
            return list;
        }

        /// <summary>What the first hop does for every destination that the same winning routes carry.</summary>
        private Plan Probe(Subnet src, List<EffectiveRoute> winners, int j)
        {
            long t = System.Diagnostics.Stopwatch.GetTimestamp();
            try { return ProbeCore(src, winners, j); }
            finally { Stats.ProbeTicks += System.Diagnostics.Stopwatch.GetTimestamp() - t; }
        }

        private Plan ProbeCore(Subnet src, List<EffectiveRoute> winners, int j)
        {
            Stats.Probes++;
            var plan = new Plan();
            if (winners.Count == 0)
            {
                // Same as PathTracer.AtSubnet without a winning route.
                plan.Steps.Add(PlanStep.Terminal(new PairResult(_summaries.Get(PathOutcome.Dropped), 1)));
                return plan;
            }
            var srcLoc = _tracer.Location(TraceLocationKind.Subnet, src);
            foreach (var (route, ip) in PathTracer.Alternatives(winners))
            {
                var b = new TraceBuilder(false);
                b.Visited.Add(srcLoc.Index);
                var ends = new List<TraceEnd>();
                _probing = true;
                _captured = null;
                try
                {
                    _tracer.Act(src, route, ip, _addresses[j], b, ends, atSource: true);
                }
                finally
                {
                    _probing = false;
                }
                if (_captured != null) plan.Steps.Add(_captured);
                else foreach (var e in ends) plan.Steps.Add(PlanStep.Terminal(new PairResult(_summaries.Get(e.Outcome, e.Builder.Transits, e.Builder.Devices), 1)));
            }
            return plan;
        }

        void IContinuationHook.Continue(PathTracer tracer, TraceLocation loc, IpAddressValue dst, TraceBuilder b, List<TraceEnd> ends)
        {
            if (_probing)
            {
                _captured = PlanStep.Continue(loc, b.Transits.ToArray(), b.Devices.ToArray());
                return;
            }
            _memo.Continue(tracer, loc, dst, b, ends);
        }

        bool IContinuationHook.Deliver(VirtualNetwork vnet, PathKind? transit, TraceBuilder b, List<TraceEnd> ends)
        {
            if (!_probing) return false;
            var t = b.Transits.ToList();
            if (transit is PathKind k) t.Add(k);
            _captured = PlanStep.Deliver(vnet, new PairResult(_summaries.Get(PathOutcome.Delivered, t, b.Devices), 1));
            return true;
        }

        /// <summary>A full trace for a pair the plan cannot settle (delivery into a VNet other than the destination's: overlapping spaces).</summary>
        internal PairResult FullTrace(Subnet src, int j)
        {
            _tracer.Hook = null;
            try
            {
                var ends = _tracer.Trace(src, _addresses[j], detail: false, keep: 1);
                return new PairResult(_summaries.Get(ends.Ends[0].Outcome, ends.Ends[0].Builder.Transits, ends.Ends[0].Builder.Devices), PairResult.Clamp(ends.Total));
            }
            finally
            {
                _tracer.Hook = this;
            }
        }

        private sealed class Plan
        {
            public readonly List<PlanStep> Steps = new List<PlanStep>(1);

            public PairResult Evaluate(VectorPairEvaluator e, Subnet src, int j)
            {
                if (Steps.Count == 1) return Steps[0].Evaluate(e, src, j);
                PathSummary? first = null;
                long count = 0;
                foreach (var s in Steps)
                {
                    var r = s.Evaluate(e, src, j);
                    first ??= r.Summary;
                    count += r.Count;
                }
                return new PairResult(first!, PairResult.Clamp(count));
            }
        }

        private sealed class PlanStep
        {
            private PairResult _result;
            private VirtualNetwork? _deliverTo;
            private TraceLocation? _continueAt;
            private PathKind[] _prefix = Array.Empty<PathKind>();
            private ForwardingDevice[] _devices = Array.Empty<ForwardingDevice>();
            private PairResult[] _combined = Array.Empty<PairResult>();

            public static PlanStep Terminal(PairResult r) => new PlanStep { _result = r };
            public static PlanStep Deliver(VirtualNetwork vnet, PairResult r) => new PlanStep { _result = r, _deliverTo = vnet };
            public static PlanStep Continue(TraceLocation loc, PathKind[] prefix, ForwardingDevice[] devices) => new PlanStep { _continueAt = loc, _prefix = prefix, _devices = devices };

            public PairResult Evaluate(VectorPairEvaluator e, Subnet src, int j)
            {
                if (_continueAt != null)
                {
                    // The first location after the source is at depth 1.
                    var c = e._memo.At(_continueAt, j, 1);
                    if (c.Id >= _combined.Length) Array.Resize(ref _combined, Math.Max(c.Id + 1, _combined.Length * 2));
                    var r = _combined[c.Id];
                    if (r.IsEmpty) _combined[c.Id] = r = new PairResult(e._summaries.Combine(_prefix, _devices, c.First), PairResult.Clamp(c.Count));
                    return r;
                }
                if (_deliverTo != null)
                    return _deliverTo == e._endpoints[j].VirtualNetwork && e._deliverable[j] ? _result : e.FullTrace(src, j);
                return _result;
            }
        }
    }
}
