using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Engine.Evaluation
{
    /// <summary>
    /// The content of a route list that a <see cref="CompiledRouteTable"/> answers for: the list's length and, for
    /// each Active route, its index, source, parsed prefixes, unresolved (service-tag) prefixes, next hop type and
    /// next hop IPs. Two lists with equal keys give identical lookup results, index for index. Names, origins and the
    /// content of Invalid routes are left out: they never change a lookup. Compared by SHA-256 digest, then by the full
    /// canonical text, so a digest collision cannot make two different tables share.
    /// </summary>
    internal sealed class RouteTableContentKey : IEquatable<RouteTableContentKey>
    {
        private readonly string _canonical;
        private readonly ulong _d0, _d1, _d2, _d3;

        private RouteTableContentKey(string canonical, byte[] digest)
        {
            _canonical = canonical;
            _d0 = BitConverter.ToUInt64(digest, 0);
            _d1 = BitConverter.ToUInt64(digest, 8);
            _d2 = BitConverter.ToUInt64(digest, 16);
            _d3 = BitConverter.ToUInt64(digest, 24);
        }

        public static RouteTableContentKey For(IReadOnlyList<EffectiveRoute> routes)
        {
            if (routes == null) throw new ArgumentNullException(nameof(routes));
            var sb = new StringBuilder(64 + routes.Count * 48);
            sb.Append("routes=").Append(routes.Count.ToString(CultureInfo.InvariantCulture)).Append('\n');
            for (int i = 0; i < routes.Count; i++)
            {
                var route = routes[i] ?? throw new ArgumentException($"routes[{i}] is null.", nameof(routes));
                if (route.State != RouteState.Active) continue;
                sb.Append(i.ToString(CultureInfo.InvariantCulture))
                  .Append(' ').Append(route.Source.ToString())
                  .Append(' ').Append(route.NextHopType.ToString())
                  .Append(" p");
                foreach (var p in route.Prefixes) AppendField(sb, p.ToString());
                sb.Append(" t");
                foreach (var t in route.UnresolvedPrefixes) AppendField(sb, t);
                sb.Append(" h");
                foreach (var ip in route.NextHopIpAddress) AppendField(sb, ip ?? string.Empty);
                sb.Append('\n');
            }
            var canonical = sb.ToString();
            byte[] digest;
            using (var sha = SHA256.Create()) digest = sha.ComputeHash(Encoding.UTF8.GetBytes(canonical));
            return new RouteTableContentKey(canonical, digest);
        }

        // Length-prefixed so that no value (a service tag or an IP string) can run into the next one.
        private static void AppendField(StringBuilder sb, string value) =>
            sb.Append(' ').Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value);

        public bool Equals(RouteTableContentKey? other) =>
            other != null && _d0 == other._d0 && _d1 == other._d1 && _d2 == other._d2 && _d3 == other._d3 &&
            string.Equals(_canonical, other._canonical, StringComparison.Ordinal);

        public override bool Equals(object? obj) => Equals(obj as RouteTableContentKey);

        public override int GetHashCode() => unchecked((int)_d0);
    }
}
