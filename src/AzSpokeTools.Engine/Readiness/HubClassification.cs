using System.Collections.Generic;
using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Engine.Readiness
{
    /// <summary>
    /// Which VNets are hubs: a VNet with a virtual network gateway or an Azure Firewall, or the hub of an AVNM
    /// hub-and-spoke connectivity configuration. Every other VNet is a spoke (the default mesh selection).
    /// </summary>
    internal static class HubClassification
    {
        /// <summary>The ids of every hub VNet in <paramref name="topology"/>.</summary>
        public static ISet<ResourceId> Hubs(Topology topology)
        {
            var hubs = new HashSet<ResourceId>();
            foreach (var g in topology.VirtualNetworkGateways)
                if (g.VirtualNetworkId is ResourceId v) hubs.Add(v);
            foreach (var f in topology.AzureFirewalls)
                if (f.SubnetId?.Parent is ResourceId v) hubs.Add(v);
            foreach (var c in topology.ConnectivityConfigurations)
                foreach (var h in c.HubIds) hubs.Add(h);
            return hubs;
        }
    }
}
