using System.Collections.Generic;
using AzSpokeTools.Engine.Addresses;
using AzSpokeTools.Engine.Input;

namespace AzSpokeTools.Engine.Model
{
    /// <summary>Microsoft.Network/privateEndpoints: a /32 InterfaceEndpoint route per IP (docs/routing-model.md#optional-default-routes).</summary>
    public sealed class PrivateEndpoint : AzureResource
    {
        /// <summary>The endpoint's subnet.</summary>
        public ResourceId? SubnetId { get; internal set; }
        /// <summary>The endpoint's NICs.</summary>
        public IReadOnlyList<ResourceId> NetworkInterfaceIds { get; internal set; } = new List<ResourceId>();
        /// <summary>IPs read from the endpoint itself (ipConfigurations, customDnsConfigs); NIC IPs are added when the NIC is in the snapshot.</summary>
        public List<IpAddressValue> IpAddresses { get; } = new List<IpAddressValue>();

        internal static PrivateEndpoint Read(ArmValue n, ResourceId id, string type)
        {
            var pe = new PrivateEndpoint();
            pe.ReadCommon(n, id, type);
            pe.SubnetId = n.Ref("subnet");
            var nics = new List<ResourceId>();
            foreach (var nic in n.Array("networkInterfaces"))
                if (ResourceId.TryParse(nic.Own("id")?.AsString(), out var nid)) nics.Add(nid);
            pe.NetworkInterfaceIds = nics;
            foreach (var c in n.Objects("ipConfigurations", "an IP configuration"))
                if (c.Str("privateIPAddress") is string ip && IpAddressValue.TryParse(ip, out var a) && !pe.IpAddresses.Contains(a)) pe.IpAddresses.Add(a);
            foreach (var d in n.Objects("customDnsConfigs", "a DNS configuration"))
                foreach (var ip in d.Strings("ipAddresses"))
                    if (IpAddressValue.TryParse(ip, out var a) && !pe.IpAddresses.Contains(a)) pe.IpAddresses.Add(a);
            return pe;
        }
    }
}
