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
            var parsed = new IpPrefix[addressPrefix.Count];
            int count = 0;
            List<string>? tags = null;
            foreach (var p in addressPrefix)
            {
                if (IpPrefix.TryParse(p, out var prefix)) parsed[count++] = prefix;
                else (tags ??= new List<string>()).Add(p);
            }
            if (count < parsed.Length) System.Array.Resize(ref parsed, count);
            PrefixArray = parsed;
            UnresolvedPrefixes = tags ?? (IReadOnlyList<string>)System.Array.Empty<string>();
        }

        // A copy with the same prefixes, parsed already.
        private EffectiveRoute(EffectiveRoute other)
        {
            Name = other.Name;
            Source = other.Source;
            AddressPrefix = other.AddressPrefix;
            NextHopType = other.NextHopType;
            NextHopIpAddress = other.NextHopIpAddress;
            OriginId = other.OriginId;
            Origin = other.Origin;
            PrefixArray = other.PrefixArray;
            UnresolvedPrefixes = other.UnresolvedPrefixes;
            State = other.State;
            InvalidReason = other.InvalidReason;
            AsPath = other.AsPath;
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

        internal EffectiveRoute WithPrefixes(IReadOnlyList<string> prefixes) =>
            ReferenceEquals(prefixes, AddressPrefix) ? new EffectiveRoute(this)
            : new EffectiveRoute(Name, Source, prefixes, NextHopType, NextHopIpAddress, OriginId, Origin) { State = State, InvalidReason = InvalidReason, AsPath = AsPath };

        internal static IReadOnlyList<string> One(IpPrefix p) => new[] { p.ToString() };

        internal static IReadOnlyList<string> Many(IEnumerable<IpPrefix> ps) => ps.Select(p => p.ToString()).ToArray();
    }
}
