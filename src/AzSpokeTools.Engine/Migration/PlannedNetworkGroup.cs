using System.Collections.Generic;
using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Engine.Migration
{
    /// <summary>
    /// The plan's static network group, filled wave by wave through static members. It is temporary when the final wave hands
    /// the mesh over to another group or configuration (<see cref="MeshHandover"/>); its members then stop at the wave before.
    /// </summary>
    public sealed class PlannedNetworkGroup
    {
        internal PlannedNetworkGroup(ResourceId id, string description, bool temporary, IReadOnlyList<PlannedStaticMember> staticMembers)
        {
            Id = id; Description = description; Temporary = temporary; StaticMembers = staticMembers;
        }

        /// <summary>The network group's resource id.</summary>
        public ResourceId Id { get; }
        /// <summary>The network group's name.</summary>
        public string Name => Id.Name;
        /// <summary>Carries the ownership marker (azspoke-owner=...).</summary>
        public string Description { get; }
        /// <summary>True when the final wave hands over and the decommission phase deletes the group.</summary>
        public bool Temporary { get; }
        /// <summary>The static members the plan adds.</summary>
        public IReadOnlyList<PlannedStaticMember> StaticMembers { get; }
    }

    /// <summary>One static member (a VNet) of the group.</summary>
    public sealed class PlannedStaticMember
    {
        internal PlannedStaticMember(ResourceId id, VirtualNetwork vnet, int wave) { Id = id; VirtualNetwork = vnet; Wave = wave; }

        /// <summary>The static member's resource id.</summary>
        public ResourceId Id { get; }
        /// <summary>The static member's name.</summary>
        public string Name => Id.Name;
        /// <summary>The VNet it adds.</summary>
        public VirtualNetwork VirtualNetwork { get; }
        /// <summary>The wave (1-based) that adds the member.</summary>
        public int Wave { get; }
    }
}
