using System;
using System.Collections.Generic;
using System.Linq;
using AzSpokeTools.Engine.Addresses;
using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Engine.Routing
{
    /// <summary>
    /// Azure Route Server: the routes it programs from what its BGP peers (NVAs) advertise, into its own VNet and into the
    /// peered VNets that use it through gateway transit, and what it advertises to those peers. The learned routes come only
    /// from captured <c>getLearnedRoutes</c> results of each BGP connection; a connection without one is Unknown.
    /// </summary>
    internal sealed class RouteServerRoutes
    {
        private readonly RoutingContext _ctx;
        private readonly Dictionary<ResourceId, VirtualHub> _byVnet = new Dictionary<ResourceId, VirtualHub>();
        private readonly Dictionary<ResourceId, RouteCandidates> _programmed = new Dictionary<ResourceId, RouteCandidates>();

        public RouteServerRoutes(RoutingContext ctx)
        {
            _ctx = ctx;
            foreach (var rs in ctx.Topology.RouteServers)
                // Azure docs, "Azure Route Server frequently asked questions": one Route Server per virtual network.
                if (rs.VirtualNetworkId is ResourceId vnet && !_byVnet.ContainsKey(vnet)) _byVnet[vnet] = rs;
        }

        /// <summary>The Route Server deployed in <paramref name="vnet"/>, or null.</summary>
        public VirtualHub? In(ResourceId vnet) => _byVnet.TryGetValue(vnet, out var rs) ? rs : null;

        public bool Any => _byVnet.Count > 0;

        /// <summary>
        /// The routes a Route Server programs: per prefix, the routes with the shortest AS path from any of its peers, one
        /// route per next hop (equal AS path length gives several copies, used as ECMP).
        /// </summary>
        public RouteCandidates Programmed(VirtualHub rs)
        {
            if (_programmed.TryGetValue(rs.Id, out var cached)) return cached;
            var c = new RouteCandidates();
            var byPrefix = new Dictionary<IpPrefix, List<(BgpConnection Peer, LearnedRoute Route)>>();
            foreach (var peer in rs.BgpConnections)
            {
                if (peer.ConnectionState != null && !string.Equals(peer.ConnectionState, "Connected", StringComparison.OrdinalIgnoreCase))
                {
                    c.Assume($"Route Server {rs.Name}: BGP peer {peer.Name} ({peer.PeerIp}) is {peer.ConnectionState}; it programs no routes");
                    continue;
                }
                if (!_ctx.Topology.LearnedRoutes.TryGetValue(peer.Id, out var learned))
                {
                    c.Unknown($"Route Server {rs.Name}: the routes learned from BGP peer {peer.Name} ({peer.PeerIp}, ASN {peer.PeerAsn}) were not captured " +
                              $"(getLearnedRoutes on {peer.Id}); the routes it programs into {VnetName(rs)} and the VNets using it are unknown");
                    continue;
                }
                foreach (var l in learned)
                {
                    if (!byPrefix.TryGetValue(l.Network, out var list)) byPrefix[l.Network] = list = new List<(BgpConnection, LearnedRoute)>();
                    list.Add((peer, l));
                }
            }
            foreach (var pair in byPrefix.OrderBy(p => p.Key))
            {
                // Azure docs, "Azure Route Server frequently asked questions" > "If Azure Route Server receives the same route from more
                // than one NVA, how does it handle them?": equal AS path length programs one copy per next hop (ECMP); a shorter AS
                // path wins alone.
                int shortest = pair.Value.Min(x => AsPathLength(x.Route.AsPath));
                var best = pair.Value.Where(x => AsPathLength(x.Route.AsPath) == shortest).ToList();
                // One copy per next hop, as the FAQ describes (each copy is an equal-cost alternative for a trace).
                foreach (var hop in best.GroupBy(x => NextHopOf(x.Peer, x.Route) ?? "", StringComparer.OrdinalIgnoreCase))
                {
                    var peers = string.Join(", ", hop.Select(x => x.Peer.Name).Distinct());
                    var path = hop.First().Route.AsPath;
                    c.Routes.Add(new EffectiveRoute(null, RouteSource.VirtualNetworkGateway, EffectiveRoute.One(pair.Key), NextHopType.VirtualNetworkGateway,
                        hop.Key.Length > 0 ? new[] { hop.Key } : Array.Empty<string>(), rs.Id.Value,
                        $"Route Server {rs.Name} (from {peers}" + (string.IsNullOrEmpty(path) ? ")" : $", AS path {path})")) { AsPath = path });
                }
            }
            _programmed[rs.Id] = c;
            return c;
        }

        /// <summary>
        /// What the Route Server advertises to each BGP peer: its VNet's address space and that of the peered VNets that use it
        /// (Azure docs, "Azure Route Server frequently asked questions" > "Does Azure Route Server support virtual network
        /// peering?"), and with branch-to-branch on the routes the VNet's gateways learned (Azure docs, "About Azure Route
        /// Server support for ExpressRoute and Azure VPN"). Null when the VNet is not in the snapshot.
        /// </summary>
        public List<IpPrefix>? DerivedAdvertisement(VirtualHub rs, GatewayRoutes gateways)
        {
            var vnet = _ctx.Vnet(rs.VirtualNetworkId);
            if (vnet == null) return null;
            var list = new List<IpPrefix>();
            void Add(IpPrefix p) { if (!list.Contains(p)) list.Add(p); }
            foreach (var (_, p) in TransitSpaces(vnet)) Add(p);
            if (rs.AllowBranchToBranchTraffic == true)
                foreach (var g in _ctx.GatewaysIn(vnet.Id))
                    foreach (var r in gateways.RoutesOf(g).Routes)
                        foreach (var p in r.Prefixes) Add(p);
            return list;
        }

        /// <summary>A VNet's address space and that of the established peerings whose far side uses this VNet's gateway or Route Server.</summary>
        internal IEnumerable<(VirtualNetwork Vnet, IpPrefix Prefix)> TransitSpaces(VirtualNetwork hub)
        {
            foreach (var p in hub.AddressSpace) yield return (hub, p);
            foreach (var peering in hub.Peerings)
            {
                // Azure docs, "Create, change, or delete a virtual network peering" > "Peering settings": allowGatewayTransit on the
                // hub side and useRemoteGateways on the spoke side.
                if (peering.AllowGatewayTransit != true || !_ctx.IsEstablished(peering, out _)) continue;
                var spoke = _ctx.Vnet(peering.RemoteVirtualNetworkId);
                var back = spoke == null ? null : _ctx.Reverse(peering);
                if (spoke == null || back?.UseRemoteGateways != true) continue;
                foreach (var p in spoke.AddressSpace) yield return (spoke, p);
            }
        }

        /// <summary>The BGP peer of <paramref name="rs"/> with this address, or null.</summary>
        public static BgpConnection? PeerAt(VirtualHub rs, IpAddressValue ip) => rs.BgpConnections.FirstOrDefault(b => b.PeerIp is IpAddressValue p && p == ip);

        /// <summary>The Route Servers that have a BGP peer at <paramref name="ip"/>, with that peer.</summary>
        public IEnumerable<(VirtualHub RouteServer, BgpConnection Peer)> PeeringsOf(IpAddressValue ip)
        {
            foreach (var rs in _byVnet.Values)
                if (PeerAt(rs, ip) is BgpConnection b) yield return (rs, b);
        }

        /// <summary>Every BGP peer of every Route Server with the given ASN.</summary>
        public IEnumerable<(VirtualHub RouteServer, BgpConnection Peer)> PeersWithAsn(long asn)
        {
            foreach (var rs in _byVnet.Values)
                foreach (var b in rs.BgpConnections)
                    if (b.PeerAsn == asn) yield return (rs, b);
        }

        /// <summary>The ASNs of a BGP AS path as getLearnedRoutes writes it ("65002-65001", or space / comma separated).</summary>
        public static long[] AsPathNumbers(string? asPath)
        {
            if (string.IsNullOrWhiteSpace(asPath)) return Array.Empty<long>();
            var list = new List<long>();
            foreach (var part in asPath!.Split(new[] { '-', ' ', ',' }, StringSplitOptions.RemoveEmptyEntries))
                if (long.TryParse(part.Trim('{', '}', '(', ')'), out var asn)) list.Add(asn);
            return list.ToArray();
        }

        private static int AsPathLength(string? asPath) => AsPathNumbers(asPath).Length;

        // Azure docs, "Virtual network traffic routing" > "Border gateway protocol": the route shows the address the peer gave as
        // next hop (an NVA's own IP, or the internal load balancer of "Next hop IP support"); the peer's address when none is given.
        private static string? NextHopOf(BgpConnection peer, LearnedRoute route) =>
            !string.IsNullOrEmpty(route.NextHop) ? route.NextHop : peer.PeerIp?.ToString();

        private string VnetName(VirtualHub rs) => _ctx.Vnet(rs.VirtualNetworkId)?.Name ?? rs.VirtualNetworkId?.Name ?? "its virtual network";
    }
}
