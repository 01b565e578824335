using System;
using System.Collections.Generic;
using AzSpokeTools.Engine.Readiness;

namespace AzSpokeTools.Engine.Migration
{
    /// <summary>Choices of the migration plan beyond the selection.</summary>
    public sealed class MigrationOptions
    {
        /// <summary>The migration guidance pilots with 50 VNets.</summary>
        public const int DefaultPilotSize = 50;
        /// <summary>The guidance keeps the hairpin as the fallback for at least two weeks after the mesh is live.</summary>
        public const int DefaultSoakDays = 14;

        /// <summary>The readiness limits and switches (high scale, global, network manager, owner).</summary>
        public MeshReadinessOptions Readiness { get; set; } = new MeshReadinessOptions();
        /// <summary>Network group name (default ng-azspoke-mesh): the static group the waves fill.</summary>
        public string NetworkGroupName { get; set; } = "ng-azspoke-mesh";
        /// <summary>Connectivity configuration name (default cc-azspoke-mesh).</summary>
        public string ConfigurationName { get; set; } = "cc-azspoke-mesh";
        /// <summary>
        /// End state with Azure Policy membership by the selection's single tag: the waves go through the static group, and the
        /// final wave hands the configuration over to a policy-based group.
        /// </summary>
        public bool DynamicMembership { get; set; }
        /// <summary>Pilot wave size (default 50, capped by the selection).</summary>
        public int PilotSize { get; set; } = DefaultPilotSize;
        /// <summary>After the pilot, waves of this many VNets; null: light production (10% of production) and the rest.</summary>
        public int? WaveSize { get; set; }
        /// <summary>Explicit waves in order, each NAME and a VNet name pattern (wildcards * and ?); the members left form a last wave.</summary>
        public IReadOnlyList<KeyValuePair<string, string>> Waves { get; set; } = Array.Empty<KeyValuePair<string, string>>();
        /// <summary>Share of the production members in the light-production wave (default 0.1).</summary>
        public double LightProductionShare { get; set; } = 0.1;
        /// <summary>Add the decommission phase (off by default): after the soak, remove what the mesh replaced.</summary>
        public bool Decommission { get; set; }
        /// <summary>Days between the final wave and the decommission phase (default 14).</summary>
        public int SoakDays { get; set; } = DefaultSoakDays;

        /// <summary>Ownership marker value (azspoke-owner=VALUE in tags and descriptions); apply refuses to change what lacks it.</summary>
        public string Owner => Readiness.Owner;

        /// <summary>The ownership tag name.</summary>
        public const string OwnerTag = "azspoke-owner";
        /// <summary>The marker text in descriptions.</summary>
        public string OwnerMarker => OwnerTag + "=" + Owner;
    }
}
