using System;
using System.Collections.Generic;
using System.Linq;
using AzSpokeTools.Engine.Requests;

namespace AzSpokeTools.Engine.Model
{
    /// <summary>
    /// Resolves what users type — a name, VNET/SUBNET or a resource id — to a resource of the topology.
    /// Names compare case-insensitively and must be unique; otherwise the error lists the candidate ids.
    /// </summary>
    public static class TopologyNames
    {
        public static VirtualNetwork ResolveVirtualNetwork(Topology topology, string text, string parameter) =>
            Resolve(topology.VirtualNetworks, text, parameter, "virtual network", v => v.Id, v => v.Name);

        public static Subnet ResolveSubnet(Topology topology, string text, string parameter)
        {
            var subnets = topology.VirtualNetworks.SelectMany(v => v.Subnets);
            return Resolve(subnets, text, parameter, "subnet", s => s.Id, s => s.DisplayName);
        }

        public static NetworkInterface ResolveNetworkInterface(Topology topology, string text, string parameter) =>
            Resolve(topology.NetworkInterfaces, text, parameter, "network interface", n => n.Id, n => n.Name);

        private static T Resolve<T>(IEnumerable<T> items, string text, string parameter, string what, Func<T, ResourceId> id, Func<T, string> name)
        {
            var t = (text ?? "").Trim();
            if (t.Length == 0) throw new EngineInputException(parameter, $"give a {what} name or resource id");
            if (t.IndexOf("/providers/", StringComparison.OrdinalIgnoreCase) >= 0 && ResourceId.TryParse(t, out var rid))
            {
                foreach (var item in items) if (id(item) == rid) return item;
                throw new ResourceNotFoundException(parameter, what, t, $"no {what} with id {rid} in the snapshot");
            }
            var matches = items.Where(i => string.Equals(name(i), t, StringComparison.OrdinalIgnoreCase)).ToList();
            if (matches.Count == 1) return matches[0];
            if (matches.Count > 1)
            {
                var candidates = matches.Select(m => id(m).Value).ToList();
                throw new AmbiguousNameException(parameter, what, t, candidates, $"{matches.Count} {what}s are named '{t}'; give one of these ids:{Environment.NewLine}  " +
                    string.Join(Environment.NewLine + "  ", candidates));
            }
            throw new ResourceNotFoundException(parameter, what, t, $"no {what} named '{t}' in the snapshot");
        }
    }
}
