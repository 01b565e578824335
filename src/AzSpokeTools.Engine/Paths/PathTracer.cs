using System;
using System.Collections.Generic;
using AzSpokeTools.Engine.Addresses;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Routing;

namespace AzSpokeTools.Engine.Paths
{
    /// <summary>
    /// Traces a packet by repeated lookups in the effective routes of wherever it is (docs/routing-model.md#path-resolution),
    /// through appliances (docs/routing-model.md#next-hop-types), VPN gateways (docs/routing-model.md#vpn-gateway-transit), the ExpressRoute edge (docs/routing-model.md#expressroute-hairpin) and Virtual WAN hub routers (docs/routing-model.md#virtual-wan-hub-routing),
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

        /// <summary>
        /// Most locations a trace follows after the source (default <see cref="DefaultMaxHops"/>): a branch that would go further
        /// ends Unknown with "more than N hops" as the reason. Real designs need a handful (spoke, firewall, gateway, MSEE, gateway,
        /// hub, spoke); a longer chain is a misconfiguration or hostile input, and the bound keeps the work and the memo finite.
        /// Set it before tracing: a memo reads it when it is created.
        /// </summary>
        public int MaxHops { get; set; } = DefaultMaxHops;

        /// <summary>The default of <see cref="MaxHops"/>.</summary>
        public const int DefaultMaxHops = 64;

        /// <summary>
        /// Traces from <paramref name="source"/> to <paramref name="destination"/>: the first <paramref name="keep"/> equal-cost
        /// paths in full (in route order), and how many more there are, counted through a memo as the matrix does so that equal-cost
        /// fan-out never enumerates every path. The walk is iterative (a stack of pending branches), so path length costs no stack.
        /// </summary>
        public TraceEnds Trace(Subnet source, IpAddressValue destination, bool detail, int keep = int.MaxValue) =>
            Trace(source, destination, new TraceBuilder(detail), keep, countRest: true);

        /// <summary>
        /// The reasons (causes and their fixes, in path order) of the first equal-cost path from <paramref name="source"/> to
        /// <paramref name="destination"/>, the ones a detailed trace gives that path, without hops and without
        /// counting the other paths: the matrix's <c>--reasons</c>.
        /// </summary>
        /// <remarks>
        /// Two memos keep this near the cost of the summary matrix, as the vector engine's plans and continuations do. A first hop
        /// by one winning route that leaves the source without a reason for one location is memoised per (source, route): what it
        /// does depends on the route, not on the destination. The rest from that location is memoised per (location, destination,
        /// forwarded), so pairs that cross the same hub device to the same destination walk it once; a rest is reused only for a
        /// source it never stepped into (a step into the source would be a loop there), and a rest that ends in a loop is never
        /// reused, so the reasons are those of a walk from this source.
        /// </remarks>
        public IReadOnlyList<PathReason> FirstPathReasons(Subnet source, IpAddressValue destination)
        {
            // The matrix asks for one source's destinations one after another: its table and first hops are held for that pass only.
            if (Lookup.Passing != source)
            {
                Lookup.Passing = source;
                _firstHops.Clear();
            }
            var at = Location(TraceLocationKind.Subnet, source);
            Lookup.Winners(source, destination, _winners);
            var only = _winners.Count == 1 && (_winners[0].NextHopType != NextHopType.VirtualAppliance || _winners[0].NextHopIpAddress.Count <= 1) ? _winners[0] : null;
            if (only == null || !_firstHops.TryGetValue((source, only), out var hop))
            {
                var b = TraceBuilder.ForReasons();
                b.Visited.Add(at.Index);
                var first = new List<TraceEnd>();
                AtSubnet(source, destination, b, first, atSource: true);
                // The first path is the first branch's first end (the walk is depth first, branches in route order).
                var head = first[0];
                if (head.Next == null) return head.Builder.Reasons;
                if (head.Builder.Reasons.Count > 0) return Drain(first, destination, keep: 1, countRest: false).Ends[0].Builder.Reasons;
                hop = (head.Next, head.Builder.Forwarded);
                if (only != null && first.Count == 1) _firstHops[(source, only)] = hop;
            }
            var key = (hop.Next.Index, destination, hop.Forwarded);
            if (_restReasons.TryGetValue(key, out var rest) && !rest.Stepped.Contains(at.Index)) return rest.Reasons;
            var rb = TraceBuilder.ForReasons();
            rb.Visited.Add(at.Index);
            rb.Forwarded = hop.Forwarded;
            var end = Drain(new List<TraceEnd> { TraceEnd.Pending(hop.Next, rb) }, destination, keep: 1, countRest: false).Ends[0];
            if (end.Outcome != PathOutcome.Loop) _restReasons[key] = (end.Builder.Reasons.ToArray(), end.Builder.Visited);
            return end.Builder.Reasons;
        }

