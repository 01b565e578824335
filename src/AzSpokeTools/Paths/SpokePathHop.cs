using AzSpokeTools.Engine.Paths;
using System.Linq;
using AzSpokeTools.Output;

namespace AzSpokeTools.Paths
{
    /// <summary>One hop of a path: where the packet is, and the route that moved it on from there (empty where no lookup happens).</summary>
    public sealed class SpokePathHop
    {
        internal SpokePathHop(int step, PathHop h, AzSpokeTools.Engine.Security.PathAccess? access = null)
        {
            Access = access?.VerdictAt(step - 1)?.ToString();
            SecurityChecks = Delimited.List(access?.ChecksAt(step - 1).Select(c => new SpokeSecurityCheck(c)));
            Step = step;
            Role = h.Role.ToString();
            Location = h.Location;
            ResourceId = h.ResourceId;
            AddressPrefix = h.Route?.AddressPrefix;
            RouteSource = h.Route?.Source;
            NextHopType = h.Route?.NextHopType;
            NextHopIpAddress = Delimited.Texts(h.Route?.NextHopIpAddress);
            Route = h.Route == null ? null : h.Route.Name ?? h.Route.Origin;
            RouteOriginId = h.Route?.OriginId;
        }

        /// <summary>1 for the source, counting up along the path.</summary>
        public int Step { get; }
        /// <summary>What the hop is (source subnet, appliance, gateway, MSEE, hub, destination, ...).</summary>
        public string Role { get; }
        /// <summary>A readable name: VNET/SUBNET, a device or gateway name, "MSEE of circuit".</summary>
        public string Location { get; }
        /// <summary>The resource the packet is at.</summary>
        public string ResourceId { get; }
        /// <summary>The prefix of the route that matched the destination.</summary>
        public string? AddressPrefix { get; }
        /// <summary>The route's source: Default, User, VirtualNetworkGateway (or VirtualHub for a hub route).</summary>
        public string? RouteSource { get; }
        /// <summary>The route's next hop type.</summary>
        public string? NextHopType { get; }
        /// <summary>The route's next hop IP addresses.</summary>
        public DelimitedList<string> NextHopIpAddress { get; }
        /// <summary>The user-defined route's name, or where the route comes from (peering, route table, gateway).</summary>
        public string? Route { get; }
        /// <summary>The resource id of the route's origin.</summary>
        public string? RouteOriginId { get; }
        /// <summary>Allowed, Denied or Unknown at this hop; null where nothing was checked (or without -Port).</summary>
        public string? Access { get; }
        /// <summary>The security checks made at this hop (admin rules, NSGs, firewall, appliance).</summary>
        public DelimitedList<SpokeSecurityCheck> SecurityChecks { get; }

        /// <inheritdoc />
        public override string ToString() =>
            $"{Step} {Role} {Location}" + (AddressPrefix == null ? "" : $" [{AddressPrefix} {RouteSource} -> {NextHopType}" + (NextHopIpAddress.Count > 0 ? " " + string.Join(",", NextHopIpAddress) : "") + (Route != null ? $" ({Route})" : "") + "]");
    }
}
