using System;
using System.Collections.Generic;
using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Engine.Readiness
{
    /// <summary>What the plan does about existing AVNM connectivity configurations that already cover selected VNets.</summary>
    public enum AdoptionDecision
    {
        /// <summary>No existing configuration covers a selected VNet: the plan's own configuration is the mesh.</summary>
        NewMesh,
        /// <summary>
        /// One existing Mesh configuration, never deployed, covers exactly the selected VNets: the waves go through the plan's
        /// temporary static group and configuration, and the final wave commits the existing configuration in their place.
        /// The existing configuration and its group are not changed.
        /// </summary>
        AdoptConfiguration,
        /// <summary>An existing configuration covers selected VNets in a way the plan cannot build on: no plan may be applied.</summary>
        Refused,
    }

    /// <summary>
    /// The adopt-or-refuse decision about existing AVNM state: a second mesh over the same VNets is never planned. Only AVNM
    /// resources carrying the ownership marker (azspoke-owner=OWNER) are the plan's own; every other one is read-only evidence.
    /// </summary>
    public sealed class MeshAdoption
    {
        internal MeshAdoption(AdoptionDecision decision, ConnectivityConfiguration? configuration, IReadOnlyList<ConnectivityConfiguration> conflicts, string reason, string? fix)
        {
            Decision = decision; Configuration = configuration; Conflicts = conflicts; Reason = reason; Fix = fix;
        }

        internal static MeshAdoption New(string reason) => new MeshAdoption(AdoptionDecision.NewMesh, null, Array.Empty<ConnectivityConfiguration>(), reason, null);

        /// <summary>Adopt the existing AVNM state or refuse, and why.</summary>
        public AdoptionDecision Decision { get; }
        /// <summary>The adopted configuration (AdoptConfiguration); null otherwise.</summary>
        public ConnectivityConfiguration? Configuration { get; }
        /// <summary>The configurations that made the plan refuse (Refused).</summary>
        public IReadOnlyList<ConnectivityConfiguration> Conflicts { get; }
        /// <summary>Why, naming the configurations, their deployment state and the VNets involved.</summary>
        public string Reason { get; }
        /// <summary>What to change so that a plan can be built (Refused), or null.</summary>
        public string? Fix { get; }

        /// <inheritdoc/>
        public override string ToString() => Decision + ": " + Reason;
    }
}
