using System.Collections.Generic;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Routing;

namespace AzSpokeTools.Engine.Security
{
    /// <summary>
    /// The VirtualNetwork service tag of a subnet, from its effective routes: "the virtual network address space, all connected
    /// on-premises address spaces, peered virtual networks, virtual networks connected to a virtual network gateway, the virtual IP
    /// address of the host, and address prefixes used on user-defined routes. This tag might also contain default routes." (Azure
    /// docs, "Virtual network service tags" > "Available service tags"). So: the prefixes of routes to the VNet, peerings, connected
    /// groups [INFER: as peered VNets], gateways (on-premises and gateway-connected VNets) and every user-defined route, and
    /// 168.63.129.16; a user-defined default route is taken to be in the tag, and answers that rest on it say so.
    /// </summary>
    internal static class VirtualNetworkTag
    {
        public static HostAddressContext For(Subnet subnet, IReadOnlyList<EffectiveRoute> routes, Dictionary<SharedRouteLayer, AddressSet> sharedLayers)
        {
            var b = new AddressSet.Builder();
            b.Add(subnet.VirtualNetwork.AddressSpace);
            b.Add(AddressMatcher.HostVirtualIp);
            string? defaultRoute = null;
            var own = routes is LayeredRouteList layered ? layered.Own : routes;
            foreach (var r in own) Add(r, b, ref defaultRoute);
            if (routes is LayeredRouteList l)
            {
                if (!sharedLayers.TryGetValue(l.Shared, out var shared))
                {
                    var sb = new AddressSet.Builder();
                    string? ignored = null;
                    foreach (var r in l.Shared.Routes) Add(r, sb, ref ignored);
                    sharedLayers[l.Shared] = shared = sb.Build();
                }
                return new HostAddressContext(b.Build(), defaultRoute, shared: shared);
            }
            return new HostAddressContext(b.Build(), defaultRoute);
        }

        private static void Add(EffectiveRoute r, AddressSet.Builder b, ref string? defaultRoute)
        {
            bool inTag = r.Source == RouteSource.User || r.Source == RouteSource.VirtualNetworkGateway ||
                         r.NextHopType == NextHopType.VnetLocal || r.NextHopType == NextHopType.VNetPeering || r.NextHopType == NextHopType.VNetGlobalPeering ||
                         r.NextHopType == NextHopType.ConnectedGroup || r.NextHopType == NextHopType.VirtualNetworkGateway;
            if (!inTag) return;
            foreach (var p in r.Prefixes)
            {
                if (p.Length > 0) { b.Add(p); continue; }
                if (r.Source == RouteSource.User)
                    defaultRoute ??= $"the VirtualNetwork tag is taken to hold {p} from user-defined route '{r.Name}' in {r.Origin} (Azure docs, \"Virtual network service tags\": the tag \"might also contain default routes\")";
                else if (r.Source == RouteSource.VirtualNetworkGateway)
                    defaultRoute ??= $"the VirtualNetwork tag is taken to hold {p} learnt from {r.Origin ?? "the gateway"} (Azure docs, \"Virtual network service tags\": the tag \"might also contain default routes\")";
            }
        }
    }
}
