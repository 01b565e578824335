using System.Collections.Generic;
using AzSpokeTools.Engine.Addresses;
using AzSpokeTools.Engine.Input;

namespace AzSpokeTools.Engine.Model
{
    /// <summary>Microsoft.Network/localNetworkGateways: an on-premises site's prefixes.</summary>
    public sealed class LocalNetworkGateway : AzureResource
    {
        /// <summary>The on-premises prefixes of the site.</summary>
        public IReadOnlyList<IpPrefix> AddressPrefixes { get; internal set; } = new List<IpPrefix>();
        /// <summary>The site's public IP address.</summary>
        public string? GatewayIpAddress { get; internal set; }

        internal static LocalNetworkGateway Read(ArmValue n, ResourceId id, string type)
        {
            var l = new LocalNetworkGateway();
            l.ReadCommon(n, id, type);
            l.AddressPrefixes = n.AddressSpace("localNetworkAddressSpace");
            l.GatewayIpAddress = n.Str("gatewayIpAddress");
            return l;
        }
    }
}
