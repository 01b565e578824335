using System.Collections.Generic;
using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Engine.Migration
{
    /// <summary>How the group's members are defined.</summary>
    public enum MembershipMode
    {
        /// <summary>One staticMembers child per VNet, added wave by wave.</summary>
        Static,
        /// <summary>An Azure Policy definition (mode Microsoft.Network.Data, effect addToNetworkGroup) adds VNets by tag.</summary>
        Policy,
        /// <summary>An existing network group named in the selection, used as it is (the plan does not change it).</summary>
        Existing,
    }

    /// <summary>The network group of the mesh.</summary>
    public sealed class PlannedNetworkGroup
    {
        internal PlannedNetworkGroup(ResourceId id, string description, MembershipMode mode, IReadOnlyList<PlannedStaticMember> staticMembers,
            KeyValuePair<string, string>? policyTag)
        {
            Id = id; Description = description; Mode = mode; StaticMembers = staticMembers; PolicyTag = policyTag;
        }

        public ResourceId Id { get; }
        public string Name => Id.Name;
        /// <summary>Carries the ownership marker (azspoke-owner=...).</summary>
        public string Description { get; }
        public MembershipMode Mode { get; }
        public IReadOnlyList<PlannedStaticMember> StaticMembers { get; }
        /// <summary>The tag a policy-based group selects VNets by.</summary>
        public KeyValuePair<string, string>? PolicyTag { get; }
        /// <summary>Name of the Azure Policy definition for dynamic membership.</summary>
        public string PolicyDefinitionName => "azspoke-" + Name + "-membership";
    }

    /// <summary>One static member (a VNet) of the group.</summary>
    public sealed class PlannedStaticMember
    {
        internal PlannedStaticMember(ResourceId id, VirtualNetwork vnet, int wave) { Id = id; VirtualNetwork = vnet; Wave = wave; }

        public ResourceId Id { get; }
        public string Name => Id.Name;
        public VirtualNetwork VirtualNetwork { get; }
        /// <summary>The wave (1-based) that adds the member.</summary>
        public int Wave { get; }
    }
}
