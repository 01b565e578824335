using System;
using System.Collections.Generic;
using System.Linq;
using AzSpokeTools.Engine.Addresses;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Routing;

namespace AzSpokeTools.Engine.Paths
{
    /// <summary>
    /// Traces a packet by repeated lookups in the effective routes of wherever it is (azure-routing-rules.md §3.5 step 3),
    /// through appliances (§3.4), VPN gateways (§6.2), the ExpressRoute edge (§6.1) and Virtual WAN hub routers (§5),
    /// until it is delivered, dropped, loops, or needs something the snapshot lacks. Equal-cost next hops branch.
    /// </summary>
    internal sealed partial class PathTracer
    {
        private readonly RoutingContext _ctx;
        private readonly GatewayRoutes _gateways;
        private readonly Dictionary<(TraceLocationKind, object, object?), TraceLocation> _locations = new Dictionary<(TraceLocationKind, object, object?), TraceLocation>();

        public PathTracer(PathRouteLookup lookup)
        {
            Lookup = lookup;
            _ctx = lookup.Calculator.Context;
            _gateways = lookup.Calculator.Gateways;
            Devices = new ForwardingDevices(_ctx);
        }

        public PathRouteLookup Lookup { get; }
        public Topology Topology => _ctx.Topology;
        internal RoutingContext Context => _ctx;
        internal ForwardingDevices Devices { get; }
        /// <summary>Locations created so far, by index.</summary>
        public List<TraceLocation> Locations { get; } = new List<TraceLocation>();

        /// <summary>When set, continuations after the first hop go through it (the vector matrix's memo) in summary traces.</summary>
        public IContinuationHook? Hook { get; set; }

        public TraceLocation Location(TraceLocationKind kind, object target, object? via = null)
        {
            var key = (kind, target, via);
            if (!_locations.TryGetValue(key, out var loc))
            {
                loc = new TraceLocation(Locations.Count, kind, target, via);
                Locations.Add(loc);
                _locations[key] = loc;
            }
            return loc;
        }

        /// <summary>Traces from <paramref name="source"/> to <paramref name="destination"/>; one end per equal-cost alternative.</summary>
        public List<TraceEnd> Trace(Subnet source, IpAddressValue destination, bool detail)
        {
            var ends = new List<TraceEnd>();
            var b = new TraceBuilder(detail);
            var loc = Location(TraceLocationKind.Subnet, source);
            b.Visited.Add(loc.Index);
            AtSubnet(source, destination, b, ends, atSource: true);
            return ends;
        }

        /// <summary>Moves on to <paramref name="loc"/>: through the hook when one is set (summary traces), else directly.</summary>
        internal void Walk(TraceLocation loc, IpAddressValue dst, TraceBuilder b, List<TraceEnd> ends)
        {
            if (Hook != null && b.Hops == null) Hook.Continue(this, loc, dst, b, ends);
            else WalkDirect(loc, dst, b, ends);
        }

        internal void WalkDirect(TraceLocation loc, IpAddressValue dst, TraceBuilder b, List<TraceEnd> ends)
        {
            // azure-routing-rules.md §3.5 step 4: a repeated location for the same destination is a loop.
            if (!b.Visited.Add(loc.Index))
            {
                b.Reason(PathReasonSeverity.Error, IdOf(loc), $"routing loop: the packet to {dst} returns to {Describe(loc)}",
                    "change the routes so that the appliance's own subnet does not send the destination back to it (Azure docs: \"Virtual network traffic routing\" > \"User-defined\": deploy appliances in a different subnet from the resources routed through them)");
                ends.Add(new TraceEnd(PathOutcome.Loop, b));
                return;
            }
            switch (loc.Kind)
            {
                case TraceLocationKind.Subnet: AtSubnet(loc.Subnet, dst, b, ends, atSource: false); break;
                case TraceLocationKind.Appliance: AtAppliance(loc.Device, dst, b, ends); break;
                case TraceLocationKind.VpnGateway: AtVpnGateway(loc.Gateway, dst, b, ends); break;
                case TraceLocationKind.ExpressRouteGateway: AtExpressRouteGateway(loc.Gateway, dst, b, ends); break;
                case TraceLocationKind.VirtualHubRouter: AtHubRouter(loc.Hub, loc.Via, dst, b, ends); break;
            }
        }

