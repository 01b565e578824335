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
            foreach (var source in c.Members)
            {
                var destinations = c.Members.Where(d => d != source && c.MeshConnects(source, d)).ToList();
                if (destinations.Count == 0) continue;
                foreach (var subnet in source.Subnets)
                {
                    if (subnet.RouteTableId is not ResourceId tid || !c.Routing.RouteTables.TryGetValue(tid, out var table)) continue;
                    // Only routes that send traffic through a transit (an appliance or a gateway) can keep a pair off the mesh or be bypassed by it.
                    var transit = new List<(UserRoute Route, IpPrefix Prefix)>();
                    foreach (var r in table.Routes)
                        if ((r.NextHopType == NextHopType.VirtualAppliance || r.NextHopType == NextHopType.VirtualNetworkGateway) &&
                            IpPrefix.TryParse(r.AddressPrefix, out var rp, allowHostBits: true))
                            transit.Add((r, rp));
                    if (transit.Count == 0) continue;
                    // Which route wins, today and once the mesh's ConnectedGroup routes exist, is decided by the engine's one
                    // route selection (docs/routing-model.md#route-selection); these rules only compare the two answers.
                    calculator ??= new EffectiveRouteCalculator(c.Topology);
                    var whatIf = new ConnectedGroupWhatIf(calculator.ForSubnet(subnet), destinations.SelectMany(d => d.AddressSpace), calculator.Context, cache);
                    foreach (var dest in destinations)
                        foreach (var dp in dest.AddressSpace)
                        {
                            // AVNM009: with the mesh, the user-defined route still carries (part of) the destination prefix.
                            bool keeps = false;
                            foreach (var (r, rp) in transit)
                            {
                                var probe = ConnectedGroupWhatIf.Probe(rp);
                                if (!dp.Contains(probe) || !Is(whatIf.SelectedWithMesh(probe), r, table)) continue;
                                keeps = true;
                                c.RouteImpacts.Add(new RouteImpact(RouteImpactKind.KeepsPairOffMesh, source, subnet, table, r, rp, dest, dp));
                            }
                            // A pair kept off the mesh is reported once, as AVNM009.
                            if (keeps) continue;
                            // AVNM010: a user-defined summary carries the destination today; with the mesh a ConnectedGroup route does.
                            var at = ConnectedGroupWhatIf.Probe(dp);
                            if (whatIf.SelectedWithMesh(at)?.NextHopType != NextHopType.ConnectedGroup) continue;
                            var today = whatIf.SelectedToday(at);
                            foreach (var (r, rp) in transit)
                                if (Is(today, r, table))
                                {
                                    c.RouteImpacts.Add(new RouteImpact(RouteImpactKind.BypassedByMesh, source, subnet, table, r, rp, dest, dp));
                                    break;
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

        /// <summary>True when <paramref name="selected"/> is the effective route of <paramref name="route"/> in <paramref name="table"/>.</summary>
        private static bool Is(EffectiveRoute? selected, UserRoute route, RouteTable table) =>
            selected != null && selected.Source == RouteSource.User && selected.OriginId == table.Id.Value &&
            string.Equals(selected.Name, route.Name, System.StringComparison.Ordinal);
    }
}
