using System;
using System.Collections.Generic;
using System.Linq;
using AzSpokeTools.Engine.Addresses;
using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Engine.Paths
{
    /// <summary>
    /// Where traffic is certainly dropped rather than Unknown (docs/guide/routing.md "Certain drops"), and the fix a None drop
    /// needs given what already connects the two VNets.
    /// </summary>
    internal sealed partial class PathTracer
    {
        /// <summary>
        /// A next hop IP that no device of the snapshot holds. Inside a VNet of the snapshot it is a black hole (Dropped): in no
        /// subnet, on no NIC, load balancer frontend or firewall, or on a Route Server (which forwards no traffic). It stays Unknown
        /// only where the snapshot may lack the holder: outside every VNet, in a delegated subnet, or where the capture was denied.
        /// </summary>
        private void ToMissingNextHop(EffectiveRoute route, IpAddressValue ip, IpAddressValue dst, TraceBuilder b, List<TraceEnd> ends)
        {
            var described = Describe(route, PathRouteLookup.MatchingPrefix(route, dst));
            var vnet = Topology.VirtualNetworks.FirstOrDefault(v => v.AddressSpace.Any(p => p.Contains(ip)));
            if (vnet == null)
            {
                b.Reason(PathReasonSeverity.Error, route.OriginId, $"next hop {ip} of {described} is outside every VNet of the snapshot");
                ends.Add(new TraceEnd(PathOutcome.Unknown, b));
                return;
            }
            var holder = vnet.Subnets.FirstOrDefault(s => s.AddressPrefixes.Any(p => p.Contains(ip)));
            var fix = route.Source == RouteSource.User
                ? $"point route '{route.Name}' in {route.Origin} at the appliance's private IP (a NIC with IP forwarding, or an internal load balancer frontend)"
                : $"advertise {PathRouteLookup.MatchingPrefix(route, dst)} with a next hop that is the NVA's own IP or its internal load balancer's frontend";
            if (holder == null)
            {
                // Azure docs, "Virtual network traffic routing" > "User-defined": a next hop that isn't running or fully configured carries
                // nothing; an address in no subnet can hold no device, so the traffic is black-holed [INFER].
                b.Reason(PathReasonSeverity.Error, route.OriginId, $"next hop {ip} of {described} is in the address space of {vnet.Name} but in none of its subnets: nothing can hold it, the traffic is dropped", fix);
                ends.Add(new TraceEnd(PathOutcome.Dropped, b));
                return;
            }
            var routeServer = Topology.RouteServers.FirstOrDefault(h => h.VirtualRouterIps.Contains(ip));
            if (routeServer != null)
            {
                // Azure docs, "Azure Route Server frequently asked questions" > "Does Azure Route Server route data traffic between my NVA
                // and my VMs?": no; it only exchanges routes.
                b.Reason(PathReasonSeverity.Error, route.OriginId, $"next hop {ip} of {described} is Route Server {routeServer.Name}, which forwards no traffic: the traffic is dropped", fix);
                ends.Add(new TraceEnd(PathOutcome.Dropped, b));
                return;
            }
            var gap = CoverageGapFor(holder);
            if (holder.Delegations.Count > 0 || gap != null)
            {
                b.Reason(PathReasonSeverity.Error, route.OriginId, gap != null
                    ? $"next hop {ip} of {described} is in {holder.DisplayName}, where no device of the snapshot holds it; the capture could not read {gap}"
                    : $"next hop {ip} of {described} is in {holder.DisplayName}, delegated to {string.Join(", ", holder.Delegations)}, whose instances the snapshot does not hold");
                ends.Add(new TraceEnd(PathOutcome.Unknown, b));
                return;
            }
            // [INFER] from Azure docs, "Virtual network traffic routing" > "User-defined" (the next hop must be a NIC or an internal load
            // balancer): an address of a complete snapshot that no NIC, load balancer frontend or firewall holds is a black hole.
            b.Reason(PathReasonSeverity.Error, route.OriginId,
                $"next hop {ip} of {described} is in {holder.DisplayName}, but no network interface, load balancer frontend or firewall holds it: the traffic is dropped", fix);
            ends.Add(new TraceEnd(PathOutcome.Dropped, b));
        }

        /// <summary>A coverage gap that could hide the device holding an address of <paramref name="subnet"/>, or null.</summary>
        private CoverageGap? CoverageGapFor(Subnet subnet)
        {
            var subscription = subnet.Id.SubscriptionId;
            foreach (var gap in Topology.Coverage.Denied)
            {
                bool scoped = subscription == null || gap.Scope.IndexOf(subscription, StringComparison.OrdinalIgnoreCase) >= 0 || !gap.Scope.StartsWith("/subscriptions/", StringComparison.OrdinalIgnoreCase);
                if (scoped) return gap;
            }
            return null;
        }

        /// <summary>
        /// The fix for a drop at a None route: a user-defined route names itself; a default None route depends on what already joins
        /// the two VNets (a mesh whose overlap removed the prefix, a Virtual WAN hub whose propagation leaves it out, a peering not
        /// connected), and only when nothing does, on connecting them.
        /// </summary>
        private string? NoneFix(Subnet subnet, EffectiveRoute route, IpAddressValue dst, TraceBuilder b)
        {
            if (!b.Explains) return null; // summaries carry no commentary; spare the matrix the search
            if (route.Source == RouteSource.User) return $"remove or change route '{route.Name}' in {route.Origin}";
            var from = subnet.VirtualNetwork;
            int length = PathRouteLookup.MatchingPrefix(route, dst).Length;
            var refused = Lookup.TableOf(subnet).UserRoutes.FirstOrDefault(r => r.State == RouteState.Invalid && r.InvalidReason != null &&
                                                                                PathRouteLookup.Covers(r, dst, out var p) && p.Length >= length);
            if (refused != null)
                return $"route '{refused.Name}' in {refused.Origin} would carry {dst} but is Invalid ({refused.InvalidReason}): point it at an appliance (VirtualAppliance) instead";
            var to = VirtualNetworkHolding(dst, from);
            if (to != null)
            {
                foreach (var cg in _ctx.ConnectedGroups.Of(from.Id))
                {
                    if (!cg.Members.Contains(to)) continue;
                    // Azure docs, "Limitations with Azure Virtual Network Manager": communication to an overlapped address is dropped.
                    foreach (var o in cg.OverlapsSet.Where(p => p.Contains(dst)))
                    {
                        var others = cg.Members.Where(m => m != to && m.AddressSpace.Any(p => p.Contains(o) || o.Contains(p))).Select(m => m.Name);
                        return $"{to.Name} and {string.Join(", ", others)} overlap on {o} in connected group {cg.Configuration.Name}, which drops traffic to the overlap: renumber one of them or take it out of the group";
                    }
                }
                if (_ctx.HubConnectionsByVnet.TryGetValue(from.Id, out var fromHub) && _ctx.HubConnectionsByVnet.TryGetValue(to.Id, out var toHub) &&
                    fromHub.Hub.VirtualWanId == toHub.Hub.VirtualWanId)
                {
                    var table = subnet.RouteTableId is ResourceId rt && _ctx.RouteTables.TryGetValue(rt, out var t) ? t : null;
                    // Azure docs, "How to configure Virtual WAN Hub routing intent and routing policies": gateway route propagation must
                    // be on for Virtual WAN to program routes into spoke subnets.
                    if (table?.DisableBgpRoutePropagation == true)
                        return $"route table {table.Name} of {subnet.DisplayName} disables gateway route propagation, so the Virtual WAN hub's routes to {to.Name} are not programmed: set disableBgpRoutePropagation false (Propagate gateway routes: Yes)";
                    // Azure docs, "About virtual hub routing" > "Association" / "Propagation": a connection reaches what is propagated to
                    // the route table it is associated with.
                    var associated = fromHub.Connection.AssociatedRouteTableId is ResourceId at ? $"{at.Name} of {at.Parent?.Name}" : $"the default route table of {fromHub.Hub.Name}";
                    return $"{from.Name} (connection {fromHub.Connection.Name}) and {to.Name} (connection {toHub.Connection.Name}) are both on Virtual WAN hubs, but {toHub.Connection.Name} does not propagate to {associated}, the route table {fromHub.Connection.Name} is associated with: propagate {toHub.Connection.Name} to it (or to one of its labels), and {fromHub.Connection.Name} to the table {toHub.Connection.Name} uses";
                }
            }
            return $"peer the two VNets, add both to an AVNM mesh connectivity configuration and deploy it, or add a user-defined route for {dst} to a hub firewall or gateway";
        }

        private PrefixIndex<int>? _vnetsByPrefix;

        /// <summary>
        /// The first VNet of the snapshot (in snapshot order) other than <paramref name="except"/> whose address space holds
        /// <paramref name="address"/>, found through an index of the address spaces: the matrix's <c>--reasons</c> asks for every
        /// dropped pair, and a scan of every VNet per pair would cost as much as the whole matrix.
        /// </summary>
        private VirtualNetwork? VirtualNetworkHolding(IpAddressValue address, VirtualNetwork except)
        {
            var vnets = Topology.VirtualNetworks;
            if (_vnetsByPrefix == null)
            {
                var index = new PrefixIndex<int>();
                for (int i = 0; i < vnets.Count; i++)
                    foreach (var p in vnets[i].AddressSpace) index.Add(p, i);
                _vnetsByPrefix = index;
            }
            int first = -1;
            foreach (var (_, i) in _vnetsByPrefix.Containing(address))
                if (vnets[i] != except && (first < 0 || i < first)) first = i;
            return first < 0 ? null : vnets[first];
        }
    }
}
