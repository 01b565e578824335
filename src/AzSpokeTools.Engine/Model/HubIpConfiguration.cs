using AzSpokeTools.Engine.Addresses;
using AzSpokeTools.Engine.Input;

namespace AzSpokeTools.Engine.Model
{
    /// <summary>
    /// Microsoft.Network/virtualHubs/ipConfigurations: where a Route Server sits (its subnet, RouteServerSubnet, and so
    /// its virtual network).
    /// </summary>
    public sealed class HubIpConfiguration : AzureResource
    {
        /// <summary>The virtual hub.</summary>
        public ResourceId HubId { get; internal set; }
        /// <summary>The subnet the hub's router sits in (Route Server).</summary>
        public ResourceId? SubnetId { get; internal set; }
        /// <summary>The router's private IP address.</summary>
        public IpAddressValue? PrivateIpAddress { get; internal set; }

        internal static HubIpConfiguration Read(ArmValue n, ResourceId id, string type)
        {
            var c = new HubIpConfiguration();
            c.ReadCommon(n, id, type);
            c.HubId = id.Parent ?? id;
            c.SubnetId = n.Ref("subnet");
            if (n.Str("privateIPAddress") is string ip && IpAddressValue.TryParse(ip, out var a)) c.PrivateIpAddress = a;
            return c;
        }
    }
}
