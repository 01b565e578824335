using System;
using System.Collections.Generic;
using System.Linq;
using AzSpokeTools.Engine.Addresses;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Routing;

namespace AzSpokeTools.Engine.Paths
{
    /// <summary>
    /// VirtualNetworkGateway next hops: a VPN gateway (UDR with gateway transit, docs/routing-model.md#next-hop-types, docs/routing-model.md#vpn-gateway-transit), an ExpressRoute gateway and the
    /// MSEE hairpin (docs/routing-model.md#expressroute-hairpin), a Virtual WAN hub router (docs/routing-model.md#what-a-connected-spoke-sees), and Route Server / routing-intent routes whose next hop is an
    /// appliance IP (docs/routing-model.md#gateway-routes-and-bgp-propagation, docs/routing-model.md#spoke-to-spoke-through-a-hub).
    /// </summary>
    internal sealed partial class PathTracer
    {
        private void ToGateway(Subnet subnet, EffectiveRoute route, string? ipText, IpAddressValue dst, TraceBuilder b, List<TraceEnd> ends)
        {
            var vnet = subnet.VirtualNetwork;
            var notes = new RouteCandidates();
            if (route.Source == RouteSource.User)
            {
                // docs/routing-model.md#next-hop-types: a UDR to VirtualNetworkGateway resolves to the VNet's own VPN gateway or the hub's through gateway transit.
                var served = _gateways.GatewaysServing(vnet, notes);
                if (served.Count == 0)
                {
                    b.Reason(PathReasonSeverity.Error, route.OriginId,
                        $"route '{route.Name}' in {route.Origin} sends {dst} to VirtualNetworkGateway, but {vnet.Name} has no gateway of its own and none through gateway transit (useRemoteGateways + allowGatewayTransit)",
                        $"set useRemoteGateways on {vnet.Name}'s hub peering and allowGatewayTransit on the hub side, or change route '{route.Name}'");
                    ends.Add(new TraceEnd(PathOutcome.Dropped, b));
                    return;
                }
                var vpn = served.FirstOrDefault(s => s.Gateway.IsVpn);
                if (vpn.Gateway == null)
                {
                    var g = served[0].Gateway;
                    b.Reason(PathReasonSeverity.Error, route.OriginId,
                        $"route '{route.Name}' in {route.Origin} sends {dst} to VirtualNetworkGateway, but the gateway is {g.Name}, an ExpressRoute gateway: a UDR next hop gateway must be VPN-type (Azure docs: \"Virtual network traffic routing\" > \"User-defined\")",
                        $"point route '{route.Name}' at an appliance, or use a VPN gateway");
                    ends.Add(new TraceEnd(PathOutcome.Dropped, b));
                    return;
                }
                if (!IntoGatewayVnet(vpn.Gateway, vpn.Transit, b)) { ends.Add(new TraceEnd(PathOutcome.Dropped, b)); return; }
                Walk(Location(TraceLocationKind.VpnGateway, vpn.Gateway), dst, b, ends);
                return;
            }
            // docs/routing-model.md#gateway-routes-and-bgp-propagation: Route Server (and routing intent, docs/routing-model.md#spoke-to-spoke-through-a-hub) routes carry an appliance IP as next hop.
            if (ipText != null && IpAddressValue.TryParse(ipText, out var ip) && Devices.ByIp(ip) != null)
            {
                ToAppliance(subnet, route, ipText, dst, b, ends);
                return;
            }
            var origin = route.OriginId != null && ResourceId.TryParse(route.OriginId, out var oid) ? Topology.Find(oid) : null;
            if (origin is VirtualHub routeServer && routeServer.IsRouteServer)
            {
                // Azure docs, "Azure Route Server frequently asked questions" > "Does Azure Route Server route data traffic between my
                // NVA and my VMs?": no, the traffic goes to the NVA the route names, whether or not the snapshot holds it.
                ToAppliance(subnet, route, ipText, dst, b, ends);
                return;
            }
            switch (origin)
            {
                case VirtualHub hub:
                    var conn = _ctx.HubConnectionsByVnet.TryGetValue(vnet.Id, out var hc) ? hc.Connection : null;
                    Walk(Location(TraceLocationKind.VirtualHubRouter, hub, conn), dst, b, ends);
                    return;
                case VirtualNetworkGateway gw:
                    if (gw.IsVpn && gw.SubnetId == subnet.Id)
                    {
                        OutThroughVpnConnections(gw, dst, b, ends);
                        return;
                    }
                    var transit = _gateways.GatewaysServing(vnet, notes).FirstOrDefault(s => s.Gateway == gw).Transit;
                    if (!IntoGatewayVnet(gw, transit, b)) { ends.Add(new TraceEnd(PathOutcome.Dropped, b)); return; }
                    Walk(Location(gw.IsExpressRoute ? TraceLocationKind.ExpressRouteGateway : TraceLocationKind.VpnGateway, gw), dst, b, ends);
                    return;
                default:
                    b.Reason(PathReasonSeverity.Error, route.OriginId, $"the gateway behind {Describe(route, PathRouteLookup.MatchingPrefix(route, dst))} is not in the snapshot");
                    ends.Add(new TraceEnd(PathOutcome.Unknown, b));
                    return;
            }
        }

