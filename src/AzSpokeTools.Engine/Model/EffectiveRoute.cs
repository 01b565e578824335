using System;
using System.Collections.Generic;
using System.Linq;
using AzSpokeTools.Engine.Addresses;

namespace AzSpokeTools.Engine.Model
{
    /// <summary>
    /// One row of an effective route table, shaped like Azure's EffectiveRoute
    /// (docs/routing-model.md#effective-routes-and-next-hop-apis), plus where it came from (<see cref="OriginId"/>) and,
    /// for an Invalid route, which route overrode it (<see cref="InvalidReason"/>).
    /// </summary>
    public sealed class EffectiveRoute
    {
        /// <summary>A route as the effective-routes API lists it; prefixes that are not CIDRs are kept as unresolved service tags.</summary>
        public EffectiveRoute(
            string? name,
            RouteSource source,
            IReadOnlyList<string> addressPrefix,
            NextHopType nextHopType,
            IReadOnlyList<string>? nextHopIpAddress = null,
            string? originId = null,
            string? origin = null)
        {
            Name = name;
            Source = source;
            AddressPrefix = addressPrefix ?? throw new ArgumentNullException(nameof(addressPrefix));
            NextHopType = nextHopType;
            NextHopIpAddress = nextHopIpAddress ?? Array.Empty<string>();
            OriginId = originId;
            Origin = origin;
            if (addressPrefix is OnePrefix one)
            {
                // Made from a parsed prefix: nothing to parse back.
                PrefixArray = new[] { one.Prefix };
                UnresolvedPrefixes = Array.Empty<string>();
                return;
            }
            var parsed = new IpPrefix[addressPrefix.Count];
            int count = 0;
            List<string>? tags = null;
            foreach (var p in addressPrefix)
            {
                if (IpPrefix.TryParse(p, out var prefix)) parsed[count++] = prefix;
                else (tags ??= new List<string>()).Add(p);
            }
            if (count < parsed.Length) Array.Resize(ref parsed, count);
            PrefixArray = parsed;
            UnresolvedPrefixes = tags ?? (IReadOnlyList<string>)Array.Empty<string>();
        }

        /// <summary>The user-defined route's name; null for system routes.</summary>
        public string? Name { get; }

        /// <summary>Default, User or VirtualNetworkGateway.</summary>
        public RouteSource Source { get; }

        /// <summary>Active, or Invalid when it lost route selection.</summary>
        public RouteState State { get; internal set; } = RouteState.Active;

        /// <summary>Address prefixes as Azure lists them (CIDRs; service tags for tag UDRs).</summary>
        public IReadOnlyList<string> AddressPrefix { get; }

        /// <summary>The next hop type, as the effective-routes API spells it.</summary>
        public NextHopType NextHopType { get; }

        /// <summary>Next hop IPs; several means equal-cost (ECMP).</summary>
        public IReadOnlyList<string> NextHopIpAddress { get; }

        /// <summary>The resource this route comes from: route table, peering, connectivity configuration, gateway, private endpoint.</summary>
        public string? OriginId { get; }

        /// <summary>A short description of the origin, e.g. "peering hub-to-spoke1" or "route table rt-spokes".</summary>
        public string? Origin { get; }

        /// <summary>For an Invalid route: why (the route that overrode it).</summary>
        public string? InvalidReason { get; internal set; }

        /// <summary>For a route learned over BGP: the AS path it was learned with, when known.</summary>
        internal string? AsPath { get; set; }

        /// <summary>The prefixes that parsed as CIDRs.</summary>
        public IReadOnlyList<IpPrefix> Prefixes => PrefixArray;

        /// <summary>The same prefixes as an array: hot loops read it without an enumerator allocation per route.</summary>
        internal IpPrefix[] PrefixArray { get; }

        /// <summary>Prefixes that are not CIDRs (service tags) and are not resolved without a service-tag file.</summary>
        public IReadOnlyList<string> UnresolvedPrefixes { get; }

        /// <inheritdoc/>
        public override string ToString() =>
            $"{Source} {State} {string.Join(",", AddressPrefix)} -> {NextHopType}" +
            (NextHopIpAddress.Count > 0 ? " " + string.Join(",", NextHopIpAddress) : "") +
            (Name != null ? $" ({Name})" : "");

        /// <summary>A copy (state, reason and AS path included) that shares this route's parsed prefixes: the start of an Invalid copy.</summary>
        internal EffectiveRoute Copy() => (EffectiveRoute)MemberwiseClone();

        internal static IReadOnlyList<string> One(IpPrefix p) => new OnePrefix(p);

        /// <summary>
        /// The address prefix list of a route made from one parsed prefix: the constructor takes the prefix as it is instead of
        /// parsing its text, and the text is written only when something reads it (route construction runs for every VNet).
        /// </summary>
        private sealed class OnePrefix : IReadOnlyList<string>
        {
            private string? _text;

            public OnePrefix(IpPrefix prefix) => Prefix = prefix;

            public IpPrefix Prefix { get; }

            public int Count => 1;

            public string this[int index] => index == 0 ? _text ??= Prefix.ToString() : throw new ArgumentOutOfRangeException(nameof(index));

            public IEnumerator<string> GetEnumerator()
            {
                yield return this[0];
            }

            System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
        }

        internal static IReadOnlyList<string> Many(IEnumerable<IpPrefix> ps) => ps.Select(p => p.ToString()).ToArray();
    }
}
