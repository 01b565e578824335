using System.Collections.Generic;
using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Engine.Paths
{
    /// <summary>The route that moved a packet on at one hop (docs/routing-model.md#vocabulary: prefix, source, next hop type, next hop IP).</summary>
    public sealed class PathRoute
    {
        internal PathRoute(string addressPrefix, string source, string nextHopType, IReadOnlyList<string> nextHopIpAddress,
            string? name, string? originId, string? origin)
        {
            AddressPrefix = addressPrefix;
            Source = source;
            NextHopType = nextHopType;
            NextHopIpAddress = nextHopIpAddress;
            Name = name;
            OriginId = originId;
            Origin = origin;
        }

        internal static PathRoute From(EffectiveRoute r, string prefix) =>
            new PathRoute(prefix, r.Source.ToString(), r.NextHopType.ToString(), r.NextHopIpAddress, r.Name, r.OriginId, r.Origin);

        /// <summary>The prefix that matched the destination.</summary>
        public string AddressPrefix { get; }
        /// <summary>Default, User or VirtualNetworkGateway for effective routes; "VirtualHub" for a hub route table route.</summary>
        public string Source { get; }
        /// <summary>The next hop type (effective-routes API spelling; hub routes use the hub's next hop type).</summary>
        public string NextHopType { get; }
        /// <summary>The route's next hop IP addresses.</summary>
        public IReadOnlyList<string> NextHopIpAddress { get; }
        /// <summary>The user-defined route's name, if any.</summary>
        public string? Name { get; }
        /// <summary>Where the route came from: route table, peering, connectivity configuration, gateway or hub.</summary>
        public string? OriginId { get; }
        /// <summary>Where the route comes from (route table, peering, gateway ...).</summary>
        public string? Origin { get; }

        /// <inheritdoc/>
        public override string ToString() =>
            $"{AddressPrefix} {Source} -> {NextHopType}" + (NextHopIpAddress.Count > 0 ? " " + string.Join(",", NextHopIpAddress) : "") + (Name != null ? $" ({Name})" : "");
    }
}
