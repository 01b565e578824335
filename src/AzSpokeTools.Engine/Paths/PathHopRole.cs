namespace AzSpokeTools.Engine.Paths
{
    /// <summary>What a hop of a path is: where the packet is when the next decision is made.</summary>
    public enum PathHopRole
    {
        /// <summary>A subnet whose effective routes moved the packet on (the route is given).</summary>
        Subnet,
        /// <summary>A VNet the packet crosses without a lookup (e.g. a hub entered over gateway transit).</summary>
        VirtualNetwork,
        /// <summary>A forwarding device: NVA NIC, Azure Firewall or an internal load balancer in front of NVAs.</summary>
        Appliance,
        /// <summary>A VPN virtual network gateway.</summary>
        VpnGateway,
        /// <summary>An ExpressRoute virtual network gateway.</summary>
        ExpressRouteGateway,
        /// <summary>The Microsoft Enterprise Edge of an ExpressRoute circuit (the hairpin turn).</summary>
        ExpressRouteEdge,
        /// <summary>A Virtual WAN hub router (the route is the hub route that was used).</summary>
        VirtualHubRouter,
        /// <summary>Where the packet was delivered (the destination subnet).</summary>
        Destination,
    }
}
