using System.Collections.Generic;
using AzSpokeTools.Engine.Addresses;
using AzSpokeTools.Engine.Input;

namespace AzSpokeTools.Engine.Model
{
    /// <summary>Microsoft.Network/virtualNetworks with its inline subnets and peerings.</summary>
    public sealed class VirtualNetwork : AzureResource
    {
        /// <summary>The VNet's address-space prefixes.</summary>
        public IReadOnlyList<IpPrefix> AddressSpace { get; internal set; } = new List<IpPrefix>();
        /// <summary>The VNet's subnets.</summary>
        public List<Subnet> Subnets { get; } = new List<Subnet>();
        /// <summary>The VNet's peerings.</summary>
        public List<VirtualNetworkPeering> Peerings { get; } = new List<VirtualNetworkPeering>();
        /// <summary>privateEndpointVNetPolicies: Disabled or Basic (high-scale private endpoints).</summary>
        public string? PrivateEndpointVNetPolicies { get; internal set; }
        /// <summary>
        /// summarizedGatewayPrefixes (API 2025-07-01): prefixes this VNet's gateways advertise instead of its own address space
        /// and of the peered spokes they cover (Azure docs, "Advertised gateway prefixes in Azure virtual networks"). Read on the
        /// VNet that holds the gateway only; empty when not set.
        /// </summary>
        public IReadOnlyList<IpPrefix> SummarizedGatewayPrefixes { get; internal set; } = new List<IpPrefix>();

        internal static VirtualNetwork Read(ArmValue n, ResourceId id, string type)
        {
            var v = new VirtualNetwork();
            v.ReadCommon(n, id, type);
            v.AddressSpace = n.AddressSpace("addressSpace");
            v.PrivateEndpointVNetPolicies = n.Str("privateEndpointVNetPolicies");
            v.SummarizedGatewayPrefixes = n.AddressSpace("summarizedGatewayPrefixes");
            foreach (var s in n.Objects("subnets", "a subnet"))
            {
                var subnet = Subnet.Read(s, v);
                if (subnet != null) v.Subnets.Add(subnet);
            }
            foreach (var p in n.Objects("virtualNetworkPeerings", "a peering"))
            {
                var peering = VirtualNetworkPeering.Read(p, v);
                if (peering != null) v.Peerings.Add(peering);
            }
            return v;
        }
    }
}
