using AzSpokeTools.Engine.Readiness;

namespace AzSpokeTools.Engine.Migration
{
    /// <summary>Choices of the migration plan beyond the selection.</summary>
    public sealed class MigrationOptions
    {
        /// <summary>The readiness limits and switches (high scale, global).</summary>
        public MeshReadinessOptions Readiness { get; set; } = new MeshReadinessOptions();
        /// <summary>An existing network manager (name or id) to use; default: the only one in the snapshot, else a new one.</summary>
        public string? NetworkManager { get; set; }
        /// <summary>Name of a new network manager (default nm-azspoke).</summary>
        public string NewNetworkManagerName { get; set; } = "nm-azspoke";
        /// <summary>Network group name (default ng-azspoke-mesh).</summary>
        public string NetworkGroupName { get; set; } = "ng-azspoke-mesh";
        /// <summary>Connectivity configuration name (default cc-azspoke-mesh).</summary>
        public string ConfigurationName { get; set; } = "cc-azspoke-mesh";
        /// <summary>Use an Azure Policy definition (dynamic membership by the selection's tag) instead of static members.</summary>
        public bool DynamicMembership { get; set; }
        /// <summary>Ownership marker written into descriptions and tags (azspoke-owner=VALUE); apply refuses to change what lacks it.</summary>
        public string Owner { get; set; } = "azspoke";
        /// <summary>Largest pilot wave (default 10).</summary>
        public int PilotSize { get; set; } = 10;
        /// <summary>Share of the production members in the light-production wave (default 0.1).</summary>
        public double LightProductionShare { get; set; } = 0.1;

        /// <summary>The ownership tag name.</summary>
        public const string OwnerTag = "azspoke-owner";
        /// <summary>The marker text in descriptions.</summary>
        public string OwnerMarker => OwnerTag + "=" + Owner;
    }
}
