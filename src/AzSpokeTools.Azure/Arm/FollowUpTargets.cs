using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using AzSpokeTools.Azure.ResourceGraph;

namespace AzSpokeTools.Azure.Arm
{
    /// <summary>Ids of the resources whose children or actions are read after the inventory.</summary>
    internal sealed class FollowUpTargets
    {
        public List<string> NetworkManagers { get; } = new List<string>();
        public List<string> VirtualHubs { get; } = new List<string>();
        /// <summary>Virtual hubs of kind RouteServer: Azure Route Servers (their children are BGP connections and IP configurations).</summary>
        public List<string> RouteServers { get; } = new List<string>();
        public List<string> VirtualNetworkGateways { get; } = new List<string>();
        /// <summary>Firewall policies: their rule collection groups are ARM children.</summary>
        public List<string> FirewallPolicies { get; } = new List<string>();

        public void Note(JsonObject resource)
        {
            var type = ResourceGraphInventory.StringOrNull(resource["type"]);
            var id = ResourceGraphInventory.StringOrNull(resource["id"]);
            if (type == null || id == null) return;
            if (type.Equals("Microsoft.Network/networkManagers", StringComparison.OrdinalIgnoreCase)) NetworkManagers.Add(id);
            else if (type.Equals("Microsoft.Network/virtualHubs", StringComparison.OrdinalIgnoreCase))
            {
                // Azure docs, "Configure Azure Route Server" (az network routeserver show): a Route Server is a virtualHubs resource of kind RouteServer.
                if (string.Equals(ResourceGraphInventory.StringOrNull(resource["kind"]), "RouteServer", StringComparison.OrdinalIgnoreCase)) RouteServers.Add(id);
                else VirtualHubs.Add(id);
            }
            else if (type.Equals("Microsoft.Network/virtualNetworkGateways", StringComparison.OrdinalIgnoreCase)) VirtualNetworkGateways.Add(id);
            else if (type.Equals("Microsoft.Network/firewallPolicies", StringComparison.OrdinalIgnoreCase)) FirewallPolicies.Add(id);
        }
    }
}
