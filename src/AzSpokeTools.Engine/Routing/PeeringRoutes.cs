using System;
using System.Collections.Generic;
using System.Linq;
using AzSpokeTools.Engine.Addresses;
using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Engine.Routing
{
    /// <summary>VNetPeering / VNetGlobalPeering routes from a subnet's VNet peerings (docs/routing-model.md#optional-default-routes, docs/routing-model.md#peering-routes, docs/routing-model.md#peering-flags).</summary>
    internal static class PeeringRoutes
    {
        public static void Add(RoutingContext ctx, Subnet subnet, RouteCandidates into)
        {
            var vnet = subnet.VirtualNetwork;
            foreach (var p in vnet.Peerings)
            {
                // docs/routing-model.md#peering-routes: only peerings whose both sides are Connected create routes.
                if (!ctx.IsEstablished(p, out var note))
                {
                    if (note != null) into.Assume(note);
                    continue;
                }
                if (note != null) into.Assume(note);
                var remote = ctx.Vnet(p.RemoteVirtualNetworkId);
                IReadOnlyList<IpPrefix> prefixes;
                if (p.IsSubnetPeering)
                {
                    // docs/routing-model.md#peering-routes (subnet peering): routes exist only between the listed subnets.
                    if (!p.LocalSubnetNames.Contains(subnet.Name, StringComparer.OrdinalIgnoreCase)) continue;
                    if (remote == null)
                    {
                        into.Unknown($"subnet peering {p} names remote subnets of {p.RemoteVirtualNetworkId}, which is not in the snapshot");
                        continue;
                    }
                    prefixes = remote.Subnets.Where(s => p.RemoteSubnetNames.Contains(s.Name, StringComparer.OrdinalIgnoreCase))
                        .SelectMany(s => s.AddressPrefixes).ToList();
                }
                else
                {
                    // docs/routing-model.md#peering-flags: the peered prefixes (remoteAddressSpace) give the routes.
                    prefixes = p.RemoteAddressSpace.Count > 0 ? p.RemoteAddressSpace
                        : p.RemoteVirtualNetworkAddressSpace.Count > 0 ? p.RemoteVirtualNetworkAddressSpace
                        : remote?.AddressSpace ?? (IReadOnlyList<IpPrefix>)Array.Empty<IpPrefix>();
                    if (prefixes.Count == 0)
                    {
                        into.Unknown($"peering {p} has no remote address space in the snapshot; its routes are unknown");
                        continue;
                    }
                    if (remote != null && p.RemoteAddressSpace.Count > 0 && !SameSet(p.RemoteAddressSpace, remote.AddressSpace))
                        into.Assume($"peering {p} peers {string.Join(", ", p.RemoteAddressSpace)} but {remote.Name} now has {string.Join(", ", remote.AddressSpace)}: the peering needs a sync; routes use the peered prefixes");
                }
                // docs/routing-model.md#peering-routes: enableOnlyIPv6Peering peers the IPv6 space only.
                if (p.EnableOnlyIPv6Peering == true) prefixes = prefixes.Where(x => x.IsV6).ToList();
                var hop = NextHopType.VNetPeering;
                if (remote == null || string.IsNullOrEmpty(remote.Location) || string.IsNullOrEmpty(vnet.Location))
                    into.Assume($"peering {p}: region of one side unknown; shown as VNetPeering (regional)");
                // docs/routing-model.md#peering-routes: peering across regions is global peering (VNetGlobalPeering).
                else if (!string.Equals(remote.Location, vnet.Location, StringComparison.OrdinalIgnoreCase)) hop = NextHopType.VNetGlobalPeering;
                foreach (var prefix in prefixes)
                    into.Routes.Add(new EffectiveRoute(null, RouteSource.Default, EffectiveRoute.One(prefix), hop,
                        originId: p.Id.Value, origin: "peering " + p));
            }
        }

        private static bool SameSet(IReadOnlyList<IpPrefix> a, IReadOnlyList<IpPrefix> b) =>
            a.Count == b.Count && a.All(b.Contains);
    }
}
