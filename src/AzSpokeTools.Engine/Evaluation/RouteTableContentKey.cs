using System;
using System.Collections.Generic;
using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Engine.Evaluation
{
    /// <summary>
    /// The content of a route list that a <see cref="CompiledRouteTable"/> answers for: the list's length and, for
    /// each Active route, its index, source, parsed prefixes, unresolved (service-tag) prefixes, next hop type and
    /// next hop IPs. Two lists with equal keys give identical lookup results, index for index. Names, origins and the
    /// content of Invalid routes are left out: they never change a lookup. Compared by a 64-bit hash, then field by field
    /// over the routes the key holds, so a hash collision cannot make two different tables share.
    /// </summary>
    /// <remarks>
    /// The key holds the list's routes (not a text rendering of them): the matrix asks for a key per source, and building
    /// and hashing text for every route was a quarter of the memory the matrix allocated. Routes are not changed once a
    /// table holds them, so the held routes stand for the content.
    /// </remarks>
    internal sealed class RouteTableContentKey : IEquatable<RouteTableContentKey>
    {
        private readonly EffectiveRoute[] _routes;
        private readonly ulong _hash;

        private RouteTableContentKey(EffectiveRoute[] routes, ulong hash)
        {
            _routes = routes;
            _hash = hash;
        }

        public static RouteTableContentKey For(IReadOnlyList<EffectiveRoute> routes)
        {
            if (routes == null) throw new ArgumentNullException(nameof(routes));
            var held = new EffectiveRoute[routes.Count];
            ulong h = Mix(14695981039346656037UL, (ulong)held.Length);
            for (int i = 0; i < held.Length; i++)
            {
                var route = routes[i] ?? throw new ArgumentException($"routes[{i}] is null.", nameof(routes));
                held[i] = route;
                if (route.State != RouteState.Active) continue;
                h = Mix(h, (ulong)i);
                h = Mix(h, ((ulong)route.Source << 32) | (uint)route.NextHopType);
                var prefixes = route.PrefixArray;
                h = Mix(h, (ulong)prefixes.Length);
                foreach (var p in prefixes) h = Mix(h, (ulong)(uint)p.GetHashCode());
                foreach (var t in route.UnresolvedPrefixes) h = Mix(h, Text(t));
                h = Mix(h, (ulong)route.NextHopIpAddress.Count);
                foreach (var ip in route.NextHopIpAddress) h = Mix(h, Text(ip));
            }
            return new RouteTableContentKey(held, h);
        }

        private static ulong Mix(ulong h, ulong v)
        {
            unchecked
            {
                h ^= v + 0x9E3779B97F4A7C15UL + (h << 6) + (h >> 2);
                return h * 0x100000001B3UL;
            }
        }

        private static ulong Text(string? s)
        {
            s ??= string.Empty; // compared as empty, so hashed as empty
            ulong h = 1469598103934665603UL;
            unchecked { foreach (var c in s) h = (h ^ c) * 1099511628211UL; }
            return Mix(h, (ulong)s.Length);
        }

        public bool Equals(RouteTableContentKey? other)
        {
            if (other == null || other._hash != _hash || other._routes.Length != _routes.Length) return false;
            for (int i = 0; i < _routes.Length; i++)
            {
                var a = _routes[i];
                var b = other._routes[i];
                bool activeA = a.State == RouteState.Active, activeB = b.State == RouteState.Active;
                if (activeA != activeB) return false;
                if (!activeA || ReferenceEquals(a, b)) continue;
                if (a.Source != b.Source || a.NextHopType != b.NextHopType) return false;
                if (!Same(a.PrefixArray, b.PrefixArray) || !Same(a.UnresolvedPrefixes, b.UnresolvedPrefixes) || !Same(a.NextHopIpAddress, b.NextHopIpAddress))
                    return false;
            }
            return true;
        }

        private static bool Same(Addresses.IpPrefix[] a, Addresses.IpPrefix[] b)
        {
            if (a.Length != b.Length) return false;
            for (int k = 0; k < a.Length; k++) if (a[k] != b[k]) return false;
            return true;
        }

        private static bool Same(IReadOnlyList<string> a, IReadOnlyList<string> b)
        {
            if (a.Count != b.Count) return false;
            for (int k = 0; k < a.Count; k++) if (!string.Equals(a[k] ?? string.Empty, b[k] ?? string.Empty, StringComparison.Ordinal)) return false;
            return true;
        }

        public override bool Equals(object? obj) => Equals(obj as RouteTableContentKey);

        public override int GetHashCode() => unchecked((int)(_hash ^ (_hash >> 32)));
    }
}
