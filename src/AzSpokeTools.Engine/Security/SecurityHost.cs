using System.Collections.Generic;
using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Engine.Security
{
    /// <summary>
    /// Where security rules are enforced for an address: a subnet and the NIC holding the address (if the snapshot has one), with the
    /// VNet's security admin rules and the NSGs of the subnet and NIC compiled for that host's VirtualNetwork tag.
    /// </summary>
    internal sealed class SecurityHost
    {
        public SecurityHost(Subnet subnet, NetworkInterface? nic, HostAddressContext context)
        {
            Subnet = subnet;
            Nic = nic;
            Context = context;
        }

        public Subnet Subnet { get; }
        public NetworkInterface? Nic { get; }
        public HostAddressContext Context { get; }
        public RuleList AdminInbound { get; set; } = RuleList.Empty;
        public RuleList AdminOutbound { get; set; } = RuleList.Empty;
        /// <summary>The security admin configuration(s) the rules come from, for the check's name.</summary>
        public string AdminName { get; set; } = "";
        public string AdminResourceId { get; set; } = "";
        public List<string> Notes { get; } = new List<string>();
        public NsgStage? SubnetStage { get; set; }
        public NsgStage? NicStage { get; set; }

        public RuleList Admin(SecurityRuleDirection d) => d == SecurityRuleDirection.Inbound ? AdminInbound : AdminOutbound;

        public string Name => Nic != null ? Nic.Name + " in " + Subnet.DisplayName : Subnet.DisplayName;
    }

    /// <summary>The NSG of a subnet or a NIC, compiled; or why it cannot be evaluated, or why it does not apply.</summary>
    internal sealed class NsgStage
    {
        public NsgStage(string attachedTo, NetworkSecurityGroup? nsg, ResourceId id)
        {
            AttachedTo = attachedTo;
            Nsg = nsg;
            Id = id;
        }

        /// <summary>"subnet spoke1/workload" or "network interface vm1-nic".</summary>
        public string AttachedTo { get; }
        /// <summary>Null when the NSG is not in the snapshot.</summary>
        public NetworkSecurityGroup? Nsg { get; }
        public ResourceId Id { get; }
        public RuleList Inbound { get; set; } = RuleList.Empty;
        public RuleList Outbound { get; set; } = RuleList.Empty;
        /// <summary>Why the NSG does not filter this host's traffic (private endpoint network policies off), or null.</summary>
        public string? NotApplied { get; set; }

        public RuleList Rules(SecurityRuleDirection d) => d == SecurityRuleDirection.Inbound ? Inbound : Outbound;
    }
}
