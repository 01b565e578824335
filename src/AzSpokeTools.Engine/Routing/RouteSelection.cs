using System.Collections.Generic;
using System.Linq;
using AzSpokeTools.Engine.Addresses;
using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Engine.Routing
{
    /// <summary>
    /// Marks the routes that lose as Invalid, as the effective-routes API lists them (azure-routing-rules.md §3).
    /// Longest prefix match itself happens at lookup time; selection settles routes for the same prefix and the
    /// documented exceptions.
    /// </summary>
    internal static class RouteSelection
    {
        public static List<EffectiveRoute> Select(IReadOnlyList<EffectiveRoute> routes, RoutingContext ctx)
        {
            var invalid = new Dictionary<EffectiveRoute, string>();
            var byPrefix = new Dictionary<IpPrefix, List<EffectiveRoute>>();
            foreach (var r in routes)
                foreach (var p in r.Prefixes)
                {
                    if (!byPrefix.TryGetValue(p, out var list)) byPrefix[p] = list = new List<EffectiveRoute>();
                    list.Add(r);
                }
            foreach (var pair in byPrefix)
            {
                var group = pair.Value;
                if (group.Count < 2) continue;
                int best = group.Min(Rank);
                var winner = group.First(r => Rank(r) == best);
                foreach (var r in group)
                    if (Rank(r) > best && r.Prefixes.Count == 1 && !invalid.ContainsKey(r))
                        invalid[r] = $"overridden by {Describe(winner)} for the same prefix {pair.Key}";
            }
            // azure-routing-rules.md §3.1 step 3: VNet, peering and service-endpoint system routes are preferred even over more specific BGP routes.
            var preferred = routes.Where(r => IsPreferredSystem(r) && !invalid.ContainsKey(r)).SelectMany(r => r.Prefixes.Select(p => (p, r))).ToList();
            // The first preferred route (in list order) per prefix, so that a BGP route finds the shorter system routes containing it
            // by looking up its own supernets (at most 128 lookups) instead of scanning every preferred route.
            var firstPreferred = new Dictionary<IpPrefix, int>();
            for (int i = 0; i < preferred.Count; i++)
                if (!firstPreferred.ContainsKey(preferred[i].p)) firstPreferred[preferred[i].p] = i;
            foreach (var r in routes)
            {
                if (r.Source != RouteSource.VirtualNetworkGateway || invalid.ContainsKey(r) || r.Prefixes.Count != 1 || firstPreferred.Count == 0) continue;
                var q = r.Prefixes[0];
                int match = -1;
                for (int length = 0; length < q.Length; length++)
                    if (firstPreferred.TryGetValue(new IpPrefix(q.Network, length), out var at) && (match < 0 || at < match)) match = at;
                if (match >= 0)
                    invalid[r] = $"the {preferred[match].r.NextHopType} system route {preferred[match].p} is preferred over more specific BGP routes";
            }
            // azure-routing-rules.md §3.3: with network policies enabled on the endpoint's subnet, a UDR whose prefix is at least as long
            // as the endpoint VNet's address space invalidates the private endpoint /32.
            var users = routes.Where(r => r.Source == RouteSource.User).ToList();
            foreach (var r in routes.Where(r => r.NextHopType == NextHopType.InterfaceEndpoint && !invalid.ContainsKey(r)))
            {
                var pe = r.OriginId != null && ResourceId.TryParse(r.OriginId, out var peId) ? ctx.Topology.Find<PrivateEndpoint>(peId) : null;
                var peSubnet = pe?.SubnetId is ResourceId sid && ctx.Subnets.TryGetValue(sid, out var s) ? s : null;
                if (peSubnet == null || !PoliciesApplyToRoutes(peSubnet.PrivateEndpointNetworkPolicies)) continue;
                var ip = r.Prefixes[0].Network;
                var spaces = peSubnet.VirtualNetwork.AddressSpace.Where(a => a.Contains(ip)).ToList();
                if (spaces.Count == 0) continue;
                var space = spaces[0];
                var udr = users.FirstOrDefault(u => u.Prefixes.Any(p => p.Contains(ip) && p.Length >= space.Length));
                if (udr != null) invalid[r] = $"user-defined route {Describe(udr)} overrides the private endpoint route (network policies {peSubnet.PrivateEndpointNetworkPolicies})";
            }
            if (invalid.Count == 0) return routes.ToList();
            var result = new List<EffectiveRoute>(routes.Count);
            foreach (var r in routes)
            {
                if (invalid.TryGetValue(r, out var reason))
                {
                    var copy = r.WithPrefixes(r.AddressPrefix);
                    copy.State = RouteState.Invalid;
                    copy.InvalidReason = reason;
                    result.Add(copy);
                }
                else result.Add(r);
            }
            return result;
        }

        /// <summary>
        /// Selection over a table's own routes and a shared layer: only the shared routes that compete with an own
        /// route (same prefix, or inside a preferred system route) take part; those inside the VNet's own address
        /// space are excluded (a gateway never programs a VNet's own space back into it).
        /// </summary>
        public static IReadOnlyList<EffectiveRoute> SelectLayered(List<EffectiveRoute> own, SharedRouteLayer? shared, VirtualNetwork vnet, RoutingContext ctx)
        {
            if (shared == null || shared.Routes.Length == 0) return Select(own, ctx);
            var excluded = new HashSet<int>();
            foreach (var space in vnet.AddressSpace)
                foreach (var i in shared.ContainedIn(space)) excluded.Add(i);
            var competing = new SortedSet<int>();
            foreach (var r in own)
                foreach (var p in r.Prefixes)
                {
                    foreach (var i in shared.Exactly(p)) if (!excluded.Contains(i)) competing.Add(i);
                    if (IsPreferredSystem(r))
                        foreach (var i in shared.ContainedIn(p)) if (!excluded.Contains(i)) competing.Add(i);
                }
            var combined = new List<EffectiveRoute>(own.Count + competing.Count);
            combined.AddRange(own);
            foreach (var i in competing) combined.Add(shared.Routes[i]);
            var selected = Select(combined, ctx);
            var replaced = new Dictionary<int, EffectiveRoute>();
            int k = own.Count;
            foreach (var i in competing)
            {
                if (!ReferenceEquals(selected[k], shared.Routes[i])) replaced[i] = selected[k];
                k++;
            }
            return new LayeredRouteList(selected.GetRange(0, own.Count), shared, excluded.ToArray(), replaced);
        }

        private static bool PoliciesApplyToRoutes(string? policies) =>
            string.Equals(policies, "RouteTableEnabled", System.StringComparison.OrdinalIgnoreCase) ||
            string.Equals(policies, "Enabled", System.StringComparison.OrdinalIgnoreCase);

        // azure-routing-rules.md §3.1 step 3: system routes for the VNet, peerings and service endpoints.
        private static bool IsPreferredSystem(EffectiveRoute r) =>
            r.Source == RouteSource.Default && (r.NextHopType == NextHopType.VnetLocal || r.NextHopType == NextHopType.VNetPeering ||
            r.NextHopType == NextHopType.VNetGlobalPeering || r.NextHopType == NextHopType.VirtualNetworkServiceEndpoint ||
            r.NextHopType == NextHopType.ConnectedGroup);

        /// <summary>Lower wins on an exact-prefix tie.</summary>
        private static int Rank(EffectiveRoute r)
        {
            // azure-routing-rules.md §3.3: service endpoint routes can't be overridden, even with a route table.
            if (r.NextHopType == NextHopType.VirtualNetworkServiceEndpoint && r.Source == RouteSource.Default) return -1;
            // azure-routing-rules.md §3.1 step 2: User > BGP > System on the same prefix ...
            if (r.Source == RouteSource.User) return 0;
            // ... except that VNet and peering system routes are preferred over BGP (§3.1 step 3); a peering beats a connected-group
            // route for the same prefix [INFER from §2.2: subnet peering takes preference over a connected group].
            if (IsPreferredSystem(r)) return r.NextHopType == NextHopType.ConnectedGroup ? 2 : 1;
            if (r.Source == RouteSource.VirtualNetworkGateway) return 3;
            return 4;
        }

        private static string Describe(EffectiveRoute r) =>
            r.Source == RouteSource.User ? $"user-defined route '{r.Name}' ({r.Origin})" : $"{r.Source} {r.NextHopType} route ({r.Origin})";
    }
}
