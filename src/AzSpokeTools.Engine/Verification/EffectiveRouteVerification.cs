using System;
using System.Collections.Generic;
using System.Linq;
using AzSpokeTools.Engine.Addresses;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Routing;

namespace AzSpokeTools.Engine.Verification
{
    /// <summary>
    /// Cross-checks computed effective routes against the NIC effective route tables captured in the snapshot
    /// (results: effectiveRouteTable), NIC by NIC: missing, extra, different next hop or state.
    /// </summary>
    internal static class EffectiveRouteVerification
    {
        public static IReadOnlyList<NicVerification> Verify(Topology topology, EffectiveRouteCalculator? calculator = null)
        {
            calculator ??= new EffectiveRouteCalculator(topology);
            var results = new List<NicVerification>();
            foreach (var pair in topology.CapturedEffectiveRoutes.OrderBy(p => p.Key.Value, StringComparer.OrdinalIgnoreCase))
            {
                var nic = topology.Find<NetworkInterface>(pair.Key);
                if (nic == null)
                {
                    results.Add(new NicVerification(pair.Key, pair.Key.Name, pair.Value.Count, 0, Array.Empty<RouteDifference>(), Array.Empty<string>(),
                        "the network interface is not in the snapshot"));
                    continue;
                }
                EffectiveRouteTable table;
                try { table = calculator.ForNetworkInterface(nic); }
                catch (InvalidOperationException ex)
                {
                    results.Add(new NicVerification(nic.Id, nic.Name, pair.Value.Count, 0, Array.Empty<RouteDifference>(), Array.Empty<string>(), ex.Message));
                    continue;
                }
                results.Add(Compare(nic, pair.Value, table.Routes));
            }
            return results;
        }

        internal static NicVerification Compare(NetworkInterface nic, IReadOnlyList<EffectiveRoute> captured, IReadOnlyList<EffectiveRoute> computed)
        {
            var differences = new List<RouteDifference>();
            var tolerated = new List<string>();
            var remaining = computed.ToList();
            int matched = 0;
            foreach (var c in captured)
            {
                var key = PrefixKey(c);
                var sameExact = remaining.FirstOrDefault(r => PrefixKey(r) == key && r.Source == c.Source && r.NextHopType == c.NextHopType && SameIps(r, c));
                if (sameExact != null)
                {
                    remaining.Remove(sameExact);
                    if (sameExact.State == c.State) matched++;
                    else differences.Add(new RouteDifference(RouteDifferenceKind.DifferentState, key, Text(c), Text(sameExact)));
                    continue;
                }
                var samePrefix = remaining.FirstOrDefault(r => PrefixKey(r) == key && r.Source == c.Source);
                if (samePrefix != null)
                {
                    remaining.Remove(samePrefix);
                    differences.Add(new RouteDifference(RouteDifferenceKind.DifferentNextHop, key, Text(c), Text(samePrefix)));
                    continue;
                }
                // docs/routing-model.md#extra-platform-none-routes: real tables carry extra, varying default None routes; don't count them as missing.
                if (c.Source == RouteSource.Default && c.NextHopType == NextHopType.None && c.Prefixes.Count == 1 && !DefaultRoutes.NonePrefixes.Contains(c.Prefixes[0]))
                {
                    tolerated.Add($"extra platform None route {key}");
                    matched++;
                    continue;
                }
                differences.Add(new RouteDifference(RouteDifferenceKind.Missing, key, Text(c), null));
            }
            foreach (var r in remaining)
            {
                // docs/routing-model.md#extra-platform-none-routes: 172.16.0.0/12 -> None is often missing from real outputs.
                if (r.Source == RouteSource.Default && r.NextHopType == NextHopType.None && r.Prefixes.Count == 1 && r.Prefixes[0] == IpPrefix.Parse("172.16.0.0/12"))
                {
                    tolerated.Add("default None route 172.16.0.0/12 absent from the captured table");
                    continue;
                }
                // Service endpoint prefixes without a service-tag file cannot be compared.
                if (r.UnresolvedPrefixes.Count > 0)
                {
                    tolerated.Add($"{r.NextHopType} route {string.Join(",", r.AddressPrefix)} has unresolved prefixes");
                    continue;
                }
                differences.Add(new RouteDifference(RouteDifferenceKind.Extra, PrefixKey(r), null, Text(r)));
            }
            return new NicVerification(nic.Id, nic.Name, captured.Count, matched, differences, tolerated, null);
        }

        private static string PrefixKey(EffectiveRoute r) =>
            string.Join(",", r.AddressPrefix.Select(p => IpPrefix.TryParse(p, out var x) ? x.ToString() : p.ToLowerInvariant()).OrderBy(p => p, StringComparer.Ordinal));

        private static bool SameIps(EffectiveRoute a, EffectiveRoute b) =>
            a.NextHopIpAddress.OrderBy(x => x, StringComparer.Ordinal).SequenceEqual(b.NextHopIpAddress.OrderBy(x => x, StringComparer.Ordinal));

        private static string Text(EffectiveRoute r) =>
            $"{r.Source} {r.State} {r.NextHopType}" + (r.NextHopIpAddress.Count > 0 ? " " + string.Join(",", r.NextHopIpAddress) : "");
    }
}
