using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Engine.Migration
{
    /// <summary>The plan's Mesh connectivity configuration (Azure docs, "Connectivity configurations in Azure Virtual Network Manager" > "Mesh").</summary>
    public sealed class PlannedConnectivityConfiguration
    {
        internal PlannedConnectivityConfiguration(ResourceId id, string description, bool isGlobal, string addressOverlap, string privateEndpointsScale, bool temporary)
        {
            Id = id; Description = description; IsGlobal = isGlobal; ConnectedGroupAddressOverlap = addressOverlap;
            ConnectedGroupPrivateEndpointsScale = privateEndpointsScale; Temporary = temporary;
        }

        /// <summary>The configuration's resource id.</summary>
        public ResourceId Id { get; }
        /// <summary>The configuration's name.</summary>
        public string Name => Id.Name;
        /// <summary>The configuration's description.</summary>
        public string Description { get; }
        /// <summary>Mesh or HubAndSpoke.</summary>
        public string ConnectivityTopology => "Mesh";
        /// <summary>True when it connects members across regions.</summary>
        public bool IsGlobal { get; }
        /// <summary>Never true: existing hub peerings stay (gateway transit, fallback).</summary>
        public bool DeleteExistingPeering => false;
        /// <summary>Allowed or Disallowed (Disallowed when the selection has no overlap, so that later overlaps are rejected).</summary>
        public string ConnectedGroupAddressOverlap { get; }
        /// <summary>Standard or HighScale.</summary>
        public string ConnectedGroupPrivateEndpointsScale { get; }
        /// <summary>peeringEnforcement applies to hub-and-spoke only; a Mesh leaves it Unenforced.</summary>
        public string PeeringEnforcement => "Unenforced";
        /// <summary>True when the final wave hands over to an existing configuration and the decommission phase deletes this one.</summary>
        public bool Temporary { get; }
    }
}
