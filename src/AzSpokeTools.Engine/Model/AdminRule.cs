using System;
using System.Collections.Generic;
using AzSpokeTools.Engine.Input;

namespace AzSpokeTools.Engine.Model
{
    /// <summary>
    /// networkManagers/securityAdminConfigurations/ruleCollections/rules: a security admin rule (kind Custom, or Default for the
    /// rules AVNM creates from a flag; both expose the same fields). Evaluated before network security groups: Deny stops the
    /// traffic, AlwaysAllow admits it without the NSGs, Allow hands it on to the NSGs (Azure docs, "Security admin rules in Azure
    /// Virtual Network Manager" > "Action").
    /// </summary>
    public sealed class AdminRule : AzureResource
    {
        /// <summary>The rule collection that holds the rule.</summary>
        public ResourceId CollectionId { get; internal set; }
        /// <summary>Custom or Default.</summary>
        public string Kind { get; internal set; } = "Custom";
        /// <summary>1–4096; lower numbers are evaluated first.</summary>
        public int Priority { get; internal set; }
        /// <summary>Inbound or Outbound.</summary>
        public SecurityRuleDirection Direction { get; internal set; }
        /// <summary>Allow, Deny or AlwaysAllow.</summary>
        public SecurityRuleAccess Access { get; internal set; }
        /// <summary>Tcp, Udp, Icmp, Esp, Ah or * (Any).</summary>
        public string Protocol { get; internal set; } = "*";
        /// <summary>Source address items; empty means any.</summary>
        public IReadOnlyList<AdminAddressItem> Sources { get; internal set; } = Array.Empty<AdminAddressItem>();
        /// <summary>Destination address items; empty means any.</summary>
        public IReadOnlyList<AdminAddressItem> Destinations { get; internal set; } = Array.Empty<AdminAddressItem>();
        /// <summary>Source port ranges; empty means any.</summary>
        public IReadOnlyList<string> SourcePortRanges { get; internal set; } = Array.Empty<string>();
        /// <summary>Destination port ranges; empty means any.</summary>
        public IReadOnlyList<string> DestinationPortRanges { get; internal set; } = Array.Empty<string>();
        /// <summary>Why the rule cannot be evaluated; null when it is complete.</summary>
        public string? Problem { get; internal set; }

        internal static AdminRule Read(ArmValue n, ResourceId id, string type)
        {
            var r = new AdminRule();
            r.ReadCommon(n, id, type);
            r.CollectionId = id.Parent ?? id;
            r.Kind = n.Own("kind")?.AsString() ?? "Custom";
            var problems = new List<string>();
            r.Priority = SecurityRuleFields.Priority(n, problems);
            r.Direction = SecurityRuleFields.Direction(n, problems);
            r.Access = SecurityRuleFields.Access(n, problems, alwaysAllow: true);
            r.Protocol = SecurityProtocols.Normalize(n.Str("protocol"), problems);
            r.Sources = Items(n, "sources");
            r.Destinations = Items(n, "destinations");
            r.SourcePortRanges = n.Strings("sourcePortRanges");
            r.DestinationPortRanges = n.Strings("destinationPortRanges");
            if (problems.Count > 0)
            {
                r.Problem = string.Join("; ", problems);
                n.Context.Warn(n.Location, $"security admin rule {r.Name}: {r.Problem}; answers that reach it are Unknown");
            }
            return r;
        }

        private static IReadOnlyList<AdminAddressItem> Items(ArmValue n, string name)
        {
            var list = new List<AdminAddressItem>();
            foreach (var item in n.Objects(name, "an address prefix item"))
            {
                var prefix = item.Str("addressPrefix");
                if (string.IsNullOrWhiteSpace(prefix)) continue;
                list.Add(new AdminAddressItem(prefix!.Trim(), item.Str("addressPrefixType") ?? "IPPrefix"));
            }
            return list;
        }
    }

    /// <summary>One source or destination of a security admin rule.</summary>
    public sealed class AdminAddressItem
    {
        internal AdminAddressItem(string addressPrefix, string addressPrefixType)
        {
            AddressPrefix = addressPrefix;
            AddressPrefixType = addressPrefixType;
        }

        /// <summary>A CIDR or IP (IPPrefix), a service tag name (ServiceTag), or a network group id (NetworkGroup).</summary>
        public string AddressPrefix { get; }
        /// <summary>IPPrefix, ServiceTag or NetworkGroup.</summary>
        public string AddressPrefixType { get; }

        /// <inheritdoc />
        public override string ToString() => AddressPrefix;
    }
}
