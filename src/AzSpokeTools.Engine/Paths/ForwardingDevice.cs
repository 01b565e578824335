using System.Collections.Generic;
using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Engine.Paths
{
    /// <summary>
    /// The device that owns a VirtualAppliance next-hop IP (docs/routing-model.md#next-hop-types): a NIC, an Azure Firewall, an internal
    /// load balancer frontend in front of NVA NICs, or a firewall/NVA in a secured Virtual WAN hub.
    /// </summary>
    internal sealed class ForwardingDevice
    {
        public ForwardingDeviceKind Kind { get; set; }
        public ResourceId Id { get; set; }
        public string Name { get; set; } = "";
        /// <summary>The subnet whose routes the device forwards by (NIC subnet, AzureFirewallSubnet, backend subnet); null in a hub.</summary>
        public Subnet? Subnet { get; set; }
        public VirtualHub? Hub { get; set; }
        public NetworkInterface? Nic { get; set; }
        /// <summary>For a load balancer: the backend NICs.</summary>
        public List<NetworkInterface> Backends { get; } = new List<NetworkInterface>();
        /// <summary>For a load balancer: its backend pools are listed and every one of them is empty.</summary>
        public bool DeclaresEmptyBackends { get; set; }
        /// <summary>The subnet a frontend or firewall declares, when it is not in the snapshot.</summary>
        public ResourceId? MissingSubnetId { get; set; }

        public VirtualNetwork? VirtualNetwork => Subnet?.VirtualNetwork;

        public override string ToString() => Name;
    }

    internal enum ForwardingDeviceKind { NetworkInterface, AzureFirewall, LoadBalancer, HubFirewall, HubAppliance }
}
