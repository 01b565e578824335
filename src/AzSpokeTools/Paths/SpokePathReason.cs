using AzSpokeTools.Engine.Paths;

namespace AzSpokeTools.Paths
{
    /// <summary>A setting responsible for a path's outcome or kind, and the change that would give the intended path.</summary>
    public sealed class SpokePathReason
    {
        private readonly string _text;

        internal SpokePathReason(PathReason r)
        {
            Severity = r.Severity.ToString();
            ResourceId = r.ResourceId;
            Message = r.Message;
            Fix = r.Fix;
            _text = r.ToString();
        }

        /// <summary>Error (it decides the outcome or kind), Warning or Assumption.</summary>
        public string Severity { get; }
        /// <summary>The route table, peering, configuration, gateway or NIC that holds the setting.</summary>
        public string? ResourceId { get; }
        /// <summary>What the setting does.</summary>
        public string Message { get; }
        /// <summary>The change that would give the intended path; null when none applies.</summary>
        public string? Fix { get; }

        /// <inheritdoc />
        public override string ToString() => _text;
    }
}
