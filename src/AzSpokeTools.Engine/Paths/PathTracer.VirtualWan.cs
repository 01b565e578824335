using System;
using System.Collections.Generic;
using System.Linq;
using AzSpokeTools.Engine.Addresses;
using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Engine.Paths
{
    /// <summary>Virtual WAN hub routing: association, propagation, static routes and routing intent (docs/routing-model.md#virtual-wan-hub-routing).</summary>
    internal sealed partial class PathTracer
    {
        private PrefixIndex<(VirtualHub, HubVirtualNetworkConnection, VirtualNetwork)>? _hubConnections;

        /// <summary>Every hub connection's VNet address space (docs/routing-model.md#spoke-to-spoke-through-a-hub: hub routers reach the connected VNets' prefixes).</summary>
        private PrefixIndex<(VirtualHub, HubVirtualNetworkConnection, VirtualNetwork)> HubConnectionsByPrefix
        {
            get
            {
                if (_hubConnections != null) return _hubConnections;
                var index = new PrefixIndex<(VirtualHub, HubVirtualNetworkConnection, VirtualNetwork)>();
                foreach (var h in Topology.VirtualHubs)
                    foreach (var c in h.Connections)
                        if (_ctx.Vnet(c.RemoteVirtualNetworkId) is VirtualNetwork v)
                            foreach (var p in v.AddressSpace) index.Add(p, (h, c, v));
                return _hubConnections = index;
            }
        }

        /// <summary>
        /// At a hub router (ingress from a spoke connection), or after a secured hub's firewall (<paramref name="via"/> is the
        /// firewall): find the connection of the virtual WAN whose VNet holds the destination and hand the packet to it.
        /// </summary>
        private void AtHubRouter(VirtualHub hub, object? via, IpAddressValue dst, TraceBuilder b, List<TraceEnd> ends)
        {
            bool afterFirewall = via is ForwardingDevice;
            var ingress = via as HubVirtualNetworkConnection;
            VirtualHub? destHub = null;
            HubVirtualNetworkConnection? dest = null;
            VirtualNetwork? vnet = null;
            IpPrefix matched = default;
            foreach (var (p, hc) in HubConnectionsByPrefix.Containing(dst))
            {
                var (h, c, v) = hc;
                if (h != hub && (h.VirtualWanId == null || h.VirtualWanId != hub.VirtualWanId)) continue;
                if (dest != null && p.Length < matched.Length) break;
                if (dest == null || (h == hub && destHub != hub)) { destHub = h; dest = c; vnet = v; matched = p; }
            }
            // docs/routing-model.md#virtual-wan-hub-routing: static routes in the associated route table take precedence over propagated routes.
            var table = ingress?.AssociatedRouteTableId is ResourceId tid ? hub.RouteTables.FirstOrDefault(t => t.Id == tid)
                : hub.RouteTables.FirstOrDefault(t => string.Equals(t.Name, "defaultRouteTable", StringComparison.OrdinalIgnoreCase));
            HubRoute? staticRoute = null;
            IpPrefix staticPrefix = default;
            if (!afterFirewall && table != null)
                foreach (var r in table.Routes)
                    foreach (var d in r.Destinations)
                        if (IpPrefix.TryParse(d, out var sp) && sp.Contains(dst) && (staticRoute == null || sp.Length > staticPrefix.Length) && (dest == null || sp.Length >= matched.Length))
                        { staticRoute = r; staticPrefix = sp; }
            if (!afterFirewall)
            {
                b.Transits.Add(PathKind.VirtualWanHub);
                var hopRoute = staticRoute != null
                    ? new PathRoute(staticPrefix.ToString(), "VirtualHub", staticRoute.NextHopType, Array.Empty<string>(), staticRoute.Name, staticRoute.NextHop?.Value, "hub route table " + table!.Name)
                    : dest != null ? new PathRoute(matched.ToString(), "VirtualHub", "HubVirtualNetworkConnection", Array.Empty<string>(), null, dest.Id.Value, $"connection {dest.Name} of {destHub!.Name}") : null;
                b.Hop(PathHopRole.VirtualHubRouter, hub.Name, hub.Id.Value, hopRoute);
            }
            if (staticRoute?.NextHop is ResourceId cid && Topology.VirtualHubs.SelectMany(h => h.Connections).FirstOrDefault(c => c.Id == cid) is HubVirtualNetworkConnection nhConn)
            {
                ToConnectionStaticRoute(hub, staticRoute, nhConn, dst, b, ends);
                return;
            }
            if (staticRoute?.NextHop is ResourceId nh && Devices.ById(nh) is ForwardingDevice fw)
            {
                Walk(Location(TraceLocationKind.Appliance, fw), dst, b, ends);
                return;
            }
            if (dest == null || vnet == null || destHub == null)
            {
                b.Reason(PathReasonSeverity.Error, hub.Id.Value, $"no virtual network connection of {hub.Name}'s virtual WAN holds {dst}");
                ends.Add(new TraceEnd(PathOutcome.Dropped, b));
                return;
            }
            if (destHub != hub)
            {
                if (afterFirewall || destHub.RoutingIntent?.PrivateTrafficNextHop != null)
                {
                    // docs/routing-model.md#spoke-to-spoke-through-a-hub: inter-hub traffic between secured hubs passes both hubs' firewalls.
                    if (destHub.RoutingIntent?.PrivateTrafficNextHop is ResourceId fwId && Devices.ById(fwId) is ForwardingDevice other && !b.Visited.Contains(Location(TraceLocationKind.Appliance, other).Index))
                    {
                        Walk(Location(TraceLocationKind.Appliance, other), dst, b, ends);
                        return;
                    }
                }
                if (!afterFirewall) b.Transits.Add(PathKind.VirtualWanHub);
                b.Hop(PathHopRole.VirtualHubRouter, destHub.Name, destHub.Id.Value,
                    new PathRoute(matched.ToString(), "VirtualHub", "HubVirtualNetworkConnection", Array.Empty<string>(), null, dest.Id.Value, $"connection {dest.Name} of {destHub.Name}"));
            }
            // docs/routing-model.md#virtual-wan-hub-routing: a static route on the destination connection sends the prefix to an NVA in that spoke.
            foreach (var sr in dest.StaticRoutes)
                if (sr.AddressPrefixes.Any(p => p.Contains(dst)) && sr.NextHopIpAddress != null && IpAddressValue.TryParse(sr.NextHopIpAddress, out var nip) && Devices.ByIp(nip) is ForwardingDevice nva)
                {
                    Walk(Location(TraceLocationKind.Appliance, nva), dst, b, ends);
                    return;
                }
            Deliver(vnet, dst, null, b, ends);
        }

        /// <summary>
        /// docs/routing-model.md#virtual-wan-hub-routing: a hub route table static route whose next hop is a VNet connection sends the packet into
        /// that spoke, to the NVA named by the connection's vnetRoutes.staticRoutes entry covering the destination (indirect spokes).
        /// </summary>
        private void ToConnectionStaticRoute(VirtualHub hub, HubRoute route, HubVirtualNetworkConnection conn, IpAddressValue dst, TraceBuilder b, List<TraceEnd> ends)
        {
            var sr = conn.StaticRoutes.FirstOrDefault(r => r.AddressPrefixes.Any(p => p.Contains(dst)) && r.NextHopIpAddress != null);
            if (sr == null)
            {
                b.Reason(PathReasonSeverity.Error, conn.Id.Value,
                    $"hub route '{route.Name}' of {hub.Name} sends {dst} to connection {conn.Name}, but the connection has no vnetRoutes static route covering {dst} (the NVA in its spoke that should receive it is not known)",
                    $"add a static route for {dst} with the NVA's IP as nextHopIpAddress to connection {conn.Name}");
                ends.Add(new TraceEnd(PathOutcome.Unknown, b));
                return;
            }
            if (!IpAddressValue.TryParse(sr.NextHopIpAddress, out var nip) || !(Devices.ByIp(nip) is ForwardingDevice nva))
            {
                b.Reason(PathReasonSeverity.Error, conn.Id.Value,
                    $"static route '{sr.Name}' of connection {conn.Name} sends {dst} to {sr.NextHopIpAddress}, which no network interface or appliance in the snapshot holds");
                ends.Add(new TraceEnd(PathOutcome.Unknown, b));
                return;
            }
            Walk(Location(TraceLocationKind.Appliance, nva), dst, b, ends);
        }
    }
}
