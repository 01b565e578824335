using System;
using System.Collections.Generic;
using AzSpokeTools.Engine.Hosting;
using AzSpokeTools.Engine.Migration;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Readiness;

namespace AzSpokeTools.Engine.Requests
{
    /// <summary>
    /// Convert-HairpinToMesh / <c>azspoke plan</c>: the migration plan (group, configuration, waves, commits, route and
    /// gateway changes, rollback) for the selected VNets, and its what-if on an in-memory copy of the snapshot.
    /// </summary>
    public sealed class MeshMigrationRequest
    {
        public string? Snapshot { get; set; }
        public Topology? Topology { get; set; }
        public IReadOnlyList<string> VirtualNetwork { get; set; } = Array.Empty<string>();
        public IReadOnlyList<string> Tag { get; set; } = Array.Empty<string>();
        public string? NetworkGroup { get; set; }
        public IReadOnlyList<string> Region { get; set; } = Array.Empty<string>();
        public bool HighScale { get; set; }
        public bool HighScalePrivateEndpoints { get; set; }
        /// <summary>Global mesh; null: global when the members span several regions.</summary>
        public bool? Global { get; set; }
        public int? ConnectedGroupLimit { get; set; }
        public int? HighScaleConnectedGroupLimit { get; set; }
        /// <summary>Existing network manager (name or id), or the id of one to create.</summary>
        public string? NetworkManager { get; set; }
        /// <summary>Azure Policy membership by the selection's single tag instead of static members.</summary>
        public bool DynamicMembership { get; set; }
        /// <summary>Ownership marker value (tag azspoke-owner).</summary>
        public string Owner { get; set; } = "azspoke";
        /// <summary>Compute the before/after path matrix (default true).</summary>
        public bool WhatIf { get; set; } = true;

        internal MeshReadinessRequest ReadinessRequest() => new MeshReadinessRequest
        {
            VirtualNetwork = VirtualNetwork, Tag = Tag, NetworkGroup = NetworkGroup, Region = Region,
            HighScale = HighScale, HighScalePrivateEndpoints = HighScalePrivateEndpoints, Global = Global,
            ConnectedGroupLimit = ConnectedGroupLimit, HighScaleConnectedGroupLimit = HighScaleConnectedGroupLimit,
        };

        public MigrationPlan Execute(IEngineHost host)
        {
            if (host == null) throw new ArgumentNullException(nameof(host));
            if (string.IsNullOrWhiteSpace(Owner)) throw new EngineInputException("Owner", "the ownership marker must not be empty");
            var topology = TopologyInput.Resolve(Snapshot, Topology, host);
            var r = ReadinessRequest();
            var selection = r.Criteria().Resolve(topology);
            var readinessOptions = r.Options();
            host.Progress("Mesh migration plan", "readiness", -1);
            var report = MeshReadinessRequest.Check(topology, selection, readinessOptions, host, out var checker);
            var options = new MigrationOptions
            {
                Readiness = readinessOptions, NetworkManager = NetworkManager, DynamicMembership = DynamicMembership, Owner = Owner.Trim(),
            };
            host.Progress("Mesh migration plan", "plan", -1);
            var plan = new MigrationPlanner(topology, selection, options, report, checker).WithSelectionTags(Tag ?? Array.Empty<string>()).Build();
            foreach (var b in plan.Blockers) host.Warning("not ready: " + b);
            if (WhatIf)
            {
                host.Progress("Mesh migration plan", "what-if", -1);
                plan.WhatIf = MigrationWhatIfCalculator.Compute(topology, plan, host);
            }
            return plan;
        }
    }
}