        /// <summary>Into the hub that holds the gateway over gateway transit (docs/routing-model.md#peering-flags): the hub is a hop, and the peering must allow access.</summary>
        private bool IntoGatewayVnet(VirtualNetworkGateway gw, VirtualNetworkPeering? transit, TraceBuilder b)
        {
            if (transit == null) return true;
            var hub = _ctx.Vnet(gw.VirtualNetworkId);
            b.Hop(PathHopRole.VirtualNetwork, hub?.Name ?? gw.VirtualNetworkId?.Name ?? "", gw.VirtualNetworkId?.Value ?? "", null);
            return PeeringAllows(transit, b);
        }

        /// <summary>A VPN gateway forwards by its VNet's routes: the GatewaySubnet's effective routes (docs/routing-model.md#vpn-gateway-transit gateway transit).</summary>
        private void AtVpnGateway(VirtualNetworkGateway gw, IpAddressValue dst, TraceBuilder b, List<TraceEnd> ends)
        {
            b.Transits.Add(PathKind.VpnGateway);
            b.Hop(PathHopRole.VpnGateway, gw.Name, gw.Id.Value, null);
            // docs/guide/routing.md "allowForwardedTraffic": traffic a VPN gateway transits is forwarded traffic, checked like an appliance's.
            b.Forwarded = true;
            var gwSubnet = gw.SubnetId is ResourceId sid && _ctx.Subnets.TryGetValue(sid, out var s) ? s : null;
            if (gwSubnet == null)
            {
                b.Reason(PathReasonSeverity.Error, gw.Id.Value, $"the GatewaySubnet of {gw.Name} ({gw.SubnetId}) is not in the snapshot");
                ends.Add(new TraceEnd(PathOutcome.Unknown, b));
                return;
            }
            Walk(Location(TraceLocationKind.Subnet, gwSubnet), dst, b, ends);
        }

        /// <summary>
        /// From a VPN gateway's own subnet, a route to the gateway itself leaves through its connections: to the remote gateway of
        /// the VNet-to-VNet connection that carries the destination (the remote VNet; with BGP, also its gateway-transit spokes),
        /// preferring the captured learned route's BGP peer when there is one; otherwise out to on-premises.
        /// </summary>
        private void OutThroughVpnConnections(VirtualNetworkGateway gw, IpAddressValue dst, TraceBuilder b, List<TraceEnd> ends)
        {
            if (RemoteGatewayFor(gw, dst) is VirtualNetworkGateway other)
            {
                Walk(Location(TraceLocationKind.VpnGateway, other), dst, b, ends);
                return;
            }
            var site = Topology.Connections.FirstOrDefault(c => (c.VirtualNetworkGateway1Id == gw.Id) && c.LocalNetworkGateway2Id != null);
            b.Reason(PathReasonSeverity.Error, site?.Id.Value ?? gw.Id.Value,
                $"{gw.Name} sends {dst} out of Azure" + (site != null ? $" over connection {site.Name} to on-premises" : "") + "; the snapshot does not model routing beyond the gateway");
            ends.Add(new TraceEnd(PathOutcome.Unknown, b));
        }

