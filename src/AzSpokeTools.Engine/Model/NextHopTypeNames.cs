using System;
using System.Collections.Generic;

namespace AzSpokeTools.Engine.Model
{
    /// <summary>Parses next hop type strings case-insensitively, with the aliases other tools use.</summary>
    internal static class NextHopTypeNames
    {
        // docs/routing-model.md#effective-routes-and-next-hop-apis "Naming differences to normalise" and docs/routing-model.md#peering-next-hop-names: API, CLI/PS, portal
        // and Network Watcher spell the same next hop differently; compare case-insensitively.
        private static readonly Dictionary<string, NextHopType> Aliases = new Dictionary<string, NextHopType>(StringComparer.OrdinalIgnoreCase)
        {
            ["VnetLocal"] = NextHopType.VnetLocal,
            ["VirtualNetwork"] = NextHopType.VnetLocal,
            ["Virtual network"] = NextHopType.VnetLocal,
            ["VNetPeering"] = NextHopType.VNetPeering,
            ["VirtualNetworkPeering"] = NextHopType.VNetPeering,
            ["VNet peering"] = NextHopType.VNetPeering,
            ["Virtual network peering"] = NextHopType.VNetPeering,
            ["VNetGlobalPeering"] = NextHopType.VNetGlobalPeering,
            ["GlobalVNetPeering"] = NextHopType.VNetGlobalPeering,
            ["ConnectedGroup"] = NextHopType.ConnectedGroup,
            ["VirtualNetworkGateway"] = NextHopType.VirtualNetworkGateway,
            ["Virtual network gateway"] = NextHopType.VirtualNetworkGateway,
            ["VirtualAppliance"] = NextHopType.VirtualAppliance,
            ["Virtual appliance"] = NextHopType.VirtualAppliance,
            // .NET RouteNextHopType docs: VirtualApplianceEcmp is a UDR with several appliance IPs.
            ["VirtualApplianceEcmp"] = NextHopType.VirtualAppliance,
            ["Internet"] = NextHopType.Internet,
            ["None"] = NextHopType.None,
            ["VirtualNetworkServiceEndpoint"] = NextHopType.VirtualNetworkServiceEndpoint,
            ["InterfaceEndpoint"] = NextHopType.InterfaceEndpoint,
        };

        public static bool TryParse(string? text, out NextHopType type)
        {
            type = default;
            return text != null && Aliases.TryGetValue(text.Trim(), out type);
        }

        /// <summary>The API spelling, e.g. "VnetLocal".</summary>
        public static string ToApiString(this NextHopType type) => type.ToString();
    }
}
