using System;
using System.Collections.Generic;
using System.Linq;
using AzSpokeTools.Engine.Addresses;
using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Engine.Routing
{
    /// <summary>Private endpoint /32 (InterfaceEndpoint) and service endpoint routes (docs/routing-model.md#optional-default-routes, docs/routing-model.md#special-override-rules).</summary>
    internal static class EndpointRoutes
    {
        public static void AddPrivateEndpoints(RoutingContext ctx, VirtualNetwork vnet, RouteCandidates into)
        {
            // docs/routing-model.md#optional-default-routes [FIELD S27a, S34]: /32 routes in the endpoint's VNet and in directly peered VNets;
            // connected groups carry them too (docs/routing-model.md#connected-group-limits counts private endpoints per connected group) [INFER].
            var sources = new List<ResourceId> { vnet.Id };
            var seen = new HashSet<ResourceId> { vnet.Id }; // connected groups hold thousands of members: no linear Contains
            foreach (var p in vnet.Peerings)
                if (p.RemoteVirtualNetworkId is ResourceId r && ctx.IsEstablished(p, out _) && seen.Add(r)) sources.Add(r);
            foreach (var cg in ctx.ConnectedGroups.Of(vnet.Id))
                foreach (var m in cg.MembersWithPrivateEndpoints(ctx))
                    if (!seen.Contains(m.Id) && (cg.Global || string.Equals(m.Location, vnet.Location, StringComparison.OrdinalIgnoreCase)) &&
                        ctx.ConnectedGroups.IsDeployed(cg.Configuration, vnet.Location, out _) && ctx.ConnectedGroups.IsDeployed(cg.Configuration, m.Location, out _))
                    {
                        seen.Add(m.Id);
                        sources.Add(m.Id);
                    }
            foreach (var source in sources)
            {
                if (!ctx.PrivateEndpointsByVnet.TryGetValue(source, out var endpoints)) continue;
                foreach (var pe in endpoints)
                {
                    if (pe.IpAddresses.Count == 0)
                        into.Unknown($"private endpoint {pe.Name} has no IP address in the snapshot (its network interface is missing)");
                    foreach (var ip in pe.IpAddresses)
                        into.Routes.Add(new EffectiveRoute(null, RouteSource.Default, EffectiveRoute.One(new IpPrefix(ip, ip.Bits)), NextHopType.InterfaceEndpoint,
                            originId: pe.Id.Value, origin: "private endpoint " + pe.Name));
                }
            }
        }

        public static void AddServiceEndpoints(Subnet subnet, ServiceTagCatalog? tags, RouteCandidates into)
        {
            // docs/routing-model.md#optional-default-routes: service endpoint routes only in the subnet the endpoint is enabled for.
            foreach (var se in subnet.ServiceEndpoints)
            {
                var names = ServiceTagNames(se);
                var prefixes = tags?.Resolve(names) ?? new List<IpPrefix>();
                if (prefixes.Count == 0)
                {
                    into.Unknown($"the public prefixes of service endpoint {se.Service} on {subnet.DisplayName} are not resolved (supply a service-tag file)");
                    into.Routes.Add(new EffectiveRoute(null, RouteSource.Default, new[] { names[0] }, NextHopType.VirtualNetworkServiceEndpoint,
                        originId: subnet.Id.Value, origin: "service endpoint " + se.Service));
                    continue;
                }
                into.Routes.Add(new EffectiveRoute(null, RouteSource.Default, EffectiveRoute.Many(prefixes), NextHopType.VirtualNetworkServiceEndpoint,
                    originId: subnet.Id.Value, origin: "service endpoint " + se.Service));
            }
        }

        /// <summary>"Microsoft.Storage" with locations [westus] becomes the tags Storage.WestUS (or Storage when no location).</summary>
        private static List<string> ServiceTagNames(ServiceEndpoint se)
        {
            var baseName = se.Service.StartsWith("Microsoft.", StringComparison.OrdinalIgnoreCase) ? se.Service.Substring("Microsoft.".Length) : se.Service;
            var names = se.Locations.Where(l => l != "*").Select(l => baseName + "." + Locations.Normalize(l)).ToList();
            if (names.Count == 0) names.Add(baseName);
            return names;
        }
    }
}
