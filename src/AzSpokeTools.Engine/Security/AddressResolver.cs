using System;
using System.Collections.Generic;
using System.Linq;
using AzSpokeTools.Engine.Addresses;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Routing;

namespace AzSpokeTools.Engine.Security
{
    /// <summary>
    /// Resolves the named entries of rules to addresses: service tags (through the service-tag file), application security groups
    /// (the NIC IP configurations that join them), IP groups and AVNM network groups (their member VNets' address spaces).
    /// </summary>
    internal sealed class AddressResolver
    {
        private readonly Topology _topology;
        private readonly ServiceTagCatalog? _tags;
        private Dictionary<ResourceId, List<IpAddressValue>>? _asgMembers;
        private readonly Dictionary<string, AddressSet?> _serviceTags = new Dictionary<string, AddressSet?>(StringComparer.OrdinalIgnoreCase);

        public AddressResolver(Topology topology, ServiceTagCatalog? serviceTags)
        {
            _topology = topology;
            _tags = serviceTags;
        }

        /// <summary>Adds the tag's prefixes; returns why it cannot (no service-tag file, or the file lacks the tag), or null.</summary>
        public string? ServiceTag(string name, AddressSet.Builder into)
        {
            if (!_serviceTags.TryGetValue(name, out var set))
            {
                var prefixes = _tags?.Resolve(new[] { name });
                set = prefixes != null && prefixes.Count > 0 ? new AddressSet.Builder().Add(prefixes).Build() : null;
                _serviceTags[name] = set;
            }
            if (set != null)
            {
                into.Add(set);
                return null;
            }
            return _tags == null
                ? $"service tag {name} is not resolved: give Azure's service-tag file (--service-tags / -ServiceTagFile)"
                : $"service tag {name} is not in the service-tag file";
        }

        /// <summary>
        /// The addresses of the NIC IP configurations that belong to the application security group (Azure docs, "Application security
        /// groups"); none when no NIC of the snapshot joins it.
        /// </summary>
        public IEnumerable<IpAddressValue> ApplicationSecurityGroupMembers(string id)
        {
            if (_asgMembers == null)
            {
                _asgMembers = new Dictionary<ResourceId, List<IpAddressValue>>();
                foreach (var nic in _topology.NetworkInterfaces)
                    foreach (var c in nic.IpConfigurations)
                        if (c.PrivateIpAddress is IpAddressValue ip)
                            foreach (var asg in c.ApplicationSecurityGroupIds)
                            {
                                if (!_asgMembers.TryGetValue(asg, out var list)) _asgMembers[asg] = list = new List<IpAddressValue>();
                                list.Add(ip);
                            }
            }
            return ResourceId.TryParse(id, out var rid) && _asgMembers.TryGetValue(rid, out var members) ? members : Enumerable.Empty<IpAddressValue>();
        }

        /// <summary>Adds an IP group's entries; returns why it cannot (not in the snapshot, an unreadable entry), or null.</summary>
        public string? IpGroup(string id, AddressSet.Builder into)
        {
            var group = ResourceId.TryParse(id, out var rid) ? _topology.Find<IpGroup>(rid) : null;
            if (group == null) return $"IP group {id} is not in the snapshot";
            string? problem = null;
            foreach (var e in group.IpAddresses)
                if (!into.TryAdd(e)) problem ??= $"entry '{e}' of IP group {group.Name} is not an address, prefix or range";
            return problem;
        }

        /// <summary>
        /// Adds the address spaces of an AVNM network group's static member VNets; returns why that may be incomplete (the group is not in
        /// the snapshot, or has no static members: its members come from Azure Policy, which is not evaluated offline), or null.
        /// </summary>
        public string? NetworkGroup(string id, AddressSet.Builder into)
        {
            var group = ResourceId.TryParse(id, out var rid) ? _topology.Find<NetworkGroup>(rid) : null;
            if (group == null) return $"network group {id} is not in the snapshot";
            if (group.StaticMemberIds.Count == 0) return $"network group {group.Name} has no static members: its members come from Azure Policy, which is not evaluated offline";
            foreach (var m in group.StaticMemberIds)
            {
                if (_topology.Find(m) is VirtualNetwork v) into.Add(v.AddressSpace);
                else if (_topology.Find(m) is Subnet s) into.Add(s.AddressPrefixes);
            }
            return null;
        }
    }
}
