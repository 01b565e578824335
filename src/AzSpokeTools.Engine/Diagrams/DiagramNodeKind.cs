namespace AzSpokeTools.Engine.Diagrams
{
    /// <summary>What a diagram node stands for; each kind has its own shape and legend entry.</summary>
    public enum DiagramNodeKind
    {
        /// <summary>A spoke (or any VNet that is not a hub).</summary>
        VirtualNetwork,
        /// <summary>A hub VNet: it holds a virtual network gateway or an Azure Firewall, or is an AVNM hub.</summary>
        HubVirtualNetwork,
        /// <summary>A VPN virtual network gateway.</summary>
        VpnGateway,
        /// <summary>An ExpressRoute virtual network gateway.</summary>
        ExpressRouteGateway,
        /// <summary>An ExpressRoute circuit and its Microsoft Enterprise Edge (MSEE) routers.</summary>
        ExpressRouteCircuit,
        /// <summary>An Azure Firewall (in a VNet or a secured Virtual WAN hub).</summary>
        AzureFirewall,
        /// <summary>A network virtual appliance: a NIC with IP forwarding, an internal load balancer in front of NVAs, or an NVA in a Virtual WAN hub.</summary>
        NetworkVirtualAppliance,
        /// <summary>An Azure Route Server (a VNet's RouteServerSubnet).</summary>
        RouteServer,
        /// <summary>A Virtual WAN hub router.</summary>
        VirtualWanHub,
        /// <summary>An AVNM connected group (mesh, or hub-and-spoke with direct connectivity).</summary>
        ConnectedGroup,
    }
}
