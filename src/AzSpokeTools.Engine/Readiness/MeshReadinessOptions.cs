namespace AzSpokeTools.Engine.Readiness
{
    /// <summary>
    /// The limits and switches readiness is judged against (azure-routing-rules.md §4.2). Published figures
    /// disagree on the high-scale connected-group cap (3,000 with the feature and form, 5,000 by scaling request),
    /// so both caps are parameters with the current published defaults.
    /// </summary>
    public sealed class MeshReadinessOptions
    {
        /// <summary>azure-routing-rules.md §4.2: VNets per connected group (default 250).</summary>
        public const int DefaultConnectedGroupLimit = 250;
        /// <summary>azure-routing-rules.md §4.2: high-scale connected group (S7 current: 3,000 with AllowHighScaleConnectedGroup and the form).</summary>
        public const int DefaultHighScaleConnectedGroupLimit = 3000;
        /// <summary>azure-routing-rules.md §4.2: private endpoints per connected group, Standard.</summary>
        public const int DefaultPrivateEndpointLimit = 2000;
        /// <summary>azure-routing-rules.md §4.2: private endpoints per connected group, HighScale.</summary>
        public const int HighScalePrivateEndpointLimit = 20000;
        /// <summary>azure-routing-rules.md §4.2: connected groups a VNet can be part of (default).</summary>
        public const int ConnectedGroupsPerVnet = 2;
        /// <summary>azure-routing-rules.md §4.2: peerings per VNet (networking limits, S29).</summary>
        public const int PeeringLimit = 500;
        /// <summary>azure-routing-rules.md §4.2: peerings of a VNet with an ExpressRoute gateway (S16).</summary>
        public const int ExpressRouteGatewayPeeringLimit = 500;
        /// <summary>azure-routing-rules.md §4.2: peerings per VNet with an AVNM connectivity configuration (S12).</summary>
        public const int AvnmPeeringLimit = 1000;

        /// <summary>Use a high-scale connected group (AllowHighScaleConnectedGroup).</summary>
        public bool HighScale { get; set; }
        /// <summary>Use high-scale private endpoints (connectedGroupPrivateEndpointsScale = HighScale).</summary>
        public bool HighScalePrivateEndpoints { get; set; }
        /// <summary>Global mesh; null = decide from the members' regions (global when they span several).</summary>
        public bool? Global { get; set; }
        public int ConnectedGroupLimit { get; set; } = DefaultConnectedGroupLimit;
        public int HighScaleConnectedGroupLimit { get; set; } = DefaultHighScaleConnectedGroupLimit;

        /// <summary>The cap that applies: the high-scale one when <see cref="HighScale"/> is set.</summary>
        public int EffectiveGroupLimit => HighScale ? HighScaleConnectedGroupLimit : ConnectedGroupLimit;
        public int EffectivePrivateEndpointLimit => HighScalePrivateEndpoints ? HighScalePrivateEndpointLimit : DefaultPrivateEndpointLimit;
    }
}
