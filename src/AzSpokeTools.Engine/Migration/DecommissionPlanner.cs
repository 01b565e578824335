using System;
using System.Collections.Generic;
using System.Linq;
using AzSpokeTools.Engine.Addresses;
using AzSpokeTools.Engine.Hosting;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Paths;
using AzSpokeTools.Engine.Routing;

namespace AzSpokeTools.Engine.Migration
{
    /// <summary>
    /// The decommission phase, decided on the state after the final wave: delete the waves' temporary AVNM resources, delete the
    /// user-defined routes the mesh made useless (listed one by one; routes that still carry traffic, such as exact-prefix
    /// appliance routes kept for inspection, are listed as kept), stop gateway transit only where the mesh replaced every route
    /// it brought, and turn off allowRemoteVnetTraffic only when no pair still goes through the MSEE hairpin.
    /// </summary>
    internal static class DecommissionPlanner
    {
        public static DecommissionPhase Plan(MigrationPlan plan, Topology before, Topology final, Func<int, int, PairPath?> finalPath, IReadOnlyList<PathMatrixEndpoint> endpoints)
        {
            var steps = new List<DecommissionStep>();
            TemporaryResources(plan, steps);
            Routes(plan, before, final, steps);
            GatewayTransit(plan, before, final, steps);
            RemoteVnetTraffic(plan, finalPath, endpoints, steps);
            return new DecommissionPhase(plan.Options.SoakDays, steps);
        }

        /// <summary>The decommission phase without a what-if: the state after the final wave is computed here.</summary>
        public static DecommissionPhase Plan(MigrationPlan plan, Topology before, IEngineHost host)
        {
            var final = WhatIfTopology.Apply(before, plan, plan.Waves.Count);
            var matrix = new PathMatrix(final);
            int n = matrix.Endpoints.Count;
            var paths = new PairPath?[(long)n * n];
            MigrationWhatIfCalculator.Run(final, Enumerable.Repeat(true, n).ToArray(), matrix.Endpoints, new Dictionary<string, PairPath>(), host, null, null, null,
                (s, d, p) => paths[(long)s * n + d] = p);
            return Plan(plan, before, final, (s, d) => paths[(long)s * n + d], matrix.Endpoints);
        }

        /// <summary>The endpoints whose pairs the decommission phase can change.</summary>
        public static bool[] Focus(MigrationPlan plan, Topology before, Dictionary<ResourceId, int> byVnet, int n)
        {
            var steps = plan.Decommission!.Steps.Where(s => s.Change).ToList();
            // allowRemoteVnetTraffic changes what every VNet behind the gateway learns: every pair.
            if (steps.Any(s => s.Action == DecommissionAction.DisallowRemoteVnetTraffic)) return Enumerable.Repeat(true, n).ToArray();
            var focus = new bool[n];
            var tables = new HashSet<ResourceId>(steps.Where(s => s.Action == DecommissionAction.RemoveRoute).Select(s => ResourceId.Parse(s.ResourceId).Parent!.Value));
            foreach (var v in before.VirtualNetworks)
            {
                bool touched = v.Subnets.Any(s => s.RouteTableId is ResourceId r && tables.Contains(r)) ||
                               v.Peerings.Any(p => steps.Any(s => s.Action == DecommissionAction.StopUsingRemoteGateways && string.Equals(s.ResourceId, p.Id.Value, StringComparison.OrdinalIgnoreCase)));
                if (touched && byVnet.TryGetValue(v.Id, out var e)) focus[e] = true;
            }
            return focus;
        }

