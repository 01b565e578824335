using System.Collections.Generic;
using System.Linq;
using AzSpokeTools.Engine.Addresses;
using AzSpokeTools.Engine.Evaluation;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Routing;

namespace AzSpokeTools.Engine.Readiness
{
    /// <summary>
    /// User-defined routes against the ConnectedGroup routes a mesh would add: routes that keep a pair off the mesh,
    /// and summary routes that the mesh silently bypasses. One finding per source VNet and route, listing every pair.
    /// </summary>
    internal static class UserRouteRules
    {
        public static void Check(ReadinessChecker c)
        {
            EffectiveRouteCalculator? calculator = null;
            var cache = new CompiledRouteTableCache();
            var winners = new List<int>();
            foreach (var source in c.Members)
            {
                var directPeers = new HashSet<ResourceId>(source.Peerings.Where(p => p.IsConnected && !p.IsSubnetPeering && p.RemoteVirtualNetworkId != null)
                    .Select(p => p.RemoteVirtualNetworkId!.Value));
                foreach (var subnet in source.Subnets)
                {
                    if (subnet.RouteTableId is not ResourceId tid || !c.Routing.RouteTables.TryGetValue(tid, out var table)) continue;
                    var transit = new List<(UserRoute Route, IpPrefix Prefix)>();
                    foreach (var r in table.Routes)
                        if ((r.NextHopType == NextHopType.VirtualAppliance || r.NextHopType == NextHopType.VirtualNetworkGateway) &&
                            IpPrefix.TryParse(r.AddressPrefix, out var rp, allowHostBits: true))
                            transit.Add((r, rp));
                    if (transit.Count == 0) continue;
                    TableLookup? lookup = null;
                    foreach (var dest in c.Members)
                    {
                        if (dest == source || !c.MeshConnects(source, dest)) continue;
                        foreach (var dp in dest.AddressSpace)
                        {
                            bool keeps = false;
                            // Azure docs, "Virtual network traffic routing" > "How Azure selects a route": a UDR with an equal or longer prefix beats the ConnectedGroup (system) route.
                            foreach (var (r, rp) in transit)
                                if (dp.Contains(rp))
                                {
                                    keeps = true;
                                    c.RouteImpacts.Add(new RouteImpact(RouteImpactKind.KeepsPairOffMesh, source, subnet, table, r, rp, dest, dp));
                                }
                            if (keeps) continue;
                            // Azure docs, "Virtual network traffic routing" > "How Azure selects a route": the longest covering UDR loses to the more specific ConnectedGroup route.
                            (UserRoute Route, IpPrefix Prefix)? best = null;
                            foreach (var t in transit)
                                if (t.Prefix.Contains(dp) && t.Prefix.Length < dp.Length && (best == null || t.Prefix.Length > best.Value.Prefix.Length)) best = t;
                            if (best == null) continue;
                            // A direct peering already beats the summary today; the mesh changes nothing for this pair.
                            if (directPeers.Contains(dest.Id)) continue;
                            // Azure docs, "Virtual network traffic routing" > "How Azure selects a route": only a summary that wins today (no more specific route, e.g. a hairpin BGP route) is bypassed.
                            calculator ??= new EffectiveRouteCalculator(c.Topology);
                            lookup ??= TableLookup.For(calculator.ForSubnet(subnet), cache);
                            lookup.Lookup(dp.Network.Add(dp.IsV6 || dp.Length >= 30 ? 0UL : 4UL), winners);
                            if (winners.Count == 0 || lookup.Routes[winners[0]].Source != RouteSource.User ||
                                !lookup.Routes[winners[0]].Prefixes.Contains(best.Value.Prefix)) continue;
                            c.RouteImpacts.Add(new RouteImpact(RouteImpactKind.BypassedByMesh, source, subnet, table, best.Value.Route, best.Value.Prefix, dest, dp));
                        }
                    }
                }
            }

            foreach (var g in c.RouteImpacts.GroupBy(i => (i.Kind, i.Source.Id, i.RouteTable.Id, i.Route.Name)))
            {
                var first = g.First();
                var pairs = g.Select(i => i.Destination).Distinct().ToList();
                var subnets = g.Select(i => i.Subnet.Name).Distinct().ToList();
                var hop = first.Route.NextHopType + (first.Route.NextHopIpAddresses.Count > 0 ? " " + string.Join(",", first.Route.NextHopIpAddresses) : "");
                var evidence = new Evidence()
                    .Add("routeTable", first.RouteTable.Name).Add("route", first.Route.Name).Add("addressPrefix", first.Route.AddressPrefix)
                    .Add("nextHop", hop).Add("subnets", string.Join(", ", subnets))
                    .Add("pairs", string.Join(", ", pairs.Select(d => first.Source.Name + "->" + d.Name)));
                if (first.Kind == RouteImpactKind.KeepsPairOffMesh)
                    c.Add(ReadinessRules.RouteKeepsPairOffMesh, ReadinessSeverity.Warning, first.Source.Id.Value,
                        $"route {first.Route.Name} ({first.Route.AddressPrefix} -> {first.Route.NextHopType}) in {first.RouteTable.Name} is as specific as the ConnectedGroup routes and keeps {pairs.Count} pair(s) from {first.Source.Name} off the mesh",
                        evidence,
                        first.Route.NextHopType == NextHopType.VirtualAppliance
                            ? "Keep the route if the pair must stay inspected; remove it (or narrow it) to move the pair onto the mesh."
                            : "Remove the route so that the pair uses the mesh instead of the gateway.",
                        first.RouteTable.Id.Value);
                else
                    c.Add(ReadinessRules.SummaryRouteBypassed, ReadinessSeverity.Warning, first.Source.Id.Value,
                        $"summary route {first.Route.Name} ({first.Route.AddressPrefix} -> {first.Route.NextHopType}) in {first.RouteTable.Name} is bypassed by the more specific ConnectedGroup routes: {pairs.Count} pair(s) from {first.Source.Name} lose the transit (inspection)",
                        evidence,
                        "If the pairs must stay inspected, add routes for each member prefix to the appliance (or use AVNM routing configurations); otherwise accept the direct mesh path.",
                        first.RouteTable.Id.Value);
            }
        }
    }
}