        /// <summary>The VNet-to-VNet peer gateway that receives <paramref name="dst"/> from <paramref name="gw"/>, or null.</summary>
        private VirtualNetworkGateway? RemoteGatewayFor(VirtualNetworkGateway gw, IpAddressValue dst)
        {
            var peers = new List<(VirtualNetworkGateway Gateway, int Length)>();
            foreach (var conn in Topology.Connections.Where(c => c.VirtualNetworkGateway1Id == gw.Id || c.VirtualNetworkGateway2Id == gw.Id))
            {
                if (conn.LocalNetworkGateway2Id != null) continue;
                var otherId = conn.VirtualNetworkGateway1Id == gw.Id ? conn.VirtualNetworkGateway2Id : conn.VirtualNetworkGateway1Id;
                var other = Topology.Find<VirtualNetworkGateway>(otherId);
                var otherVnet = _ctx.Vnet(other?.VirtualNetworkId);
                if (other == null || otherVnet == null || other.SubnetId is not ResourceId rs || !_ctx.Subnets.ContainsKey(rs)) continue;
                // Azure docs, "About BGP and VPN Gateway": a BGP VNet-to-VNet connection carries what the remote gateway advertises;
                // a static one the remote VNet's address space ("Configure a VNet-to-VNet VPN gateway connection").
                foreach (var (_, p) in _gateways.VnetToVnetPrefixes(gw, other, otherVnet))
                    if (p.Contains(dst)) peers.Add((other, p.Length));
            }
            if (peers.Count == 0) return null;
            // A captured learned route names the BGP peer it came from: that gateway wins.
            if (Topology.LearnedRoutes.TryGetValue(gw.Id, out var learned))
            {
                var best = learned.Where(l => l.Network.Contains(dst) && !string.Equals(l.Origin, "Network", StringComparison.OrdinalIgnoreCase))
                    .OrderByDescending(l => l.Network.Length).FirstOrDefault();
                var byPeer = best == null ? default : peers.FirstOrDefault(x => x.Gateway.BgpPeeringAddresses.Contains(best.SourcePeer ?? best.NextHop ?? "", StringComparer.OrdinalIgnoreCase));
                if (byPeer.Gateway != null) return byPeer.Gateway;
            }
            return peers.OrderByDescending(x => x.Length).First().Gateway;
        }

