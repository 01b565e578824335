using System;
using AzSpokeTools.Engine.Input;

namespace AzSpokeTools.Engine.Model
{
    /// <summary>Microsoft.Network/connections: site-to-site (IPsec), VNet-to-VNet or ExpressRoute.</summary>
    public sealed class GatewayConnection : AzureResource
    {
        /// <summary>IPsec, Vnet2Vnet, ExpressRoute or VPNClient.</summary>
        public string ConnectionType { get; internal set; } = "";
        /// <summary>The local gateway of the connection.</summary>
        public ResourceId? VirtualNetworkGateway1Id { get; internal set; }
        /// <summary>The remote gateway of a VNet-to-VNet connection.</summary>
        public ResourceId? VirtualNetworkGateway2Id { get; internal set; }
        /// <summary>The local network gateway (site) of a site-to-site connection.</summary>
        public ResourceId? LocalNetworkGateway2Id { get; internal set; }
        /// <summary>For ExpressRoute: the circuit (peer.id).</summary>
        public ResourceId? PeerId { get; internal set; }
        /// <summary>The connection status Azure reports.</summary>
        public string? ConnectionStatus { get; internal set; }
        /// <summary>True when BGP runs over the connection.</summary>
        public bool EnableBgp { get; internal set; }

        /// <summary>True for an ExpressRoute connection.</summary>
        public bool IsExpressRoute => string.Equals(ConnectionType, "ExpressRoute", StringComparison.OrdinalIgnoreCase);

        internal static GatewayConnection Read(ArmValue n, ResourceId id, string type)
        {
            var c = new GatewayConnection();
            c.ReadCommon(n, id, type);
            c.ConnectionType = n.Str("connectionType") ?? "";
            c.VirtualNetworkGateway1Id = n.Ref("virtualNetworkGateway1");
            c.VirtualNetworkGateway2Id = n.Ref("virtualNetworkGateway2");
            c.LocalNetworkGateway2Id = n.Ref("localNetworkGateway2");
            c.PeerId = n.Ref("peer");
            c.ConnectionStatus = n.Str("connectionStatus");
            c.EnableBgp = n.Bool("enableBgp") ?? false;
            return c;
        }
    }
}
