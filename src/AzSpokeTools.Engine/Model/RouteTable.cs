using System.Collections.Generic;
using AzSpokeTools.Engine.Input;

namespace AzSpokeTools.Engine.Model
{
    /// <summary>Microsoft.Network/routeTables: user-defined routes and the BGP propagation switch.</summary>
    public sealed class RouteTable : AzureResource
    {
        /// <summary>docs/routing-model.md#gateway-routes-and-bgp-propagation: true removes every VirtualNetworkGateway-source route.</summary>
        public bool DisableBgpRoutePropagation { get; internal set; }
        /// <summary>The table's routes.</summary>
        public List<UserRoute> Routes { get; } = new List<UserRoute>();

        internal static RouteTable Read(ArmValue n, ResourceId id, string type)
        {
            var t = new RouteTable();
            t.ReadCommon(n, id, type);
            t.DisableBgpRoutePropagation = n.Bool("disableBgpRoutePropagation") ?? false;
            foreach (var r in n.Objects("routes", "a route"))
            {
                var route = UserRoute.Read(r, t);
                if (route != null) t.Routes.Add(route);
            }
            return t;
        }
    }

    /// <summary>One user-defined route.</summary>
    public sealed class UserRoute
    {
        /// <summary>The route's name.</summary>
        public string Name { get; internal set; } = "";
        /// <summary>A CIDR or a service tag, as written.</summary>
        public string AddressPrefix { get; internal set; } = "";
        /// <summary>The next hop type.</summary>
        public NextHopType NextHopType { get; internal set; }
        /// <summary>The appliance IP addresses (VirtualAppliance).</summary>
        public IReadOnlyList<string> NextHopIpAddresses { get; internal set; } = new List<string>();
        /// <summary>The hasBgpOverride flag Azure reports.</summary>
        public bool HasBgpOverride { get; internal set; }
        /// <summary>The table the route is in.</summary>
        public RouteTable RouteTable { get; internal set; } = null!;
        /// <summary>Where the route was read.</summary>
        public SourceLocation Source { get; internal set; }

        internal static UserRoute? Read(ArmValue n, RouteTable table)
        {
            var name = n.Own("name")?.AsString() ?? "";
            var prefix = n.Str("addressPrefix");
            var hopText = n.Str("nextHopType");
            if (string.IsNullOrWhiteSpace(prefix))
            {
                n.Context.Error(n.Location, $"route '{name}' in {table.Name} has no addressPrefix");
                return null;
            }
            if (!NextHopTypeNames.TryParse(hopText, out var hop))
            {
                n.Context.Error(n.Location, $"route '{name}' in {table.Name} has unknown nextHopType '{hopText}'");
                return null;
            }
            // docs/routing-model.md#optional-default-routes: UDRs can't use VNetPeering or VirtualNetworkServiceEndpoint.
            if (hop == NextHopType.VNetPeering || hop == NextHopType.VNetGlobalPeering || hop == NextHopType.VirtualNetworkServiceEndpoint
                || hop == NextHopType.ConnectedGroup || hop == NextHopType.InterfaceEndpoint)
            {
                n.Context.Error(n.Location, $"route '{name}' in {table.Name}: next hop type {hop} is not allowed in a user-defined route");
                return null;
            }
            var p = prefix!.Trim();
            if (LooksLikeAddress(p) && Addresses.IpPrefix.Describe(p) is string problem)
            {
                n.Context.Error(n.Location, $"route '{name}' in {table.Name}: {problem}");
                return null;
            }
            var ips = new List<string>();
            if (n.Get("nextHopIpAddress") is ArmValue ipNode)
                foreach (var item in ipNode.Items())
                    if (item.AsString() is string ip && ip.Length > 0)
                        foreach (var part in ip.Split(',')) if (part.Trim().Length > 0) ips.Add(part.Trim());
            if (n.Get("nextHopIpAddresses") is ArmValue ipsNode)
                foreach (var item in ipsNode.Items())
                    if (item.AsString() is string ip && ip.Length > 0 && !ips.Contains(ip)) ips.Add(ip);
            if (hop == NextHopType.VirtualAppliance && ips.Count == 0)
                n.Context.Warn(n.Location, $"route '{name}' in {table.Name}: VirtualAppliance next hop without nextHopIpAddress");
            return new UserRoute
            {
                Name = name,
                AddressPrefix = p,
                NextHopType = hop,
                NextHopIpAddresses = ips,
                HasBgpOverride = n.Bool("hasBgpOverride") ?? false,
                RouteTable = table,
                Source = n.Location,
            };
        }

        /// <summary>Service tags are letters, dots and digits ("Storage.WestUS"); anything with '/' or ':' or starting with a digit is meant as an address.</summary>
        internal static bool LooksLikeAddress(string text) =>
            text.IndexOf('/') >= 0 || text.IndexOf(':') >= 0 || (text.Length > 0 && char.IsDigit(text[0]));
    }
}
