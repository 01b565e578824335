using System;
using System.Collections.Generic;
using System.Linq;

namespace AzSpokeTools.Engine.Model
{
    /// <summary>
    /// Resolves what a user types (README.md#the-command-line: "a VNet name, VNET/SUBNET, a NIC name ... or a
    /// resource id") to the resource in the snapshot. Names and ids compare case-insensitively; a name that
    /// matches several resources throws <see cref="AmbiguousNameException"/> listing their ids, and one that
    /// matches none throws <see cref="ResourceNotFoundException"/>.
    /// </summary>
    public sealed partial class Topology
    {
        private const int MaxSuggestions = 5;

        /// <summary>A virtual network by name or resource id.</summary>
        public VirtualNetwork ResolveVirtualNetwork(string nameOrId)
        {
            var text = Required(nameOrId, "virtual network");
            if (LooksLikeId(text))
                return Find<VirtualNetwork>(ParseId(text, "virtual network"))
                       ?? throw new ResourceNotFoundException("virtual network", text, $"there is no virtual network with id '{text}' in the snapshot");
            var matches = VirtualNetworks.Where(v => NameIs(v.Name, text)).ToList();
            return Single(matches, v => v.Id, "virtual network", text,
                () => $"there is no virtual network named '{text}' in the snapshot" + Suggest(VirtualNetworks.Select(v => v.Name), text));
        }

        /// <summary>A subnet by <c>VNET/SUBNET</c> or resource id.</summary>
        public Subnet ResolveSubnet(string vnetSlashSubnetOrId)
        {
            var text = Required(vnetSlashSubnetOrId, "subnet");
            if (LooksLikeId(text))
                return Find<Subnet>(ParseId(text, "subnet"))
                       ?? throw new ResourceNotFoundException("subnet", text, $"there is no subnet with id '{text}' in the snapshot");
            int slash = text.IndexOf('/');
            if (slash <= 0 || slash == text.Length - 1 || text.IndexOf('/', slash + 1) >= 0)
                throw new ResourceNotFoundException("subnet", text, $"'{text}' does not name a subnet: write VNET/SUBNET (e.g. spoke1-vnet/app) or the subnet's resource id");
            var vnetName = text.Substring(0, slash).Trim();
            var subnetName = text.Substring(slash + 1).Trim();
            var vnets = VirtualNetworks.Where(v => NameIs(v.Name, vnetName)).ToList();
            var matches = vnets.SelectMany(v => v.Subnets).Where(s => NameIs(s.Name, subnetName)).ToList();
            return Single(matches, s => s.Id, "subnet", text, () =>
                vnets.Count == 0
                    ? $"there is no virtual network named '{vnetName}' in the snapshot" + Suggest(VirtualNetworks.Select(v => v.Name), vnetName)
                    : $"virtual network '{vnetName}' has no subnet named '{subnetName}'; its subnets are: " +
                      string.Join(", ", vnets.SelectMany(v => v.Subnets).Select(s => s.Name).Distinct(StringComparer.OrdinalIgnoreCase)));
        }

        /// <summary>A network interface by name or resource id.</summary>
        public NetworkInterface ResolveNetworkInterface(string nameOrId)
        {
            var text = Required(nameOrId, "network interface");
            if (LooksLikeId(text))
                return Find<NetworkInterface>(ParseId(text, "network interface"))
                       ?? throw new ResourceNotFoundException("network interface", text, $"there is no network interface with id '{text}' in the snapshot");
            var matches = NetworkInterfaces.Where(n => NameIs(n.Name, text)).ToList();
            return Single(matches, n => n.Id, "network interface", text,
                () => $"there is no network interface named '{text}' in the snapshot" + Suggest(NetworkInterfaces.Select(n => n.Name), text));
        }

        private static string Required(string? text, string kind)
        {
            if (string.IsNullOrWhiteSpace(text)) throw new ArgumentException($"no {kind} given");
            return text!.Trim();
        }

        /// <summary>A resource id, with or without its leading slash (names never contain "/providers/").</summary>
        private static bool LooksLikeId(string text) =>
            text.IndexOf("/providers/", StringComparison.OrdinalIgnoreCase) >= 0 ||
            text.StartsWith("/subscriptions/", StringComparison.OrdinalIgnoreCase) ||
            text.StartsWith("subscriptions/", StringComparison.OrdinalIgnoreCase);

        private static ResourceId ParseId(string text, string kind) =>
            ResourceId.TryParse(text, out var id) ? id : throw new ResourceNotFoundException(kind, text, $"'{text}' is not a resource id");

        private static bool NameIs(string name, string wanted) => string.Equals(name, wanted, StringComparison.OrdinalIgnoreCase);

        private static T Single<T>(List<T> matches, Func<T, ResourceId> id, string kind, string text, Func<string> notFound)
        {
            if (matches.Count == 1) return matches[0];
            if (matches.Count == 0) throw new ResourceNotFoundException(kind, text, notFound());
            throw new AmbiguousNameException(kind, text, matches.Select(id).ToList());
        }

        /// <summary>Names that contain the text or start like it, to help with typos.</summary>
        private static string Suggest(IEnumerable<string> names, string text)
        {
            var close = names
                .Where(n => n.IndexOf(text, StringComparison.OrdinalIgnoreCase) >= 0 || text.IndexOf(n, StringComparison.OrdinalIgnoreCase) >= 0 ||
                            (n.Length >= 3 && text.Length >= 3 && string.Compare(n, 0, text, 0, 3, StringComparison.OrdinalIgnoreCase) == 0))
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .OrderBy(n => n, StringComparer.OrdinalIgnoreCase)
                .Take(MaxSuggestions)
                .ToList();
            return close.Count == 0 ? "" : "; similar names: " + string.Join(", ", close);
        }
    }
}
