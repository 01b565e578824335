namespace AzSpokeTools.Engine.Model
{
    /// <summary>
    /// Next hop types exactly as Azure's effective-routes API returns them
    /// (docs/routing-model.md#effective-routes-and-next-hop-apis). <c>ToString()</c> gives the API string.
    /// </summary>
    public enum NextHopType
    {
        /// <summary>Within the VNet's address space.</summary>
        VnetLocal,
        /// <summary>To a regionally peered VNet.</summary>
        VNetPeering,
        /// <summary>To a VNet peered across regions.</summary>
        VNetGlobalPeering,
        /// <summary>To another member of an AVNM connected group.</summary>
        ConnectedGroup,
        /// <summary>To a VPN or ExpressRoute gateway.</summary>
        VirtualNetworkGateway,
        /// <summary>To an appliance IP address (user-defined route).</summary>
        VirtualAppliance,
        /// <summary>To the internet.</summary>
        Internet,
        /// <summary>Dropped.</summary>
        None,
        /// <summary>To a service through a service endpoint.</summary>
        VirtualNetworkServiceEndpoint,
        /// <summary>To a private endpoint.</summary>
        InterfaceEndpoint,
    }
}
