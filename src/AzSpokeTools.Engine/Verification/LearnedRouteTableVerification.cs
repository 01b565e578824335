using System.Collections.Generic;
using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Engine.Verification
{
    /// <summary>Which captured learned-route table a verification compares.</summary>
    public enum LearnedRouteTableKind
    {
        /// <summary>A virtual network gateway's getLearnedRoutes: the routes it programs into the VNets it serves.</summary>
        GatewayLearned,
        /// <summary>A Route Server BGP connection's getAdvertisedRoutes: what the Route Server advertises to that NVA.</summary>
        RouteServerAdvertised,
    }

    /// <summary>
    /// A captured learned-route table against the one derived from the topology: prefixes captured but not derived
    /// (<see cref="RouteDifferenceKind.Missing"/>) and derived but not captured (<see cref="RouteDifferenceKind.Extra"/>).
    /// </summary>
    public sealed class LearnedRouteTableVerification
    {
        internal LearnedRouteTableVerification(ResourceId scope, string name, LearnedRouteTableKind kind, int captured, int derived, int matched,
            IReadOnlyList<RouteDifference> differences, IReadOnlyList<string> tolerated, string? error)
        {
            Scope = scope;
            Name = name;
            Kind = kind;
            CapturedRoutes = captured;
            DerivedRoutes = derived;
            Matched = matched;
            Differences = differences;
            Tolerated = tolerated;
            Error = error;
        }

        /// <summary>The gateway or Route Server BGP connection the table was captured on.</summary>
        public ResourceId Scope { get; }
        /// <summary>The gateway or Route Server peer checked.</summary>
        public string Name { get; }
        /// <summary>Gateway learned routes or Route Server advertised routes.</summary>
        public LearnedRouteTableKind Kind { get; }
        /// <summary>Distinct prefixes in the captured table (the rows the engine uses).</summary>
        public int CapturedRoutes { get; }
        /// <summary>Distinct prefixes the topology alone gives.</summary>
        public int DerivedRoutes { get; }
        /// <summary>Captured prefixes the derivation reproduced, or that lie beyond the snapshot (tolerated).</summary>
        public int Matched { get; }
        /// <summary>The differences found.</summary>
        public IReadOnlyList<RouteDifference> Differences { get; }
        /// <summary>Captured prefixes the topology cannot derive (inside no VNet address space of the snapshot: learned from beyond it).</summary>
        public IReadOnlyList<string> Tolerated { get; }
        /// <summary>Why the table could not be compared, or null.</summary>
        public string? Error { get; }

        /// <summary>True when there is no difference.</summary>
        public bool Agrees => Error == null && Differences.Count == 0;
    }
}
