namespace AzSpokeTools.Engine.Verification
{
    /// <summary>How a computed route disagrees with the route Azure returned for the same NIC.</summary>
    public enum RouteDifferenceKind
    {
        /// <summary>Azure lists the route; the computation does not.</summary>
        Missing,
        /// <summary>The computation lists a route Azure does not.</summary>
        Extra,
        /// <summary>Same prefix and source, different next hop type or next hop IPs.</summary>
        DifferentNextHop,
        /// <summary>Same route, different state (Active / Invalid).</summary>
        DifferentState,
    }

    /// <summary>One disagreement between computed and captured effective routes.</summary>
    public sealed class RouteDifference
    {
        /// <summary>A difference of <paramref name="kind"/> for <paramref name="addressPrefix"/>.</summary>
        public RouteDifference(RouteDifferenceKind kind, string addressPrefix, string? captured, string? computed)
        {
            Kind = kind;
            AddressPrefix = addressPrefix;
            Captured = captured;
            Computed = computed;
        }

        /// <summary>Missing, Extra or DifferentNextHop.</summary>
        public RouteDifferenceKind Kind { get; }
        /// <summary>The prefix that differs.</summary>
        public string AddressPrefix { get; }
        /// <summary>The captured route as text, or null.</summary>
        public string? Captured { get; }
        /// <summary>The computed route as text, or null.</summary>
        public string? Computed { get; }

        /// <inheritdoc/>
        public override string ToString() => $"{Kind} {AddressPrefix}: captured [{Captured}] computed [{Computed}]";
    }
}
