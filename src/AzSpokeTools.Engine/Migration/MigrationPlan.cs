using System.Collections.Generic;
using System.Linq;
using AzSpokeTools.Engine.Readiness;

namespace AzSpokeTools.Engine.Migration
{
    /// <summary>
    /// Convert-HairpinToMesh: the plan document that every renderer (ARM, Bicep, Terraform, PowerShell, JSON) and the
    /// apply step read. Built from a snapshot and a selection; the snapshot is never changed.
    /// </summary>
    public sealed class MigrationPlan
    {
        internal MigrationPlan() { }

        /// <summary>When the snapshot the plan was made from was captured.</summary>
        public string? SnapshotCapturedAt { get; internal set; }
        /// <summary>Where that snapshot came from.</summary>
        public string? SnapshotSource { get; internal set; }
        /// <summary>The VNets selected for the mesh.</summary>
        public MeshSelection Selection { get; internal set; } = null!;
        /// <summary>The readiness report the plan is based on.</summary>
        public ReadinessReport Readiness { get; internal set; } = null!;
        /// <summary>The options the plan was made with.</summary>
        public MigrationOptions Options { get; internal set; } = null!;
        /// <summary>The network manager the plan uses (existing or to create).</summary>
        public PlannedNetworkManager NetworkManager { get; internal set; } = null!;
        /// <summary>The plan's static group, filled wave by wave.</summary>
        public PlannedNetworkGroup NetworkGroup { get; internal set; } = null!;
        /// <summary>The plan's Mesh configuration.</summary>
        public PlannedConnectivityConfiguration Configuration { get; internal set; } = null!;
        /// <summary>The adopt-or-refuse decision about existing configurations (from readiness).</summary>
        public MeshAdoption Adoption => Readiness.Adoption;
        /// <summary>What the final wave hands the mesh over to (None: the plan's group and configuration stay).</summary>
        public MeshHandover Handover { get; internal set; } = MeshHandover.NoHandover;
        /// <summary>How the waves hold, in one sentence (static members wave by wave, and the handover if any).</summary>
        public string WaveMembership { get; internal set; } = "";
        /// <summary>Regions of the members, sorted.</summary>
        public IReadOnlyList<string> Regions { get; internal set; } = new List<string>();
        /// <summary>The waves, in order.</summary>
        public IReadOnlyList<MigrationWave> Waves { get; internal set; } = new List<MigrationWave>();
        /// <summary>The user-defined routes to remove or keep, and why.</summary>
        public IReadOnlyList<RouteTableChange> RouteTableChanges { get; internal set; } = new List<RouteTableChange>();
        /// <summary>ExpressRoute gateway settings that keep the MSEE hairpin as the fallback during the migration.</summary>
        public IReadOnlyList<GatewayToggle> GatewayToggles { get; internal set; } = new List<GatewayToggle>();
        /// <summary>Steps before the first wave (high-scale private endpoints), each outside the waves' ARM writes.</summary>
        public IReadOnlyList<PreparationStep> Preparation { get; internal set; } = new List<PreparationStep>();
        /// <summary>The decommission phase after the soak; null unless requested.</summary>
        public DecommissionPhase? Decommission { get; internal set; }
        /// <summary>Per-wave before/after path matrices; null until computed.</summary>
        public MigrationWhatIf? WhatIf { get; internal set; }
        /// <summary>Why the plan must not be applied as it is (readiness errors); empty when it can be.</summary>
        public IReadOnlyList<string> Blockers => Readiness.Findings.Where(f => f.Severity == ReadinessSeverity.Error).Select(f => f.RuleId + ": " + f.Message).ToList();
    }
}
