using System;
using System.Collections.Generic;
using System.Linq;
using AzSpokeTools.Engine.Addresses;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Routing;

namespace AzSpokeTools.Engine.Verification
{
    /// <summary>
    /// Cross-checks the learned-route tables captured in the snapshot against the ones the engine derives from the topology:
    /// each virtual network gateway's <c>getLearnedRoutes</c> (the routes it programs: local network gateway prefixes,
    /// VNet-to-VNet and MSEE routes) and each Route Server BGP connection's <c>getAdvertisedRoutes</c> (its VNet, the VNets using
    /// it through gateway transit, and with branch-to-branch the gateways' routes). The engine uses the capture where there is
    /// one; this shows where the derivation would differ.
    /// </summary>
    internal static class LearnedRouteVerification
    {
        public static IReadOnlyList<LearnedRouteTableVerification> Verify(Topology topology, EffectiveRouteCalculator? calculator = null)
        {
            if (topology == null) throw new ArgumentNullException(nameof(topology));
            calculator ??= new EffectiveRouteCalculator(topology);
            var gateways = calculator.Gateways;
            var results = new List<LearnedRouteTableVerification>();
            foreach (var g in topology.VirtualNetworkGateways.OrderBy(x => x.Id.Value, StringComparer.OrdinalIgnoreCase))
            {
                if (!topology.LearnedRoutes.ContainsKey(g.Id)) continue;
                var captured = gateways.RoutesOf(g).Routes.Select(r => (r.Prefixes[0], r.Origin ?? "")).ToList();
                var derived = gateways.Derive(g).Routes.Select(r => (r.Prefixes[0], r.Origin ?? "")).ToList();
                results.Add(Compare(topology, g.Id, g.Name, LearnedRouteTableKind.GatewayLearned, captured, derived));
            }
            foreach (var rs in topology.RouteServers.OrderBy(x => x.Id.Value, StringComparer.OrdinalIgnoreCase))
                foreach (var peer in rs.BgpConnections.OrderBy(x => x.Id.Value, StringComparer.OrdinalIgnoreCase))
                {
                    if (!topology.AdvertisedRoutes.TryGetValue(peer.Id, out var advertised)) continue;
                    var captured = advertised.Select(a => (a.Network, $"advertised to {peer.Name}" + (string.IsNullOrEmpty(a.AsPath) ? "" : $" (AS path {a.AsPath})"))).ToList();
                    var derivedPrefixes = gateways.RouteServers.DerivedAdvertisement(rs, gateways);
                    if (derivedPrefixes == null)
                    {
                        results.Add(new LearnedRouteTableVerification(peer.Id, $"{rs.Name}/{peer.Name}", LearnedRouteTableKind.RouteServerAdvertised, captured.Count, 0, 0,
                            Array.Empty<RouteDifference>(), Array.Empty<string>(), $"the virtual network of Route Server {rs.Name} is not in the snapshot"));
                        continue;
                    }
                    var derived = derivedPrefixes.Select(p => (p, $"Route Server {rs.Name}")).ToList();
                    results.Add(Compare(topology, peer.Id, $"{rs.Name}/{peer.Name}", LearnedRouteTableKind.RouteServerAdvertised, captured, derived));
                }
            return results;
        }

        private static LearnedRouteTableVerification Compare(Topology topology, ResourceId scope, string name, LearnedRouteTableKind kind,
            List<(IpPrefix Prefix, string Text)> captured, List<(IpPrefix Prefix, string Text)> derived)
        {
            var derivedSet = new HashSet<IpPrefix>(derived.Select(d => d.Prefix));
            var capturedSet = new HashSet<IpPrefix>(captured.Select(c => c.Prefix));
            var differences = new List<RouteDifference>();
            var tolerated = new List<string>();
            int matched = 0;
            foreach (var (prefix, text) in captured.GroupBy(c => c.Prefix).Select(g => g.First()).OrderBy(c => c.Prefix))
            {
                if (derivedSet.Contains(prefix)) { matched++; continue; }
                // A prefix inside no VNet's address space of the snapshot (on-premises, another cloud, or a summary on-premises
                // advertises over the VNets) came from beyond it: the topology cannot derive it, which is why the capture is preferred.
                if (!topology.VirtualNetworks.Any(v => v.AddressSpace.Any(a => a.Contains(prefix))))
                {
                    tolerated.Add($"{prefix} ({text}) is no VNet prefix of the snapshot: learned from beyond it, not derivable");
                    matched++;
                    continue;
                }
                differences.Add(new RouteDifference(RouteDifferenceKind.Missing, prefix.ToString(), text, null));
            }
            foreach (var (prefix, text) in derived.GroupBy(d => d.Prefix).Select(g => g.First()).OrderBy(d => d.Prefix))
                if (!capturedSet.Contains(prefix)) differences.Add(new RouteDifference(RouteDifferenceKind.Extra, prefix.ToString(), null, text));
            return new LearnedRouteTableVerification(scope, name, kind, capturedSet.Count, derivedSet.Count, matched, differences, tolerated, null);
        }
    }
}
