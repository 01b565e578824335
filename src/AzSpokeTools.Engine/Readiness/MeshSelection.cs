using System.Collections.Generic;
using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Engine.Readiness
{
    /// <summary>The VNets chosen to become members of one AVNM mesh, and how they were chosen.</summary>
    public sealed class MeshSelection
    {
        internal MeshSelection(IReadOnlyList<VirtualNetwork> members, string description, NetworkGroup? existingGroup,
            IReadOnlyList<string> unresolved)
        {
            Members = members;
            Description = description;
            ExistingGroup = existingGroup;
            Unresolved = unresolved;
        }

        /// <summary>Selected VNets in snapshot order.</summary>
        public IReadOnlyList<VirtualNetwork> Members { get; }

        /// <summary>How the members were chosen, e.g. "all spokes (VNets without gateway, firewall or hub role)".</summary>
        public string Description { get; }

        /// <summary>The existing network group the selection came from, when one was named.</summary>
        public NetworkGroup? ExistingGroup { get; }

        /// <summary>What could not be resolved offline (for example Azure Policy membership of a named group).</summary>
        public IReadOnlyList<string> Unresolved { get; }
    }
}
