namespace AzSpokeTools.Engine.Paths
{
    /// <summary>
    /// What a path traverses (docs/routing-model.md#vocabulary). A path's kind is its most significant
    /// transit in the order ExpressRouteHairpin, VpnGateway, Appliance, VirtualWanHub, Mesh, Direct, Local.
    /// </summary>
    public enum PathKind
    {
        /// <summary>Within one VNet.</summary>
        Local,
        /// <summary>Over one VNet peering.</summary>
        Direct,
        /// <summary>Over an AVNM connected group.</summary>
        Mesh,
        /// <summary>Through a firewall or NVA.</summary>
        Appliance,
        /// <summary>Through a VPN gateway.</summary>
        VpnGateway,
        /// <summary>Through ExpressRoute gateways and the circuit's MSEE.</summary>
        ExpressRouteHairpin,
        /// <summary>Through a Virtual WAN hub router.</summary>
        VirtualWanHub,
        /// <summary>Not delivered.</summary>
        None,
    }
}
