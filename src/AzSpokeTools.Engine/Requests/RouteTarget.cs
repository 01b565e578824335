using System;
using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Engine.Requests
{
    /// <summary>
    /// What a subnet-or-NIC target names, told apart by its form, as Get-SpokeEffectiveRoute's one target parameter takes it:
    /// a resource id by its type (a subnet or a network interface; any other type, or an id without one, is an error on
    /// ResourceId), VNET/SUBNET a subnet, a plain name (Azure resource names hold no '/') a network interface.
    /// </summary>
    internal static class RouteTarget
    {
        public const string SubnetType = "Microsoft.Network/virtualNetworks/subnets";
        public const string NetworkInterfaceType = "Microsoft.Network/networkInterfaces";

        public static bool IsResourceId(string target) =>
            target.StartsWith("/", StringComparison.Ordinal) || target.StartsWith("subscriptions/", StringComparison.OrdinalIgnoreCase);

        /// <summary>Splits <paramref name="target"/> into a subnet or a network interface (the other null).</summary>
        /// <exception cref="EngineInputException">A resource id that is neither (parameter ResourceId).</exception>
        public static (string? Subnet, string? NetworkInterface) Classify(string target)
        {
            if (!IsResourceId(target)) return target.IndexOf('/') >= 0 ? (target, null) : (null, target);
            if (!ResourceId.TryParse(target, out var id) || id.ResourceType == null)
                throw new EngineInputException("ResourceId", $"'{target}' is not an Azure resource id");
            if (string.Equals(id.ResourceType, SubnetType, StringComparison.OrdinalIgnoreCase)) return (target, null);
            if (string.Equals(id.ResourceType, NetworkInterfaceType, StringComparison.OrdinalIgnoreCase)) return (null, target);
            throw new EngineInputException("ResourceId", $"{target} is a {id.ResourceType}; effective routes exist for subnets ({SubnetType}) and network interfaces ({NetworkInterfaceType})");
        }
    }
}
