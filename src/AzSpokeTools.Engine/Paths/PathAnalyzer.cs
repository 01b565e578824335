using System;
using System.Collections.Generic;
using System.Linq;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Routing;
using AzSpokeTools.Engine.Security;

namespace AzSpokeTools.Engine.Paths
{
    /// <summary>
    /// Traces paths between endpoints of one topology, with the reverse path, symmetry, intent and explanation.
    /// Effective route tables are computed once per subnet and shared by every trace of this analyzer.
    /// </summary>
    public sealed class PathAnalyzer
    {
        private readonly PathTracer _tracer;
        private readonly ServiceTagCatalog? _serviceTags;
        private SecurityEvaluator? _security;

        /// <summary>The fix given for an intent flow (allow/deny) the path does not meet; the matrix's reasons give it too.</summary>
        internal const string IntentFlowFix = "see the path's access for that flow (--protocol/--port) for the deciding rule and its fix";

        /// <summary>An analyzer of <paramref name="topology"/>, resolving service-tag routes with <paramref name="serviceTags"/> when given.</summary>
        public PathAnalyzer(Topology topology, ServiceTagCatalog? serviceTags = null)
        {
            Topology = topology ?? throw new ArgumentNullException(nameof(topology));
            _serviceTags = serviceTags;
            _tracer = new PathTracer(new ScalarPathRouteLookup(new EffectiveRouteCalculator(topology, serviceTags)));
        }

        /// <summary>How access is evaluated where rules are not visible (network virtual appliances).</summary>
        public SecurityOptions SecurityOptions { get; set; } = new SecurityOptions();

        /// <summary>The evaluator of security rules, sharing this analyzer's effective route tables.</summary>
        internal SecurityEvaluator AccessEvaluator =>
            _security ??= new SecurityEvaluator(Topology, _serviceTags, s => _tracer.Lookup.TableOf(s).Routes, SecurityOptions);

        /// <summary>The topology traced.</summary>
        public Topology Topology { get; }

        internal PathTracer Tracer => _tracer;

        /// <summary>The default of <see cref="MaxPaths"/>.</summary>
        public const int DefaultMaxPaths = 16;

        /// <summary>
        /// Most equal-cost paths traced in full per direction (default <see cref="DefaultMaxPaths"/>, at least 1); the others are
        /// counted in <see cref="PathResult.MoreAlternatives"/> without being traced one by one.
        /// </summary>
        public int MaxPaths { get; set; } = DefaultMaxPaths;

        /// <summary>Resolves both ends (names, VNET/SUBNET, NIC, IP or id) and traces.</summary>
        public PathResult Trace(string source, string destination, PairIntent? intent = null) =>
            Trace(PathEndpoints.Resolve(Topology, source, "Source"), PathEndpoints.Resolve(Topology, destination, "Destination"), intent);

        /// <summary>The path from <paramref name="source"/> to <paramref name="destination"/>, its reverse, and the intent check.</summary>
        public PathResult Trace(PathEndpoint source, PathEndpoint destination, PairIntent? intent = null) => Trace(source, destination, intent, null);

        /// <summary>
        /// As <see cref="Trace(PathEndpoint, PathEndpoint, PairIntent?)"/>, and with a <paramref name="flow"/> the access of the path and
        /// of each equal-cost alternative (<see cref="PathResult.Access"/>; the reverse path is return traffic, admitted statefully).
        /// </summary>
        public PathResult Trace(PathEndpoint source, PathEndpoint destination, PairIntent? intent, Flow? flow)
        {
            if (source.Subnet == null)
                throw new EngineInputException("Source", $"{source.Description}: a path must start in a subnet of the snapshot");
            int keep = Math.Max(1, MaxPaths);
            var forward = Build(source, destination, _tracer.Trace(source.Subnet, destination.Address, detail: true, keep));
            if (destination.Subnet != null)
            {
                var reverse = Build(destination, source, _tracer.Trace(destination.Subnet, source.Address, detail: true, keep));
                forward.Reverse = reverse;
                foreach (var alt in forward.Alternatives) alt.Reverse = reverse;
                forward.Symmetric = Symmetric(forward, reverse);
                foreach (var alt in forward.Alternatives) alt.Symmetric = Symmetric(alt, reverse);
            }
            var decision = intent != null && source.VirtualNetwork != null && destination.VirtualNetwork != null
                ? intent.For(source.VirtualNetwork, destination.VirtualNetwork) : null;
            foreach (var r in new[] { forward }.Concat(forward.Alternatives))
            {
                if (decision != null)
                {
                    r.Intended = decision.Expect;
                    r.IntentRule = decision.RuleName;
                    r.Compliant = decision.IsCompliant(r.Outcome, r.Kind, r.Transits);
                    if (decision.HasFlows)
                    {
                        var path = r;
                        foreach (var v in decision.AccessViolations(f => PathAccessEvaluator.VerdictOf(path, AccessEvaluator, f)))
                        {
                            r.Compliant = false;
                            r.Reasons.Add(new PathReason(PathReasonSeverity.Error, null, "not compliant: " + v, IntentFlowFix));
                        }
                    }
                }
                PathExplainer.Explain(r, _tracer, decision);
                if (flow != null) PathAccessEvaluator.Evaluate(r, AccessEvaluator, flow);
            }
            return forward;
        }

        private PathResult Build(PathEndpoint source, PathEndpoint destination, TraceEnds ends)
        {
            PathResult? first = null;
            foreach (var end in ends.Ends)
            {
                var reasons = new List<PathReason>(end.Builder.Reasons);
                var table = _tracer.Lookup.TableOf(source.Subnet!);
                foreach (var a in table.Assumptions) Add(reasons, new PathReason(PathReasonSeverity.Assumption, null, a));
                foreach (var u in table.Unknowns) Add(reasons, new PathReason(PathReasonSeverity.Warning, null, "the snapshot lacks: " + u));
                var r = new PathResult(source, destination, end.Outcome, end.Builder.Transits.ToArray(), end.Builder.Hops!.ToArray(), reasons)
                {
                    Devices = DevicesOf(end.Builder.Hops!),
                    FilterDevices = end.Builder.Devices.ToArray(),
                    Topology = Topology,
                };
                if (first == null) first = r;
                else first.Alternatives.Add(r);
            }
            if (first == null) throw new InvalidOperationException("a trace ended without an outcome");
            first.MoreAlternatives = ends.More;
            return first;
        }

        private static void Add(List<PathReason> list, PathReason r)
        {
            if (!list.Contains(r)) list.Add(r);
        }

        internal static List<string> DevicesOf(IEnumerable<PathHop> hops) =>
            hops.Where(h => h.Role != PathHopRole.Subnet && h.Role != PathHopRole.Destination && h.Role != PathHopRole.VirtualNetwork)
                .Select(h => h.ResourceId.ToLowerInvariant()).ToList();

        /// <summary>Same transit devices both ways (the reverse visits them in the opposite order); false when either direction is not delivered.</summary>
        internal static bool Symmetric(PathResult forward, PathResult reverse)
        {
            if (forward.Outcome != PathOutcome.Delivered || reverse.Outcome != PathOutcome.Delivered) return false;
            var a = new HashSet<string>(forward.Devices);
            return a.SetEquals(reverse.Devices);
        }
    }
}
