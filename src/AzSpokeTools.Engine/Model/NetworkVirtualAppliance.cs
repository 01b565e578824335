using System.Collections.Generic;
using AzSpokeTools.Engine.Addresses;
using AzSpokeTools.Engine.Input;

namespace AzSpokeTools.Engine.Model
{
    /// <summary>Microsoft.Network/networkVirtualAppliances: an NVA deployed in a Virtual WAN hub.</summary>
    public sealed class NetworkVirtualAppliance : AzureResource
    {
        /// <summary>The hub the appliance is deployed in.</summary>
        public ResourceId? VirtualHubId { get; internal set; }
        /// <summary>The appliance's private IP addresses.</summary>
        public List<IpAddressValue> PrivateIpAddresses { get; } = new List<IpAddressValue>();

        internal static NetworkVirtualAppliance Read(ArmValue n, ResourceId id, string type)
        {
            var a = new NetworkVirtualAppliance();
            a.ReadCommon(n, id, type);
            a.VirtualHubId = n.Ref("virtualHub");
            foreach (var nic in n.Array("virtualApplianceNics"))
                if (nic.Str("privateIpAddress") is string ip && IpAddressValue.TryParse(ip, out var v)) a.PrivateIpAddresses.Add(v);
            return a;
        }
    }
}
