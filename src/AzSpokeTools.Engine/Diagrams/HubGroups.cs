using System.Collections.Generic;
using System.Linq;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Readiness;

namespace AzSpokeTools.Engine.Diagrams
{
    /// <summary>
    /// Which hub each VNet belongs to in a picture: a VNet connected to a Virtual WAN hub belongs to that hub; a hub VNet
    /// (<see cref="Hubs"/>) to itself; any other VNet to the first hub VNet (snapshot order) it is peered to in
    /// its own region. A spoke peered only to hubs in other regions, or to none, belongs to no hub (it is drawn in its region).
    /// </summary>
    internal sealed class HubGroups
    {
        private readonly Dictionary<ResourceId, ResourceId> _hubOf = new Dictionary<ResourceId, ResourceId>();

        public HubGroups(Topology topology, IEnumerable<VirtualNetwork> vnets)
        {
            // A hub: a VNet with a gateway or Azure Firewall, an AVNM hub (HubClassification), or a VNet that holds a network
            // virtual appliance (a NIC with IP forwarding) or a Route Server, as hubs of NVA-based designs do.
            var hubs = new HashSet<ResourceId>(HubClassification.Hubs(topology));
            foreach (var nic in topology.NetworkInterfaces.Where(n => n.EnableIPForwarding))
                foreach (var c in nic.IpConfigurations)
                    if (c.SubnetId?.Parent is ResourceId v) hubs.Add(v);
            foreach (var v in topology.VirtualNetworks)
                if (v.Subnets.Any(s => string.Equals(s.Name, "RouteServerSubnet", System.StringComparison.OrdinalIgnoreCase))) hubs.Add(v.Id);
            Hubs = hubs;
            var list = vnets.ToList();
            var ids = new HashSet<ResourceId>(list.Select(v => v.Id));
            foreach (var hub in topology.VirtualHubs)
                foreach (var c in hub.Connections)
                    if (c.RemoteVirtualNetworkId is ResourceId r && ids.Contains(r) && !_hubOf.ContainsKey(r)) _hubOf[r] = hub.Id;
            foreach (var v in list.Where(v => Hubs.Contains(v.Id) && !_hubOf.ContainsKey(v.Id))) _hubOf[v.Id] = v.Id;
            var region = list.ToDictionary(v => v.Id, v => Locations.Normalize(v.Location));
            foreach (var v in list.Where(v => !_hubOf.ContainsKey(v.Id)))
                foreach (var p in v.Peerings)
                    if (p.RemoteVirtualNetworkId is ResourceId r && Hubs.Contains(r) && region.TryGetValue(r, out var hubRegion)
                        && hubRegion == region[v.Id] && _hubOf.TryGetValue(r, out var hub) && hub == r)
                    {
                        _hubOf[v.Id] = r;
                        break;
                    }
        }

        /// <summary>Every hub VNet of the topology.</summary>
        public ISet<ResourceId> Hubs { get; }

        /// <summary>The hub VNet or Virtual WAN hub <paramref name="vnet"/> belongs to, or null.</summary>
        public ResourceId? HubOf(ResourceId vnet) => _hubOf.TryGetValue(vnet, out var h) ? h : (ResourceId?)null;
    }
}
