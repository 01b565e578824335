using System;
using System.Collections.Generic;
using System.Linq;
using AzSpokeTools.Engine.Addresses;
using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Engine.Routing
{
    /// <summary>
    /// Routes with source VirtualNetworkGateway: from the VNet's own gateway or the hub's through gateway
    /// transit, learned over BGP (captured getLearnedRoutes), from local network gateways, from other VNets over
    /// a shared ExpressRoute circuit (the MSEE hairpin), and from a Virtual WAN hub router (azure-routing-rules.md §2.1, §2.3, §5, §6).
    /// </summary>
    internal sealed class GatewayRoutes
    {
        private readonly RoutingContext _ctx;
        private readonly Dictionary<ResourceId, RouteCandidates> _byGateway = new Dictionary<ResourceId, RouteCandidates>();

        public GatewayRoutes(RoutingContext ctx) => _ctx = ctx;

        /// <summary>The gateways whose routes a VNet's subnets receive, and how (own gateway or gateway transit).</summary>
        public IReadOnlyList<(VirtualNetworkGateway Gateway, VirtualNetworkPeering? Transit)> GatewaysServing(VirtualNetwork vnet, RouteCandidates notes)
        {
            var own = _ctx.GatewaysIn(vnet.Id);
            if (own.Count > 0) return own.Select(g => (g, (VirtualNetworkPeering?)null)).ToList();
            var result = new List<(VirtualNetworkGateway, VirtualNetworkPeering?)>();
            foreach (var p in vnet.Peerings)
            {
                // azure-routing-rules.md §2.4: useRemoteGateways on the spoke side + allowGatewayTransit on the hub side.
                if (p.UseRemoteGateways != true || !_ctx.IsEstablished(p, out _)) continue;
                var back = _ctx.Reverse(p);
                var hub = _ctx.Vnet(p.RemoteVirtualNetworkId);
                if (hub == null)
                {
                    notes.Unknown($"{vnet.Name} uses the remote gateways of {p.RemoteVirtualNetworkId}, which is not in the snapshot; its gateway routes are unknown");
                    continue;
                }
                if (back?.AllowGatewayTransit != true)
                {
                    notes.Assume($"{vnet.Name} sets useRemoteGateways on {p.Name} but {hub.Name} does not allow gateway transit; no gateway routes through it");
                    continue;
                }
                var gateways = _ctx.GatewaysIn(hub.Id);
                if (gateways.Count == 0) notes.Assume($"{vnet.Name} uses the remote gateways of {hub.Name}, which has no gateway in the snapshot");
                foreach (var g in gateways) result.Add((g, p));
            }
            return result;
        }

        private readonly Dictionary<string, SharedRouteLayer> _layers = new Dictionary<string, SharedRouteLayer>();

        /// <summary>
        /// Adds the VNet's gateway-learned and hub-router routes as a shared layer (one per set of serving gateways and
        /// hub route table); the VNet's own address space is excluded from it at selection.
        /// </summary>
        public void Add(VirtualNetwork vnet, RouteCandidates into)
        {
            var serving = GatewaysServing(vnet, into);
            var keyParts = new List<string>(serving.Select(s => s.Gateway.Id.Value.ToLowerInvariant()).OrderBy(x => x, StringComparer.Ordinal));
            var hubKey = AddVirtualWanOwnRoutes(vnet, into);
            if (hubKey != null) keyParts.Add(hubKey);
            if (keyParts.Count == 0) return;
            var key = string.Join("|", keyParts);
            if (!_layers.TryGetValue(key, out var layer))
            {
                var routes = new List<EffectiveRoute>();
                var notes = new RouteCandidates();
                foreach (var (gateway, _) in serving)
                {
                    var learned = RoutesOf(gateway);
                    routes.AddRange(learned.Routes);
                    foreach (var a in learned.Assumptions) notes.Assume(a);
                    foreach (var u in learned.Unknowns) notes.Unknown(u);
                }
                if (hubKey != null) AddVirtualWanShared(vnet, routes, notes);
                layer = new SharedRouteLayer(routes);
                foreach (var a in notes.Assumptions) layer.Notes.Assume(a);
                foreach (var u in notes.Unknowns) layer.Notes.Unknown(u);
                _layers[key] = layer;
            }
            into.Shared = layer;
            foreach (var a in layer.Notes.Assumptions) into.Assume(a);
            foreach (var u in layer.Notes.Unknowns) into.Unknown(u);
        }

        /// <summary>The routes a gateway has learned (and programs into the VNets it serves).</summary>
        internal RouteCandidates RoutesOf(VirtualNetworkGateway g)
        {
            if (_byGateway.TryGetValue(g.Id, out var cached)) return cached;
            var c = new RouteCandidates();
            var nextHops = NextHopsOf(g, c);
            if (_ctx.Topology.LearnedRoutes.TryGetValue(g.Id, out var learned))
            {
                // azure-routing-rules.md §2.1: each prefix learned over BGP becomes a VirtualNetworkGateway route.
                foreach (var group in learned.Where(l => !string.Equals(l.Origin, "Network", StringComparison.OrdinalIgnoreCase)).GroupBy(l => l.Network))
                {
                    var hops = group.Select(l => l.NextHop).Where(h => !string.IsNullOrEmpty(h)).Distinct().Select(h => h!).ToArray();
                    var asPaths = string.Join("; ", group.Select(l => l.AsPath).Where(a => !string.IsNullOrEmpty(a)).Distinct());
                    c.Routes.Add(new EffectiveRoute(null, RouteSource.VirtualNetworkGateway, EffectiveRoute.One(group.Key), NextHopType.VirtualNetworkGateway,
                        hops, g.Id.Value, asPaths.Length > 0 ? $"gateway {g.Name} (learned {asPaths})" : $"gateway {g.Name} (learned)"));
                }
            }
            else if (g.IsExpressRoute) AddExpressRoute(g, c);
            else AddVpn(g, nextHops, c);
            _byGateway[g.Id] = c;
            return c;
        }

        /// <summary>
        /// azure-routing-rules.md §2.3 [FIELD S27d]: routes via an active-standby gateway show its public IP as next hop;
        /// an active-active gateway's show its instances' private IPs.
        /// </summary>
        private string[] NextHopsOf(VirtualNetworkGateway g, RouteCandidates notes)
        {
            if (g.ActiveActive || g.PublicIpAddressIds.Count == 0) return g.PrivateIpAddresses.Select(a => a.ToString()).ToArray();
            var hops = new List<string>();
            foreach (var id in g.PublicIpAddressIds)
            {
                var pip = _ctx.Topology.PublicIpAddresses.FirstOrDefault(p => p.Id == id);
                if (pip?.IpAddress is IpAddressValue a) hops.Add(a.ToString());
                else notes.Unknown($"public IP {id} of gateway {g.Name} is not in the snapshot; its routes' next hop IP is unknown");
            }
            return hops.ToArray();
        }

        private void AddVpn(VirtualNetworkGateway g, string[] nextHops, RouteCandidates c)
        {
            foreach (var conn in _ctx.Topology.Connections.Where(x => x.VirtualNetworkGateway1Id == g.Id || x.VirtualNetworkGateway2Id == g.Id))
            {
                if (conn.LocalNetworkGateway2Id is ResourceId lngId)
                {
                    var lng = _ctx.Topology.LocalNetworkGateways.FirstOrDefault(l => l.Id == lngId);
                    if (lng == null)
                    {
                        c.Unknown($"connection {conn.Name} uses local network gateway {lngId}, which is not in the snapshot");
                        continue;
                    }
                    // azure-routing-rules.md §2.1: prefixes configured in the local network gateway become gateway routes.
                    foreach (var p in lng.AddressPrefixes)
                        c.Routes.Add(new EffectiveRoute(null, RouteSource.VirtualNetworkGateway, EffectiveRoute.One(p), NextHopType.VirtualNetworkGateway,
                            nextHops, g.Id.Value, $"gateway {g.Name} (site {lng.Name} via {conn.Name})"));
                    if (conn.EnableBgp) c.Unknown($"connection {conn.Name} runs BGP: prefixes learned from {lng.Name} beyond its configured ones need getLearnedRoutes for {g.Name}");
                }
                else
                {
                    var otherId = conn.VirtualNetworkGateway1Id == g.Id ? conn.VirtualNetworkGateway2Id : conn.VirtualNetworkGateway1Id;
                    var other = _ctx.Topology.VirtualNetworkGateways.FirstOrDefault(x => x.Id == otherId);
                    var otherVnet = _ctx.Vnet(other?.VirtualNetworkId);
                    if (otherVnet == null) { c.Unknown($"connection {conn.Name}: the remote gateway's virtual network is not in the snapshot"); continue; }
                    // azure-routing-rules.md §2.1: a VNet-to-VNet connection brings the remote VNet's prefixes.
                    foreach (var p in otherVnet.AddressSpace)
                        c.Routes.Add(new EffectiveRoute(null, RouteSource.VirtualNetworkGateway, EffectiveRoute.One(p), NextHopType.VirtualNetworkGateway,
                            nextHops, g.Id.Value, $"gateway {g.Name} (VNet-to-VNet {conn.Name} to {otherVnet.Name})"));
                }
            }
        }

        private void AddExpressRoute(VirtualNetworkGateway g, RouteCandidates c)
        {
            var circuits = CircuitsOf(g);
            if (circuits.Count == 0) return;
            foreach (var circuit in circuits)
                c.Unknown($"on-premises prefixes learned over ExpressRoute circuit {circuit.Name} are not in the snapshot (capture getLearnedRoutes for {g.Name})");
            // azure-routing-rules.md §6.1: the toggle filters prefixes that other VNets' gateways advertise to the MSEE.
            if (g.AllowRemoteVnetTraffic == false) return;
            var reachable = new HashSet<ResourceId>(circuits.Select(x => x.Id));
            // azure-routing-rules.md §6.1: a shared circuit or one linked by Global Reach [INFER for Global Reach].
            foreach (var circuit in circuits)
                foreach (var linked in circuit.GlobalReachCircuitIds) reachable.Add(linked);
            foreach (var other in _ctx.Topology.VirtualNetworkGateways.Where(x => x.IsExpressRoute && x.Id != g.Id))
            {
                var shared = CircuitsOf(other).Where(x => reachable.Contains(x.Id)).ToList();
                if (shared.Count == 0) continue;
                if (g.AllowRemoteVnetTraffic == null)
                    c.Assume($"ExpressRoute gateway {g.Name} does not say allowRemoteVnetTraffic: taken as the legacy behaviour that accepts other VNets' prefixes from the MSEE");
                var hub = _ctx.Vnet(other.VirtualNetworkId);
                if (hub == null) { c.Unknown($"ExpressRoute gateway {other.Name}'s virtual network is not in the snapshot"); continue; }
                foreach (var (vnet, p) in Advertised(other, hub))
                    c.Routes.Add(new EffectiveRoute(null, RouteSource.VirtualNetworkGateway, EffectiveRoute.One(p), NextHopType.VirtualNetworkGateway,
                        Array.Empty<string>(), g.Id.Value, $"gateway {g.Name} (from {other.Name} over circuit {shared[0].Name}: {vnet.Name})"));
            }
        }

        /// <summary>What a gateway advertises: its VNet's space and that of the VNets using it through gateway transit.</summary>
        internal IEnumerable<(VirtualNetwork Vnet, IpPrefix Prefix)> Advertised(VirtualNetworkGateway gateway, VirtualNetwork hub)
        {
            foreach (var p in hub.AddressSpace) yield return (hub, p);
            foreach (var peering in hub.Peerings)
            {
                if (peering.AllowGatewayTransit != true || !_ctx.IsEstablished(peering, out _)) continue;
                var spoke = _ctx.Vnet(peering.RemoteVirtualNetworkId);
                var back = spoke == null ? null : _ctx.Reverse(peering);
                if (spoke == null || back?.UseRemoteGateways != true) continue;
                foreach (var p in spoke.AddressSpace) yield return (spoke, p);
            }
        }

        internal List<ExpressRouteCircuit> CircuitsOf(VirtualNetworkGateway g)
        {
            var list = new List<ExpressRouteCircuit>();
            foreach (var conn in _ctx.Topology.Connections.Where(x => x.IsExpressRoute && x.VirtualNetworkGateway1Id == g.Id && x.PeerId != null))
            {
                var circuit = _ctx.Topology.ExpressRouteCircuits.FirstOrDefault(x => x.Id == conn.PeerId!.Value);
                if (circuit != null && !list.Contains(circuit)) list.Add(circuit);
            }
            return list;
        }

        /// <summary>The hub-side routes that are the VNet's own (the hub prefix); returns the key of the hub's shared routes, or null.</summary>
        private string? AddVirtualWanOwnRoutes(VirtualNetwork vnet, RouteCandidates into)
        {
            if (!_ctx.HubConnectionsByVnet.TryGetValue(vnet.Id, out var hc)) return null;
            var (hub, conn) = hc;
            // azure-routing-rules.md §5.3 [INFER]: the hub's own prefix appears as a peering route (the connection is a managed peering).
            if (hub.AddressPrefix is IpPrefix hp)
                into.Routes.Add(new EffectiveRoute(null, RouteSource.Default, EffectiveRoute.One(hp), NextHopType.VNetPeering,
                    originId: conn.Id.Value, origin: $"virtual hub {hub.Name} connection {conn.Name}"));
            if (hub.RoutingIntent?.PrivateTrafficNextHop != null) return "hub:" + hub.Id.Value.ToLowerInvariant() + "|intent";
            var associated = conn.AssociatedRouteTableId ?? hub.RouteTables.FirstOrDefault(t => IsDefaultTable(t))?.Id;
            return "hub:" + hub.Id.Value.ToLowerInvariant() + "|" + (associated?.Value.ToLowerInvariant() ?? "default");
        }

        private void AddVirtualWanShared(VirtualNetwork vnet, List<EffectiveRoute> routes, RouteCandidates notes)
        {
            var (hub, conn) = _ctx.HubConnectionsByVnet[vnet.Id];
            var routerIps = hub.VirtualRouterIps.Select(a => a.ToString()).ToArray();
            var privateHop = hub.RoutingIntent?.PrivateTrafficNextHop;
            if (privateHop is ResourceId fwId)
            {
                // azure-routing-rules.md §5.2: routing intent sends all private traffic (RFC 1918 by default) to the hub firewall;
                // the spoke sees it as VirtualNetworkGateway routes (§5.3) whose next hop is the firewall [INFER §9.11].
                var fwIps = _ctx.Firewalls.TryGetValue(fwId, out var fw) ? fw.PrivateIpAddresses.Select(a => a.ToString()).ToArray()
                    : _ctx.Topology.NetworkVirtualAppliances.FirstOrDefault(n => n.Id == fwId)?.PrivateIpAddresses.Select(a => a.ToString()).ToArray() ?? Array.Empty<string>();
                if (fwIps.Length == 0) notes.Unknown($"routing intent of {hub.Name} sends private traffic to {fwId}, which is not in the snapshot");
                foreach (var p in DefaultRoutes.NonePrefixes.Take(3))
                    routes.Add(new EffectiveRoute(null, RouteSource.VirtualNetworkGateway, EffectiveRoute.One(p), NextHopType.VirtualNetworkGateway,
                        fwIps, fwId.Value, $"virtual hub {hub.Name} routing intent (private traffic)"));
                return;
            }
            // azure-routing-rules.md §5.1/§5.2: a connection reaches the prefixes propagated to the route table it is associated with.
            var associated = conn.AssociatedRouteTableId ?? hub.RouteTables.FirstOrDefault(t => IsDefaultTable(t))?.Id;
            var table = hub.RouteTables.FirstOrDefault(t => associated != null && t.Id == associated.Value);
            // azure-routing-rules.md §5.1: a connection is sent to the destinations of the static routes in its associated route table.
            if (table != null)
                foreach (var r in table.Routes)
                    foreach (var d in r.Destinations)
                        if (IpPrefix.TryParse(d, out var sp))
                            routes.Add(new EffectiveRoute(null, RouteSource.VirtualNetworkGateway, EffectiveRoute.One(sp), NextHopType.VirtualNetworkGateway,
                                routerIps, hub.Id.Value, $"virtual hub {hub.Name} router (static route {r.Name} in {table.Name})"));
            foreach (var otherHub in _ctx.Topology.VirtualHubs.Where(h => h.VirtualWanId == hub.VirtualWanId))
            {
                foreach (var other in otherHub.Connections)
                {
                    if (!PropagatesTo(other, associated, table)) continue;
                    var remote = _ctx.Vnet(other.RemoteVirtualNetworkId);
                    if (remote == null) { notes.Unknown($"hub connection {other.Name} points to a virtual network not in the snapshot"); continue; }
                    foreach (var p in remote.AddressSpace)
                        routes.Add(new EffectiveRoute(null, RouteSource.VirtualNetworkGateway, EffectiveRoute.One(p), NextHopType.VirtualNetworkGateway,
                            routerIps, hub.Id.Value, $"virtual hub {hub.Name} router (to {remote.Name} via {otherHub.Name})"));
                }
            }
        }

        private static bool IsDefaultTable(HubRouteTable t) => string.Equals(t.Name, "defaultRouteTable", StringComparison.OrdinalIgnoreCase);

        private static bool PropagatesTo(HubVirtualNetworkConnection other, ResourceId? associated, HubRouteTable? table)
        {
            // azure-routing-rules.md §5.1: with no propagation given, a VNet connection propagates to the 'default' label.
            var labels = other.PropagatedLabels.Count == 0 && other.PropagatedRouteTableIds.Count == 0 ? new[] { "default" } : other.PropagatedLabels.ToArray();
            if (associated is ResourceId a && other.PropagatedRouteTableIds.Contains(a)) return true;
            bool associatedIsDefault = table == null ? associated == null || NamesDefaultTable(associated) : IsDefaultTable(table);
            var tableLabels = table?.Labels ?? (associatedIsDefault ? new[] { "default" } : Array.Empty<string>());
            // azure-routing-rules.md §5.1: the Default route table of every hub carries the built-in 'default' label.
            if (associatedIsDefault && !tableLabels.Contains("default", StringComparer.OrdinalIgnoreCase)) tableLabels = tableLabels.Concat(new[] { "default" }).ToArray();
            return labels.Any(l => tableLabels.Contains(l, StringComparer.OrdinalIgnoreCase));
        }

        private static bool NamesDefaultTable(ResourceId? id) => id is ResourceId r && string.Equals(r.Name, "defaultRouteTable", StringComparison.OrdinalIgnoreCase);
    }
}
