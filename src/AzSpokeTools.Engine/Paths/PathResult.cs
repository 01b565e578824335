using System.Collections.Generic;

namespace AzSpokeTools.Engine.Paths
{
    /// <summary>
    /// A traced path in the docs/routing-model.md#vocabulary vocabulary: outcome, kind, transits, hops, the reverse path, symmetry, and when
    /// intent applies, the intended kinds, compliance and the reasons (every setting responsible) for a difference.
    /// </summary>
    public sealed class PathResult
    {
        internal PathResult(PathEndpoint source, PathEndpoint destination, PathOutcome outcome, IReadOnlyList<PathKind> transits,
            IReadOnlyList<PathHop> hops, List<PathReason> reasons)
        {
            Source = source;
            Destination = destination;
            Outcome = outcome;
            Transits = transits;
            Kind = PathKinds.KindOf(outcome, transits);
            Hops = hops;
            Reasons = reasons;
        }

        /// <summary>Where the path starts.</summary>
        public PathEndpoint Source { get; }
        /// <summary>Where it is going.</summary>
        public PathEndpoint Destination { get; }
        /// <summary>How it ends.</summary>
        public PathOutcome Outcome { get; }
        /// <summary>The most significant transit (docs/routing-model.md#vocabulary order); None when not delivered.</summary>
        public PathKind Kind { get; }
        /// <summary>Every transit in path order.</summary>
        public IReadOnlyList<PathKind> Transits { get; }
        /// <summary>The hops, in order.</summary>
        public IReadOnlyList<PathHop> Hops { get; }
        /// <summary>The path from the destination back to the source address, traced the same way (null on a reverse path itself).</summary>
        public PathResult? Reverse { get; internal set; }
        /// <summary>True when both directions are delivered through the same transit devices (stateful firewalls drop asymmetric flows).</summary>
        public bool? Symmetric { get; internal set; }
        /// <summary>The intended kinds when intent applies to the pair; null otherwise.</summary>
        public IReadOnlyList<PathKind>? Intended { get; internal set; }
        /// <summary>Whether the path meets the intent; null when no intent applies.</summary>
        public bool? Compliant { get; internal set; }
        /// <summary>The intent rule that applied (its name or "AVNM connectivity configuration X"); null when none.</summary>
        public string? IntentRule { get; internal set; }
        /// <summary>Every setting responsible for the outcome or for a difference from the intent, with the fix where one applies.</summary>
        public List<PathReason> Reasons { get; }
        /// <summary>Other equal-cost paths (the first alternative is this one); empty when there is one path.</summary>
        public List<PathResult> Alternatives { get; } = new List<PathResult>();
        /// <summary>
        /// Equal-cost paths beyond this one and <see cref="Alternatives"/>: counted, not traced one by one (raise the request's
        /// MaxPaths to see them). 0 when every path is listed; saturates at <see cref="long.MaxValue"/>.
        /// </summary>
        public long MoreAlternatives { get; internal set; }
        /// <summary>The resource ids of the transit devices in order (appliances, gateways, MSEE, hub routers), used for symmetry.</summary>
        public IReadOnlyList<string> Devices { get; internal set; } = new List<string>();
        /// <summary>The forwarding devices of the path, in the order of its Appliance hops (access evaluation applies their rules).</summary>
        internal IReadOnlyList<ForwardingDevice> FilterDevices { get; set; } = System.Array.Empty<ForwardingDevice>();
        /// <summary>Whether the request's flow is admitted along this path; null when no flow was given (access not evaluated).</summary>
        public Security.PathAccess? Access { get; internal set; }
        /// <summary>The topology the path was traced in (so that a piped path can be drawn without naming the snapshot again).</summary>
        public Model.Topology? Topology { get; internal set; }

        /// <inheritdoc/>
        public override string ToString() => $"{Source.Text} -> {Destination.Text}: {Outcome} {Kind} [{string.Join(", ", Transits)}]";
    }
}
