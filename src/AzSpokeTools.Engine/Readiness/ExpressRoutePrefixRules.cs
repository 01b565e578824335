using System;
using System.Collections.Generic;
using System.Linq;
using AzSpokeTools.Engine.Addresses;
using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Engine.Readiness
{
    /// <summary>
    /// The prefixes each ExpressRoute gateway of the members' hubs advertises to the circuit from the VNet address space: its
    /// own VNet's and those of the VNets that use it through gateway transit. The mesh removes none of them while the hub
    /// peerings stay, so the count is the same before and after the mesh.
    /// </summary>
    internal static class ExpressRoutePrefixRules
    {
        /// <summary>The IPv4 and IPv6 prefixes <paramref name="gateway"/> advertises, and the VNets they come from.</summary>
        public static (List<IpPrefix> Prefixes, List<VirtualNetwork> TransitSpokes) Advertised(ReadinessChecker c, VirtualNetworkGateway gateway, ISet<ResourceId>? withoutTransit = null)
        {
            var prefixes = new List<IpPrefix>();
            var spokes = new List<VirtualNetwork>();
            if (c.Routing.Vnet(gateway.VirtualNetworkId) is not VirtualNetwork hub) return (prefixes, spokes);
            prefixes.AddRange(hub.AddressSpace);
            // Azure docs, "Configure VPN gateway transit for virtual network peering": a spoke using the hub's gateway (useRemoteGateways,
            // with allowGatewayTransit on the hub side) is reached through it, so the gateway advertises the spoke's address space.
            foreach (var p in hub.Peerings.Where(p => p.AllowGatewayTransit == true && c.Routing.IsEstablished(p, out _)))
            {
                if (c.Routing.Vnet(p.RemoteVirtualNetworkId) is not VirtualNetwork spoke || c.Routing.Reverse(p)?.UseRemoteGateways != true) continue;
                if (withoutTransit != null && withoutTransit.Contains(spoke.Id)) continue;
                spokes.Add(spoke);
                prefixes.AddRange(spoke.AddressSpace);
            }
            return (prefixes.Distinct().ToList(), spokes);
        }

        public static void Check(ReadinessChecker c)
        {
            var hubs = new HashSet<ResourceId>(c.Members.SelectMany(m => m.Peerings).Where(p => p.IsConnected && p.RemoteVirtualNetworkId != null).Select(p => p.RemoteVirtualNetworkId!.Value));
            foreach (var gw in c.Topology.VirtualNetworkGateways.Where(g => g.IsExpressRoute && g.VirtualNetworkId is ResourceId v && hubs.Contains(v)).OrderBy(g => g.Name, StringComparer.OrdinalIgnoreCase))
            {
                var (prefixes, spokes) = Advertised(c, gw);
                var captured = c.Topology.LearnedRoutes.TryGetValue(gw.Id, out var learned)
                    ? learned.Where(r => string.Equals(r.Origin, "Network", StringComparison.OrdinalIgnoreCase)).Select(r => r.Network).Distinct().Count()
                    : (int?)null;
                foreach (var (v6, limit) in new[] { (false, MeshReadinessOptions.ExpressRouteAdvertisedIPv4Limit), (true, MeshReadinessOptions.ExpressRouteAdvertisedIPv6Limit) })
                {
                    int count = prefixes.Count(p => p.IsV6 == v6);
                    // Azure docs, "Azure subscription and service limits" > "ExpressRoute limits" > "Route advertisement limits":
                    // 1,000 IPv4 and 100 IPv6 routes from the VNet address space to the ExpressRoute gateway (private peering).
                    if (count * 10 < limit * 9) continue;
                    var family = v6 ? "IPv6" : "IPv4";
                    var evidence = new Evidence().Add("gateway", gw.Name).Add("family", family).Add("before", count).Add("afterMesh", count).Add("limit", limit)
                        .Add("hubPrefixes", c.Routing.Vnet(gw.VirtualNetworkId)?.AddressSpace.Count(p => p.IsV6 == v6) ?? 0).Add("transitSpokes", spokes.Count)
                        .Add("capturedNetworkOriginRoutes", captured?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "not captured");
                    c.Add(ReadinessRules.ExpressRouteAdvertisedPrefixes, count > limit ? ReadinessSeverity.Error : ReadinessSeverity.Warning, gw.Id.Value,
                        $"{gw.Name} advertises {count} {family} prefixes from the VNet address space (its hub and {spokes.Count} spokes using gateway transit); the ExpressRoute limit is {limit:N0}, and the mesh leaves the count unchanged while the hub peerings stay",
                        evidence,
                        "Summarise spoke address space, or after the soak stop gateway transit for spokes that no longer need the gateway (the plan's decommission phase lists them); the mesh alone does not lower the count.");
                }
            }
        }
    }
}
