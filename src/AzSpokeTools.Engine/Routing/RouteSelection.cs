using System;
using System.Collections.Generic;
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
            // (No local functions or lambdas here: this runs once per table, and their closures were allocated on every call.)
            (EffectiveRoute Cause, InvalidKind Kind, IpPrefix Prefix)[]? invalid = null;

            // Routes sharing an exact prefix, found by sorting (prefix, position) pairs: runs of one prefix, in table order.
            var keys = new List<(IpPrefix Prefix, int Index)>(n + 8);
            bool anyBgp = false, anyEndpoint = false;
            for (int i = 0; i < n; i++)
            {
                var r = routes[i];
                foreach (var p in r.PrefixArray) keys.Add((p, i));
                anyBgp |= r.Source == RouteSource.VirtualNetworkGateway;
                anyEndpoint |= r.NextHopType == NextHopType.InterfaceEndpoint;
            }
            keys.Sort(ByPrefixThenIndex);
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
                        if (Rank(routes[i]) > best && routes[i].PrefixArray.Length == 1 && !IsInvalid(invalid, i) && routes[i].State == RouteState.Active)
                            Invalidate(ref invalid, n, i, routes[winner], InvalidKind.SamePrefix, keys[start].Prefix);
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
                    if (IsPreferredSystem(routes[i]) && !IsInvalid(invalid, i))
                        foreach (var p in routes[i].PrefixArray)
                            if (!firstPreferred.ContainsKey(p)) firstPreferred[p] = i;
                if (firstPreferred.Count > 0)
                    for (int i = 0; i < n; i++)
                    {
                        var r = routes[i];
                        if (r.Source != RouteSource.VirtualNetworkGateway || IsInvalid(invalid, i) || r.PrefixArray.Length != 1) continue;
                        var q = r.PrefixArray[0];
                        int match = -1;
                        IpPrefix matched = default;
                        for (int length = 0; length < q.Length; length++)
                        {
                            var supernet = new IpPrefix(q.Network, length);
                            if (firstPreferred.TryGetValue(supernet, out var at) && (match < 0 || at < match)) { match = at; matched = supernet; }
                        }
                        if (match >= 0)
                            Invalidate(ref invalid, n, i, routes[match], InvalidKind.SystemPreferred, matched);
                    }
            }
            // docs/routing-model.md#special-override-rules: with network policies enabled on the endpoint's subnet, a UDR whose prefix is at least as long
            // as the endpoint VNet's address space invalidates the private endpoint /32.
            if (anyEndpoint)
            {
                List<EffectiveRoute>? users = null;
                for (int i = 0; i < n; i++)
                    if (routes[i].Source == RouteSource.User && routes[i].State == RouteState.Active) (users ??= new List<EffectiveRoute>()).Add(routes[i]);
                for (int i = 0; i < n && users != null; i++)
                {
                    var r = routes[i];
                    if (r.NextHopType != NextHopType.InterfaceEndpoint || IsInvalid(invalid, i)) continue;
                    var pe = r.OriginId != null && ResourceId.TryParse(r.OriginId, out var peId) ? ctx.Topology.Find<PrivateEndpoint>(peId) : null;
                    var peSubnet = pe?.SubnetId is ResourceId sid && ctx.Subnets.TryGetValue(sid, out var s) ? s : null;
                    if (peSubnet == null || !PoliciesApplyToRoutes(peSubnet.PrivateEndpointNetworkPolicies)) continue;
                    var udr = EndpointOverride(users, peSubnet.VirtualNetwork, r.PrefixArray[0].Network);
                    if (udr != null) Invalidate(ref invalid, n, i, udr, InvalidKind.EndpointOverride, r.PrefixArray[0]);
                }
            }
            var result = new List<EffectiveRoute>(n);
            for (int i = 0; i < n; i++)
            {
                var r = routes[i];
                if (IsInvalid(invalid, i)) result.Add(ctx.InvalidCopy(r, invalid![i].Cause, invalid[i].Kind, invalid[i].Prefix));
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
            // Index lists instead of sets and iterators: this runs once per table of every VNet behind a gateway.
            var excludedList = new List<int>();
            for (int k = 0; k < vnet.AddressSpace.Count; k++) shared.AddContainedIn(vnet.AddressSpace[k], excludedList);
            excludedList.Sort();
            var excluded = Distinct(excludedList).ToArray();
            var found = new List<int>();
            var competingList = new List<int>();
            foreach (var r in own)
                foreach (var p in r.PrefixArray)
                {
                    var exactly = shared.Exactly(p);
                    for (int k = 0; k < exactly.Count; k++) if (Array.BinarySearch(excluded, exactly[k]) < 0) competingList.Add(exactly[k]);
                    if (!IsPreferredSystem(r)) continue;
                    found.Clear();
                    shared.AddContainedIn(p, found);
                    foreach (var i in found) if (Array.BinarySearch(excluded, i) < 0) competingList.Add(i);
                }
            competingList.Sort();
            var competing = Distinct(competingList);
            var combined = new List<EffectiveRoute>(own.Count + competing.Count);
            combined.AddRange(own);
            foreach (var i in competing) combined.Add(shared.Routes[i]);
            var selected = Select(combined, ctx);
            var replaced = new Dictionary<int, EffectiveRoute>(competing.Count);
            int at = own.Count;
            foreach (var i in competing)
            {
                if (!ReferenceEquals(selected[at], shared.Routes[i])) replaced[i] = selected[at];
                at++;
            }
            return new LayeredRouteList(selected.GetRange(0, own.Count), shared, excluded, replaced);
        }

        /// <summary>A sorted list without repeats (in place).</summary>
        private static List<int> Distinct(List<int> sorted)
        {
            int w = 0;
            for (int k = 0; k < sorted.Count; k++) if (w == 0 || sorted[w - 1] != sorted[k]) sorted[w++] = sorted[k];
            sorted.RemoveRange(w, sorted.Count - w);
            return sorted;
        }

        private static bool IsInvalid((EffectiveRoute Cause, InvalidKind Kind, IpPrefix Prefix)[]? invalid, int i) => invalid != null && invalid[i].Cause != null;

        /// <summary>Records that route <paramref name="i"/> of <paramref name="n"/> lost to <paramref name="cause"/> (the array is made at the first loser).</summary>
        private static void Invalidate(ref (EffectiveRoute Cause, InvalidKind Kind, IpPrefix Prefix)[]? invalid, int n, int i, EffectiveRoute cause, InvalidKind kind, IpPrefix prefix) =>
            (invalid ??= new (EffectiveRoute, InvalidKind, IpPrefix)[n])[i] = (cause, kind, prefix);

        private static readonly Comparison<(IpPrefix Prefix, int Index)> ByPrefixThenIndex = (a, b) =>
        {
            int c = a.Prefix.CompareTo(b.Prefix);
            return c != 0 ? c : a.Index.CompareTo(b.Index);
        };

        /// <summary>The first user-defined route with a prefix containing <paramref name="ip"/> at least as long as the first address space of <paramref name="vnet"/> that holds it.</summary>
        private static EffectiveRoute? EndpointOverride(List<EffectiveRoute> users, VirtualNetwork vnet, IpAddressValue ip)
        {
            IpPrefix? space = null;
            foreach (var a in vnet.AddressSpace) if (a.Contains(ip)) { space = a; break; }
            if (space is not IpPrefix held) return null;
            foreach (var u in users)
                foreach (var p in u.PrefixArray)
                    if (p.Contains(ip) && p.Length >= held.Length) return u;
            return null;
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