        private readonly List<EffectiveRoute> _winners = new List<EffectiveRoute>();
        private readonly Dictionary<(Subnet Source, EffectiveRoute Route), (TraceLocation Next, bool Forwarded)> _firstHops =
            new Dictionary<(Subnet, EffectiveRoute), (TraceLocation, bool)>();
        private readonly Dictionary<(int Location, IpAddressValue Destination, bool Forwarded), (PathReason[] Reasons, HashSet<int> Stepped)> _restReasons =
            new Dictionary<(int, IpAddressValue, bool), (PathReason[], HashSet<int>)>();

        private TraceEnds Trace(Subnet source, IpAddressValue destination, TraceBuilder b, int keep, bool countRest)
        {
            var loc = Location(TraceLocationKind.Subnet, source);
            b.Visited.Add(loc.Index);
            var first = new List<TraceEnd>();
            AtSubnet(source, destination, b, first, atSource: true);
            return Drain(first, destination, keep, countRest);
        }

        /// <summary>
        /// Walks the pending branches among <paramref name="produced"/> depth first, in the order the handlers produced them: ended
        /// branches are kept up to <paramref name="keep"/>, the rest only counted.
        /// </summary>
        private TraceEnds Drain(List<TraceEnd> produced, IpAddressValue dst, int keep, bool countRest = true)
        {
            keep = Math.Max(1, keep);
            var result = new TraceEnds();
            ContinuationMemo? counter = null;
            var stack = new List<TraceEnd>();
            PushReversed(stack, produced);
            var step = new List<TraceEnd>();
            while (stack.Count > 0)
            {
                var e = stack[stack.Count - 1];
                stack.RemoveAt(stack.Count - 1);
                if (e.Next == null)
                {
                    if (result.Ends.Count < keep) result.Ends.Add(e);
                    else result.More = TraceEnds.Add(result.More, e.Count);
                    continue;
                }
                if (result.Ends.Count >= keep)
                {
                    if (!countRest) break;
                    // Past the paths kept: only how many more there are matters, memoised per (location, depth) as in the matrix.
                    result.More = TraceEnds.Add(result.More, CountFrom(e.Next, dst, e.Builder, ref counter));
                    continue;
                }
                step.Clear();
                Step(e.Next, dst, e.Builder, step);
                PushReversed(stack, step);
            }
            return result;
        }

        private static void PushReversed(List<TraceEnd> stack, List<TraceEnd> produced)
        {
            // Last produced on top of the stack: branches come out in the order the handlers produced them (route order).
            for (int i = produced.Count - 1; i >= 0; i--) stack.Add(produced[i]);
        }

        /// <summary>How many paths go on from <paramref name="loc"/>: one when it is a loop or past the hop limit, else the memo's count.</summary>
        private long CountFrom(TraceLocation loc, IpAddressValue dst, TraceBuilder b, ref ContinuationMemo? counter)
        {
            if (b.Visited.Contains(loc.Index) || b.Visited.Count > MaxHops) return 1;
            counter ??= new ContinuationMemo(this, new PathSummaries(), new[] { dst }, null);
            var saved = Hook;
            Hook = counter;
            try { return counter.At(loc, 0, b.Visited.Count).Count; }
            finally { Hook = saved; }
        }

        /// <summary>
        /// Moves on to <paramref name="loc"/>: through the hook when one is set (summary traces), else as a pending branch that the
        /// trace's loop takes up. Handlers call it last: the builder belongs to the branch from then on.
        /// </summary>
        internal void Walk(TraceLocation loc, IpAddressValue dst, TraceBuilder b, List<TraceEnd> ends)
        {
            if (Hook != null && !b.Explains) Hook.Continue(this, loc, dst, b, ends);
            else ends.Add(TraceEnd.Pending(loc, b));
        }