        private static void TemporaryResources(MigrationPlan plan, List<DecommissionStep> steps)
        {
            if (plan.Handover.Kind == HandoverKind.None || plan.NetworkGroup.StaticMembers.Count == 0) return;
            var group = plan.NetworkGroup;
            // The configuration first: a network group a configuration still applies to cannot be deleted.
            if (plan.Handover.Kind == HandoverKind.ExistingConfiguration)
                steps.Add(Delete(DecommissionAction.DeleteTemporaryResource, plan.Configuration.Id.Value,
                    $"temporary configuration {plan.Configuration.Name} of the waves ({plan.Handover.ConfigurationId!.Value.Name} is committed in its place)",
                    IacText.PutCommand(plan.Configuration.Id.Value, AvnmApi.Version, AvnmResourceBodies.Configuration(plan.Configuration, group.Id.Value)), AvnmApi.Version));
            foreach (var m in group.StaticMembers)
                steps.Add(Delete(DecommissionAction.DeleteTemporaryResource, m.Id.Value, $"temporary static member {m.Name} of {group.Name}: the end state's group holds {m.VirtualNetwork.Name} since the handover",
                    IacText.PutCommand(m.Id.Value, AvnmApi.Version, AvnmResourceBodies.StaticMember(m.VirtualNetwork.Id.Value)), AvnmApi.Version));
            steps.Add(Delete(DecommissionAction.DeleteTemporaryResource, group.Id.Value, $"temporary network group {group.Name} of the waves (no configuration applies to it since the handover)",
                IacText.PutCommand(group.Id.Value, AvnmApi.Version, AvnmResourceBodies.NetworkGroup(group.Description)), AvnmApi.Version));
        }

        private static void Routes(MigrationPlan plan, Topology before, Topology final, List<DecommissionStep> steps)
        {
            var beforeRoutes = new EffectiveRouteCalculator(before);
            var finalRoutes = new EffectiveRouteCalculator(final);
            var memberSpace = plan.Selection.Members.SelectMany(m => m.AddressSpace).ToList();
            var removedInWaves = new HashSet<string>(plan.RouteTableChanges.Where(c => c.Action == RouteTableAction.Remove).Select(c => c.RouteTable.Id.Child("routes", c.Route.Name).Value), StringComparer.OrdinalIgnoreCase);
            var kept = plan.RouteTableChanges.Where(c => c.Action == RouteTableAction.KeepForInspection)
                .ToDictionary(c => c.RouteTable.Id.Child("routes", c.Route.Name).Value, c => c, StringComparer.OrdinalIgnoreCase);
            var tables = plan.Selection.Members.SelectMany(m => m.Subnets).Select(s => s.RouteTableId).Where(r => r != null).Select(r => r!.Value).Distinct()
                .Select(id => before.Find<RouteTable>(id)).Where(t => t != null).Select(t => t!).OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase).ToList();
            foreach (var table in tables)
            {
                var subnets = before.VirtualNetworks.SelectMany(v => v.Subnets).Where(s => s.RouteTableId == table.Id).ToList();
                foreach (var route in table.Routes)
                {
                    var id = table.Id.Child("routes", route.Name).Value;
                    if (removedInWaves.Contains(id) || !IpPrefix.TryParse(route.AddressPrefix, out var prefix, allowHostBits: true)) continue;
                    if (route.NextHopType != NextHopType.VirtualAppliance && route.NextHopType != NextHopType.VirtualNetworkGateway) continue;
                    if (!memberSpace.Any(p => p.Overlaps(prefix))) continue; // not about the mesh
                    if (!subnets.Any(s => Carries(beforeRoutes.ForSubnet(s), table, route, prefix))) continue; // useless before the mesh already
                    var stillUsed = subnets.Where(s => final.Find<Subnet>(s.Id) is Subnet fs && Carries(finalRoutes.ForSubnet(fs), table, route, prefix)).ToList();
                    // Azure docs, "Virtual network traffic routing" > "How Azure selects a route": the longest prefix wins, so a route whose every
                    // address a more specific route covers carries nothing.
                    if (stillUsed.Count == 0)
                        steps.Add(new DecommissionStep(DecommissionAction.RemoveRoute, true, id,
                            $"route {route.Name} ({route.AddressPrefix} -> {route.NextHopType}) in {table.Name}: after the mesh every address it covers is routed by a more specific route in each of its {subnets.Count} subnet(s)",
                            IacText.RemoveRouteCommand(table, route), IacText.RestoreRouteCommand(table, route))
                        { Method = "DELETE", ApiVersion = AvnmApi.NetworkVersion });
                    else
                        steps.Add(new DecommissionStep(DecommissionAction.RemoveRoute, false, id,
                            kept.ContainsKey(id)
                                ? $"route {route.Name} ({route.AddressPrefix} -> {route.NextHopType}) in {table.Name} is kept: an exact-prefix appliance route, so its pairs stay inspected"
                                : $"route {route.Name} ({route.AddressPrefix} -> {route.NextHopType}) in {table.Name} is kept: it still carries traffic from {string.Join(", ", stillUsed.Take(3).Select(s => s.DisplayName))}{(stillUsed.Count > 3 ? ", ..." : "")} to addresses no more specific route covers",
                            null, null));
                }
            }
        }

