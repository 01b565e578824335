using System.Collections.Generic;

namespace AzSpokeTools.Engine.Paths
{
    /// <summary>Counts accumulated while the matrix streams (<c>matrix --format summary</c>, README.md#the-command-line).</summary>
    public sealed class PathMatrixSummary
    {
        /// <summary>How many pairs were traced.</summary>
        public long Pairs { get; internal set; }
        /// <summary>Pairs by path kind.</summary>
        public Dictionary<PathKind, long> ByKind { get; } = new Dictionary<PathKind, long>();
        /// <summary>Pairs by outcome.</summary>
        public Dictionary<PathOutcome, long> ByOutcome { get; } = new Dictionary<PathOutcome, long>();
        /// <summary>Pairs whose path does not meet the intent that applies to them.</summary>
        public long Violations { get; internal set; }
        /// <summary>Pairs some intent applies to.</summary>
        public long PairsWithIntent { get; internal set; }
        /// <summary>Pairs with more than one equal-cost path.</summary>
        public long PairsWithAlternatives { get; internal set; }
        /// <summary>Pairs per access verdict of the options' flow; empty when no flow was asked for.</summary>
        public Dictionary<Security.AccessVerdict, long> ByAccess { get; } = new Dictionary<Security.AccessVerdict, long>();
        /// <summary>How long the matrix took, in milliseconds.</summary>
        public long ElapsedMs { get; internal set; }
        /// <summary>Endpoints left out (a VNet without a subnet that has an address prefix).</summary>
        public List<string> Skipped { get; } = new List<string>();
    }
}