        /// <summary>
        /// docs/routing-model.md#expressroute-hairpin: an ExpressRoute gateway sends the packet to the MSEE of its circuit, which delivers it to the
        /// ExpressRoute gateway of the VNet that advertised the prefix (same circuit or Global Reach), if both gateways accept
        /// VNet-to-VNet traffic (allowRemoteVnetTraffic); the receiving VNet's GatewaySubnet routes then decide.
        /// </summary>
        private void AtExpressRouteGateway(VirtualNetworkGateway gw, IpAddressValue dst, TraceBuilder b, List<TraceEnd> ends)
        {
            b.Transits.Add(PathKind.ExpressRouteHairpin);
            b.Hop(PathHopRole.ExpressRouteGateway, gw.Name, gw.Id.Value, null);
            var circuits = _gateways.CircuitsOf(gw);
            if (circuits.Count == 0)
            {
                b.Reason(PathReasonSeverity.Error, gw.Id.Value, $"ExpressRoute gateway {gw.Name} has no connection to a circuit in the snapshot");
                ends.Add(new TraceEnd(PathOutcome.Unknown, b));
                return;
            }
            var reachable = new Dictionary<ResourceId, ExpressRouteCircuit>();
            foreach (var c in circuits)
            {
                reachable[c.Id] = c;
                // docs/routing-model.md#expressroute-hairpin [INFER]: Global Reach links circuits' private peerings.
                foreach (var linked in c.GlobalReachCircuitIds)
                    if (Topology.Find<ExpressRouteCircuit>(linked) is ExpressRouteCircuit lc) reachable[lc.Id] = lc;
            }
            VirtualNetworkGateway? receiver = null;
            ExpressRouteCircuit? via = null;
            int ownLength = -1, otherLength = -1;
            foreach (var (prefix, other) in AdvertisedByExpressRouteGateways.Containing(dst))
            {
                if (other == gw)
                {
                    if (ownLength < 0) ownLength = prefix.Length;
                    continue;
                }
                var shared = _gateways.CircuitsOf(other).FirstOrDefault(c => reachable.ContainsKey(c.Id));
                if (shared == null) continue;
                receiver = other;
                via = shared;
                otherLength = prefix.Length;
                break;
            }
            // Tech Community (Microsoft), "ExpressRoute MSEE hairpin design considerations": with an on-premises summary covering the
            // VNets (a single circuit with several VNets), the MSEE holds the more specific prefixes the gateway advertised and turns
            // the packet back through the same gateway.
            if (ownLength > otherLength && SameGatewayHairpin(gw, circuits[0], ownLength, dst, b, ends)) return;
            if (receiver == null)
            {
                var names = string.Join(", ", circuits.Select(c => c.Name));
                b.Hop(PathHopRole.ExpressRouteEdge, "MSEE of " + circuits[0].Name, circuits[0].Id.Value, null);
                b.Reason(PathReasonSeverity.Error, circuits[0].Id.Value,
                    $"no VNet gateway on circuit {names} advertises {dst}: the packet leaves Azure to on-premises over ExpressRoute, which the snapshot does not model");
                ends.Add(new TraceEnd(PathOutcome.Unknown, b));
                return;
            }
            var sendCircuit = circuits.FirstOrDefault(c => c.Id == via!.Id) ?? circuits[0];
            b.Hop(PathHopRole.ExpressRouteEdge, "MSEE of " + sendCircuit.Name, sendCircuit.Id.Value, null);
            if (sendCircuit.Id != via!.Id) b.Hop(PathHopRole.ExpressRouteEdge, "MSEE of " + via.Name + " (Global Reach)", via.Id.Value, null);
            bool accepted = GatewayAccepts(gw, "sending", b) & GatewayAccepts(receiver, "receiving", b);
            if (!accepted) { ends.Add(new TraceEnd(PathOutcome.Dropped, b)); return; }
            b.Hop(PathHopRole.ExpressRouteGateway, receiver.Name, receiver.Id.Value, null);
            var gwSubnet = receiver.SubnetId is ResourceId sid && _ctx.Subnets.TryGetValue(sid, out var s) ? s : null;
            if (gwSubnet == null)
            {
                b.Reason(PathReasonSeverity.Error, receiver.Id.Value, $"the GatewaySubnet of {receiver.Name} ({receiver.SubnetId}) is not in the snapshot");
                ends.Add(new TraceEnd(PathOutcome.Unknown, b));
                return;
            }
            Walk(Location(TraceLocationKind.Subnet, gwSubnet), dst, b, ends);
        }

