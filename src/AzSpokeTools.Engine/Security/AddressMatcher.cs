using System;
using System.Collections.Generic;
using AzSpokeTools.Engine.Addresses;

namespace AzSpokeTools.Engine.Security
{
    /// <summary>How an address entry of a rule is written.</summary>
    internal enum AddressItemKind
    {
        /// <summary>"*", an IP, a CIDR, a range or a service tag name (NSG and firewall fields).</summary>
        Auto,
        /// <summary>An IP or CIDR (admin rule IPPrefix).</summary>
        Prefix,
        /// <summary>A service tag (admin rule ServiceTag).</summary>
        ServiceTag,
        /// <summary>An AVNM network group id (admin rule NetworkGroup).</summary>
        NetworkGroup,
        /// <summary>An application security group id.</summary>
        ApplicationSecurityGroup,
        /// <summary>An IP group id.</summary>
        IpGroup,
        /// <summary>A fully qualified domain name (firewall network rule destinationFqdns).</summary>
        Fqdn,
    }

    /// <summary>One address entry of a rule.</summary>
    internal readonly struct AddressItem
    {
        public AddressItem(AddressItemKind kind, string text)
        {
            Kind = kind;
            Text = text;
        }

        public AddressItemKind Kind { get; }
        public string Text { get; }
    }

    /// <summary>
    /// One side (source or destination) of a rule, compiled for a host: Yes when an entry holds the address; Maybe when an entry cannot be
    /// resolved offline (its reason says why); Assumed when only the VirtualNetwork tag's default route holds it.
    /// </summary>
    internal sealed class AddressMatcher
    {
        private bool _any;
        private AddressSet _set = AddressSet.Empty;
        /// <summary>The host whose VirtualNetwork tag an entry names, held by reference: every rule of a host shares the one tag.</summary>
        private HostAddressContext? _virtualNetwork;
        private AddressSet? _assumed;
        private bool _internet;
        private HostAddressContext? _notInternet;

        /// <summary>Why some entry could not be resolved (the first such), or null.</summary>
        public string? Unknown { get; private set; }
        /// <summary>What the Assumed answer rests on, or null.</summary>
        public string? Assumption { get; private set; }

        public static readonly AddressMatcher Anything = new AddressMatcher { _any = true };

        public bool IsAny => _any;

        public Match Match(IpAddressValue a)
        {
            if (_any || _set.Contains(a) || (_virtualNetwork != null && _virtualNetwork.InVirtualNetwork(a))) return Security.Match.Yes;
            if (_internet && !PrivateRanges.Contains(a) && !(_notInternet?.InVirtualNetwork(a) ?? false)) return Security.Match.Yes;
            if (Unknown != null) return Security.Match.Maybe;
            if (_assumed != null && _assumed.Contains(a)) return Security.Match.Assumed;
            return Security.Match.No;
        }

        /// <summary>
        /// The sets whose membership decides <see cref="Match"/> apart from the host's VirtualNetwork tag: two addresses in the same of them
        /// (and on the same side of the tag) match alike.
        /// </summary>
        public IEnumerable<AddressSet> StaticSets()
        {
            yield return _set;
            if (_internet) yield return PrivateRanges;
            if (_assumed != null) yield return _assumed;
        }

        /// <summary>True when <see cref="Match"/> asks the host's VirtualNetwork tag.</summary>
        public bool UsesVirtualNetwork => !_any && (_virtualNetwork != null || _notInternet != null);

        /// <summary>
        /// Addresses outside the private and special-purpose ranges: the Internet tag is "the IP address space that's outside the virtual
        /// network and reachable by the public internet" (Azure docs, "Virtual network service tags" > "Available service tags") [INFER: the
        /// RFC 1918, RFC 6598, loopback, link-local and multicast ranges are not].
        /// </summary>
        private static readonly AddressSet PrivateRanges = Build(new[]
        {
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.168.0.0/16", "224.0.0.0/3",
            "::/128", "::1/128", "fc00::/7", "fe80::/10", "ff00::/8",
        });

        /// <summary>The Azure host's virtual IP: the AzureLoadBalancer tag, and part of the VirtualNetwork tag (Azure docs, "Virtual network service tags").</summary>
        public static readonly IpPrefix HostVirtualIp = IpPrefix.Parse("168.63.129.16/32");

        private static AddressSet Build(IEnumerable<string> entries)
        {
            var b = new AddressSet.Builder();
            foreach (var e in entries) b.TryAdd(e);
            return b.Build();
        }

