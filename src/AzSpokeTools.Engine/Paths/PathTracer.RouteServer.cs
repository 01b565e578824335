using System;
using System.Collections.Generic;
using System.Linq;
using AzSpokeTools.Engine.Addresses;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Routing;

namespace AzSpokeTools.Engine.Paths
{
    /// <summary>
    /// An NVA peered with an Azure Route Server in an inter-hub design (Azure docs, "Multi-region networking with Azure Route
    /// Server"): the Route Server programs the NVA's own advertisement into the NVA's subnet too, pointing at the NVA itself, so
    /// the NVA must send the packet to the other hub's NVA over an overlay (IPsec or VXLAN) that ARM does not show.
    /// </summary>
    internal sealed partial class PathTracer
    {
        /// <summary>
        /// At <paramref name="device"/>: when its subnet's winning route for <paramref name="dst"/> is a Route Server route back to the
        /// device itself, the device forwards over its overlay to the NVA it learned the prefix from. That NVA is found from the AS
        /// path the Route Server learned (the next AS after the device's own belongs to another Route Server peer). Returns false when
        /// the device's subnet routes are not of that shape (the caller walks the subnet as usual).
        /// </summary>
        private bool OverRouteServerOverlay(ForwardingDevice device, IpAddressValue dst, TraceBuilder b, List<TraceEnd> ends)
        {
            if (device.Subnet == null || device.Nic == null || !_gateways.RouteServers.Any) return false;
            var winners = new List<EffectiveRoute>();
            Lookup.Winners(device.Subnet, dst, winners);
            var own = new HashSet<string>(device.Nic.IpConfigurations.Where(c => c.PrivateIpAddress != null).Select(c => c.PrivateIpAddress!.Value.ToString()), StringComparer.OrdinalIgnoreCase);
            var self = winners.FirstOrDefault(r => r.Source == RouteSource.VirtualNetworkGateway && r.NextHopIpAddress.Any(own.Contains) && RouteServerOf(r) != null);
            if (self == null) return false;
            var rs = RouteServerOf(self)!;
            var prefix = PathRouteLookup.MatchingPrefix(self, dst);
            var peer = rs.BgpConnections.FirstOrDefault(p => p.PeerIp is IpAddressValue ip && own.Contains(ip.ToString()));
            var learned = peer != null && Topology.LearnedRoutes.TryGetValue(peer.Id, out var list) ? list.FirstOrDefault(l => l.Network == prefix) : null;
            var upstreamAsn = UpstreamAsn(peer?.PeerAsn, learned?.AsPath);
            var upstream = upstreamAsn is long asn
                ? _gateways.RouteServers.PeersWithAsn(asn).Where(x => x.Peer.PeerIp is IpAddressValue ip && !own.Contains(ip.ToString()))
                    .Select(x => (x.RouteServer, x.Peer, Device: Devices.ByIp(x.Peer.PeerIp!.Value))).ToList()
                : new List<(VirtualHub RouteServer, BgpConnection Peer, ForwardingDevice? Device)>();
            if (upstream.Count == 0)
            {
                // Azure docs, "Multi-region networking with Azure Route Server" > "Design without overlays": the NVA's subnet routes the
                // packet back to the NVA; without an overlay (or user-defined routes with propagation disabled) it loops.
                b.Reason(PathReasonSeverity.Error, rs.Id.Value,
                    $"Route Server {rs.Name} programs {prefix} into {device.Subnet.DisplayName} with {device.Name} itself as next hop" +
                    (upstreamAsn is long missing ? $"; the AS path names AS {missing}, which is no Route Server peer in the snapshot" : learned == null ? "" : $" and the AS path ({learned.AsPath}) names no other NVA") +
                    ": without an overlay tunnel to the NVA it learned the prefix from, the packet comes back to it",
                    $"build an IPsec or VXLAN tunnel between the NVAs, or disable gateway route propagation on {device.Subnet.DisplayName}'s route table and add user-defined routes to the other hub's NVA");
                return false;
            }
            for (int i = 0; i < upstream.Count; i++)
            {
                var (otherRs, otherPeer, next) = upstream[i];
                var bi = i == upstream.Count - 1 ? b : b.Clone();
                if (next == null)
                {
                    bi.Reason(PathReasonSeverity.Error, otherPeer.Id.Value,
                        $"{device.Name} forwards {dst} over its overlay to {otherPeer.PeerIp} (AS {upstreamAsn}, peer {otherPeer.Name} of Route Server {otherRs.Name}), which is on no network interface of the snapshot");
                    ends.Add(new TraceEnd(PathOutcome.Unknown, bi));
                    continue;
                }
                if (!OverlayReaches(device, next, otherPeer.PeerIp!.Value, bi))
                {
                    ends.Add(new TraceEnd(PathOutcome.Dropped, bi));
                    continue;
                }
                bi.Reason(PathReasonSeverity.Assumption, otherPeer.Id.Value,
                    $"{device.Name} forwards {dst} to {next.Name} ({otherPeer.PeerIp}) over the overlay (IPsec or VXLAN) that inter-hub Route Server designs need; " +
                    $"ARM does not show the tunnel: it is inferred from the AS path {learned!.AsPath} Route Server {rs.Name} learned for {prefix}");
                Walk(Location(TraceLocationKind.Appliance, next), dst, bi, ends);
            }
            return true;
        }

        /// <summary>The tunnel's outer packet goes from the device's subnet to the other NVA by a VNet, peering or mesh route.</summary>
        private bool OverlayReaches(ForwardingDevice from, ForwardingDevice to, IpAddressValue toIp, TraceBuilder b)
        {
            var outer = new List<EffectiveRoute>();
            Lookup.Winners(from.Subnet!, toIp, outer);
            var carrier = outer.FirstOrDefault(r => r.NextHopType == NextHopType.VnetLocal || r.NextHopType == NextHopType.VNetPeering ||
                                                    r.NextHopType == NextHopType.VNetGlobalPeering || r.NextHopType == NextHopType.ConnectedGroup);
            if (carrier == null)
            {
                var w = outer.FirstOrDefault();
                b.Reason(PathReasonSeverity.Error, from.Id.Value,
                    $"the overlay from {from.Name} to {to.Name} ({toIp}) has no direct route: {from.Subnet!.DisplayName} sends {toIp} " +
                    (w == null ? "nowhere" : $"by {Describe(w, PathRouteLookup.MatchingPrefix(w, toIp))}"),
                    $"peer {from.VirtualNetwork?.Name} with {to.VirtualNetwork?.Name} (the hubs) so the NVAs reach each other directly");
                return false;
            }
            if (b.Hops != null) b.Hop(PathHopRole.Subnet, from.Subnet!.DisplayName + " (overlay to " + to.Name + ")", from.Subnet.Id.Value, PathRoute.From(carrier, PathRouteLookup.MatchingPrefix(carrier, toIp).ToString()));
            return true;
        }

        private VirtualHub? RouteServerOf(EffectiveRoute r) =>
            r.OriginId != null && ResourceId.TryParse(r.OriginId, out var id) && Topology.Find<VirtualHub>(id) is VirtualHub h && h.IsRouteServer ? h : null;

        /// <summary>The first AS in <paramref name="asPath"/> after the device's own (prepended) ASN, or null.</summary>
        private static long? UpstreamAsn(long? ownAsn, string? asPath)
        {
            foreach (var asn in RouteServerRoutes.AsPathNumbers(asPath))
                if (asn != ownAsn) return asn;
            return null;
        }
    }
}
