using System;
using System.Collections.Generic;
using AzSpokeTools.Engine.Input;

namespace AzSpokeTools.Engine.Model
{
    /// <summary>One rule of a firewall rule collection: network, application or DNAT; fields as written.</summary>
    public sealed class FirewallRule
    {
        /// <summary>The rule name.</summary>
        public string Name { get; internal set; } = "";
        /// <summary>Network, Application or Nat.</summary>
        public FirewallRuleKind Kind { get; internal set; }
        /// <summary>Network and DNAT rules: TCP, UDP, ICMP or Any.</summary>
        public IReadOnlyList<string> IpProtocols { get; internal set; } = Array.Empty<string>();
        /// <summary>Application rules: "Http:80", "Https:443", "Mssql:1433".</summary>
        public IReadOnlyList<string> ApplicationProtocols { get; internal set; } = Array.Empty<string>();
        /// <summary>Source addresses: *, IPs, CIDRs, ranges.</summary>
        public IReadOnlyList<string> SourceAddresses { get; internal set; } = Array.Empty<string>();
        /// <summary>Source IP groups.</summary>
        public IReadOnlyList<ResourceId> SourceIpGroupIds { get; internal set; } = Array.Empty<ResourceId>();
        /// <summary>Destination addresses: *, IPs, CIDRs, ranges or service tags.</summary>
        public IReadOnlyList<string> DestinationAddresses { get; internal set; } = Array.Empty<string>();
        /// <summary>Destination IP groups.</summary>
        public IReadOnlyList<ResourceId> DestinationIpGroupIds { get; internal set; } = Array.Empty<ResourceId>();
        /// <summary>Destination ports: *, a port or a range.</summary>
        public IReadOnlyList<string> DestinationPorts { get; internal set; } = Array.Empty<string>();
        /// <summary>Network rules: destination FQDNs (resolved by the firewall's DNS proxy; not evaluated offline).</summary>
        public IReadOnlyList<string> DestinationFqdns { get; internal set; } = Array.Empty<string>();
        /// <summary>Application rules: target FQDNs, FQDN tags, web categories and URLs (names: not evaluated offline).</summary>
        public IReadOnlyList<string> TargetNames { get; internal set; } = Array.Empty<string>();

        internal static FirewallRule ReadPolicy(ArmValue n)
        {
            var type = n.Str("ruleType") ?? "";
            var kind = type.IndexOf("Application", StringComparison.OrdinalIgnoreCase) >= 0 ? FirewallRuleKind.Application
                : type.IndexOf("Nat", StringComparison.OrdinalIgnoreCase) >= 0 ? FirewallRuleKind.Nat : FirewallRuleKind.Network;
            var r = Common(n, kind);
            r.IpProtocols = n.Strings("ipProtocols");
            return r;
        }

        internal static FirewallRule ReadClassic(ArmValue n, FirewallRuleKind kind)
        {
            var r = Common(n, kind);
            if (kind != FirewallRuleKind.Application) r.IpProtocols = n.Strings("protocols");
            return r;
        }

        private static FirewallRule Common(ArmValue n, FirewallRuleKind kind)
        {
            var r = new FirewallRule { Name = n.Own("name")?.AsString() ?? n.Str("name") ?? "", Kind = kind };
            r.SourceAddresses = n.Strings("sourceAddresses");
            r.SourceIpGroupIds = Ids(n, "sourceIpGroups");
            r.DestinationAddresses = n.Strings("destinationAddresses");
            r.DestinationIpGroupIds = Ids(n, "destinationIpGroups");
            r.DestinationPorts = n.Strings("destinationPorts");
            r.DestinationFqdns = n.Strings("destinationFqdns");
            if (kind == FirewallRuleKind.Application)
            {
                var protocols = new List<string>();
                foreach (var p in n.Objects("protocols", "an application protocol"))
                    protocols.Add((p.Str("protocolType") ?? "") + ":" + (p.Get("port")?.AsString() ?? ""));
                r.ApplicationProtocols = protocols;
                var names = new List<string>();
                names.AddRange(n.Strings("targetFqdns"));
                names.AddRange(n.Strings("fqdnTags"));
                names.AddRange(n.Strings("webCategories"));
                names.AddRange(n.Strings("targetUrls"));
                r.TargetNames = names;
            }
            return r;
        }

        private static IReadOnlyList<ResourceId> Ids(ArmValue n, string name)
        {
            var list = new List<ResourceId>();
            foreach (var s in n.Strings(name))
                if (ResourceId.TryParse(s, out var id)) list.Add(id);
                else n.Context.Warn(n.Location, $"'{s}' in {name} is not an IP group id; ignored");
            return list;
        }

        /// <inheritdoc />
        public override string ToString() => Name;
    }
}
