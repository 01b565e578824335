using System;
using System.Collections.Generic;
using AzSpokeTools.Engine.Input;

namespace AzSpokeTools.Engine.Model
{
    /// <summary>
    /// One rule of a network security group (securityRules or defaultSecurityRules). Addresses and ports are kept as written
    /// ("*", a CIDR, an IP, a service tag, "80", "1000-2000"); augmented rules carry several of each.
    /// </summary>
    public sealed class SecurityRule
    {
        /// <summary>The rule's resource id (…/networkSecurityGroups/NSG/securityRules/NAME or …/defaultSecurityRules/NAME).</summary>
        public ResourceId Id { get; internal set; }
        /// <summary>The rule name.</summary>
        public string Name { get; internal set; } = "";
        /// <summary>100–4096 for custom rules; 65000–65500 for the default rules.</summary>
        public int Priority { get; internal set; }
        /// <summary>Inbound or Outbound.</summary>
        public SecurityRuleDirection Direction { get; internal set; }
        /// <summary>Allow or Deny.</summary>
        public SecurityRuleAccess Access { get; internal set; }
        /// <summary>Tcp, Udp, Icmp, Esp, Ah or * (any), as normalised on load.</summary>
        public string Protocol { get; internal set; } = "*";
        /// <summary>sourceAddressPrefix and sourceAddressPrefixes together.</summary>
        public IReadOnlyList<string> SourceAddressPrefixes { get; internal set; } = Array.Empty<string>();
        /// <summary>destinationAddressPrefix and destinationAddressPrefixes together.</summary>
        public IReadOnlyList<string> DestinationAddressPrefixes { get; internal set; } = Array.Empty<string>();
        /// <summary>sourcePortRange and sourcePortRanges together.</summary>
        public IReadOnlyList<string> SourcePortRanges { get; internal set; } = Array.Empty<string>();
        /// <summary>destinationPortRange and destinationPortRanges together.</summary>
        public IReadOnlyList<string> DestinationPortRanges { get; internal set; } = Array.Empty<string>();
        /// <summary>Application security groups a source address must belong to.</summary>
        public IReadOnlyList<ResourceId> SourceApplicationSecurityGroupIds { get; internal set; } = Array.Empty<ResourceId>();
        /// <summary>Application security groups a destination address must belong to.</summary>
        public IReadOnlyList<ResourceId> DestinationApplicationSecurityGroupIds { get; internal set; } = Array.Empty<ResourceId>();
        /// <summary>True for the platform's default rules (AllowVnetInBound, DenyAllInBound, ...).</summary>
        public bool IsDefault { get; internal set; }
        /// <summary>Why the rule cannot be evaluated (a field missing or unreadable); null when it is complete.</summary>
        public string? Problem { get; internal set; }
        /// <summary>Where the rule was read (default for synthesised default rules).</summary>
        public SourceLocation Source { get; internal set; }

        internal static SecurityRule Read(ArmValue n, ResourceId nsg, bool isDefault)
        {
            var name = n.Own("name")?.AsString() ?? "";
            var r = new SecurityRule { Name = name, IsDefault = isDefault, Source = n.Location };
            r.Id = ResourceId.TryParse(n.Own("id")?.AsString(), out var id) ? id : nsg.Child(isDefault ? "defaultSecurityRules" : "securityRules", name);
            var problems = new List<string>();
            r.Priority = SecurityRuleFields.Priority(n, problems);
            r.Direction = SecurityRuleFields.Direction(n, problems);
            r.Access = SecurityRuleFields.Access(n, problems, alwaysAllow: false);
            r.Protocol = SecurityProtocols.Normalize(n.Str("protocol"), problems);
            r.SourceAddressPrefixes = Merge(n.Strings("sourceAddressPrefix"), n.Strings("sourceAddressPrefixes"));
            r.DestinationAddressPrefixes = Merge(n.Strings("destinationAddressPrefix"), n.Strings("destinationAddressPrefixes"));
            r.SourcePortRanges = Merge(n.Strings("sourcePortRange"), n.Strings("sourcePortRanges"));
            r.DestinationPortRanges = Merge(n.Strings("destinationPortRange"), n.Strings("destinationPortRanges"));
            r.SourceApplicationSecurityGroupIds = Refs(n, "sourceApplicationSecurityGroups");
            r.DestinationApplicationSecurityGroupIds = Refs(n, "destinationApplicationSecurityGroups");
            if (r.SourceAddressPrefixes.Count == 0 && r.SourceApplicationSecurityGroupIds.Count == 0) problems.Add("no source address prefix or application security group");
            if (r.DestinationAddressPrefixes.Count == 0 && r.DestinationApplicationSecurityGroupIds.Count == 0) problems.Add("no destination address prefix or application security group");
            if (r.SourcePortRanges.Count == 0) problems.Add("no source port range");
            if (r.DestinationPortRanges.Count == 0) problems.Add("no destination port range");
            if (problems.Count > 0)
            {
                r.Problem = string.Join("; ", problems);
                n.Context.Warn(n.Location, $"security rule '{name}' of {nsg.Name}: {r.Problem}; answers that reach it are Unknown");
            }
            return r;
        }

        internal static IReadOnlyList<string> Merge(List<string> single, List<string> many)
        {
            foreach (var m in many) if (!single.Contains(m)) single.Add(m);
            return single;
        }

        internal static IReadOnlyList<ResourceId> Refs(ArmValue n, string name)
        {
            var list = new List<ResourceId>();
            foreach (var item in n.Array(name))
                if (item.AsRef() is ResourceId id && !list.Contains(id)) list.Add(id);
            return list;
        }

        /// <summary>A default rule the platform creates in every network security group.</summary>
        internal static SecurityRule Default(ResourceId nsg, string name, int priority, SecurityRuleDirection direction, SecurityRuleAccess access, string source, string destination) =>
            new SecurityRule
            {
                Id = nsg.Child("defaultSecurityRules", name),
                Name = name,
                Priority = priority,
                Direction = direction,
                Access = access,
                Protocol = "*",
                SourceAddressPrefixes = new[] { source },
                DestinationAddressPrefixes = new[] { destination },
                SourcePortRanges = new[] { "*" },
                DestinationPortRanges = new[] { "*" },
                IsDefault = true,
            };

        /// <inheritdoc />
        public override string ToString() => $"{Name} ({Priority}, {Direction}, {Access})";
    }
}
