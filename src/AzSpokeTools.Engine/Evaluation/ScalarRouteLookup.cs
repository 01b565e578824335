using System.Collections.Generic;
using AzSpokeTools.Engine.Addresses;
using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Engine.Evaluation
{
    /// <summary>
    /// The reference lookup: scans every route for every destination. Slow and obviously correct;
    /// <see cref="CompiledRouteTable"/> must agree with it for every table and destination.
    /// </summary>
    internal static class ScalarRouteLookup
    {
        /// <summary>Indices of the routes that carry a packet to <paramref name="destination"/>, in table order; empty when none does.</summary>
        public static List<int> Lookup(IReadOnlyList<EffectiveRoute> routes, IpAddressValue destination)
        {
            var winners = new List<int>();
            Lookup(routes, destination, winners);
            return winners;
        }

        /// <summary>As <see cref="Lookup(IReadOnlyList{EffectiveRoute}, IpAddressValue)"/>, filling <paramref name="winners"/> (cleared first).</summary>
        public static void Lookup(IReadOnlyList<EffectiveRoute> routes, IpAddressValue destination, List<int> winners)
        {
            winners.Clear();
            int bestLength = -1;
            for (int i = 0; i < routes.Count; i++)
            {
                var route = routes[i];
                // docs/routing-model.md#route-selection: an Invalid route lost selection and carries no traffic.
                if (route.State != RouteState.Active) continue;

                // A route may list several prefixes; it matches with the longest of them that contains the destination.
                // Service tags (UnresolvedPrefixes) are not in Prefixes, so they never match here.
                int routeLength = -1;
                for (int j = 0; j < route.Prefixes.Count; j++)
                {
                    var prefix = route.Prefixes[j];
                    if (prefix.Contains(destination) && prefix.Length > routeLength) routeLength = prefix.Length;
                }
                if (routeLength < 0) continue;

                // docs/routing-model.md#route-selection: longest prefix match; equal lengths are equal-cost alternatives.
                if (routeLength > bestLength)
                {
                    bestLength = routeLength;
                    winners.Clear();
                }
                if (routeLength == bestLength) winners.Add(i);
            }
        }
    }
}
