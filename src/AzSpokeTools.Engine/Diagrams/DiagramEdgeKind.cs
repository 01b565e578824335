namespace AzSpokeTools.Engine.Diagrams
{
    /// <summary>What a diagram edge stands for.</summary>
    public enum DiagramEdgeKind
    {
        /// <summary>A regional VNet peering (both directions drawn once).</summary>
        Peering,
        /// <summary>A global VNet peering (the VNets are in different regions).</summary>
        GlobalPeering,
        /// <summary>Membership of a VNet in an AVNM connected group.</summary>
        ConnectedGroupMember,
        /// <summary>A gateway connection to an ExpressRoute circuit (or a VNet-to-VNet VPN connection).</summary>
        GatewayConnection,
        /// <summary>A Virtual WAN hub virtual network connection.</summary>
        HubConnection,
        /// <summary>A device (gateway, firewall, appliance, Route Server) in its VNet or Virtual WAN hub.</summary>
        Attachment,
        /// <summary>A step of the forward path (numbered).</summary>
        ForwardPath,
        /// <summary>A step of the reverse path (numbered).</summary>
        ReversePath,
    }
}
