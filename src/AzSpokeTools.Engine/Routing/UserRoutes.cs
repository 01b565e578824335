using System.Linq;
using AzSpokeTools.Engine.Addresses;
using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Engine.Routing
{
    /// <summary>User-defined routes from the subnet's route table (docs/routing-model.md#route-selection, docs/routing-model.md#next-hop-types).</summary>
    internal static class UserRoutes
    {
        public static void Add(RoutingContext ctx, Subnet subnet, ServiceTagCatalog? tags, RouteCandidates into)
        {
            if (subnet.RouteTableId is not ResourceId tableId) return;
            if (!ctx.RouteTables.TryGetValue(tableId, out var table))
            {
                into.Unknown($"route table {tableId} of {subnet.DisplayName} is not in the snapshot: its user-defined routes are unknown");
                return;
            }
            foreach (var udr in table.Routes)
            {
                var prefixes = new[] { udr.AddressPrefix };
                if (!IpPrefix.TryParse(udr.AddressPrefix, out var prefix))
                {
                    // docs/routing-model.md#special-override-rules: a UDR's prefix may be a service tag; resolved only with a service-tag file.
                    var resolved = tags?.Resolve(new[] { udr.AddressPrefix });
                    if (resolved != null && resolved.Count > 0) prefixes = resolved.Select(p => p.ToString()).ToArray();
                    else into.Unknown($"route '{udr.Name}' in {table.Name} targets service tag {udr.AddressPrefix}, which is not resolved (supply a service-tag file)");
                }
                var hop = udr.NextHopType;
                // docs/routing-model.md#next-hop-types [FIELD S27c]: a VnetLocal UDR outside the VNet's address space shows as None.
                if (hop == NextHopType.VnetLocal && IpPrefix.TryParse(udr.AddressPrefix, out var p) && !subnet.VirtualNetwork.AddressSpace.Any(a => a.Contains(p)))
                    hop = NextHopType.None;
                into.Routes.Add(new EffectiveRoute(udr.Name, RouteSource.User, prefixes, hop, udr.NextHopIpAddresses,
                    table.Id.Value, "route table " + table.Name));
            }
        }
    }
}
