using System;
using System.Collections.Generic;
using System.Linq;
using AzSpokeTools.Engine.Addresses;
using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Engine.Paths
{
    /// <summary>
    /// Resolves what users type for --from / --to (a VNet name, VNET/SUBNET, a NIC name, an IP address or a resource
    /// id) to a <see cref="PathEndpoint"/>.
    /// </summary>
    /// <remarks>
    /// Representative address rule: a VNet stands for the first usable address (network + 4, as Azure reserves the
    /// first four) of its first subnet, in snapshot order, that holds workloads: a subnet with a network interface that
    /// is not a private endpoint's. Without one, the first subnet that is not a platform subnet (GatewaySubnet,
    /// AzureFirewallSubnet, AzureFirewallManagementSubnet, RouteServerSubnet, AzureBastionSubnet); then the first
    /// subnet. A subnet stands for its own first usable address. A NIC stands for its primary IP.
    /// </remarks>
    internal static class PathEndpoints
    {
        private static readonly string[] PlatformSubnets =
        {
            "GatewaySubnet", "AzureFirewallSubnet", "AzureFirewallManagementSubnet", "RouteServerSubnet", "AzureBastionSubnet",
        };

        public static PathEndpoint Resolve(Topology topology, string text, string parameter)
        {
            if (topology == null) throw new ArgumentNullException(nameof(topology));
            var t = (text ?? "").Trim();
            if (t.Length == 0) throw new EngineInputException(parameter, "give a VNet name, VNET/SUBNET, a NIC name, an IP address or a resource id");
            if (t.IndexOf('/') < 0 && IpAddressValue.TryParse(t, out var ip)) return ForAddress(topology, t, ip, parameter);
            if (t.IndexOf("/providers/", StringComparison.OrdinalIgnoreCase) >= 0 && ResourceId.TryParse(t, out var id))
            {
                switch (topology.Find(id))
                {
                    case VirtualNetwork v: return ForVnet(topology, t, v, parameter);
                    case Subnet s: return ForSubnet(t, s, parameter);
                    case NetworkInterface n: return ForNic(topology, t, n, parameter);
                    default: throw new EngineInputException(parameter, $"no virtual network, subnet or network interface with id {id} in the snapshot");
                }
            }
            if (t.IndexOf('/') >= 0) return ForSubnet(t, RequestNames.Subnet(topology, t, parameter), parameter);
            var vnets = topology.VirtualNetworks.Where(v => string.Equals(v.Name, t, StringComparison.OrdinalIgnoreCase)).ToList();
            var nics = topology.NetworkInterfaces.Where(n => string.Equals(n.Name, t, StringComparison.OrdinalIgnoreCase)).ToList();
            var ids = vnets.Select(v => v.Id.Value).Concat(nics.Select(n => n.Id.Value)).ToList();
            if (ids.Count > 1)
                throw new EngineInputException(parameter, $"'{t}' names {ids.Count} resources; give one of these ids:{Environment.NewLine}  " +
                    string.Join(Environment.NewLine + "  ", ids));
            if (vnets.Count == 1) return ForVnet(topology, t, vnets[0], parameter);
            if (nics.Count == 1) return ForNic(topology, t, nics[0], parameter);
            throw new EngineInputException(parameter, $"no virtual network or network interface named '{t}' in the snapshot (use VNET/SUBNET for a subnet)");
        }

        /// <summary>The representative subnet of a VNet (see the remarks), or null when it has no subnet.</summary>
        public static Subnet? RepresentativeSubnet(Topology topology, VirtualNetwork vnet)
        {
            if (vnet.Subnets.Count == 0) return null;
            var withWorkload = WorkloadSubnets(topology);
            return vnet.Subnets.FirstOrDefault(s => withWorkload.Contains(s.Id) && s.AddressPrefixes.Count > 0)
                ?? vnet.Subnets.FirstOrDefault(s => !IsPlatform(s) && s.AddressPrefixes.Count > 0)
                ?? vnet.Subnets.FirstOrDefault(s => s.AddressPrefixes.Count > 0);
        }

        /// <summary>The first usable address of a prefix: network + 4 (Azure reserves the first four), or the network for tiny prefixes.</summary>
        public static IpAddressValue FirstUsable(IpPrefix prefix) =>
            prefix.Length <= prefix.Network.Bits - 3 ? prefix.Network.Add(4) : prefix.Network;

        internal static bool IsPlatform(Subnet s) => PlatformSubnets.Contains(s.Name, StringComparer.OrdinalIgnoreCase);

        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Topology, HashSet<ResourceId>> Workloads =
            new System.Runtime.CompilerServices.ConditionalWeakTable<Topology, HashSet<ResourceId>>();

        private static HashSet<ResourceId> WorkloadSubnets(Topology topology) =>
            Workloads.GetValue(topology, t => new HashSet<ResourceId>(t.NetworkInterfaces.Where(n => n.PrivateEndpointId == null)
                .SelectMany(n => n.IpConfigurations).Where(c => c.SubnetId != null).Select(c => c.SubnetId!.Value)));

        internal static PathEndpoint ForVnet(Topology topology, string text, VirtualNetwork v, string parameter)
        {
            var s = RepresentativeSubnet(topology, v);
            if (s == null)
            {
                if (v.AddressSpace.Count == 0) throw new EngineInputException(parameter, $"virtual network {v.Name} has neither subnets nor address space");
                var a = FirstUsable(v.AddressSpace[0]);
                return new PathEndpoint(text, a, null, v, null, $"{v.Name} ({a}; the VNet has no subnet)");
            }
            var addr = FirstUsable(s.AddressPrefixes[0]);
            return new PathEndpoint(text, addr, s, v, null, $"{v.Name} ({addr} in {s.DisplayName})");
        }

        private static PathEndpoint ForSubnet(string text, Subnet s, string parameter)
        {
            if (s.AddressPrefixes.Count == 0) throw new EngineInputException(parameter, $"subnet {s.DisplayName} has no address prefix");
            var addr = FirstUsable(s.AddressPrefixes[0]);
            return new PathEndpoint(text, addr, s, s.VirtualNetwork, null, $"{s.DisplayName} ({addr})");
        }

        private static PathEndpoint ForNic(Topology topology, string text, NetworkInterface n, string parameter)
        {
            var cfg = n.IpConfigurations.FirstOrDefault(c => c.Primary && c.PrivateIpAddress != null) ?? n.IpConfigurations.FirstOrDefault(c => c.PrivateIpAddress != null);
            if (cfg?.PrivateIpAddress is not IpAddressValue a) throw new EngineInputException(parameter, $"network interface {n.Name} has no private IP address in the snapshot");
            var s = topology.Find<Subnet>(cfg.SubnetId);
            if (s == null) throw new EngineInputException(parameter, $"network interface {n.Name} is in subnet {cfg.SubnetId}, which is not in the snapshot");
            return new PathEndpoint(text, a, s, s.VirtualNetwork, n, $"{n.Name} ({a} in {s.DisplayName})");
        }

        private static PathEndpoint ForAddress(Topology topology, string text, IpAddressValue ip, string parameter)
        {
            var subnets = topology.VirtualNetworks.SelectMany(v => v.Subnets).Where(s => s.AddressPrefixes.Any(p => p.Contains(ip))).ToList();
            if (subnets.Count > 1)
                throw new EngineInputException(parameter, $"{ip} is in {subnets.Count} subnets (overlapping address spaces); give one of these ids:{Environment.NewLine}  " +
                    string.Join(Environment.NewLine + "  ", subnets.Select(s => s.Id.Value)));
            if (subnets.Count == 1) return new PathEndpoint(text, ip, subnets[0], subnets[0].VirtualNetwork, null, $"{ip} in {subnets[0].DisplayName}");
            var vnet = topology.VirtualNetworks.FirstOrDefault(v => v.AddressSpace.Any(p => p.Contains(ip)));
            return new PathEndpoint(text, ip, null, vnet, null, vnet != null ? $"{ip} in {vnet.Name} (no subnet holds it)" : $"{ip} (outside every VNet of the snapshot)");
        }
    }
}