        /// <summary>True when <paramref name="route"/> is active in <paramref name="t"/> and some address of its prefix has no more specific active route.</summary>
        private static bool Carries(EffectiveRouteTable t, RouteTable table, UserRoute route, IpPrefix prefix)
        {
            var own = t.Routes.FirstOrDefault(r => r.Source == RouteSource.User && r.Name == route.Name && string.Equals(r.OriginId, table.Id.Value, StringComparison.OrdinalIgnoreCase));
            if (own == null || own.State != RouteState.Active) return false;
            var covers = t.ActiveRoutes.Where(r => r != own).SelectMany(r => r.Prefixes).Where(p => p.Length > prefix.Length && prefix.Contains(p))
                .OrderBy(p => p.First).ToList();
            var next = prefix.First;
            foreach (var p in covers)
            {
                if (p.First > next) return true; // a gap: these addresses still take the route
                if (p.Last >= next)
                {
                    if (p.Last == prefix.Last) return false;
                    next = p.Last.Add(1);
                }
            }
            return true;
        }

        private static void GatewayTransit(MigrationPlan plan, Topology before, Topology final, List<DecommissionStep> steps)
        {
            var finalRoutes = new EffectiveRouteCalculator(final);
            var vnetSpace = before.VirtualNetworks.SelectMany(v => v.AddressSpace).ToList();
            foreach (var m in plan.Selection.Members)
                foreach (var p in m.Peerings.Where(p => p.UseRemoteGateways == true && p.IsConnected))
                {
                    var hub = before.Find<VirtualNetwork>(p.RemoteVirtualNetworkId);
                    string Keep(string why) => $"{m.Name} keeps useRemoteGateways on {p.Name}: {why}";
                    var fv = final.Find<VirtualNetwork>(m.Id);
                    var active = (fv?.Subnets ?? new List<Subnet>()).SelectMany(s => finalRoutes.ForSubnet(s).ActiveRoutes)
                        .Where(r => r.Source == RouteSource.VirtualNetworkGateway).SelectMany(r => r.AddressPrefix).Distinct().ToList();
                    string? reason = null;
                    if (active.Count > 0)
                        reason = Keep($"the gateway still brings {active.Count} active route(s) after the mesh ({string.Join(", ", active.Take(3))}{(active.Count > 3 ? ", ..." : "")})");
                    else
                    {
                        var gateways = before.VirtualNetworkGateways.Where(g => g.VirtualNetworkId == hub?.Id).ToList();
                        var learned = gateways.Where(g => before.LearnedRoutes.ContainsKey(g.Id)).SelectMany(g => before.LearnedRoutes[g.Id]).ToList();
                        var onPremises = learned.Where(r => !string.Equals(r.Origin, "Network", StringComparison.OrdinalIgnoreCase) && !vnetSpace.Any(v => v.Contains(r.Network)))
                            .Select(r => r.Network.ToString()).Distinct().ToList();
                        if (gateways.Count > 0 && gateways.Any(g => !before.LearnedRoutes.ContainsKey(g.Id)))
                            reason = Keep($"the learned routes of {string.Join(", ", gateways.Select(g => g.Name))} were not captured, so whether on-premises still reaches {m.Name} through the gateway is unknown");
                        else if (onPremises.Count > 0)
                            reason = Keep($"on-premises prefixes ({string.Join(", ", onPremises.Take(3))}) reach {m.Name} through the gateway; stopping gateway transit would withdraw {m.Name} from them");
                    }
                    var peer = ResourceId.Parse(p.Id.Value);
                    var vnetName = m.Name; var rg = m.ResourceGroup ?? "";
                    if (reason != null) { steps.Add(new DecommissionStep(DecommissionAction.StopUsingRemoteGateways, false, p.Id.Value, reason, null, null)); continue; }
                    steps.Add(new DecommissionStep(DecommissionAction.StopUsingRemoteGateways, true, p.Id.Value,
                        $"{m.Name} stops using the gateway of {hub?.Name ?? p.RemoteVirtualNetworkId?.Name} ({p.Name}): after the mesh no route the gateway brings is used, and the gateway learns no on-premises prefix",
                        PeeringCommand(vnetName, rg, peer.Name, false), PeeringCommand(vnetName, rg, peer.Name, true))
                    { Method = "UPDATE", Property = "useRemoteGateways", Value = false, ApiVersion = AvnmApi.NetworkVersion });
                }
        }

