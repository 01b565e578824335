using System;
using System.Collections.Generic;
using System.Linq;
using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Engine.Routing
{
    /// <summary>
    /// Computes, for any subnet or NIC of a topology, the effective route table Azure would show, without a
    /// running VM (docs/routing-model.md#path-resolution and 2). Tables are computed once per distinct input
    /// (VNet, route table, service endpoints) and shared between subnets.
    /// </summary>
    internal sealed class EffectiveRouteCalculator
    {
        private readonly RoutingContext _ctx;
        private readonly GatewayRoutes _gateways;
        private readonly ServiceTagCatalog? _tags;
        private readonly Dictionary<ResourceId, RouteCandidates> _vnetRoutes = new Dictionary<ResourceId, RouteCandidates>();
        private readonly Dictionary<string, (IReadOnlyList<EffectiveRoute> Routes, RouteCandidates Notes)> _tables = new Dictionary<string, (IReadOnlyList<EffectiveRoute>, RouteCandidates)>(StringComparer.OrdinalIgnoreCase);

        public EffectiveRouteCalculator(Topology topology, ServiceTagCatalog? serviceTags = null)
        {
            Topology = topology ?? throw new ArgumentNullException(nameof(topology));
            _ctx = new RoutingContext(topology);
            _gateways = new GatewayRoutes(_ctx);
            _tags = serviceTags;
        }

        public Topology Topology { get; }

        internal RoutingContext Context => _ctx;
        internal GatewayRoutes Gateways => _gateways;

        /// <summary>The number of distinct tables computed so far (subnets with identical inputs share one).</summary>
        public int DistinctTables => _tables.Count;

        public EffectiveRouteTable ForSubnet(Subnet subnet) => ForSubnet(subnet, keep: true);

        /// <summary>The table of a subnet read for a while and then not again (see <see cref="RoutesOnce"/>): not kept.</summary>
        internal EffectiveRouteTable ForSubnetOnce(Subnet subnet) => ForSubnet(subnet, keep: false);

        private EffectiveRouteTable ForSubnet(Subnet subnet, bool keep)
        {
            if (subnet == null) throw new ArgumentNullException(nameof(subnet));
            var (routes, notes) = Compute(subnet, keep);
            var unknowns = notes.Unknowns.ToList();
            foreach (var gap in Topology.Coverage.Denied)
                unknowns.Add("the snapshot could not read " + gap + "; routes from it are missing");
            return new EffectiveRouteTable(subnet.Id, subnet, routes, notes.Assumptions, unknowns);
        }

        /// <summary>
        /// The routes of a subnet read once, such as a source of the all-pairs matrix: taken from the tables kept when it has one,
        /// otherwise computed without keeping it (only the last one is remembered, for the next subnet of the same VNet). Keeping
        /// every source's table made the matrix's memory, and the garbage collector's work, grow with the estate.
        /// </summary>
        internal IReadOnlyList<EffectiveRoute> RoutesOnce(Subnet subnet)
        {
            if (subnet == null) throw new ArgumentNullException(nameof(subnet));
            return Compute(subnet, keep: false).Routes;
        }

        /// <summary>
        /// The subnet of the NIC's primary IP configuration (else its first with a subnet), or null when it is not in the snapshot;
        /// <paramref name="subnetId"/> is the subnet the NIC names (null when it names none).
        /// </summary>
        public Subnet? SubnetOf(NetworkInterface nic, out ResourceId? subnetId)
        {
            var config = nic.IpConfigurations.FirstOrDefault(c => c.Primary && c.SubnetId != null) ?? nic.IpConfigurations.FirstOrDefault(c => c.SubnetId != null);
            subnetId = config?.SubnetId;
            return subnetId is ResourceId sid && _ctx.Subnets.TryGetValue(sid, out var subnet) ? subnet : null;
        }

        /// <summary>A NIC's effective routes are those of the subnet of its primary IP configuration (see <see cref="SubnetOf"/>).</summary>
        public EffectiveRouteTable ForNetworkInterface(NetworkInterface nic)
        {
            if (nic == null) throw new ArgumentNullException(nameof(nic));
            var subnet = SubnetOf(nic, out _) ?? throw new InvalidOperationException($"network interface {nic.Name} is not in a subnet of the snapshot");
            var t = ForSubnet(subnet);
            return new EffectiveRouteTable(nic.Id, subnet, t.Routes, t.Assumptions, t.Unknowns);
        }

        /// <summary>Every subnet's table, in snapshot order.</summary>
        public IEnumerable<EffectiveRouteTable> ForAllSubnets()
        {
            foreach (var v in Topology.VirtualNetworks)
                foreach (var s in v.Subnets)
                    yield return ForSubnet(s);
        }

        private string? _lastKey;
        private (IReadOnlyList<EffectiveRoute> Routes, RouteCandidates Notes) _last;
        private VirtualNetwork? _lastVnet;
        private RouteCandidates? _lastVnetRoutes;

        private (IReadOnlyList<EffectiveRoute> Routes, RouteCandidates Notes) Compute(Subnet subnet, bool keep = true)
        {
            var vnet = subnet.VirtualNetwork;
            bool subnetPeering = vnet.Peerings.Any(p => p.IsSubnetPeering);
            var key = vnet.Id.Value + "|" + subnet.RouteTableId?.Value + "|" +
                      string.Join(",", subnet.ServiceEndpoints.Select(s => s.Service + ":" + string.Join(";", s.Locations))) +
                      (subnetPeering ? "|" + subnet.Name : "");
            if (_tables.TryGetValue(key, out var cached)) return cached;
            if (!keep && key == _lastKey) return _last;

            var candidates = new RouteCandidates();
            candidates.AddFrom(VnetRoutes(vnet, includePeerings: !subnetPeering, keep));
            if (subnetPeering) PeeringRoutes.Add(_ctx, subnet, candidates);
            EndpointRoutes.AddServiceEndpoints(subnet, _tags, candidates);
            var user = new RouteCandidates();
            UserRoutes.Add(_ctx, subnet, _tags, user);
            _gateways.RefuseGatewayUserRoutes(vnet, user.Routes);
            var routes = candidates.Routes;
            var table = subnet.RouteTableId is ResourceId rt && _ctx.RouteTables.TryGetValue(rt, out var t) ? t : null;
            var shared = candidates.Shared;
            // docs/routing-model.md#gateway-routes-and-bgp-propagation: disableBgpRoutePropagation removes every VirtualNetworkGateway-source route.
            if (table?.DisableBgpRoutePropagation == true)
            {
                routes.RemoveAll(r => r.Source == RouteSource.VirtualNetworkGateway);
                // What the gateways and Route Servers left unknown does not reach this subnet either.
                if (shared != null) foreach (var u in shared.Notes.Unknowns) candidates.Unknowns.Remove(u);
                shared = null;
            }
            DefaultRoutes.ApplyUserRouteRemovals(routes, user.Routes);
            routes.AddRange(user.Routes);
            foreach (var u in user.Unknowns) candidates.Unknown(u);
            var selected = RouteSelection.SelectLayered(routes, shared, vnet, _ctx);
            var result = (selected, candidates);
            if (keep) _tables[key] = result;
            else (_lastKey, _last) = (key, result);
            return result;
        }

        private RouteCandidates VnetRoutes(VirtualNetwork vnet, bool includePeerings, bool keep)
        {
            if (includePeerings && _vnetRoutes.TryGetValue(vnet.Id, out var cached)) return cached;
            if (includePeerings && !keep && vnet == _lastVnet) return _lastVnetRoutes!;
            var c = new RouteCandidates();
            DefaultRoutes.Add(vnet, c);
            if (includePeerings && vnet.Subnets.Count > 0) PeeringRoutes.Add(_ctx, vnet.Subnets[0], c);
            _ctx.ConnectedGroups.AddRoutes(vnet, c);
            EndpointRoutes.AddPrivateEndpoints(_ctx, vnet, c);
            _gateways.Add(vnet, c);
            if (includePeerings && keep) _vnetRoutes[vnet.Id] = c;
            else if (includePeerings) (_lastVnet, _lastVnetRoutes) = (vnet, c);
            return c;
        }
    }
}
