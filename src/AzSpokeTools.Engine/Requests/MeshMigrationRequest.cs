using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using AzSpokeTools.Engine.Hosting;
using AzSpokeTools.Engine.Migration;
using AzSpokeTools.Engine.Reports;

namespace AzSpokeTools.Engine.Requests
{
    /// <summary>
    /// Convert-HairpinToMesh / <c>azspoke plan</c>: the migration plan (group, configuration, waves with their commits,
    /// validation and rollback, route and gateway changes, the optional decommission phase) for the selected VNets, and its
    /// per-wave what-if on in-memory copies of the snapshot.
    /// </summary>
    public sealed class MeshMigrationRequest : MeshSelectionRequest
    {
        /// <summary>End state with Azure Policy membership by the selection's single tag (the waves still go through static members).</summary>
        public bool DynamicMembership { get; set; }
        /// <summary>Ownership marker value (azspoke-owner=VALUE).</summary>
        public string Owner { get; set; } = "azspoke";
        /// <summary>Compute the per-wave before/after path matrices (default true).</summary>
        public bool WhatIf { get; set; } = true;
        /// <summary>
        /// Tcp (default with a port), Udp, Icmp or Any: with <see cref="Port"/>, the what-if evaluates this flow's access for every
        /// pair before and after and reports the flows the hub firewall denies today that the mesh path would allow.
        /// </summary>
        public string? Protocol { get; set; }
        /// <summary>The what-if flow's destination port; without it access is not evaluated.</summary>
        public int? Port { get; set; }
        /// <summary>The what-if flow's source port (default any).</summary>
        public int? SourcePort { get; set; }
        /// <summary>allow or deny: what third-party network virtual appliances do with the what-if flow (default Unknown).</summary>
        public string? AssumeNva { get; set; }
        /// <summary>Pilot wave size (default 50, capped by the selection).</summary>
        public int PilotSize { get; set; } = MigrationOptions.DefaultPilotSize;
        /// <summary>After the pilot, waves of this many VNets; null: light production and the rest.</summary>
        public int? WaveSize { get; set; }
        /// <summary>Explicit waves as NAME=PATTERN (a VNet name pattern), in order; the members left form a last wave.</summary>
        public IReadOnlyList<string> Wave { get; set; } = Array.Empty<string>();
        /// <summary>Add the decommission phase after the soak.</summary>
        public bool Decommission { get; set; }
        /// <summary>Soak days between the final wave and the decommission phase (default 14).</summary>
        public int SoakDays { get; set; } = MigrationOptions.DefaultSoakDays;
        /// <summary>Threads each what-if matrix evaluates sources on (<c>--threads</c>, <c>-ThrottleLimit</c>); null for every core.</summary>
        public int? Threads { get; set; }
        /// <summary>
        /// Where to write the plan's files (plan.json, the IaC files, apply-requests.json, whatif-pairs.csv; docs/guide/mesh-migration.md);
        /// null: none. They are written once the plan is complete, after <see cref="IEngineHost.ShouldProcess"/> for the whole set,
        /// so a declined question (-WhatIf) writes nothing.
        /// </summary>
        public IFileSink? Output { get; set; }
        /// <summary>IaC formats to write: arm, bicep, terraform, powershell (comma-separated or several; empty: all).</summary>
        public IReadOnlyList<string> InfrastructureAsCode { get; set; } = Array.Empty<string>();

        /// <summary>Runs the request, reporting through <paramref name="host"/>; bad parameters throw <see cref="EngineInputException"/>.</summary>
        public MigrationPlan Execute(IEngineHost host)
        {
            if (host == null) throw new ArgumentNullException(nameof(host));
            if (string.IsNullOrWhiteSpace(Owner)) throw new EngineInputException("Owner", "the ownership marker must not be empty");
            if (SoakDays < 0) throw new EngineInputException("SoakDays", "the soak time cannot be negative");
            if (Threads is int t && t < 1) throw new EngineInputException("Threads", $"{t} threads: give at least 1");
            var formats = PlanOutputs.Parse(InfrastructureAsCode);
            var waves = new List<KeyValuePair<string, string>>();
            foreach (var w in Wave ?? Array.Empty<string>())
            {
                int eq = (w ?? "").IndexOf('=');
                if (eq <= 0 || eq == w!.Length - 1) throw new EngineInputException("Wave", $"'{w}' is not a wave; write NAME=PATTERN (for example pilot=spoke-a*)");
                waves.Add(new KeyValuePair<string, string>(w.Substring(0, eq).Trim(), w.Substring(eq + 1).Trim()));
            }
            if (waves.Count > 0 && WaveSize != null) throw new EngineInputException("WaveSize", "give either explicit waves or a wave size, not both");
            var flow = FlowOptions.From(Protocol, Port, SourcePort);
            if (flow != null && !WhatIf) throw new EngineInputException("Port", "the flow's access is evaluated by the what-if; leave --no-what-if (-SkipWhatIf) out or the port out");
            var security = FlowOptions.Options(AssumeNva);
            var topology = TopologyInput.Resolve(Snapshot, Topology, host);
            var selection = Criteria().Resolve(topology);
            var readinessOptions = Options();
            readinessOptions.Owner = Owner.Trim();
            host.Progress("Mesh migration plan", "readiness", -1);
            var report = MeshReadinessRequest.Check(topology, selection, readinessOptions, host, out var checker);
            var options = new MigrationOptions
            {
                Readiness = readinessOptions, DynamicMembership = DynamicMembership, PilotSize = PilotSize, WaveSize = WaveSize, Waves = waves,
                Decommission = Decommission, SoakDays = SoakDays,
            };
            host.Progress("Mesh migration plan", "plan", -1);
            var plan = new MigrationPlanner(topology, selection, options, report, checker).WithSelectionTags(Tag ?? Array.Empty<string>()).Build();
            foreach (var b in plan.Blockers) host.Warning("not ready: " + b);
            if (WhatIf)
            {
                host.Progress("Mesh migration plan", "what-if", -1);
                plan.WhatIf = MigrationWhatIfCalculator.Compute(topology, plan, host, Threads, flow, security);
            }
            else if (Decommission)
                plan.Decommission = DecommissionPlanner.Plan(plan, topology, host);
            if (Output != null) WriteFiles(plan, formats, Output, host);
            return plan;
        }

        /// <summary>The plan's file set through the host's sink, after one ShouldProcess for all of it.</summary>
        private static void WriteFiles(MigrationPlan plan, IacFormat formats, IFileSink output, IEngineHost host)
        {
            var files = PlanOutputs.Writers(plan, formats);
            if (!host.ShouldProcess(output.Location, $"write {files.Count} plan files ({string.Join(", ", files.Select(f => f.Key))})")) return;
            foreach (var file in files)
                output.Write(file.Key, stream =>
                {
                    using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
                    file.Value(writer);
                });
        }
    }
}