        private static string PeeringCommand(string vnet, string rg, string peering, bool value) =>
            $"$p = Get-AzVirtualNetworkPeering -VirtualNetworkName {IacText.Ps(vnet)} -ResourceGroupName {IacText.Ps(rg)} -Name {IacText.Ps(peering)}; $p.UseRemoteGateways = ${(value ? "true" : "false")}; Set-AzVirtualNetworkPeering -VirtualNetworkPeering $p";

        private static void RemoteVnetTraffic(MigrationPlan plan, Func<int, int, PairPath?> finalPath, IReadOnlyList<PathMatrixEndpoint> endpoints, List<DecommissionStep> steps)
        {
            var hairpins = new List<string>();
            int count = 0;
            for (int s = 0; s < endpoints.Count; s++)
                for (int d = 0; d < endpoints.Count; d++)
                    if (s != d && finalPath(s, d) is PairPath p && p.Transits.Contains(PathKind.ExpressRouteHairpin))
                    {
                        count++;
                        if (hairpins.Count < 3) hairpins.Add(endpoints[s].Name + " -> " + endpoints[d].Name);
                    }
            foreach (var t in plan.GatewayToggles)
            {
                // Azure docs, "About ExpressRoute virtual network gateways": allowRemoteVnetTraffic carries VNet-to-VNet traffic over ExpressRoute.
                if (count > 0)
                    steps.Add(new DecommissionStep(DecommissionAction.DisallowRemoteVnetTraffic, false, t.Gateway.Id.Value,
                        $"{t.Gateway.Name} keeps allowRemoteVnetTraffic: {count} pair(s) still go through the MSEE hairpin after the mesh (e.g. {string.Join(", ", hairpins)})", null, null));
                else
                    steps.Add(new DecommissionStep(DecommissionAction.DisallowRemoteVnetTraffic, true, t.Gateway.Id.Value,
                        $"{t.Gateway.Name} stops accepting other VNets' prefixes from the MSEE: after the mesh no pair goes through the hairpin",
                        t.Command, $"az network vnet-gateway update --ids {t.Gateway.Id.Value} --allow-remote-vnet-traffic true")
                    { Method = "UPDATE", Property = "allowRemoteVnetTraffic", Value = false, ApiVersion = AvnmApi.NetworkVersion });
            }
        }

        private static DecommissionStep Delete(DecommissionAction action, string id, string reason, string rollback, string apiVersion) =>
            new DecommissionStep(action, true, id, reason, IacText.DeleteCommand(id, apiVersion), rollback) { Method = "DELETE", ApiVersion = apiVersion };
    }
}
