using System;
using System.Collections.Generic;
using AzSpokeTools.Engine.Addresses;
using AzSpokeTools.Engine.Input;

namespace AzSpokeTools.Engine.Model
{
    /// <summary>Microsoft.Network/virtualNetworkGateways (VPN or ExpressRoute) in a VNet's GatewaySubnet.</summary>
    public sealed class VirtualNetworkGateway : AzureResource
    {
        /// <summary>Vpn, ExpressRoute or LocalGateway.</summary>
        public string GatewayType { get; internal set; } = "";
        /// <summary>RouteBased or PolicyBased.</summary>
        public string? VpnType { get; internal set; }
        /// <summary>The gateway SKU.</summary>
        public string? Sku { get; internal set; }
        /// <summary>True for an active-active gateway.</summary>
        public bool ActiveActive { get; internal set; }
        /// <summary>True when BGP is enabled.</summary>
        public bool EnableBgp { get; internal set; }
        /// <summary>The gateway's AS number.</summary>
        public long? BgpAsn { get; internal set; }
        /// <summary>The gateway's BGP peering addresses.</summary>
        public IReadOnlyList<string> BgpPeeringAddresses { get; internal set; } = new List<string>();
        /// <summary>Private IPs of the gateway instances where the input lists them.</summary>
        public IReadOnlyList<IpAddressValue> PrivateIpAddresses { get; internal set; } = new List<IpAddressValue>();
        /// <summary>The GatewaySubnet.</summary>
        public ResourceId? SubnetId { get; internal set; }
        /// <summary>Public IP resources of the gateway's IP configurations.</summary>
        public IReadOnlyList<ResourceId> PublicIpAddressIds { get; internal set; } = new List<ResourceId>();
        /// <summary>The VNet owning the GatewaySubnet.</summary>
        public ResourceId? VirtualNetworkId => SubnetId?.Parent;
        /// <summary>
        /// docs/routing-model.md#expressroute-hairpin: accept prefixes learnt from the MSEE that other VNets' gateways
        /// originated. Null when absent from the input (unknown: legacy gateways accept all).
        /// </summary>
        public bool? AllowRemoteVnetTraffic { get; internal set; }
        /// <summary>docs/routing-model.md#expressroute-hairpin: accept prefixes from Virtual WAN hubs over the MSEE; null when absent.</summary>
        public bool? AllowVirtualWanTraffic { get; internal set; }

        /// <summary>True for an ExpressRoute gateway.</summary>
        public bool IsExpressRoute => string.Equals(GatewayType, "ExpressRoute", StringComparison.OrdinalIgnoreCase);
        /// <summary>True for a VPN gateway.</summary>
        public bool IsVpn => string.Equals(GatewayType, "Vpn", StringComparison.OrdinalIgnoreCase);

        internal static VirtualNetworkGateway Read(ArmValue n, ResourceId id, string type)
        {
            var g = new VirtualNetworkGateway();
            g.ReadCommon(n, id, type);
            g.GatewayType = n.Str("gatewayType") ?? "";
            g.VpnType = n.Str("vpnType");
            g.Sku = n.Get("sku") is ArmValue sku ? (sku.IsObject ? sku.Str("name") : sku.AsString()) : null;
            g.ActiveActive = n.Bool("activeActive", "activeActiveEnabled") ?? false;
            g.EnableBgp = n.Bool("enableBgp") ?? false;
            g.AllowRemoteVnetTraffic = n.Bool("allowRemoteVnetTraffic");
            g.AllowVirtualWanTraffic = n.Bool("allowVirtualWanTraffic");
            var ips = new List<IpAddressValue>();
            var publicIps = new List<ResourceId>();
            foreach (var c in n.Objects("ipConfigurations", "an IP configuration"))
            {
                g.SubnetId ??= c.Ref("subnet");
                if (c.Ref("publicIPAddress") is ResourceId pip && !publicIps.Contains(pip)) publicIps.Add(pip);
                if (c.Str("privateIPAddress") is string ip && IpAddressValue.TryParse(ip, out var a)) ips.Add(a);
            }
            if (n.Obj("bgpSettings") is ArmValue bgp)
            {
                if (bgp.Get("asn") is ArmValue asn && long.TryParse(asn.AsString(), out var asnValue)) g.BgpAsn = asnValue;
                var addresses = new List<string>();
                foreach (var part in (bgp.Str("bgpPeeringAddress") ?? "").Split(','))
                    if (part.Trim().Length > 0) addresses.Add(part.Trim());
                foreach (var pa in bgp.Array("bgpPeeringAddresses"))
                    foreach (var d in pa.Strings("defaultBgpIpAddresses"))
                        if (!addresses.Contains(d)) addresses.Add(d);
                g.BgpPeeringAddresses = addresses;
                foreach (var a in addresses)
                    if (IpAddressValue.TryParse(a, out var v) && !ips.Contains(v)) ips.Add(v);
            }
            g.PrivateIpAddresses = ips;
            g.PublicIpAddressIds = publicIps;
            return g;
        }
    }
}
