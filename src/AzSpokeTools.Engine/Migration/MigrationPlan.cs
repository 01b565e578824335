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

        public string? SnapshotCapturedAt { get; internal set; }
        public string? SnapshotSource { get; internal set; }
        public MeshSelection Selection { get; internal set; } = null!;
        public ReadinessReport Readiness { get; internal set; } = null!;
        public MigrationOptions Options { get; internal set; } = null!;
        public PlannedNetworkManager NetworkManager { get; internal set; } = null!;
        public PlannedNetworkGroup NetworkGroup { get; internal set; } = null!;
        public PlannedConnectivityConfiguration Configuration { get; internal set; } = null!;
        /// <summary>Regions of the members, sorted.</summary>
        public IReadOnlyList<string> Regions { get; internal set; } = new List<string>();
        public IReadOnlyList<RegionCommit> Commits { get; internal set; } = new List<RegionCommit>();
        public IReadOnlyList<MigrationWave> Waves { get; internal set; } = new List<MigrationWave>();
        public IReadOnlyList<RouteTableChange> RouteTableChanges { get; internal set; } = new List<RouteTableChange>();
        public IReadOnlyList<GatewayToggle> GatewayToggles { get; internal set; } = new List<GatewayToggle>();
        /// <summary>Before/after path matrix of the fully applied plan; null until computed.</summary>
        public MigrationWhatIf? WhatIf { get; internal set; }
        /// <summary>Why the plan must not be applied as it is (readiness errors); empty when it can be.</summary>
        public IReadOnlyList<string> Blockers => Readiness.Findings.Where(f => f.Severity == ReadinessSeverity.Error).Select(f => f.RuleId + ": " + f.Message).ToList();
    }
}
