using System;
using System.Collections.Generic;
using System.Management.Automation;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Readiness;
using AzSpokeTools.Engine.Reports;
using AzSpokeTools.Engine.Requests;
using AzSpokeTools.Readiness;
using AzSpokeTools.Engine;

namespace AzSpokeTools.Cmdlets
{
    /// <summary>
    /// <c>Test-MeshReadiness</c>: readiness findings (rule id, severity, evidence, fix) for putting the selected VNets into
    /// one AVNM mesh. Piped VNets (Get-AzVirtualNetwork) are collected and checked together as one group. The estate
    /// comes from -Snapshot, -Topology, or live data (-SubscriptionId / -ManagementGroupId).
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "MeshReadiness", HelpUri = HelpLinks.Docs + "Test-MeshReadiness.md", DefaultParameterSetName = SnapshotSet)]
    [OutputType(typeof(SpokeReadinessReport))]
    [OutputType(typeof(string))]
    public sealed class TestMeshReadinessCommand : TopologyCmdlet
    {
        private readonly List<string> _vnets = new List<string>();
        private Topology? _topology;

        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true, HelpMessage = "VNet names, name patterns (spoke-*) or resource ids; default: every spoke.")]
        [Alias("Id")]
        public string[]? VirtualNetwork { get; set; }

        [Parameter(HelpMessage = "Tags KEY=VALUE that a VNet must all carry.")]
        public string[]? Tag { get; set; }

        [Parameter(HelpMessage = "An existing AVNM network group (name or resource id) whose members to check.")]
        public string? NetworkGroup { get; set; }

        [Parameter(HelpMessage = "Keep only VNets in these regions.")]
        public string[]? Region { get; set; }

        [Parameter(HelpMessage = "Judge the group size against the high-scale connected-group cap (3,000 by default).")]
        public SwitchParameter HighScale { get; set; }

        [Parameter(HelpMessage = "Use high-scale private endpoints (20,000 per connected group) and check their prerequisites.")]
        public SwitchParameter HighScalePrivateEndpoints { get; set; }

        [Parameter(HelpMessage = "Global mesh (default: global when the members span several regions).")]
        public SwitchParameter Global { get; set; }

        [Parameter(HelpMessage = "Regional mesh only.")]
        public SwitchParameter Regional { get; set; }

        [Parameter(HelpMessage = "Connected-group cap (default 250).")]
        [ValidateRange(2, int.MaxValue)]
        public int? ConnectedGroupLimit { get; set; }

        [Parameter(HelpMessage = "High-scale connected-group cap (default 3,000; 5,000 by scaling request).")]
        [ValidateRange(2, int.MaxValue)]
        public int? HighScaleConnectedGroupLimit { get; set; }

        [Parameter(HelpMessage = "The network manager (name or id) whose scope and deployment state to check; default: the only one in the snapshot.")]
        [ValidateNotNullOrEmpty]
        public string? NetworkManager { get; set; }

        [Parameter(HelpMessage = "Write the readiness report as one JSON document (the bytes of azspoke readiness --format json) instead of objects.")]
        public SwitchParameter AsJson { get; set; }

        [Parameter(HelpMessage = "Write the report for a pipeline as one string: Sarif (SARIF 2.1.0, for code scanning) or JUnit (JUnit XML, for test results), as azspoke readiness --format sarif|junit.")]
        [ValidateSet(CheckReportWriter.Sarif, CheckReportWriter.JUnit, IgnoreCase = true)]
        public string? OutputFormat { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            if (Topology != null) _topology = Topology;
            if (VirtualNetwork != null) _vnets.AddRange(VirtualNetwork);
        }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            try
            {
                // -Snapshot or the live read was loaded once in BeginProcessing; a piped topology arrives in ProcessRecord.
                var topology = _topology ?? CurrentTopology;
                if (Global.IsPresent && Regional.IsPresent) throw new EngineInputException("Global", "-Global and -Regional exclude each other");
                CheckOutputFormat(AsJson, OutputFormat, false);
                var request = ToRequest(topology, _vnets, Tag, NetworkGroup, Region, HighScale.IsPresent, HighScalePrivateEndpoints.IsPresent);
                request.Global = Global.IsPresent ? true : Regional.IsPresent ? false : (bool?)null;
                request.ConnectedGroupLimit = ConnectedGroupLimit;
                request.HighScaleConnectedGroupLimit = HighScaleConnectedGroupLimit;
                request.NetworkManager = NetworkManager;
                var report = request.Execute(EngineHost);
                WriteVerbose($"{report.Selection.Members.Count} VNets ({report.Selection.Description}): {report.Findings.Count} finding(s), ready = {report.Ready}.");
                if (AsJson) WriteObject(ReadinessReportJsonWriter.Render(report));
                else if (OutputFormat != null) WriteObject(CheckReportWriter.Render(OutputFormat, report, Snapshot != null ? ResolveSnapshot(Snapshot) : null, CurrentDirectory));
                else WriteObject(new SpokeReadinessReport(report));
            }
            catch (Exception e) when (TryWriteEngineError(e, NetworkGroup ?? string.Join(",", _vnets)))
            {
            }
            base.EndProcessing();
        }

        /// <summary>The parameters as the request <c>azspoke readiness</c> also builds.</summary>
        public static MeshReadinessRequest ToRequest(Topology? topology, IReadOnlyList<string> vnets, string[]? tags, string? group, string[]? regions, bool highScale, bool highScalePrivateEndpoints) =>
            new MeshReadinessRequest
            {
                Topology = topology,
                VirtualNetwork = vnets,
                Tag = tags ?? new string[0],
                NetworkGroup = group,
                Region = regions ?? new string[0],
                HighScale = highScale,
                HighScalePrivateEndpoints = highScalePrivateEndpoints,
            };
    }
}
