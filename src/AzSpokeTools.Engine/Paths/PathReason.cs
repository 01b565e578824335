namespace AzSpokeTools.Engine.Paths
{
    /// <summary>How much a reason matters for the path.</summary>
    public enum PathReasonSeverity
    {
        /// <summary>It decides the outcome or kind.</summary>
        Error,
        /// <summary>It may break the flow but the platform does not always enforce it (e.g. allowForwardedTraffic, docs/routing-model.md#peering-flags).</summary>
        Warning,
        /// <summary>Something assumed where the snapshot is silent.</summary>
        Assumption,
    }

    /// <summary>
    /// A setting responsible for a path's outcome or kind: the resource that holds it, what it does, and the
    /// change that would give the intended path (when there is one).
    /// </summary>
    public sealed class PathReason
    {
        internal PathReason(PathReasonSeverity severity, string? resourceId, string message, string? fix = null)
        {
            Severity = severity;
            ResourceId = resourceId;
            Message = message;
            Fix = fix;
        }

        /// <summary>Error, Warning or Assumption.</summary>
        public PathReasonSeverity Severity { get; }
        /// <summary>The route table, peering, configuration, gateway or NIC that holds the setting.</summary>
        public string? ResourceId { get; }
        /// <summary>The reason, naming the setting responsible and the fix where one applies.</summary>
        public string Message { get; }
        /// <summary>The change that would give the intended path; null when none applies.</summary>
        public string? Fix { get; }

        /// <inheritdoc/>
        public override string ToString() =>
            (Severity == PathReasonSeverity.Warning ? "warning: " : Severity == PathReasonSeverity.Assumption ? "assumed: " : "") +
            Message + (Fix != null ? " Fix: " + Fix : "");

        /// <inheritdoc/>
        public override bool Equals(object? obj) => obj is PathReason r && r.Message == Message && r.Fix == Fix && r.Severity == Severity;
        /// <inheritdoc/>
        public override int GetHashCode() => Message.GetHashCode();
    }
}