        /// <summary>The rest of the trace from <paramref name="loc"/>, every branch to its end (the memo's walk from one location).</summary>
        internal void WalkDirect(TraceLocation loc, IpAddressValue dst, TraceBuilder b, List<TraceEnd> ends)
        {
            int start = ends.Count;
            Step(loc, dst, b, ends);
            // With a hook (the memo) every move on went through it; without one the handlers left pending branches to finish here.
            int pending = ends.FindIndex(start, e => e.Next != null);
            if (pending < 0) return;
            var tail = ends.GetRange(start, ends.Count - start);
            ends.RemoveRange(start, ends.Count - start);
            ends.AddRange(Drain(tail, dst, int.MaxValue).Ends);
        }

        /// <summary>One location: the loop check, the hop limit, then the handler of what is there.</summary>
        private void Step(TraceLocation loc, IpAddressValue dst, TraceBuilder b, List<TraceEnd> ends)
        {
            // docs/routing-model.md#path-resolution: a repeated location for the same destination is a loop.
            if (b.Visited.Contains(loc.Index))
            {
                b.Reason(PathReasonSeverity.Error, IdOf(loc), $"routing loop: the packet to {dst} returns to {Describe(loc)}",
                    "change the routes so that the appliance's own subnet does not send the destination back to it (Azure docs: \"Virtual network traffic routing\" > \"User-defined\": deploy appliances in a different subnet from the resources routed through them)");
                ends.Add(new TraceEnd(PathOutcome.Loop, b));
                return;
            }
            if (b.Visited.Count > MaxHops)
            {
                b.Reason(PathReasonSeverity.Error, IdOf(loc), HopLimitText(MaxHops, dst, Describe(loc)),
                    "look for a chain of appliances, gateways or hubs that keeps forwarding the packet; routing designs need a handful of hops");
                ends.Add(new TraceEnd(PathOutcome.Unknown, b));
                return;
            }
            b.Visited.Add(loc.Index);
            switch (loc.Kind)
            {
                case TraceLocationKind.Subnet: AtSubnet(loc.Subnet, dst, b, ends, atSource: false); break;
                case TraceLocationKind.Appliance: AtAppliance(loc.Device, dst, b, ends); break;
                case TraceLocationKind.VpnGateway: AtVpnGateway(loc.Gateway, dst, b, ends); break;
                case TraceLocationKind.ExpressRouteGateway: AtExpressRouteGateway(loc.Gateway, dst, b, ends); break;
                case TraceLocationKind.VirtualHubRouter: AtHubRouter(loc.Hub, loc.Via, dst, b, ends); break;
            }
        }

        /// <summary>The reason of a branch cut by the hop limit (the words "more than N hops" are what users and tests look for).</summary>
        internal static string HopLimitText(int maxHops, IpAddressValue dst, string at) =>
            $"the path to {dst} has more than {maxHops} hops: the trace stops at {at} and cannot tell where the packet ends up";

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

        /// <summary>A lookup in the subnet's effective routes, then the action of each winning route (docs/routing-model.md#path-resolution).</summary>
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

        /// <summary>What the winning route does with the packet (docs/routing-model.md#path-resolution).</summary>
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
                    // docs/routing-model.md#next-hop-types: None drops the packet.
                    b.Reason(PathReasonSeverity.Error, route.OriginId, DropText(subnet, route, prefix, dst), NoneFix(subnet, route, dst, b));
                    ends.Add(new TraceEnd(PathOutcome.Dropped, b));
                    break;
                case NextHopType.Internet:
                    if (IsPrivate(dst))
                    {
                        // docs/routing-model.md#next-hop-types: Internet leaves private routing; a private spoke address is not reached.
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

        /// <summary>A private address: RFC 1918 or 100.64.0.0/10 (docs/routing-model.md#default-routes), or inside a VNet of the snapshot.</summary>
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
    }

    /// <summary>Lets the matrix engine memoise continuations: called instead of walking on from any location after the first hop.</summary>
    internal interface IContinuationHook
    {
        void Continue(PathTracer tracer, TraceLocation loc, IpAddressValue dst, TraceBuilder b, List<TraceEnd> ends);
        /// <summary>Called instead of delivering into <paramref name="vnet"/> while the matrix probes a first hop; returns true when it took over.</summary>
        bool Deliver(VirtualNetwork vnet, PathKind? transit, TraceBuilder b, List<TraceEnd> ends);
    }
}
