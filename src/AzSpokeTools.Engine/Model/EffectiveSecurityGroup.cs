using System;
using System.Collections.Generic;

namespace AzSpokeTools.Engine.Model
{
    /// <summary>
    /// One entry of a captured NIC effectiveNetworkSecurityGroups result (EffectiveNetworkSecurityGroupListResult): a network
    /// security group, what it is associated with (the NIC's subnet or the NIC), and its rules with service tags expanded.
    /// </summary>
    public sealed class EffectiveSecurityGroup
    {
        /// <summary>The network security group, when the body names it.</summary>
        public ResourceId? NetworkSecurityGroupId { get; internal set; }
        /// <summary>association.subnet: the subnet the group is associated with (null for a NIC association).</summary>
        public ResourceId? SubnetId { get; internal set; }
        /// <summary>association.networkInterface: the NIC the group is associated with (null for a subnet association).</summary>
        public ResourceId? NetworkInterfaceId { get; internal set; }
        /// <summary>effectiveSecurityRules.</summary>
        public List<EffectiveSecurityRule> Rules { get; } = new List<EffectiveSecurityRule>();
    }

    /// <summary>One captured effective security rule: names such as securityRules/X or defaultSecurityRules/AllowVnetInBound, tags expanded.</summary>
    public sealed class EffectiveSecurityRule
    {
        /// <summary>securityRules/NAME, defaultSecurityRules/NAME (or a bare name).</summary>
        public string Name { get; internal set; } = "";
        /// <summary>Tcp, Udp, Icmp, All, ...</summary>
        public string Protocol { get; internal set; } = "";
        /// <summary>Allow or Deny.</summary>
        public string Access { get; internal set; } = "";
        /// <summary>Inbound or Outbound.</summary>
        public string Direction { get; internal set; } = "";
        /// <summary>The priority.</summary>
        public int Priority { get; internal set; }
        /// <summary>sourcePortRange and sourcePortRanges ("0-65535" for any).</summary>
        public IReadOnlyList<string> SourcePortRanges { get; internal set; } = Array.Empty<string>();
        /// <summary>destinationPortRange and destinationPortRanges.</summary>
        public IReadOnlyList<string> DestinationPortRanges { get; internal set; } = Array.Empty<string>();
        /// <summary>sourceAddressPrefix and sourceAddressPrefixes as written (tags unexpanded).</summary>
        public IReadOnlyList<string> SourceAddressPrefixes { get; internal set; } = Array.Empty<string>();
        /// <summary>destinationAddressPrefix and destinationAddressPrefixes as written.</summary>
        public IReadOnlyList<string> DestinationAddressPrefixes { get; internal set; } = Array.Empty<string>();
        /// <summary>expandedSourceAddressPrefix: the prefixes a tag stood for at capture time (empty when not a tag).</summary>
        public IReadOnlyList<string> ExpandedSourceAddressPrefixes { get; internal set; } = Array.Empty<string>();
        /// <summary>expandedDestinationAddressPrefix.</summary>
        public IReadOnlyList<string> ExpandedDestinationAddressPrefixes { get; internal set; } = Array.Empty<string>();
    }
}
