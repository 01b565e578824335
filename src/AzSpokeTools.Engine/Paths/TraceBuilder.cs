using System.Collections.Generic;

namespace AzSpokeTools.Engine.Paths
{
    /// <summary>
    /// The state of one branch of a trace: hops (null when only the summary or the reasons are wanted), transits, reasons (only
    /// when <see cref="Explains"/>), visited locations.
    /// </summary>
    internal sealed class TraceBuilder
    {
        public List<PathHop>? Hops;
        /// <summary>Set for a trace that collects reasons without hops (the matrix's <c>--reasons</c>).</summary>
        private bool _reasonsOnly;
        public List<PathKind> Transits = new List<PathKind>();
        /// <summary>The forwarding devices passed, in order (their rules filter the flow; access evaluation reads them).</summary>
        public List<ForwardingDevice> Devices = new List<ForwardingDevice>();
        public List<PathReason> Reasons = new List<PathReason>();
        public HashSet<int> Visited = new HashSet<int>();
        /// <summary>Set once a device has forwarded the packet (docs/routing-model.md#peering-flags allowForwardedTraffic).</summary>
        public bool Forwarded;

        public TraceBuilder(bool detail)
        {
            if (detail) Hops = new List<PathHop>();
        }

        /// <summary>A builder that collects reasons (with their fixes) but no hops.</summary>
        public static TraceBuilder ForReasons() => new TraceBuilder(false) { _reasonsOnly = true };

        /// <summary>
        /// True when the trace explains itself (reasons and the searches behind fixes): a detailed trace or a reasons-only one.
        /// False for the matrix's summary traces, which the continuation hook may shortcut.
        /// </summary>
        public bool Explains => Hops != null || _reasonsOnly;

        public TraceBuilder Clone() => new TraceBuilder(false)
        {
            _reasonsOnly = _reasonsOnly,
            Hops = Hops == null ? null : new List<PathHop>(Hops),
            Transits = new List<PathKind>(Transits),
            Devices = new List<ForwardingDevice>(Devices),
            Reasons = new List<PathReason>(Reasons),
            Visited = new HashSet<int>(Visited),
            Forwarded = Forwarded,
        };

        public void Hop(PathHopRole role, string location, string resourceId, PathRoute? route) => Hops?.Add(new PathHop(role, location, resourceId, route));

        public void Reason(PathReasonSeverity severity, string? resourceId, string message, string? fix = null)
        {
            if (!Explains) return; // summaries (the matrix) carry outcomes and transits, not commentary
            var r = new PathReason(severity, resourceId, message, fix);
            if (!Reasons.Contains(r)) Reasons.Add(r);
        }
    }

    /// <summary>How one branch of a trace ended, or (<see cref="Next"/> set) a branch still to be walked from a location.</summary>
    internal sealed class TraceEnd
    {
        public TraceEnd(PathOutcome outcome, TraceBuilder builder, Model.Subnet? deliveredTo = null)
        {
            Outcome = outcome;
            Builder = builder;
            DeliveredTo = deliveredTo;
        }

        private TraceEnd(TraceLocation next, TraceBuilder builder)
        {
            Next = next;
            Builder = builder;
        }

        /// <summary>A branch that goes on at <paramref name="next"/> (the trace's loop walks it, so tracing needs no recursion).</summary>
        public static TraceEnd Pending(TraceLocation next, TraceBuilder builder) => new TraceEnd(next, builder);

        public PathOutcome Outcome { get; }
        public TraceBuilder Builder { get; }
        public Model.Subnet? DeliveredTo { get; }
        /// <summary>Where a pending branch goes on; null for an ended branch.</summary>
        public TraceLocation? Next { get; }
        /// <summary>How many equal-cost paths this end stands for (a memoised continuation stands for all of its paths).</summary>
        public long Count { get; set; } = 1;
    }

    /// <summary>The ends of a trace: the first equal-cost paths in full and how many more there are.</summary>
    internal sealed class TraceEnds
    {
        public List<TraceEnd> Ends { get; } = new List<TraceEnd>();
        /// <summary>Equal-cost paths beyond <see cref="Ends"/> (counted, not traced in full).</summary>
        public long More { get; set; }
        /// <summary>Every equal-cost path (saturates at <see cref="long.MaxValue"/>).</summary>
        public long Total => Add(Ends.Count, More);

        /// <summary>Saturating addition: counts of equal-cost paths grow exponentially with fan-out.</summary>
        public static long Add(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;
    }
}