        private static string IdOf(TraceLocation loc) => loc.Target switch
        {
            Subnet s => s.Id.Value,
            ForwardingDevice d => d.Id.Value,
            AzureResource r => r.Id.Value,
            _ => "",
        };

        private static string Describe(TraceLocation loc) => loc.Target switch
        {
            Subnet s => s.DisplayName,
            _ => loc.Target.ToString() ?? "",
        };

        /// <summary>A lookup in the subnet's effective routes, then the action of each winning route (§3.5 steps 2–3).</summary>
        private void AtSubnet(Subnet subnet, IpAddressValue dst, TraceBuilder b, List<TraceEnd> ends, bool atSource)
        {
            var winners = new List<EffectiveRoute>();
            Lookup.Winners(subnet, dst, winners);
            if (winners.Count == 0)
            {
                b.Hop(PathHopRole.Subnet, subnet.DisplayName, subnet.Id.Value, null);
                b.Reason(PathReasonSeverity.Error, subnet.Id.Value, $"{subnet.DisplayName} has no route for {dst}");
                ends.Add(new TraceEnd(PathOutcome.Dropped, b));
                return;
            }
            var alternatives = Alternatives(winners);
            for (int i = 0; i < alternatives.Count; i++)
            {
                var (route, ip) = alternatives[i];
                var bi = i == alternatives.Count - 1 ? b : b.Clone();
                Act(subnet, route, ip, dst, bi, ends, atSource);
            }
        }

        /// <summary>
        /// Equal-cost alternatives: each winning route, and for a VirtualAppliance route each next-hop IP (VirtualApplianceEcmp).
        /// Several IPs of one gateway route are that gateway's instances, not different paths.
        /// </summary>
        internal static List<(EffectiveRoute Route, string? Ip)> Alternatives(List<EffectiveRoute> winners)
        {
            var list = new List<(EffectiveRoute, string?)>(winners.Count);
            foreach (var r in winners)
            {
                if (r.NextHopType == NextHopType.VirtualAppliance && r.NextHopIpAddress.Count > 1)
                    foreach (var ip in r.NextHopIpAddress) list.Add((r, ip));
                else list.Add((r, r.NextHopIpAddress.Count > 0 ? r.NextHopIpAddress[0] : null));
            }
            return list;
        }

