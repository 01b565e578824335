using System;
using AzSpokeTools.Engine.Input;

namespace AzSpokeTools.Engine.Model
{
    /// <summary>Microsoft.Network/connections: site-to-site (IPsec), VNet-to-VNet or ExpressRoute.</summary>
    public sealed class GatewayConnection : AzureResource
    {
        /// <summary>IPsec, Vnet2Vnet, ExpressRoute or VPNClient.</summary>
        public string ConnectionType { get; internal set; } = "";
        public ResourceId? VirtualNetworkGateway1Id { get; internal set; }
        public ResourceId? VirtualNetworkGateway2Id { get; internal set; }
        public ResourceId? LocalNetworkGateway2Id { get; internal set; }
        /// <summary>For ExpressRoute: the circuit (peer.id).</summary>
        public ResourceId? PeerId { get; internal set; }
        public string? ConnectionStatus { get; internal set; }
        public bool EnableBgp { get; internal set; }

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
