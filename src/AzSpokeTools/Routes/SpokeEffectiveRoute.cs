using System;
using AzSpokeTools.Engine.Routing;
using AzSpokeTools.Output;
using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Routes
{
    /// <summary>
    /// One effective route as Get-SpokeEffectiveRoute writes it: the columns of Azure's EffectiveRoute
    /// (Get-AzEffectiveRouteTable) as strings, why an Invalid route is invalid, where the route comes from, and the
    /// network interface, subnet and virtual network whose table it belongs to, so that routes of many piped NICs or
    /// subnets stay attributable after Export-Csv or ConvertTo-Json.
    /// </summary>
    public sealed class SpokeEffectiveRoute
    {
        internal SpokeEffectiveRoute(EffectiveRoute route, EffectiveRouteTable table)
        {
            Name = route.Name;
            State = route.State.ToString();
            Source = route.Source.ToString();
            AddressPrefix = Delimited.Texts(route.AddressPrefix);
            NextHopType = route.NextHopType.ToString();
            NextHopIpAddress = Delimited.Texts(route.NextHopIpAddress);
            InvalidReason = route.InvalidReason;
            Origin = route.Origin;
            OriginId = route.OriginId;
            NetworkInterface = string.Equals(table.Scope.ResourceType, "Microsoft.Network/networkInterfaces", StringComparison.OrdinalIgnoreCase) ? table.Scope.Name : null;
            Subnet = table.Subnet.DisplayName;
            VirtualNetwork = table.VirtualNetwork.Name;
        }

        /// <summary>The user-defined route's name; null for system routes.</summary>
        public string? Name { get; }
        /// <summary>Active or Invalid.</summary>
        public string State { get; }
        /// <summary>Default, User or VirtualNetworkGateway.</summary>
        public string Source { get; }
        /// <summary>Address prefixes as Azure lists them (CIDRs such as 10.1.0.0/16; service tags for tag routes).</summary>
        public DelimitedList<string> AddressPrefix { get; }
        /// <summary>VnetLocal, VNetPeering, VNetGlobalPeering, ConnectedGroup, VirtualNetworkGateway, VirtualAppliance, Internet, None, ...</summary>
        public string NextHopType { get; }
        /// <summary>Next hop IP addresses; several means equal-cost (ECMP).</summary>
        public DelimitedList<string> NextHopIpAddress { get; }
        /// <summary>For an Invalid route: the route that overrides it.</summary>
        public string? InvalidReason { get; }
        /// <summary>Where the route comes from, e.g. "route table rt-spokes" or "peering hub-to-spoke1".</summary>
        public string? Origin { get; }
        /// <summary>The resource id of the route's origin.</summary>
        public string? OriginId { get; }
        /// <summary>The network interface whose table this is; null for a subnet's table.</summary>
        public string? NetworkInterface { get; }
        /// <summary>The subnet whose table this is (of the network interface), as VNET/SUBNET.</summary>
        public string Subnet { get; }
        /// <summary>The virtual network of the subnet.</summary>
        public string VirtualNetwork { get; }

        /// <inheritdoc />
        public override string ToString() =>
            $"{Source} {State} {AddressPrefix} -> {NextHopType}" + (NextHopIpAddress.Count > 0 ? " " + NextHopIpAddress : "") + (Name != null ? $" ({Name})" : "");
    }
}