        /// <summary>What the winning route does with the packet (§3.5 step 3).</summary>
        internal void Act(Subnet subnet, EffectiveRoute route, string? ip, IpAddressValue dst, TraceBuilder b, List<TraceEnd> ends, bool atSource)
        {
            var prefix = PathRouteLookup.MatchingPrefix(route, dst);
            if (b.Hops != null) b.Hop(PathHopRole.Subnet, subnet.DisplayName, subnet.Id.Value, PathRoute.From(route, prefix.ToString()));
            switch (route.NextHopType)
            {
                case NextHopType.VnetLocal:
                    Deliver(subnet.VirtualNetwork, dst, atSource ? PathKind.Local : (PathKind?)null, b, ends);
                    break;
                case NextHopType.VNetPeering:
                case NextHopType.VNetGlobalPeering:
                    AcrossPeering(subnet, route, dst, b, ends, atSource);
                    break;
                case NextHopType.ConnectedGroup:
                    AcrossConnectedGroup(subnet, route, prefix, dst, b, ends, atSource);
                    break;
                case NextHopType.InterfaceEndpoint:
                    ToPrivateEndpoint(subnet, route, dst, b, ends, atSource);
                    break;
                case NextHopType.VirtualAppliance:
                    ToAppliance(subnet, route, ip, dst, b, ends);
                    break;
                case NextHopType.VirtualNetworkGateway:
                    ToGateway(subnet, route, ip, dst, b, ends);
                    break;
                case NextHopType.None:
                    // azure-routing-rules.md §3.4: None drops the packet.
                    b.Reason(PathReasonSeverity.Error, route.OriginId, DropText(subnet, route, prefix, dst), NoneFix(route, dst));
                    ends.Add(new TraceEnd(PathOutcome.Dropped, b));
                    break;
                case NextHopType.Internet:
                    if (IsPrivate(dst))
                    {
                        // azure-routing-rules.md §3.4: Internet leaves private routing; a private spoke address is not reached.
                        b.Reason(PathReasonSeverity.Error, route.OriginId,
                            $"{subnet.DisplayName} sends {dst} to the Internet ({Describe(route, prefix)}): it leaves private routing and does not reach a private address",
                            "add a route (peering, connected group or UDR) that covers " + dst);
                        ends.Add(new TraceEnd(PathOutcome.Dropped, b));
                    }
                    else
                    {
                        b.Reason(PathReasonSeverity.Error, route.OriginId, $"{subnet.DisplayName} sends {dst} to the Internet ({Describe(route, prefix)}); the snapshot does not model what lies beyond");
                        ends.Add(new TraceEnd(PathOutcome.Unknown, b));
                    }
                    break;
                default:
                    b.Reason(PathReasonSeverity.Error, route.OriginId, $"{subnet.DisplayName} sends {dst} to {route.NextHopType} ({Describe(route, prefix)}), which leaves private routing");
                    ends.Add(new TraceEnd(PathOutcome.Dropped, b));
                    break;
            }
        }

        /// <summary>A private address: RFC 1918 or 100.64.0.0/10 (azure-routing-rules.md §1.1), or inside a VNet of the snapshot.</summary>
        private bool IsPrivate(IpAddressValue dst)
        {
            foreach (var p in DefaultRoutes.NonePrefixes) if (p.Contains(dst)) return true;
            foreach (var v in Topology.VirtualNetworks)
                foreach (var p in v.AddressSpace) if (p.Contains(dst)) return true;
            return false;
        }

        internal static string Describe(EffectiveRoute r, IpPrefix prefix) =>
            r.Source == RouteSource.User
                ? $"user-defined route '{r.Name}' {prefix} -> {r.NextHopType}" + (r.NextHopIpAddress.Count > 0 ? " " + string.Join(",", r.NextHopIpAddress) : "") + $" in {r.Origin}"
                : $"{r.Source} route {prefix} -> {r.NextHopType}" + (r.NextHopIpAddress.Count > 0 ? " " + string.Join(",", r.NextHopIpAddress) : "") + (r.Origin != null ? $" from {r.Origin}" : "");

        private static string DropText(Subnet subnet, EffectiveRoute route, IpPrefix prefix, IpAddressValue dst) =>
            route.Source == RouteSource.User
                ? $"{subnet.DisplayName} drops {dst}: {Describe(route, prefix)} (next hop None)"
                : $"{subnet.DisplayName} drops {dst}: the default route {prefix} -> None is the most specific route (no peering, connected group, gateway or user-defined route covers {dst})";

        private static string NoneFix(EffectiveRoute route, IpAddressValue dst) =>
            route.Source == RouteSource.User
                ? $"remove or change route '{route.Name}' in {route.Origin}"
                : $"peer the two VNets, add both to an AVNM mesh connectivity configuration and deploy it, or add a user-defined route for {dst} to a hub firewall or gateway";
    }

    /// <summary>Lets the matrix engine memoise continuations: called instead of walking on from any location after the first hop.</summary>
    internal interface IContinuationHook
    {
        void Continue(PathTracer tracer, TraceLocation loc, IpAddressValue dst, TraceBuilder b, List<TraceEnd> ends);
        /// <summary>Called instead of delivering into <paramref name="vnet"/> while the matrix probes a first hop; returns true when it took over.</summary>
        bool Deliver(VirtualNetwork vnet, PathKind? transit, TraceBuilder b, List<TraceEnd> ends);
    }
}
