using System;
using System.Collections.Generic;
using System.Linq;
using AzSpokeTools.Engine.Addresses;
using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Engine.Paths
{
    /// <summary>Delivery into a VNet: locally, over a peering, a connected group or to a private endpoint (docs/routing-model.md#path-resolution).</summary>
    internal sealed partial class PathTracer
    {
        /// <summary>
        /// The packet arrives in <paramref name="vnet"/>. <paramref name="transit"/> is Local/Direct/Mesh when it left the source
        /// without a transit device; after a device the delivery leg is part of that device's transit (docs/routing-model.md#vocabulary: transits).
        /// </summary>
        internal void Deliver(VirtualNetwork vnet, IpAddressValue dst, PathKind? transit, TraceBuilder b, List<TraceEnd> ends)
        {
            if (Hook != null && !b.Explains && Hook.Deliver(vnet, transit, b, ends)) return;
            if (!vnet.AddressSpace.Any(p => p.Contains(dst)))
            {
                b.Reason(PathReasonSeverity.Error, vnet.Id.Value, $"the route leads into {vnet.Name}, whose address space does not hold {dst}");
                ends.Add(new TraceEnd(PathOutcome.Dropped, b));
                return;
            }
            Subnet? target = null;
            foreach (var s in vnet.Subnets)
                if (s.AddressPrefixes.Any(p => p.Contains(dst))) { target = s; break; }
            if (target == null)
            {
                b.Reason(PathReasonSeverity.Error, vnet.Id.Value, $"no subnet of {vnet.Name} holds {dst}", $"{dst} must be in a subnet of {vnet.Name}");
                ends.Add(new TraceEnd(PathOutcome.Dropped, b));
                return;
            }
            if (transit is PathKind t) b.Transits.Add(t);
            b.Hop(PathHopRole.Destination, target.DisplayName, target.Id.Value, null);
            ends.Add(new TraceEnd(PathOutcome.Delivered, b, target));
        }

        /// <summary>VNetPeering / VNetGlobalPeering: subject to allowVirtualNetworkAccess on both sides (docs/routing-model.md#peering-flags) and, for forwarded traffic, allowForwardedTraffic.</summary>
        private void AcrossPeering(Subnet subnet, EffectiveRoute route, IpAddressValue dst, TraceBuilder b, List<TraceEnd> ends, bool atSource)
        {
            var local = subnet.VirtualNetwork;
            var peering = PeeringOf(route);
            if (peering != null && peering.Local != local) peering = null;
            if (peering == null)
            {
                // docs/routing-model.md#what-a-connected-spoke-sees [INFER]: a Virtual WAN hub's own prefix appears as a peering route of the hub connection.
                if (route.OriginId != null && ResourceId.TryParse(route.OriginId, out var cid) && Topology.Find<HubVirtualNetworkConnection>(cid) is HubVirtualNetworkConnection hc)
                {
                    b.Reason(PathReasonSeverity.Error, hc.HubId.Value, $"{dst} is in the address space of virtual hub {hc.HubId.Name}, which holds no workloads the snapshot models");
                    ends.Add(new TraceEnd(PathOutcome.Unknown, b));
                    return;
                }
                b.Reason(PathReasonSeverity.Error, route.OriginId, $"the peering behind route {route} is not in the snapshot");
                ends.Add(new TraceEnd(PathOutcome.Unknown, b));
                return;
            }
            var remote = _ctx.Vnet(peering.RemoteVirtualNetworkId);
            if (remote == null)
            {
                b.Reason(PathReasonSeverity.Error, peering.RemoteVirtualNetworkId?.Value, $"peering {peering} leads to {peering.RemoteVirtualNetworkId}, which is not in the snapshot");
                ends.Add(new TraceEnd(PathOutcome.Unknown, b));
                return;
            }
            if (!PeeringAllows(peering, b))
            {
                ends.Add(new TraceEnd(PathOutcome.Dropped, b));
                return;
            }
            if (b.Forwarded) CheckForwardedIngress(local, remote, b);
            Deliver(remote, dst, atSource ? PathKind.Direct : (PathKind?)null, b, ends);
        }

        private Dictionary<string, VirtualNetworkPeering>? _peeringsById;
        private readonly Dictionary<EffectiveRoute, VirtualNetwork?> _groupMemberOfRoute = new Dictionary<EffectiveRoute, VirtualNetwork?>();

        /// <summary>The peering a VNetPeering route comes from (its origin), by id.</summary>
        private VirtualNetworkPeering? PeeringOf(EffectiveRoute route)
        {
            if (route.OriginId == null) return null;
            if (_peeringsById == null)
            {
                _peeringsById = new Dictionary<string, VirtualNetworkPeering>(StringComparer.OrdinalIgnoreCase);
                foreach (var v in Topology.VirtualNetworks)
                    foreach (var p in v.Peerings) _peeringsById[p.Id.Value] = p;
            }
            return ResourceId.TryParse(route.OriginId, out var id) && _peeringsById.TryGetValue(id.Value, out var found) ? found : null;
        }

        /// <summary>docs/routing-model.md#peering-flags: traffic over a peering is blocked when allowVirtualNetworkAccess is false on either side.</summary>
        internal bool PeeringAllows(VirtualNetworkPeering peering, TraceBuilder b)
        {
            bool ok = true;
            if (peering.AllowVirtualNetworkAccess == false)
            {
                b.Reason(PathReasonSeverity.Error, peering.Id.Value, $"peering {peering} has allowVirtualNetworkAccess false: traffic from {peering.Local.Name} over it is blocked (Azure docs: \"Create, change, or delete a virtual network peering\")",
                    $"set allowVirtualNetworkAccess true on peering {peering}");
                ok = false;
            }
            var back = _ctx.Reverse(peering);
            if (back?.AllowVirtualNetworkAccess == false)
            {
                b.Reason(PathReasonSeverity.Error, back.Id.Value, $"peering {back} has allowVirtualNetworkAccess false: traffic between {back.Local.Name} and {peering.Local.Name} is blocked (Azure docs: \"Create, change, or delete a virtual network peering\")",
                    $"set allowVirtualNetworkAccess true on peering {back}");
                ok = false;
            }
            return ok;
        }

        /// <summary>
        /// docs/routing-model.md#peering-flags: the receiving VNet's peering object must allow forwarded traffic for packets an appliance
        /// forwarded; the platform does not always enforce it, so this is a warning.
        /// </summary>
        internal void CheckForwardedIngress(VirtualNetwork from, VirtualNetwork into, TraceBuilder b)
        {
            if (!b.Explains) return;
            if (!_ctx.Peerings.TryGetValue((into.Id, from.Id), out var receiving)) return;
            if (receiving.AllowForwardedTraffic == true) return;
            b.Reason(PathReasonSeverity.Warning, receiving.Id.Value,
                $"peering {receiving} has allowForwardedTraffic {(receiving.AllowForwardedTraffic == false ? "false" : "unset")}: {into.Name} may refuse traffic forwarded from {from.Name} (Azure docs: \"Create, change, or delete a virtual network peering\"; not always enforced)",
                $"set allowForwardedTraffic true on peering {receiving}");
        }

        /// <summary>ConnectedGroup: delivery to the member whose address space the route covers (docs/routing-model.md#avnm-connectivity-configurations); overlaps were removed from the routes (docs/routing-model.md#connected-group-limits).</summary>
        private void AcrossConnectedGroup(Subnet subnet, EffectiveRoute route, IpPrefix prefix, IpAddressValue dst, TraceBuilder b, List<TraceEnd> ends, bool atSource)
        {
            // Connected-group routes are shared between members (one per member prefix), so the member is found once per route.
            if (!_groupMemberOfRoute.TryGetValue(route, out var member))
            {
                member = null;
                foreach (var cg in _ctx.ConnectedGroups.Of(subnet.VirtualNetwork.Id))
                {
                    if (route.OriginId == null || !string.Equals(cg.Configuration.Id.Value, route.OriginId, StringComparison.OrdinalIgnoreCase)) continue;
                    member = cg.Members.FirstOrDefault(m => m.AddressSpace.Any(p => p.Contains(prefix)) && m != subnet.VirtualNetwork);
                    if (member != null) break;
                }
                _groupMemberOfRoute[route] = member;
            }
            if (member == null)
            {
                b.Reason(PathReasonSeverity.Error, route.OriginId, $"no member of the connected group behind route {route} holds {prefix}");
                ends.Add(new TraceEnd(PathOutcome.Unknown, b));
                return;
            }
            if (b.Forwarded && b.Explains)
                b.Reason(PathReasonSeverity.Assumption, route.OriginId, $"forwarded traffic into {member.Name} over the connected group is taken as accepted (connected groups have no allowForwardedTraffic flag)");
            Deliver(member, dst, atSource ? PathKind.Mesh : (PathKind?)null, b, ends);
        }

        /// <summary>InterfaceEndpoint: the /32 of a private endpoint in this, a peered or a connected-group VNet (docs/routing-model.md#optional-default-routes).</summary>
        private void ToPrivateEndpoint(Subnet subnet, EffectiveRoute route, IpAddressValue dst, TraceBuilder b, List<TraceEnd> ends, bool atSource)
        {
            var pe = route.OriginId != null && ResourceId.TryParse(route.OriginId, out var id) ? Topology.Find<PrivateEndpoint>(id) : null;
            var vnet = _ctx.Vnet(pe?.SubnetId?.Parent);
            if (vnet == null)
            {
                b.Reason(PathReasonSeverity.Error, route.OriginId, $"the subnet of private endpoint {pe?.Name ?? route.OriginId} is not in the snapshot");
                ends.Add(new TraceEnd(PathOutcome.Unknown, b));
                return;
            }
            var local = subnet.VirtualNetwork;
            PathKind kind = PathKind.Local;
            if (vnet != local)
            {
                if (_ctx.Peerings.TryGetValue((local.Id, vnet.Id), out var p))
                {
                    kind = PathKind.Direct;
                    if (!PeeringAllows(p, b)) { ends.Add(new TraceEnd(PathOutcome.Dropped, b)); return; }
                }
                else kind = PathKind.Mesh;
            }
            Deliver(vnet, dst, atSource ? kind : (PathKind?)null, b, ends);
        }
    }
}
