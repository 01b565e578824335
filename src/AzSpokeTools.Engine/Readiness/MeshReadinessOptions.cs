using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Engine.Readiness
{
    /// <summary>
    /// The limits and switches readiness is judged against (the public limits pages cited on each). Published figures
    /// disagree on the high-scale connected-group cap (3,000 with the feature and form, 5,000 by scaling request),
    /// so both caps are parameters with the current published defaults.
    /// </summary>
    public sealed class MeshReadinessOptions
    {
        /// <summary>Azure docs, "Limitations with Azure Virtual Network Manager" > "Connected group limitations": VNets per connected group (default 250).</summary>
        public const int DefaultConnectedGroupLimit = ConnectedGroupLimits.VirtualNetworks;
        /// <summary>High-scale connected group (3,000 with AllowHighScaleConnectedGroup and the request form; 5,000 by scaling request).</summary>
        public const int DefaultHighScaleConnectedGroupLimit = 3000;
        /// <summary>connectedGroupPrivateEndpointsScale Standard: private endpoints per connected group.</summary>
        public const int DefaultPrivateEndpointLimit = 2000;
        /// <summary>connectedGroupPrivateEndpointsScale HighScale: private endpoints per connected group.</summary>
        public const int HighScalePrivateEndpointLimit = 20000;
        /// <summary>Azure docs, "Limitations with Azure Virtual Network Manager" > "Connected group limitations": connected groups a VNet can be part of (default).</summary>
        public const int ConnectedGroupsPerVnet = 2;
        /// <summary>Azure docs, "Azure subscription and service limits" > "Networking limits": peerings per VNet.</summary>
        public const int PeeringLimit = 500;
        /// <summary>Azure docs, "Azure subscription and service limits" > "Networking limits": peerings of a VNet with an ExpressRoute gateway.</summary>
        public const int ExpressRouteGatewayPeeringLimit = 500;
        /// <summary>Azure docs, "Azure subscription and service limits" > "Networking limits": peerings per VNet with an AVNM connectivity configuration.</summary>
        public const int AvnmPeeringLimit = 1000;
        // Azure docs, "How-to: Increase Private Endpoint virtual network limits": 1,000 private endpoints per VNet, 5,000 with high-scale private endpoints.
        /// <summary>Private endpoints in one VNet (Standard).</summary>
        public const int PrivateEndpointsPerVnetLimit = 1000;
        /// <summary>Private endpoints in one VNet with high-scale private endpoints.</summary>
        public const int HighScalePrivateEndpointsPerVnetLimit = 5000;
        // Azure docs, "Azure subscription and service limits" > "ExpressRoute limits" > "Route advertisement limits":
        // routes advertised from the VNet address space to the ExpressRoute virtual network gateway.
        /// <summary>IPv4 prefixes an ExpressRoute gateway advertises from the VNet address space (private peering).</summary>
        public const int ExpressRouteAdvertisedIPv4Limit = 1000;
        /// <summary>IPv6 prefixes an ExpressRoute gateway advertises from the VNet address space (private peering).</summary>
        public const int ExpressRouteAdvertisedIPv6Limit = 100;

        /// <summary>Use a high-scale connected group (AllowHighScaleConnectedGroup).</summary>
        public bool HighScale { get; set; }
        /// <summary>Use high-scale private endpoints (connectedGroupPrivateEndpointsScale = HighScale).</summary>
        public bool HighScalePrivateEndpoints { get; set; }
        /// <summary>Global mesh; null = decide from the members' regions (global when they span several).</summary>
        public bool? Global { get; set; }
        /// <summary>VNets per connected group without high scale.</summary>
        public int ConnectedGroupLimit { get; set; } = DefaultConnectedGroupLimit;
        /// <summary>An existing network manager (name or id) to use, or the id of one to create; default: the only one in the snapshot, else a new one.</summary>
        public string? NetworkManager { get; set; }
        /// <summary>The ownership marker value (tag or description azspoke-owner=VALUE): AVNM resources carrying it are the plan's own.</summary>
        public string Owner { get; set; } = "azspoke";
        /// <summary>VNets per connected group with high scale.</summary>
        public int HighScaleConnectedGroupLimit { get; set; } = DefaultHighScaleConnectedGroupLimit;

        /// <summary>The cap that applies: the high-scale one when <see cref="HighScale"/> is set.</summary>
        public int EffectiveGroupLimit => HighScale ? HighScaleConnectedGroupLimit : ConnectedGroupLimit;
        /// <summary>The private-endpoint limit that applies with these options.</summary>
        public int EffectivePrivateEndpointLimit => HighScalePrivateEndpoints ? HighScalePrivateEndpointLimit : DefaultPrivateEndpointLimit;
        /// <summary>The private-endpoint-per-VNet limit that applies.</summary>
        public int EffectivePrivateEndpointsPerVnetLimit => HighScalePrivateEndpoints ? HighScalePrivateEndpointsPerVnetLimit : PrivateEndpointsPerVnetLimit;
    }
}
