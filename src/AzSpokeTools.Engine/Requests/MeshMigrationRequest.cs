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
    public sealed class MeshMigrationRequest : MeshSelectionRequest
    {
        /// <summary>Existing network manager (name or id), or the id of one to create.</summary>
        public string? NetworkManager { get; set; }
        /// <summary>Azure Policy membership by the selection's single tag instead of static members.</summary>
        public bool DynamicMembership { get; set; }
        /// <summary>Ownership marker value (tag azspoke-owner).</summary>
        public string Owner { get; set; } = "azspoke";
        /// <summary>Compute the before/after path matrix (default true).</summary>
        public bool WhatIf { get; set; } = true;

        public MigrationPlan Execute(IEngineHost host)
        {
            if (host == null) throw new ArgumentNullException(nameof(host));
            if (string.IsNullOrWhiteSpace(Owner)) throw new EngineInputException("Owner", "the ownership marker must not be empty");
            var topology = TopologyInput.Resolve(Snapshot, Topology, host);
            var selection = Criteria().Resolve(topology);
            var readinessOptions = Options();
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
