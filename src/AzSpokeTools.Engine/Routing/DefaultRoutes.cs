using System.Collections.Generic;
using System.Linq;
using AzSpokeTools.Engine.Addresses;
using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Engine.Routing
{
    /// <summary>The default system routes every subnet gets (docs/routing-model.md#default-routes).</summary>
    internal static class DefaultRoutes
    {
        // docs/routing-model.md#default-routes: the four documented None prefixes.
        internal static readonly IpPrefix[] NonePrefixes =
        {
            IpPrefix.Parse("10.0.0.0/8"),
            IpPrefix.Parse("172.16.0.0/12"),
            IpPrefix.Parse("192.168.0.0/16"),
            IpPrefix.Parse("100.64.0.0/10"),
        };

        public static void Add(VirtualNetwork vnet, RouteCandidates into)
        {
            // docs/routing-model.md#default-routes: one VnetLocal route per address-space prefix, never per subnet.
            foreach (var p in vnet.AddressSpace)
                into.Routes.Add(new EffectiveRoute(null, RouteSource.Default, EffectiveRoute.One(p), NextHopType.VnetLocal,
                    originId: vnet.Id.Value, origin: "virtual network " + vnet.Name));
            // docs/routing-model.md#default-routes: 0.0.0.0/0 -> Internet.
            into.Routes.Add(new EffectiveRoute(null, RouteSource.Default, EffectiveRoute.One(IpPrefix.AnyV4), NextHopType.Internet,
                originId: vnet.Id.Value, origin: "default route"));
            // docs/routing-model.md#default-routes (IPv4 list); a dual-stack VNet likewise gets ::/0 -> Internet. [INFER]
            if (vnet.AddressSpace.Any(p => p.IsV6))
                into.Routes.Add(new EffectiveRoute(null, RouteSource.Default, EffectiveRoute.One(IpPrefix.AnyV6), NextHopType.Internet,
                    originId: vnet.Id.Value, origin: "default route"));
            foreach (var none in NonePrefixes)
            {
                // docs/routing-model.md#address-space-overlap: an address space equal to a reserved prefix turns its None route into
                // the VnetLocal route; one that includes it removes the None route.
                if (vnet.AddressSpace.Any(a => a.Contains(none))) continue;
                into.Routes.Add(new EffectiveRoute(null, RouteSource.Default, EffectiveRoute.One(none), NextHopType.None,
                    originId: vnet.Id.Value, origin: "default route"));
            }
        }

        /// <summary>
        /// Removes default None routes that user-defined routes make disappear (rather than turn Invalid).
        /// </summary>
        public static void ApplyUserRouteRemovals(List<EffectiveRoute> routes, IReadOnlyList<EffectiveRoute> userRoutes)
        {
            // docs/routing-model.md#removal-by-user-defined-routes: a 0.0.0.0/0 UDR to a VirtualAppliance removes the default None routes (S1 example, S27c).
            bool removeAll = userRoutes.Any(u => u.NextHopType == NextHopType.VirtualAppliance && u.Prefixes.Any(p => p.Length == 0 && !p.IsV6));
            // docs/routing-model.md#removal-by-user-defined-routes [FIELD S27c]: a UDR to a VirtualAppliance for exactly a None prefix removes that None route;
            // for other next hops the None route only turns Invalid (docs/routing-model.md#route-selection), as nothing else was observed.
            var exact = new HashSet<IpPrefix>(userRoutes.Where(u => u.NextHopType == NextHopType.VirtualAppliance).SelectMany(u => u.Prefixes));
            routes.RemoveAll(r => r.Source == RouteSource.Default && r.NextHopType == NextHopType.None && r.Prefixes.Count == 1 &&
                                  NonePrefixes.Contains(r.Prefixes[0]) && (removeAll || exact.Contains(r.Prefixes[0])));
        }
    }
}