        /// <summary>Compiles <paramref name="items"/> for the host <paramref name="host"/>; an empty list matches everything.</summary>
        public static AddressMatcher Compile(IReadOnlyList<AddressItem> items, HostAddressContext host, AddressResolver resolver)
        {
            if (items.Count == 0) return Anything;
            var m = new AddressMatcher();
            var b = new AddressSet.Builder();
            foreach (var item in items)
            {
                var text = item.Text.Trim();
                switch (item.Kind)
                {
                    case AddressItemKind.ApplicationSecurityGroup:
                        foreach (var ip in resolver.ApplicationSecurityGroupMembers(text)) b.Add(ip, ip);
                        continue;
                    case AddressItemKind.IpGroup:
                        if (resolver.IpGroup(text, b) is string missing) m.Unknown ??= missing;
                        continue;
                    case AddressItemKind.NetworkGroup:
                        if (resolver.NetworkGroup(text, b) is string dynamic) m.Unknown ??= dynamic;
                        continue;
                    case AddressItemKind.Fqdn:
                        m.Unknown ??= $"the rule names {text}, a domain name: it is resolved by DNS when traffic flows and is not evaluated offline";
                        continue;
                }
                if (item.Kind != AddressItemKind.ServiceTag && (text == "*" || text.Equals("Any", StringComparison.OrdinalIgnoreCase) || text == "0.0.0.0/0" || text == "::/0"))
                {
                    m._any = true;
                    return m;
                }
                if (item.Kind != AddressItemKind.ServiceTag && b.TryAdd(text)) continue;
                if (item.Kind == AddressItemKind.Prefix)
                {
                    m.Unknown ??= $"'{text}' is not an address or prefix";
                    continue;
                }
                // A service tag.
                if (text.Equals("VirtualNetwork", StringComparison.OrdinalIgnoreCase))
                {
                    if (host.Unavailable != null)
                    {
                        m.Unknown ??= host.Unavailable;
                        continue;
                    }
                    m._virtualNetwork = host;
                    if (host.DefaultRoute != null)
                    {
                        m._assumed = AddressSet.All;
                        m.Assumption = host.DefaultRoute;
                    }
                }
                else if (text.Equals("AzureLoadBalancer", StringComparison.OrdinalIgnoreCase)) b.Add(HostVirtualIp);
                else if (text.Equals("Internet", StringComparison.OrdinalIgnoreCase))
                {
                    m._internet = true;
                    m._notInternet = host;
                }
                else if (resolver.ServiceTag(text, b) is string unresolved) m.Unknown ??= unresolved;
            }
            m._set = b.Build();
            return m;
        }
    }

    /// <summary>What the VirtualNetwork tag stands for at one host (a subnet, and the NIC in it).</summary>
    internal sealed class HostAddressContext
    {
        public HostAddressContext(AddressSet virtualNetwork, string? defaultRoute, string? unavailable = null, AddressSet? shared = null)
        {
            VirtualNetwork = virtualNetwork;
            Shared = shared ?? AddressSet.Empty;
            DefaultRoute = defaultRoute;
            Unavailable = unavailable;
        }

        /// <summary>
        /// The VirtualNetwork tag's prefixes of the subnet's own routes (default routes left out); with <see cref="Shared"/>, the whole tag.
        /// </summary>
        public AddressSet VirtualNetwork { get; }
        /// <summary>
        /// The tag's prefixes from a route layer many subnets share (gateway-learnt routes), one set for all of them: the tag is the union of
        /// both parts, kept apart so that thousands of shared prefixes are neither copied nor re-sorted per subnet.
        /// </summary>
        public AddressSet Shared { get; }

        /// <summary>True when the VirtualNetwork tag holds <paramref name="a"/> (or what <see cref="Suppose"/> says of it).</summary>
        public bool InVirtualNetwork(IpAddressValue a) =>
            _supposed && a == _supposedAddress ? _supposedValue : VirtualNetwork.Contains(a) || Shared.Contains(a);

        private bool _supposed, _supposedValue;
        private IpAddressValue _supposedAddress;

        /// <summary>
        /// Until <see cref="Forget"/>, answer <paramref name="inTag"/> for <paramref name="a"/>: the matrix evaluates a pair once for each
        /// answer to learn whether the tag's answer for that address changes the verdict (single-threaded, as the matrix is).
        /// </summary>
        public void Suppose(IpAddressValue a, bool inTag)
        {
            _supposed = true;
            _supposedAddress = a;
            _supposedValue = inTag;
        }

        /// <summary>Ends <see cref="Suppose"/>.</summary>
        public void Forget() => _supposed = false;
        /// <summary>When a user-defined default route exists: the note that the tag is taken to hold it; null otherwise.</summary>
        public string? DefaultRoute { get; }

        /// <summary>Why the VirtualNetwork tag has no meaning here (firewall rules), or null.</summary>
        public string? Unavailable { get; }

        /// <summary>Firewall rules: the VirtualNetwork tag belongs to a NIC's or subnet's NSG, not to a firewall.</summary>
        public static readonly HostAddressContext Firewall = new HostAddressContext(AddressSet.Empty, null,
            "the VirtualNetwork tag in a firewall rule stands for no NIC's address space here and is not evaluated");
    }
}