        /// <summary>
        /// The MSEE turns the packet back to the gateway it came from, because that gateway advertised the more specific prefix
        /// (<paramref name="ownLength"/>) than any other gateway on the circuit; on-premises wins instead when it advertised a longer
        /// prefix still (the gateway's captured learned routes say so). Returns false when neither applies.
        /// </summary>
        private bool SameGatewayHairpin(VirtualNetworkGateway gw, ExpressRouteCircuit circuit, int ownLength, IpAddressValue dst, TraceBuilder b, List<TraceEnd> ends)
        {
            b.Hop(PathHopRole.ExpressRouteEdge, "MSEE of " + circuit.Name, circuit.Id.Value, null);
            var longer = Topology.LearnedRoutes.TryGetValue(gw.Id, out var learned)
                ? learned.Where(l => l.Network.Contains(dst) && l.Network.Length > ownLength && !string.Equals(l.Origin, "Network", StringComparison.OrdinalIgnoreCase))
                    .OrderByDescending(l => l.Network.Length).FirstOrDefault()
                : null;
            if (longer != null)
            {
                b.Reason(PathReasonSeverity.Error, circuit.Id.Value,
                    $"the MSEE of {circuit.Name} holds {longer.Network} learned from on-premises (AS path {longer.AsPath}), more specific than what {gw.Name} advertises: the packet leaves Azure to on-premises, which the snapshot does not model");
                ends.Add(new TraceEnd(PathOutcome.Unknown, b));
                return true;
            }
            b.Hop(PathHopRole.ExpressRouteGateway, gw.Name, gw.Id.Value, null);
            b.Reason(PathReasonSeverity.Warning, gw.Id.Value,
                $"{dst} hairpins through the MSEE of {circuit.Name} and back through the same gateway {gw.Name}: the on-premises summary is less specific than the prefix {gw.Name} advertises for it",
                "peer the two VNets or add both to an AVNM mesh (system routes beat the on-premises summary), or route spoke-to-spoke traffic through a hub firewall with user-defined routes");
            var gwSubnet = gw.SubnetId is ResourceId sid && _ctx.Subnets.TryGetValue(sid, out var s) ? s : null;
            if (gwSubnet == null)
            {
                b.Reason(PathReasonSeverity.Error, gw.Id.Value, $"the GatewaySubnet of {gw.Name} ({gw.SubnetId}) is not in the snapshot");
                ends.Add(new TraceEnd(PathOutcome.Unknown, b));
                return true;
            }
            Walk(Location(TraceLocationKind.Subnet, gwSubnet), dst, b, ends);
            return true;
        }

        private PrefixIndex<VirtualNetworkGateway>? _advertised;

        /// <summary>What every ExpressRoute gateway advertises to the MSEE: its VNet and the VNets using it through gateway transit (docs/routing-model.md#expressroute-hairpin).</summary>
        private PrefixIndex<VirtualNetworkGateway> AdvertisedByExpressRouteGateways
        {
            get
            {
                if (_advertised != null) return _advertised;
                var index = new PrefixIndex<VirtualNetworkGateway>();
                foreach (var other in Topology.VirtualNetworkGateways)
                {
                    if (!other.IsExpressRoute || _ctx.Vnet(other.VirtualNetworkId) is not VirtualNetwork hub) continue;
                    foreach (var (_, p) in _gateways.Advertised(hub)) index.Add(p, other);
                }
                return _advertised = index;
            }
        }

        /// <summary>docs/routing-model.md#expressroute-hairpin: allowRemoteVnetTraffic must be true on both ends; absent means the legacy accept-all behaviour.</summary>
        private static bool GatewayAccepts(VirtualNetworkGateway gw, string role, TraceBuilder b)
        {
            if (gw.AllowRemoteVnetTraffic == false)
            {
                b.Reason(PathReasonSeverity.Error, gw.Id.Value,
                    $"ExpressRoute gateway {gw.Name} ({role}) has allowRemoteVnetTraffic false: it does not accept VNet-to-VNet traffic over ExpressRoute (Azure docs: \"Connectivity between virtual networks over ExpressRoute\")",
                    $"set allowRemoteVnetTraffic true on {gw.Name} (or, better, connect the VNets by peering or an AVNM mesh)");
                return false;
            }
            if (gw.AllowRemoteVnetTraffic == null)
                b.Reason(PathReasonSeverity.Assumption, gw.Id.Value,
                    $"ExpressRoute gateway {gw.Name} ({role}) does not state allowRemoteVnetTraffic: taken as the legacy behaviour that accepts all VNet prefixes from the MSEE (Azure docs: \"Connectivity between virtual networks over ExpressRoute\"; new gateways default to false)");
            return true;
        }
    }
}
