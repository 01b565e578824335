using System;
using System.Collections.Generic;
using System.Linq;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Routing;

namespace AzSpokeTools.Engine.Paths
{
    /// <summary>
    /// Traces paths between endpoints of one topology, with the reverse path, symmetry, intent and explanation.
    /// Effective route tables are computed once per subnet and shared by every trace of this analyzer.
    /// </summary>
    public sealed class PathAnalyzer
    {
        private readonly PathTracer _tracer;

        /// <summary>An analyzer of <paramref name="topology"/>, resolving service-tag routes with <paramref name="serviceTags"/> when given.</summary>
        public PathAnalyzer(Topology topology, ServiceTagCatalog? serviceTags = null)
        {
            Topology = topology ?? throw new ArgumentNullException(nameof(topology));
            _tracer = new PathTracer(new ScalarPathRouteLookup(new EffectiveRouteCalculator(topology, serviceTags)));
        }

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
        public PathResult Trace(PathEndpoint source, PathEndpoint destination, PairIntent? intent = null)
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
                }
                PathExplainer.Explain(r, _tracer, decision);
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
