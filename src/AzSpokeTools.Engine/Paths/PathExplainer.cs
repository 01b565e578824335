using System;
using System.Collections.Generic;
using System.Linq;
using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Engine.Paths
{
    /// <summary>
    /// Explains a path: for a path that is not delivered, or whose kind differs from the intended one, every setting
    /// responsible — the winning route and the route table or gateway it came from, routes it overrode, peering flags,
    /// missing or undeployed AVNM configurations, gateway toggles — and the change that would give the intended path.
    /// Also notes, for any path, a less specific appliance UDR that loses to a system route (inspection bypassed).
    /// </summary>
    internal static class PathExplainer
    {
        public static void Explain(PathResult r, PathTracer tracer, IntentDecision? intent)
        {
            var src = r.Source.Subnet;
            if (src == null) return;
            var dst = r.Destination.Address;
            var table = tracer.Lookup.TableOf(src);
            var winners = new List<EffectiveRoute>();
            tracer.Lookup.Winners(src, dst, winners);
            var winner = winners.FirstOrDefault();
            var reasons = new List<PathReason>();
            int winLen = winner == null ? -1 : PathRouteLookup.MatchingPrefix(winner, dst).Length;

            // docs/routing-model.md#overriding-peering-routes: a summary UDR to an appliance does not override a more specific peering or connected-group route.
            if (winner != null && winner.Source != RouteSource.User && (winner.NextHopType == NextHopType.ConnectedGroup || winner.NextHopType == NextHopType.VNetPeering || winner.NextHopType == NextHopType.VNetGlobalPeering))
                foreach (var udr in table.UserRoutes.Where(u => u.State == RouteState.Active && u.NextHopType == NextHopType.VirtualAppliance))
                {
                    // Only a route that covers the destination can be said to lose to the winner for it.
                    if (!PathRouteLookup.Covers(udr, dst, out var p) || p.Length >= winLen) continue;
                    var wp = PathRouteLookup.MatchingPrefix(winner, dst);
                    reasons.Add(new PathReason(PathReasonSeverity.Warning, udr.OriginId,
                        $"inspection is bypassed: user-defined route '{udr.Name}' {p} -> VirtualAppliance {string.Join(",", udr.NextHopIpAddress)} in {udr.Origin} loses to the more specific {winner.NextHopType} route {wp} ({winner.Origin}) by longest prefix match (Azure docs: \"Virtual network traffic routing\" > \"How Azure selects a route\")",
                        $"to inspect this flow, add a user-defined route for {wp} (or longer) to the appliance in {udr.Origin}"));
                }
            // docs/routing-model.md#route-selection, docs/routing-model.md#overriding-peering-routes: a UDR for the same prefix turns a peering or connected-group route Invalid.
            // Azure docs, "Virtual network traffic routing" > "User-defined": a user-defined route Azure does not accept (next hop
            // VirtualNetworkGateway with VPN and ExpressRoute gateways coexisting) carries nothing; say why when it covers the destination.
            foreach (var refused in table.UserRoutes.Where(x => x.State == RouteState.Invalid && x.InvalidReason != null))
            {
                if (!PathRouteLookup.Covers(refused, dst, out var p) || p.Length < winLen) continue;
                reasons.Add(new PathReason(PathReasonSeverity.Error, refused.OriginId,
                    $"user-defined route '{refused.Name}' {p} -> {refused.NextHopType} in {refused.Origin} is Invalid: {refused.InvalidReason}",
                    refused.NextHopType == NextHopType.VirtualNetworkGateway
                        ? $"point route '{refused.Name}' at an appliance (VirtualAppliance) instead, or let the gateways' BGP routes carry the traffic"
                        : $"change route '{refused.Name}' in {refused.Origin}"));
            }
            foreach (var inv in table.OwnRoutes.Where(x => x.State == RouteState.Invalid && x.Prefixes.Any(p => p.Contains(dst)) &&
                     (x.NextHopType == NextHopType.ConnectedGroup || x.NextHopType == NextHopType.VNetPeering || x.NextHopType == NextHopType.VNetGlobalPeering)))
            {
                var p = PathRouteLookup.MatchingPrefix(inv, dst);
                var over = table.UserRoutes.FirstOrDefault(u => u.State == RouteState.Active && u.Prefixes.Contains(p));
                if (over == null) continue;
                reasons.Add(new PathReason(PathReasonSeverity.Error, over.OriginId,
                    $"user-defined route '{over.Name}' {p} -> {over.NextHopType}{(over.NextHopIpAddress.Count > 0 ? " " + string.Join(",", over.NextHopIpAddress) : "")} in {over.Origin} ({over.OriginId}) overrides the {inv.NextHopType} route for the same prefix ({inv.Origin}) (Azure docs: \"Virtual network traffic routing\" > \"How Azure selects a route\": User beats System on an exact-prefix tie)",
                    $"remove route '{over.Name}' from {over.Origin} (or make it less specific than {p}) so that the {inv.NextHopType} route carries the flow"));
            }

            List<string> violations = intent?.Violations(r.Outcome, r.Kind, r.Transits) ?? new List<string>();
            bool explain = r.Outcome != PathOutcome.Delivered || violations.Count > 0;
            if (explain)
            {
                foreach (var v in violations) reasons.Add(new PathReason(PathReasonSeverity.Error, null, "not compliant: " + v));
                if (winner != null)
                {
                    var wp = PathRouteLookup.MatchingPrefix(winner, dst);
                    reasons.Add(new PathReason(PathReasonSeverity.Error, winner.OriginId,
                        $"at {src.DisplayName} the winning route for {dst} is {PathTracer.Describe(winner, wp)}" + (winner.OriginId != null ? $" ({winner.OriginId})" : "")));
                }
                var a = r.Source.VirtualNetwork;
                var b = r.Destination.VirtualNetwork;
                bool wantsMesh = intent?.Expect.Contains(PathKind.Mesh) == true || intent?.Require.Contains(PathKind.Mesh) == true;
                bool hairpinForbidden = intent?.Forbid.Contains(PathKind.ExpressRouteHairpin) == true && r.Transits.Contains(PathKind.ExpressRouteHairpin);
                if (a != null && b != null && a != b && (wantsMesh || hairpinForbidden || r.Outcome != PathOutcome.Delivered))
                    MeshReasons(tracer, a, b, reasons, wantsMesh);
                if (a != null && b != null && a != b && (intent?.Expect.Contains(PathKind.Direct) == true || r.Outcome != PathOutcome.Delivered))
                    PeeringReasons(tracer, a, b, reasons);
                bool wantsAppliance = intent != null && (intent.Require.Contains(PathKind.Appliance) || (intent.Expect.Count > 0 && intent.Expect.All(k => k == PathKind.Appliance)));
                if (wantsAppliance && !r.Transits.Contains(PathKind.Appliance) && !table.UserRoutes.Any(u => u.State == RouteState.Active && u.NextHopType == NextHopType.VirtualAppliance && u.Prefixes.Any(p => p.Contains(dst))))
                    reasons.Add(new PathReason(PathReasonSeverity.Error, src.RouteTableId?.Value ?? src.Id.Value,
                        $"no user-defined route in {(src.RouteTableId != null ? "route table " + src.RouteTableId.Value.Name : src.DisplayName + " (no route table)")} sends {dst} to an appliance",
                        $"add a route for {r.Destination.VirtualNetwork?.AddressSpace.FirstOrDefault().ToString() ?? dst.ToString()} -> VirtualAppliance (the hub firewall) to the route table of {src.DisplayName}"));
                if (hairpinForbidden)
                    reasons.Add(new PathReason(PathReasonSeverity.Error, null,
                        "the flow hairpins through the MSEE because the ExpressRoute gateways accept each other's VNet prefixes (allowRemoteVnetTraffic) and no more specific peering or connected-group route exists",
                        "connect the VNets by an AVNM mesh or peering (system routes beat the BGP routes; Azure docs: \"Virtual network traffic routing\" > \"How Azure selects a route\"), or set allowRemoteVnetTraffic false on the gateways"));
            }
            foreach (var x in reasons)
                if (!r.Reasons.Contains(x)) r.Reasons.Add(x);
        }

        /// <summary>AVNM configurations that would, or fail to, connect the pair: missing, regional across regions, or not deployed (docs/routing-model.md#avnm-connectivity-configurations).</summary>
        private static void MeshReasons(PathTracer tracer, VirtualNetwork a, VirtualNetwork b, List<PathReason> reasons, bool wantsMesh)
        {
            var groups = tracer.Context.ConnectedGroups;
            var both = groups.Of(a.Id).Where(cg => cg.Members.Contains(b)).ToList();
            if (both.Count == 0)
            {
                if (wantsMesh)
                    reasons.Add(new PathReason(PathReasonSeverity.Error, null, $"no AVNM mesh (or hub-and-spoke direct connectivity) configuration has both {a.Name} and {b.Name} in one connected group",
                        $"add {a.Name} and {b.Name} to a network group of a mesh connectivity configuration and deploy it in {Regions(a, b)}"));
                return;
            }
            foreach (var cg in both)
            {
                var c = cg.Configuration;
                if (!cg.Global && !string.Equals(a.Location, b.Location, StringComparison.OrdinalIgnoreCase))
                {
                    reasons.Add(new PathReason(PathReasonSeverity.Error, c.Id.Value,
                        $"connectivity configuration {c.Name} is regional (isGlobal false): {a.Name} ({a.Location}) and {b.Name} ({b.Location}) are not connected by it (Azure docs: \"Connectivity configurations in Azure Virtual Network Manager\")",
                        $"set isGlobal true on {c.Name} (global mesh) and deploy it"));
                    continue;
                }
                foreach (var region in new[] { a.Location, b.Location }.Distinct(StringComparer.OrdinalIgnoreCase))
                {
                    if (groups.IsDeployed(c, region, out var note))
                    {
                        if (note != null) reasons.Add(new PathReason(PathReasonSeverity.Assumption, c.Id.Value, note));
                        continue;
                    }
                    var manager = tracer.Topology.NetworkManagers.FirstOrDefault(m => m.Id == c.NetworkManagerId);
                    var status = manager?.Deployments?.FirstOrDefault(d => string.Equals(d.Region, region, StringComparison.OrdinalIgnoreCase) &&
                        string.Equals(d.DeploymentType, "Connectivity", StringComparison.OrdinalIgnoreCase) && d.ConfigurationIds.Any(x => x.EndsWith("/" + c.Name, StringComparison.OrdinalIgnoreCase) || string.Equals(x, c.Name, StringComparison.OrdinalIgnoreCase)));
                    reasons.Add(new PathReason(PathReasonSeverity.Error, c.Id.Value,
                        $"connectivity configuration {c.Name} includes {a.Name} and {b.Name} but is not deployed in {region} (deployment status {status?.DeploymentStatus ?? "not committed"}): its ConnectedGroup routes do not exist (Azure docs: \"Connectivity configurations in Azure Virtual Network Manager\")",
                        $"deploy (commit) {c.Name} in {region}"));
                }
            }
        }

        private static string Regions(VirtualNetwork a, VirtualNetwork b) =>
            string.Equals(a.Location, b.Location, StringComparison.OrdinalIgnoreCase) ? a.Location : a.Location + " and " + b.Location;

        /// <summary>Peerings between the pair that exist but do not carry traffic (docs/routing-model.md#peering-routes, docs/routing-model.md#peering-flags).</summary>
        private static void PeeringReasons(PathTracer tracer, VirtualNetwork a, VirtualNetwork b, List<PathReason> reasons)
        {
            var ctx = tracer.Context;
            if (!ctx.Peerings.TryGetValue((a.Id, b.Id), out var p)) return;
            if (!ctx.IsEstablished(p, out var note))
            {
                var back = ctx.Reverse(p);
                reasons.Add(new PathReason(PathReasonSeverity.Error, p.Id.Value,
                    $"peering {p} is {p.PeeringState ?? "in an unknown state"}" + (back != null ? $" (the other side {back} is {back.PeeringState ?? "unknown"})" : " and has no peering back") + ": only Connected peerings create routes (Azure docs: \"Create, change, or delete a virtual network peering\")" + (note != null ? "; " + note : ""),
                    back == null ? $"create the peering from {b.Name} to {a.Name}" : $"re-sync or recreate peering {p} so both sides read Connected"));
            }
        }
    }
}
