using AzSpokeTools.Engine.Addresses;
using AzSpokeTools.Engine.Input;

namespace AzSpokeTools.Engine.Model
{
    /// <summary>Microsoft.Network/publicIPAddresses: the next hop an active-standby VPN gateway's routes show (docs/routing-model.md#gateway-routes-and-bgp-propagation).</summary>
    public sealed class PublicIpAddress : AzureResource
    {
        /// <summary>The allocated address, when there is one.</summary>
        public IpAddressValue? IpAddress { get; internal set; }

        internal static PublicIpAddress Read(ArmValue n, ResourceId id, string type)
        {
            var p = new PublicIpAddress();
            p.ReadCommon(n, id, type);
            if (n.Str("ipAddress") is string ip && IpAddressValue.TryParse(ip, out var a)) p.IpAddress = a;
            return p;
        }
    }
}
