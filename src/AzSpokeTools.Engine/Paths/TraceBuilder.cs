using System.Collections.Generic;

namespace AzSpokeTools.Engine.Paths
{
    /// <summary>The state of one branch of a trace: hops (null when only the summary is wanted), transits, reasons, visited locations.</summary>
    internal sealed class TraceBuilder
    {
        public List<PathHop>? Hops;
        public List<PathKind> Transits = new List<PathKind>();
        public List<PathReason> Reasons = new List<PathReason>();
        public HashSet<int> Visited = new HashSet<int>();
        /// <summary>Set once a device has forwarded the packet (azure-routing-rules.md §2.4 allowForwardedTraffic).</summary>
        public bool Forwarded;

        public TraceBuilder(bool detail)
        {
            if (detail) Hops = new List<PathHop>();
        }

        public TraceBuilder Clone() => new TraceBuilder(false)
        {
            Hops = Hops == null ? null : new List<PathHop>(Hops),
            Transits = new List<PathKind>(Transits),
            Reasons = new List<PathReason>(Reasons),
            Visited = new HashSet<int>(Visited),
            Forwarded = Forwarded,
        };

        public void Hop(PathHopRole role, string location, string resourceId, PathRoute? route) => Hops?.Add(new PathHop(role, location, resourceId, route));

        public void Reason(PathReasonSeverity severity, string? resourceId, string message, string? fix = null)
        {
            if (Hops == null) return; // summaries (the matrix) carry outcomes and transits, not commentary
            var r = new PathReason(severity, resourceId, message, fix);
            if (!Reasons.Contains(r)) Reasons.Add(r);
        }
    }

    /// <summary>How one branch of a trace ended.</summary>
    internal sealed class TraceEnd
    {
        public TraceEnd(PathOutcome outcome, TraceBuilder builder, Model.Subnet? deliveredTo = null)
        {
            Outcome = outcome;
            Builder = builder;
            DeliveredTo = deliveredTo;
        }

        public PathOutcome Outcome { get; }
        public TraceBuilder Builder { get; }
        public Model.Subnet? DeliveredTo { get; }
    }
}
