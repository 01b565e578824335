using System.Collections.Generic;
using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Engine.Verification
{
    /// <summary>Computed versus captured effective routes of one NIC.</summary>
    public sealed class NicVerification
    {
        internal NicVerification(ResourceId nic, string name, int captured, int matched, IReadOnlyList<RouteDifference> differences, IReadOnlyList<string> tolerated, string? error)
        {
            NetworkInterfaceId = nic;
            Name = name;
            CapturedRoutes = captured;
            Matched = matched;
            Differences = differences;
            Tolerated = tolerated;
            Error = error;
        }

        /// <summary>The NIC checked.</summary>
        public ResourceId NetworkInterfaceId { get; }
        /// <summary>The NIC's name.</summary>
        public string Name { get; }
        /// <summary>The routes Azure reported for the NIC.</summary>
        public int CapturedRoutes { get; }
        /// <summary>Captured routes the computation reproduced exactly (prefix, source, state, next hop type and IPs).</summary>
        public int Matched { get; }
        /// <summary>The differences from the computed routes.</summary>
        public IReadOnlyList<RouteDifference> Differences { get; }
        /// <summary>Known platform variations not counted as differences (docs/routing-model.md#extra-platform-none-routes), e.g. extra default None routes.</summary>
        public IReadOnlyList<string> Tolerated { get; }
        /// <summary>Why the NIC could not be computed (e.g. it is not in the snapshot), or null.</summary>
        public string? Error { get; }

        /// <summary>True when there is no difference.</summary>
        public bool Agrees => Error == null && Differences.Count == 0;

        /// <summary>Matched / captured, 0..1.</summary>
        public double Agreement => CapturedRoutes == 0 ? (Agrees ? 1 : 0) : (double)Matched / CapturedRoutes;
    }
}
