using System.Collections.Generic;
using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Engine.Routing
{
    /// <summary>Indexes over a topology that the route sources share; built once per calculator.</summary>
    internal sealed class RoutingContext
    {
        public RoutingContext(Topology topology)
        {
            Topology = topology;
            foreach (var v in topology.VirtualNetworks)
            {
                if (!VirtualNetworks.ContainsKey(v.Id)) VirtualNetworks[v.Id] = v;
                foreach (var s in v.Subnets) Subnets[s.Id] = s;
                foreach (var p in v.Peerings)
                    if (p.RemoteVirtualNetworkId is ResourceId r) Peerings[(v.Id, r)] = p;
            }
            foreach (var t in topology.RouteTables) RouteTables[t.Id] = t;
            foreach (var g in topology.VirtualNetworkGateways)
                if (g.VirtualNetworkId is ResourceId vid) Add(GatewaysByVnet, vid, g);
            foreach (var pe in topology.PrivateEndpoints)
                if (pe.SubnetId?.Parent is ResourceId vid) Add(PrivateEndpointsByVnet, vid, pe);
            foreach (var h in topology.VirtualHubs)
                foreach (var c in h.Connections)
                    if (c.RemoteVirtualNetworkId is ResourceId vid) HubConnectionsByVnet[vid] = (h, c);
            foreach (var f in topology.AzureFirewalls) Firewalls[f.Id] = f;
            ConnectedGroups = new ConnectedGroups(this);
        }

        public Topology Topology { get; }
        public Dictionary<ResourceId, VirtualNetwork> VirtualNetworks { get; } = new Dictionary<ResourceId, VirtualNetwork>();
        public Dictionary<ResourceId, Subnet> Subnets { get; } = new Dictionary<ResourceId, Subnet>();
        public Dictionary<ResourceId, RouteTable> RouteTables { get; } = new Dictionary<ResourceId, RouteTable>();
        public Dictionary<(ResourceId Local, ResourceId Remote), VirtualNetworkPeering> Peerings { get; } = new Dictionary<(ResourceId, ResourceId), VirtualNetworkPeering>();
        public Dictionary<ResourceId, List<VirtualNetworkGateway>> GatewaysByVnet { get; } = new Dictionary<ResourceId, List<VirtualNetworkGateway>>();
        public Dictionary<ResourceId, List<PrivateEndpoint>> PrivateEndpointsByVnet { get; } = new Dictionary<ResourceId, List<PrivateEndpoint>>();
        public Dictionary<ResourceId, (VirtualHub Hub, HubVirtualNetworkConnection Connection)> HubConnectionsByVnet { get; } = new Dictionary<ResourceId, (VirtualHub, HubVirtualNetworkConnection)>();
        public Dictionary<ResourceId, AzureFirewall> Firewalls { get; } = new Dictionary<ResourceId, AzureFirewall>();
        public ConnectedGroups ConnectedGroups { get; }

        private readonly Dictionary<(EffectiveRoute, EffectiveRoute, RouteSelection.InvalidKind, Addresses.IpPrefix), EffectiveRoute> _invalidCopies =
            new Dictionary<(EffectiveRoute, EffectiveRoute, RouteSelection.InvalidKind, Addresses.IpPrefix), EffectiveRoute>();

        /// <summary>
        /// The Invalid copy of <paramref name="loser"/> beaten by <paramref name="cause"/>. Many tables hold the same pair (a gateway's
        /// learned route overridden by the same connected-group route in every member), so the copy is made once.
        /// </summary>
        public EffectiveRoute InvalidCopy(EffectiveRoute loser, EffectiveRoute cause, RouteSelection.InvalidKind kind, Addresses.IpPrefix prefix)
        {
            var key = (loser, cause, kind, prefix);
            if (_invalidCopies.TryGetValue(key, out var copy)) return copy;
            copy = loser.Copy();
            copy.State = RouteState.Invalid;
            copy.InvalidReason = RouteSelection.Reason(loser, cause, kind, prefix, this);
            _invalidCopies[key] = copy;
            return copy;
        }

        public VirtualNetwork? Vnet(ResourceId? id) => id is ResourceId r && VirtualNetworks.TryGetValue(r, out var v) ? v : null;

        public IReadOnlyList<VirtualNetworkGateway> GatewaysIn(ResourceId vnet) =>
            GatewaysByVnet.TryGetValue(vnet, out var list) ? list : (IReadOnlyList<VirtualNetworkGateway>)System.Array.Empty<VirtualNetworkGateway>();

        /// <summary>The remote side of a peering, when the remote VNet is in the snapshot.</summary>
        public VirtualNetworkPeering? Reverse(VirtualNetworkPeering p) =>
            p.RemoteVirtualNetworkId is ResourceId r && Peerings.TryGetValue((r, p.Local.Id), out var back) ? back : null;

        /// <summary>
        /// docs/routing-model.md#peering-routes: a peering counts only when both sides read Connected. When the remote VNet
        /// is not in the snapshot the local side's state is all there is (ARM shows Connected only once both sides are).
        /// </summary>
        public bool IsEstablished(VirtualNetworkPeering p, out string? note)
        {
            note = null;
            if (!p.IsConnected) return false;
            var remote = Vnet(p.RemoteVirtualNetworkId);
            if (remote == null)
            {
                note = $"peering {p} points to {p.RemoteVirtualNetworkId} which is not in the snapshot; its state is taken from the local side ({p.PeeringState})";
                return true;
            }
            var back = Reverse(p);
            if (back == null)
            {
                note = $"peering {p}: {remote.Name} has no peering back to {p.Local.Name}; the peering is not established";
                return false;
            }
            return back.IsConnected;
        }

        private static void Add<T>(Dictionary<ResourceId, List<T>> d, ResourceId key, T value)
        {
            if (!d.TryGetValue(key, out var list)) d[key] = list = new List<T>();
            list.Add(value);
        }
    }
}
