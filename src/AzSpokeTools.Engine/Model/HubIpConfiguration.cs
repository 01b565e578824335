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
        public ResourceId HubId { get; internal set; }
        public ResourceId? SubnetId { get; internal set; }
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
