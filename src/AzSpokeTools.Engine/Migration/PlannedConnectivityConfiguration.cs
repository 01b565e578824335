using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Engine.Migration
{
    /// <summary>The Mesh connectivity configuration the plan creates (azure-routing-rules.md §4.1, peers.md §12).</summary>
    public sealed class PlannedConnectivityConfiguration
    {
        internal PlannedConnectivityConfiguration(ResourceId id, string description, bool isGlobal, string addressOverlap, string privateEndpointsScale)
        {
            Id = id; Description = description; IsGlobal = isGlobal; ConnectedGroupAddressOverlap = addressOverlap; ConnectedGroupPrivateEndpointsScale = privateEndpointsScale;
        }

        public ResourceId Id { get; }
        public string Name => Id.Name;
        public string Description { get; }
        public string ConnectivityTopology => "Mesh";
        public bool IsGlobal { get; }
        /// <summary>Never true: existing hub peerings stay (gateway transit, fallback).</summary>
        public bool DeleteExistingPeering => false;
        /// <summary>Allowed or Disallowed (Disallowed when the selection has no overlap, so that later overlaps are rejected).</summary>
        public string ConnectedGroupAddressOverlap { get; }
        /// <summary>Standard or HighScale.</summary>
        public string ConnectedGroupPrivateEndpointsScale { get; }
        /// <summary>peeringEnforcement is not allowed with Mesh (peers.md §3); always Unenforced.</summary>
        public string PeeringEnforcement => "Unenforced";
    }
}
