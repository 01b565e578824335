using System.Collections.Generic;
using AzSpokeTools.Engine.Addresses;
using AzSpokeTools.Engine.Input;

namespace AzSpokeTools.Engine.Model
{
    /// <summary>
    /// Microsoft.Network/virtualHubs: a Virtual WAN hub with its connections, route tables and routing intent, or (kind
    /// RouteServer) an Azure Route Server in a VNet's RouteServerSubnet with its BGP peers.
    /// </summary>
    public sealed class VirtualHub : AzureResource
    {
        /// <summary>The ARM kind: RouteServer for an Azure Route Server; null for a Virtual WAN hub.</summary>
        public string? Kind { get; internal set; }
        /// <summary>virtualRouterAsn (65515 for a Route Server).</summary>
        public long? VirtualRouterAsn { get; internal set; }
        /// <summary>
        /// allowBranchToBranchTraffic: a Route Server exchanges routes with the VNet's VPN / ExpressRoute gateways
        /// (Azure docs, "About Azure Route Server support for ExpressRoute and Azure VPN"); null when absent.
        /// </summary>
        public bool? AllowBranchToBranchTraffic { get; internal set; }
        /// <summary>hubRoutingPreference: ExpressRoute (default), VpnGateway or ASPath.</summary>
        public string? HubRoutingPreference { get; internal set; }
        /// <summary>The hub's IP configurations (a Route Server's RouteServerSubnet).</summary>
        public List<HubIpConfiguration> IpConfigurations { get; } = new List<HubIpConfiguration>();
        /// <summary>The hub's BGP peers (a Route Server's NVAs).</summary>
        public List<BgpConnection> BgpConnections { get; } = new List<BgpConnection>();

        /// <summary>
        /// An Azure Route Server: kind RouteServer, or a hub outside any Virtual WAN placed in a subnet (Route Server ARM
        /// bodies from older API versions carry no kind).
        /// </summary>
        public bool IsRouteServer => string.Equals(Kind, "RouteServer", System.StringComparison.OrdinalIgnoreCase) ||
                                     (VirtualWanId == null && IpConfigurations.Count > 0);

        /// <summary>The VNet holding the Route Server's RouteServerSubnet, from its IP configuration; null when not known.</summary>
        public ResourceId? VirtualNetworkId
        {
            get
            {
                foreach (var c in IpConfigurations)
                    if (c.SubnetId?.Parent is ResourceId vnet) return vnet;
                return null;
            }
        }

        /// <summary>The hub's address prefix.</summary>
        public IpPrefix? AddressPrefix { get; internal set; }
        /// <summary>The Virtual WAN the hub belongs to.</summary>
        public ResourceId? VirtualWanId { get; internal set; }
        /// <summary>The hub router's IP addresses.</summary>
        public IReadOnlyList<IpAddressValue> VirtualRouterIps { get; internal set; } = new List<IpAddressValue>();
        /// <summary>The hub's firewall (secured hub).</summary>
        public ResourceId? AzureFirewallId { get; internal set; }
        /// <summary>The hub's VNet connections.</summary>
        public List<HubVirtualNetworkConnection> Connections { get; } = new List<HubVirtualNetworkConnection>();
        /// <summary>The hub's route tables.</summary>
        public List<HubRouteTable> RouteTables { get; } = new List<HubRouteTable>();
        /// <summary>The hub's routing intent, when set.</summary>
        public RoutingIntent? RoutingIntent { get; internal set; }

        internal static VirtualHub Read(ArmValue n, ResourceId id, string type)
        {
            var h = new VirtualHub();
            h.ReadCommon(n, id, type);
            if (n.Str("addressPrefix") is string p)
            {
                if (IpPrefix.TryParse(p, out var prefix)) h.AddressPrefix = prefix;
                else n.Context.Error(n.Get("addressPrefix")!.Value.Location, IpPrefix.Describe(p)!);
            }
            h.VirtualWanId = n.Ref("virtualWan");
            h.AzureFirewallId = n.Ref("azureFirewall");
            var ips = new List<IpAddressValue>();
            foreach (var ip in n.Strings("virtualRouterIps"))
                if (IpAddressValue.TryParse(ip, out var a)) ips.Add(a);
            h.VirtualRouterIps = ips;
            h.Kind = n.Str("kind");
            if (n.Get("virtualRouterAsn") is ArmValue asn && long.TryParse(asn.AsString(), out var asnValue)) h.VirtualRouterAsn = asnValue;
            h.AllowBranchToBranchTraffic = n.Bool("allowBranchToBranchTraffic");
            h.HubRoutingPreference = n.Str("hubRoutingPreference");
            // ARM lists ipConfigurations as references; flattened shapes may carry them whole (with their subnet).
            foreach (var c in n.Objects("ipConfigurations", "an IP configuration"))
            {
                if (c.Ref("subnet") is not ResourceId subnet || !ResourceId.TryParse(c.Own("id")?.AsString(), out var cid)) continue;
                var config = HubIpConfiguration.Read(c, cid, "Microsoft.Network/virtualHubs/ipConfigurations");
                config.SubnetId = subnet;
                h.IpConfigurations.Add(config);
            }
            return h;
        }
    }
}
