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
    /// a shared ExpressRoute circuit (the MSEE hairpin), and from a Virtual WAN hub router (docs/routing-model.md#optional-default-routes, docs/routing-model.md#gateway-routes-and-bgp-propagation, docs/routing-model.md#virtual-wan-hub-routing, docs/routing-model.md#expressroute-hairpin).
    /// </summary>
    internal sealed class GatewayRoutes
    {
        private readonly RoutingContext _ctx;
        private readonly Dictionary<ResourceId, RouteCandidates> _byGateway = new Dictionary<ResourceId, RouteCandidates>();

        public GatewayRoutes(RoutingContext ctx)
        {
            _ctx = ctx;
            RouteServers = new RouteServerRoutes(ctx);
        }

        /// <summary>The Route Servers of the topology and the routes they program.</summary>
        public RouteServerRoutes RouteServers { get; }

        /// <summary>
        /// The hubs whose gateway or Route Server a VNet uses: each established peering with useRemoteGateways whose hub side
        /// allows gateway transit (Azure docs, "Create, change, or delete a virtual network peering" > "Peering settings").
        /// </summary>
        private List<(VirtualNetwork Hub, VirtualNetworkPeering Transit)> TransitHubs(VirtualNetwork vnet, RouteCandidates notes)
        {
            var result = new List<(VirtualNetwork, VirtualNetworkPeering)>();
            foreach (var p in vnet.Peerings)
            {
                // docs/routing-model.md#peering-flags: useRemoteGateways on the spoke side + allowGatewayTransit on the hub side.
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
                result.Add((hub, p));
            }
            return result;
        }

        /// <summary>The gateways whose routes a VNet's subnets receive, and how (own gateway or gateway transit).</summary>
        public IReadOnlyList<(VirtualNetworkGateway Gateway, VirtualNetworkPeering? Transit)> GatewaysServing(VirtualNetwork vnet, RouteCandidates notes)
        {
            var own = _ctx.GatewaysIn(vnet.Id);
            if (own.Count > 0) return own.Select(g => (g, (VirtualNetworkPeering?)null)).ToList();
            var result = new List<(VirtualNetworkGateway, VirtualNetworkPeering?)>();
            foreach (var (hub, p) in TransitHubs(vnet, notes))
            {
                var gateways = _ctx.GatewaysIn(hub.Id);
                // Azure docs, "Azure Route Server frequently asked questions" > "Does Azure Route Server support virtual network
                // peering?": a hub with a Route Server and no gateway is a valid remote for useRemoteGateways.
                if (gateways.Count == 0 && RouteServers.In(hub.Id) == null)
                    notes.Assume($"{vnet.Name} uses the remote gateways of {hub.Name}, which has no gateway or Route Server in the snapshot");
                foreach (var g in gateways) result.Add((g, p));
            }
            return result;
        }

        /// <summary>The Route Servers whose routes a VNet's subnets receive: its own, or its hub's through gateway transit.</summary>
        public IReadOnlyList<(VirtualHub RouteServer, VirtualNetworkPeering? Transit)> RouteServersServing(VirtualNetwork vnet)
        {
            if (!RouteServers.Any) return Array.Empty<(VirtualHub, VirtualNetworkPeering?)>();
            if (RouteServers.In(vnet.Id) is VirtualHub own) return new[] { (own, (VirtualNetworkPeering?)null) };
            // Azure docs, "Azure Route Server frequently asked questions" > "Does Azure Route Server support virtual network peering?":
            // the Route Server programs the NVAs' routes into peered VNets that use the remote gateway or Route Server.
            if (_ctx.GatewaysIn(vnet.Id).Count > 0) return Array.Empty<(VirtualHub, VirtualNetworkPeering?)>();
            var result = new List<(VirtualHub, VirtualNetworkPeering?)>();
            foreach (var (hub, p) in TransitHubs(vnet, new RouteCandidates()))
                if (RouteServers.In(hub.Id) is VirtualHub rs) result.Add((rs, p));
            return result;
        }

        /// <summary>
        /// Azure docs, "Virtual network traffic routing" > "User-defined": a user-defined route to VirtualNetworkGateway "can't
        /// specify Virtual Network Gateways if you have VPN and ExpressRoute coexisting connections": such a route is Invalid
        /// when the gateways serving the VNet (its own, or the hub's through gateway transit) are a VPN and an ExpressRoute gateway.
        /// </summary>
        internal void RefuseGatewayUserRoutes(VirtualNetwork vnet, List<EffectiveRoute> userRoutes)
        {
            if (!userRoutes.Any(r => r.NextHopType == NextHopType.VirtualNetworkGateway)) return;
            var served = GatewaysServing(vnet, new RouteCandidates());
            var vpn = served.FirstOrDefault(x => x.Gateway.IsVpn).Gateway;
            var er = served.FirstOrDefault(x => x.Gateway.IsExpressRoute).Gateway;
            if (vpn == null || er == null) return;
            for (int i = 0; i < userRoutes.Count; i++)
            {
                if (userRoutes[i].NextHopType != NextHopType.VirtualNetworkGateway) continue;
                var copy = userRoutes[i].Copy();
                copy.State = RouteState.Invalid;
                copy.InvalidReason = $"VPN gateway {vpn.Name} and ExpressRoute gateway {er.Name} coexist in {_ctx.Vnet(vpn.VirtualNetworkId)?.Name ?? vpn.VirtualNetworkId?.Name}: " +
                                     "a user-defined route can't use next hop VirtualNetworkGateway then (Azure docs, \"Virtual network traffic routing\" > \"User-defined\")";
                userRoutes[i] = copy;
            }
        }

        private readonly Dictionary<string, SharedRouteLayer> _layers = new Dictionary<string, SharedRouteLayer>();

        /// <summary>
        /// Adds the VNet's gateway-learned, Route Server and hub-router routes as a shared layer (one per set of serving gateways,
        /// Route Servers and hub route table); the VNet's own address space is excluded from it at selection.
        /// </summary>
        public void Add(VirtualNetwork vnet, RouteCandidates into)
        {
            var serving = GatewaysServing(vnet, into);
            var routeServers = RouteServersServing(vnet);
            var keyParts = new List<string>(serving.Select(s => s.Gateway.Id.Value.ToLowerInvariant()).OrderBy(x => x, StringComparer.Ordinal));
            keyParts.AddRange(routeServers.Select(r => "rs:" + r.RouteServer.Id.Value.ToLowerInvariant()).OrderBy(x => x, StringComparer.Ordinal));
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
                foreach (var (rs, _) in routeServers)
                {
                    var programmed = RouteServers.Programmed(rs);
                    routes.AddRange(programmed.Routes);
                    foreach (var a in programmed.Assumptions) notes.Assume(a);
                    foreach (var u in programmed.Unknowns) notes.Unknown(u);
                }
                if (serving.Any(x => x.Gateway.IsExpressRoute) && (routeServers.Count > 0 || serving.Any(x => !x.Gateway.IsExpressRoute)))
                    ApplyRoutingPreference(routes, routeServers.Count > 0 ? routeServers[0].RouteServer : null);
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

        /// <summary>
        /// The same prefix from an ExpressRoute gateway and from a VPN gateway or an NVA through the Route Server. Azure docs,
        /// "Using S2S VPN as a backup for ExpressRoute private peering": Azure prefers ExpressRoute over S2S VPN; with a Route
        /// Server, Azure docs, "Routing preference" (Route Server) > "Routing preference configuration": ExpressRoute (the default)
        /// prefers ExpressRoute, VpnGateway prefers VPN / NVA routes, ASPath the shortest AS path. The losers turn Invalid.
        /// </summary>
        private void ApplyRoutingPreference(List<EffectiveRoute> routes, VirtualHub? rs)
        {
            var byPrefix = new Dictionary<IpPrefix, List<int>>();
            for (int i = 0; i < routes.Count; i++)
            {
                if (routes[i].Prefixes.Count != 1) continue;
                if (!byPrefix.TryGetValue(routes[i].Prefixes[0], out var list)) byPrefix[routes[i].Prefixes[0]] = list = new List<int>(1);
                list.Add(i);
            }
            var preference = rs?.HubRoutingPreference ?? "ExpressRoute";
            foreach (var pair in byPrefix)
            {
                if (pair.Value.Count < 2) continue;
                var kinds = pair.Value.Select(i => (Index: i, ExpressRoute: FromExpressRoute(routes[i]), PathLength: RouteServerRoutes.AsPathNumbers(routes[i].AsPath).Length)).ToList();
                if (!kinds.Any(k => k.ExpressRoute) || kinds.All(k => k.ExpressRoute)) continue;
                Func<(int Index, bool ExpressRoute, int PathLength), bool> loses;
                if (string.Equals(preference, "ASPath", StringComparison.OrdinalIgnoreCase))
                {
                    int shortest = kinds.Min(k => k.PathLength);
                    loses = k => k.PathLength > shortest;
                }
                else if (string.Equals(preference, "VpnGateway", StringComparison.OrdinalIgnoreCase)) loses = k => k.ExpressRoute;
                else loses = k => !k.ExpressRoute;
                var winner = kinds.First(k => !loses(k));
                foreach (var k in kinds.Where(loses))
                {
                    var copy = routes[k.Index].Copy();
                    copy.State = RouteState.Invalid;
                    copy.InvalidReason = rs != null
                        ? $"Route Server {rs.Name} routing preference {preference} prefers {routes[winner.Index].Origin} for {pair.Key}"
                        : $"Azure prefers ExpressRoute over site-to-site VPN for the same prefix {pair.Key} ({routes[winner.Index].Origin})";
                    routes[k.Index] = copy;
                }
            }
        }

        private bool FromExpressRoute(EffectiveRoute r) =>
            r.OriginId != null && ResourceId.TryParse(r.OriginId, out var id) && _ctx.Topology.Find<VirtualNetworkGateway>(id)?.IsExpressRoute == true;

        /// <summary>
        /// The routes a gateway has learned (and programs into the VNets it serves): from its captured getLearnedRoutes when the
        /// snapshot has one, derived from the topology otherwise (the capture is preferred; verify compares the two).
        /// </summary>
        internal RouteCandidates RoutesOf(VirtualNetworkGateway g)
        {
            if (_byGateway.TryGetValue(g.Id, out var cached)) return cached;
            var c = _ctx.Topology.LearnedRoutes.TryGetValue(g.Id, out var learned) ? FromCapture(g, learned) : Derive(g);
            _byGateway[g.Id] = c;
            return c;
        }

        /// <summary>The routes derived from the topology alone: local network gateway prefixes, VNet-to-VNet connections, the MSEE.</summary>
        internal RouteCandidates Derive(VirtualNetworkGateway g)
        {
            var c = new RouteCandidates();
            if (g.IsExpressRoute) AddExpressRoute(g, c);
            else AddVpn(g, NextHopsOf(g, c), c);
            return c;
        }

        private RouteCandidates FromCapture(VirtualNetworkGateway g, IReadOnlyList<LearnedRoute> learned)
        {
            var c = new RouteCandidates();
            // Azure docs, "Virtual network traffic routing" > "Optional default routes": a VPN gateway's routes show the gateway
            // itself as next hop (its public IP; its instances' private IPs when active-active), never the on-premises BGP peer's
            // address that getLearnedRoutes lists. An ExpressRoute gateway's show the MSEE peers it learned them from
            // (the learned nextHop) [INFER from field captures].
            var own = g.IsExpressRoute ? null : NextHopsOf(g, c);
            var rs = g.VirtualNetworkId is ResourceId vid ? RouteServers.In(vid) : null;
            var routeServerIps = new HashSet<string>(rs?.VirtualRouterIps.Select(a => a.ToString()) ?? Enumerable.Empty<string>(), StringComparer.OrdinalIgnoreCase);
            var configured = new HashSet<IpPrefix>(LocalSitesOf(g).SelectMany(l => l.AddressPrefixes));
            foreach (var group in learned.Where(l => Programs(l, routeServerIps, configured)).GroupBy(l => l.Network))
            {
                var hops = own ?? group.Select(l => l.NextHop).Where(h => !string.IsNullOrEmpty(h)).Distinct().Select(h => h!).ToArray();
                var asPaths = string.Join("; ", group.Select(l => l.AsPath).Where(a => !string.IsNullOrEmpty(a)).Distinct());
                c.Routes.Add(new EffectiveRoute(null, RouteSource.VirtualNetworkGateway, EffectiveRoute.One(group.Key), NextHopType.VirtualNetworkGateway,
                    hops, g.Id.Value, asPaths.Length > 0 ? $"gateway {g.Name} (learned {asPaths})" : $"gateway {g.Name} (learned)")
                    { AsPath = group.Select(l => l.AsPath).FirstOrDefault(a => !string.IsNullOrEmpty(a)) });
            }
            return c;
        }

        /// <summary>
        /// Whether a getLearnedRoutes row becomes a route in the VNet: learned rows (EBgp / IBgp), and Network rows only for the
        /// prefixes configured in a local network gateway (Azure docs, "Virtual network traffic routing" > "Optional default
        /// routes"); the gateway's own VNet and spokes are Network rows too and are not programmed back [INFER]. Rows learned from
        /// the VNet's Route Server are programmed by the Route Server itself, with the NVA as next hop.
        /// </summary>
        private static bool Programs(LearnedRoute l, HashSet<string> routeServerIps, HashSet<IpPrefix> configured)
        {
            if (l.SourcePeer != null && routeServerIps.Contains(l.SourcePeer)) return false;
            if (string.Equals(l.Origin, "Network", StringComparison.OrdinalIgnoreCase)) return configured.Contains(l.Network);
            return true;
        }

        private IEnumerable<LocalNetworkGateway> LocalSitesOf(VirtualNetworkGateway g)
        {
            foreach (var conn in _ctx.Topology.Connections.Where(x => x.VirtualNetworkGateway1Id == g.Id && x.LocalNetworkGateway2Id != null))
                if (_ctx.Topology.LocalNetworkGateways.FirstOrDefault(l => l.Id == conn.LocalNetworkGateway2Id) is LocalNetworkGateway lng) yield return lng;
        }

        /// <summary>
        /// docs/routing-model.md#gateway-routes-and-bgp-propagation [FIELD S27d]: routes via an active-standby gateway show its public IP as next hop;
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
            // Both directions of a VNet-to-VNet connection are connection objects; each remote gateway or site counts once.
            var seen = new HashSet<ResourceId>();
            foreach (var conn in _ctx.Topology.Connections.Where(x => x.VirtualNetworkGateway1Id == g.Id || x.VirtualNetworkGateway2Id == g.Id))
            {
                if (conn.LocalNetworkGateway2Id is ResourceId lngId)
                {
                    if (conn.VirtualNetworkGateway1Id != g.Id || !seen.Add(lngId)) continue;
                    var lng = _ctx.Topology.LocalNetworkGateways.FirstOrDefault(l => l.Id == lngId);
                    if (lng == null)
                    {
                        c.Unknown($"connection {conn.Name} uses local network gateway {lngId}, which is not in the snapshot");
                        continue;
                    }
                    // docs/routing-model.md#optional-default-routes: prefixes configured in the local network gateway become gateway routes.
                    foreach (var p in lng.AddressPrefixes)
                        c.Routes.Add(new EffectiveRoute(null, RouteSource.VirtualNetworkGateway, EffectiveRoute.One(p), NextHopType.VirtualNetworkGateway,
                            nextHops, g.Id.Value, $"gateway {g.Name} (site {lng.Name} via {conn.Name})"));
                    if (conn.EnableBgp) c.Unknown($"connection {conn.Name} runs BGP: prefixes learned from {lng.Name} beyond its configured ones need getLearnedRoutes for {g.Name}");
                }
                else
                {
                    var otherId = conn.VirtualNetworkGateway1Id == g.Id ? conn.VirtualNetworkGateway2Id : conn.VirtualNetworkGateway1Id;
                    if (otherId is not ResourceId oid || !seen.Add(oid)) continue;
                    var other = _ctx.Topology.VirtualNetworkGateways.FirstOrDefault(x => x.Id == oid);
                    var otherVnet = _ctx.Vnet(other?.VirtualNetworkId);
                    if (other == null || otherVnet == null) { c.Unknown($"connection {conn.Name}: the remote gateway's virtual network is not in the snapshot"); continue; }
                    bool bgp = IsBgp(g, other);
                    foreach (var (vnet, p) in VnetToVnetPrefixes(g, other, otherVnet))
                        c.Routes.Add(new EffectiveRoute(null, RouteSource.VirtualNetworkGateway, EffectiveRoute.One(p), NextHopType.VirtualNetworkGateway,
                            nextHops, g.Id.Value, $"gateway {g.Name} ({(bgp ? "BGP" : "static")} VNet-to-VNet {conn.Name} to {other.Name}: {vnet.Name})"));
                }
            }
        }

        /// <summary>
        /// What a VNet-to-VNet connection from <paramref name="g"/> to <paramref name="other"/> carries. Static: the remote VNet's
        /// address space (Azure docs, "Configure a VNet-to-VNet VPN gateway connection"). BGP on the connection and both gateways:
        /// what the remote gateway advertises, its VNet and the VNets using it through gateway transit, summaries applied (Azure
        /// docs, "About BGP and VPN Gateway" > "Can I use BGP for VNet-to-VNet connections?"; "Advertised gateway prefixes").
        /// </summary>
        internal IEnumerable<(VirtualNetwork Vnet, IpPrefix Prefix)> VnetToVnetPrefixes(VirtualNetworkGateway g, VirtualNetworkGateway other, VirtualNetwork otherVnet)
        {
            if (IsBgp(g, other)) return Advertised(otherVnet);
            return otherVnet.AddressSpace.Select(p => (otherVnet, p));
        }

        /// <summary>BGP on a VNet-to-VNet connection: enableBgp on a connection object between the two and on both gateways.</summary>
        internal bool IsBgp(VirtualNetworkGateway a, VirtualNetworkGateway b) =>
            a.EnableBgp && b.EnableBgp && _ctx.Topology.Connections.Any(x => x.EnableBgp && x.LocalNetworkGateway2Id == null &&
                ((x.VirtualNetworkGateway1Id == a.Id && x.VirtualNetworkGateway2Id == b.Id) || (x.VirtualNetworkGateway1Id == b.Id && x.VirtualNetworkGateway2Id == a.Id)));

        private void AddExpressRoute(VirtualNetworkGateway g, RouteCandidates c)
        {
            var circuits = CircuitsOf(g);
            if (circuits.Count == 0) return;
            foreach (var circuit in circuits)
                c.Unknown($"on-premises prefixes learned over ExpressRoute circuit {circuit.Name} are not in the snapshot (capture getLearnedRoutes for {g.Name})");
            // docs/routing-model.md#expressroute-hairpin: the toggle filters prefixes that other VNets' gateways advertise to the MSEE.
            if (g.AllowRemoteVnetTraffic == false) return;
            var reachable = new HashSet<ResourceId>(circuits.Select(x => x.Id));
            // docs/routing-model.md#expressroute-hairpin: a shared circuit or one linked by Global Reach [INFER for Global Reach].
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
                foreach (var (vnet, p) in Advertised(hub))
                    c.Routes.Add(new EffectiveRoute(null, RouteSource.VirtualNetworkGateway, EffectiveRoute.One(p), NextHopType.VirtualNetworkGateway,
                        Array.Empty<string>(), g.Id.Value, $"gateway {g.Name} (from {other.Name} over circuit {shared[0].Name}: {vnet.Name})"));
            }
        }

        /// <summary>
        /// What a gateway advertises: its VNet's space and that of the VNets using it through gateway transit (Azure docs,
        /// "Advertised gateway prefixes in Azure virtual networks" > "Default behavior"), with the Route Server's NVA routes when
        /// branch-to-branch is on (Azure docs, "About Azure Route Server support for ExpressRoute and Azure VPN").
        /// </summary>
        internal IEnumerable<(VirtualNetwork Vnet, IpPrefix Prefix)> Advertised(VirtualNetwork hub)
        {
            var summaries = hub.SummarizedGatewayPrefixes;
            // Azure docs, "Advertised gateway prefixes in Azure virtual networks" > "Behavior when summarizedGatewayPrefixes is set":
            // the hub's own space is replaced by the summaries; a spoke prefix a summary covers is not advertised, others are.
            foreach (var p in summaries) yield return (hub, p);
            foreach (var (vnet, p) in RouteServers.TransitSpaces(hub))
            {
                if (summaries.Count > 0 && (vnet == hub || summaries.Any(s => s.Contains(p)))) continue;
                yield return (vnet, p);
            }
            if (RouteServers.In(hub.Id) is VirtualHub rs && rs.AllowBranchToBranchTraffic == true)
                // One copy per NVA next hop: each prefix once.
                foreach (var p in RouteServers.Programmed(rs).Routes.Select(r => r.Prefixes[0]).Distinct())
                    yield return (hub, p);
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
            // docs/routing-model.md#what-a-connected-spoke-sees [INFER]: the hub's own prefix appears as a peering route (the connection is a managed peering).
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
                // docs/routing-model.md#spoke-to-spoke-through-a-hub: routing intent sends all private traffic (RFC 1918 by default) to the hub firewall;
                // the spoke sees it as VirtualNetworkGateway routes (docs/routing-model.md#what-a-connected-spoke-sees) whose next hop is the firewall [INFER docs/routing-model.md#virtual-wan-next-hop-addresses].
                var fwIps = _ctx.Firewalls.TryGetValue(fwId, out var fw) ? fw.PrivateIpAddresses.Select(a => a.ToString()).ToArray()
                    : _ctx.Topology.NetworkVirtualAppliances.FirstOrDefault(n => n.Id == fwId)?.PrivateIpAddresses.Select(a => a.ToString()).ToArray() ?? Array.Empty<string>();
                if (fwIps.Length == 0) notes.Unknown($"routing intent of {hub.Name} sends private traffic to {fwId}, which is not in the snapshot");
                foreach (var p in DefaultRoutes.NonePrefixes.Take(3))
                    routes.Add(new EffectiveRoute(null, RouteSource.VirtualNetworkGateway, EffectiveRoute.One(p), NextHopType.VirtualNetworkGateway,
                        fwIps, fwId.Value, $"virtual hub {hub.Name} routing intent (private traffic)"));
                return;
            }
            // docs/routing-model.md#virtual-wan-hub-routing, docs/routing-model.md#spoke-to-spoke-through-a-hub: a connection reaches the prefixes propagated to the route table it is associated with.
            var associated = conn.AssociatedRouteTableId ?? hub.RouteTables.FirstOrDefault(t => IsDefaultTable(t))?.Id;
            var table = hub.RouteTables.FirstOrDefault(t => associated != null && t.Id == associated.Value);
            // docs/routing-model.md#virtual-wan-hub-routing: a connection is sent to the destinations of the static routes in its associated route table.
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
            // docs/routing-model.md#virtual-wan-hub-routing: with no propagation given, a VNet connection propagates to the 'default' label.
            var labels = other.PropagatedLabels.Count == 0 && other.PropagatedRouteTableIds.Count == 0 ? new[] { "default" } : other.PropagatedLabels.ToArray();
            if (associated is ResourceId a && other.PropagatedRouteTableIds.Contains(a)) return true;
            bool associatedIsDefault = table == null ? associated == null || NamesDefaultTable(associated) : IsDefaultTable(table);
            var tableLabels = table?.Labels ?? (associatedIsDefault ? new[] { "default" } : Array.Empty<string>());
            // docs/routing-model.md#virtual-wan-hub-routing: the Default route table of every hub carries the built-in 'default' label.
            if (associatedIsDefault && !tableLabels.Contains("default", StringComparer.OrdinalIgnoreCase)) tableLabels = tableLabels.Concat(new[] { "default" }).ToArray();
            return labels.Any(l => tableLabels.Contains(l, StringComparer.OrdinalIgnoreCase));
        }

        private static bool NamesDefaultTable(ResourceId? id) => id is ResourceId r && string.Equals(r.Name, "defaultRouteTable", StringComparison.OrdinalIgnoreCase);
    }
}
