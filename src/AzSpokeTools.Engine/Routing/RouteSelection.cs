using System.Collections.Generic;
using System.Linq;
using AzSpokeTools.Engine.Addresses;
using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Engine.Routing
{
    /// <summary>
    /// Marks the routes that lose as Invalid, as the effective-routes API lists them (docs/routing-model.md#route-selection).
    /// Longest prefix match itself happens at lookup time; selection settles routes for the same prefix and the
    /// documented exceptions.
    /// </summary>
    internal static class RouteSelection
    {
        /// <summary>How a route lost selection.</summary>
        internal enum InvalidKind
        {
            SamePrefix,
            SystemPreferred,
            EndpointOverride,
        }

        public static List<EffectiveRoute> Select(IReadOnlyList<EffectiveRoute> routes, RoutingContext ctx)
        {
            int n = routes.Count;
            // Why each losing route lost: the route that beat it and how; turned into (shared, cached) Invalid copies at the end.
            (EffectiveRoute Cause, InvalidKind Kind, IpPrefix Prefix)[]? invalid = null;
            bool IsInvalid(int i) => invalid != null && invalid[i].Cause != null;
            void Invalidate(int i, EffectiveRoute cause, InvalidKind kind, IpPrefix prefix) => (invalid ??= new (EffectiveRoute, InvalidKind, IpPrefix)[n])[i] = (cause, kind, prefix);

            // Routes sharing an exact prefix, found by sorting (prefix, position) pairs: runs of one prefix, in table order.
            var keys = new List<(IpPrefix Prefix, int Index)>(n + 8);
            bool anyBgp = false, anyEndpoint = false;
            for (int i = 0; i < n; i++)
            {
                var r = routes[i];
                foreach (var p in r.Prefixes) keys.Add((p, i));
                anyBgp |= r.Source == RouteSource.VirtualNetworkGateway;
                anyEndpoint |= r.NextHopType == NextHopType.InterfaceEndpoint;
            }
            keys.Sort((a, b) => { int c = a.Prefix.CompareTo(b.Prefix); return c != 0 ? c : a.Index.CompareTo(b.Index); });
            for (int start = 0; start < keys.Count;)
            {
                int end = start + 1;
                while (end < keys.Count && keys[end].Prefix == keys[start].Prefix) end++;
                if (end - start > 1)
                {
                    int best = int.MaxValue, winner = -1;
                    for (int k = start; k < end; k++)
                    {
                        // A route already Invalid (a refused user-defined route) does not take part.
                        if (routes[keys[k].Index].State != RouteState.Active) continue;
                        int rank = Rank(routes[keys[k].Index]);
                        if (rank < best) { best = rank; winner = keys[k].Index; }
                    }
                    for (int k = start; k < end && winner >= 0; k++)
                    {
                        int i = keys[k].Index;
                        if (Rank(routes[i]) > best && routes[i].Prefixes.Count == 1 && !IsInvalid(i) && routes[i].State == RouteState.Active)
                            Invalidate(i, routes[winner], InvalidKind.SamePrefix, keys[start].Prefix);
                    }
                }
                start = end;
            }
            // docs/routing-model.md#route-selection: VNet, peering and service-endpoint system routes are preferred even over more specific BGP routes.
            if (anyBgp)
            {
                // The first preferred route (in list order) per prefix, so that a BGP route finds the shorter system routes containing it
                // by looking up its own supernets (at most 128 lookups) instead of scanning every preferred route.
                var firstPreferred = new Dictionary<IpPrefix, int>(n);
                for (int i = 0; i < n; i++)
                    if (IsPreferredSystem(routes[i]) && !IsInvalid(i))
                        foreach (var p in routes[i].Prefixes)
                            if (!firstPreferred.ContainsKey(p)) firstPreferred[p] = i;
                if (firstPreferred.Count > 0)
                    for (int i = 0; i < n; i++)
                    {
                        var r = routes[i];
                        if (r.Source != RouteSource.VirtualNetworkGateway || IsInvalid(i) || r.Prefixes.Count != 1) continue;
                        var q = r.Prefixes[0];
                        int match = -1;
                        IpPrefix matched = default;
                        for (int length = 0; length < q.Length; length++)
                        {
                            var supernet = new IpPrefix(q.Network, length);
                            if (firstPreferred.TryGetValue(supernet, out var at) && (match < 0 || at < match)) { match = at; matched = supernet; }
                        }
                        if (match >= 0)
                            Invalidate(i, routes[match], InvalidKind.SystemPreferred, matched);
                    }
            }
            // docs/routing-model.md#special-override-rules: with network policies enabled on the endpoint's subnet, a UDR whose prefix is at least as long
            // as the endpoint VNet's address space invalidates the private endpoint /32.
            if (anyEndpoint)
            {
                var users = routes.Where(r => r.Source == RouteSource.User && r.State == RouteState.Active).ToList();
                for (int i = 0; i < n; i++)
                {
                    var r = routes[i];
                    if (r.NextHopType != NextHopType.InterfaceEndpoint || IsInvalid(i)) continue;
                    var pe = r.OriginId != null && ResourceId.TryParse(r.OriginId, out var peId) ? ctx.Topology.Find<PrivateEndpoint>(peId) : null;
                    var peSubnet = pe?.SubnetId is ResourceId sid && ctx.Subnets.TryGetValue(sid, out var s) ? s : null;
                    if (peSubnet == null || !PoliciesApplyToRoutes(peSubnet.PrivateEndpointNetworkPolicies)) continue;
                    var ip = r.Prefixes[0].Network;
                    var spaces = peSubnet.VirtualNetwork.AddressSpace.Where(a => a.Contains(ip)).ToList();
                    if (spaces.Count == 0) continue;
                    var space = spaces[0];
                    var udr = users.FirstOrDefault(u => u.Prefixes.Any(p => p.Contains(ip) && p.Length >= space.Length));
                    if (udr != null) Invalidate(i, udr, InvalidKind.EndpointOverride, r.Prefixes[0]);
                }
            }
            var result = new List<EffectiveRoute>(n);
            for (int i = 0; i < n; i++)
            {
                var r = routes[i];
                if (IsInvalid(i)) result.Add(ctx.InvalidCopy(r, invalid![i].Cause, invalid[i].Kind, invalid[i].Prefix));
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
            var competingList = new List<int>(own.Count * 2);
            foreach (var r in own)
                foreach (var p in r.Prefixes)
                {
                    foreach (var i in shared.Exactly(p)) if (!excluded.Contains(i)) competingList.Add(i);
                    if (IsPreferredSystem(r))
                        foreach (var i in shared.ContainedIn(p)) if (!excluded.Contains(i)) competingList.Add(i);
                }
            competingList.Sort();
            var competing = new List<int>(competingList.Count);
            foreach (var i in competingList) if (competing.Count == 0 || competing[competing.Count - 1] != i) competing.Add(i);
            var combined = new List<EffectiveRoute>(own.Count + competing.Count);
            combined.AddRange(own);
            foreach (var i in competing) combined.Add(shared.Routes[i]);
            var selected = Select(combined, ctx);
            var replaced = new Dictionary<int, EffectiveRoute>(competing.Count);
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

        // docs/routing-model.md#route-selection: system routes for the VNet, peerings and service endpoints.
        private static bool IsPreferredSystem(EffectiveRoute r) =>
            r.Source == RouteSource.Default && (r.NextHopType == NextHopType.VnetLocal || r.NextHopType == NextHopType.VNetPeering ||
            r.NextHopType == NextHopType.VNetGlobalPeering || r.NextHopType == NextHopType.VirtualNetworkServiceEndpoint ||
            r.NextHopType == NextHopType.ConnectedGroup);

        /// <summary>Lower wins on an exact-prefix tie.</summary>
        private static int Rank(EffectiveRoute r)
        {
            // docs/routing-model.md#special-override-rules: service endpoint routes can't be overridden, even with a route table.
            if (r.NextHopType == NextHopType.VirtualNetworkServiceEndpoint && r.Source == RouteSource.Default) return -1;
            // docs/routing-model.md#route-selection: User > BGP > System on the same prefix ...
            if (r.Source == RouteSource.User) return 0;
            // ... except that VNet and peering system routes are preferred over BGP (docs/routing-model.md#route-selection); a peering beats a connected-group
            // route for the same prefix [INFER from docs/routing-model.md#peering-routes: subnet peering takes preference over a connected group].
            if (IsPreferredSystem(r)) return r.NextHopType == NextHopType.ConnectedGroup ? 2 : 1;
            if (r.Source == RouteSource.VirtualNetworkGateway) return 3;
            return 4;
        }

        /// <summary>Why a route is Invalid, worded for the effective-routes listing.</summary>
        internal static string Reason(EffectiveRoute loser, EffectiveRoute cause, InvalidKind kind, IpPrefix prefix, RoutingContext ctx)
        {
            switch (kind)
            {
                case InvalidKind.SamePrefix:
                    return $"overridden by {Describe(cause)} for the same prefix {prefix}";
                case InvalidKind.SystemPreferred:
                    return $"the {cause.NextHopType} system route {prefix} is preferred over more specific BGP routes";
                default:
                    var pe = loser.OriginId != null && ResourceId.TryParse(loser.OriginId, out var peId) ? ctx.Topology.Find<PrivateEndpoint>(peId) : null;
                    var policies = pe?.SubnetId is ResourceId sid && ctx.Subnets.TryGetValue(sid, out var s) ? s.PrivateEndpointNetworkPolicies : null;
                    return $"user-defined route {Describe(cause)} overrides the private endpoint route (network policies {policies})";
            }
        }

        private static string Describe(EffectiveRoute r) =>
            r.Source == RouteSource.User ? $"user-defined route '{r.Name}' ({r.Origin})" : $"{r.Source} {r.NextHopType} route ({r.Origin})";
    }
}
