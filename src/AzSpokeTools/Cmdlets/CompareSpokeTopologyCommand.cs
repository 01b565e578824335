using System;
using System.Management.Automation;
using AzSpokeTools.Comparison;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Reports;
using AzSpokeTools.Engine.Requests;

namespace AzSpokeTools.Cmdlets
{
    /// <summary>
    /// <c>Compare-SpokeTopology</c>: the ordered VNet pairs whose path (outcome, kind, transits, symmetry) differs between two
    /// snapshots (-Before/-After, or two topologies), or, with -Plan and -Wave, between what a migration plan promised after a
    /// wave and a snapshot taken after applying it (the <c>azspoke verify-wave</c> check).
    /// </summary>
    [Cmdlet(VerbsData.Compare, "SpokeTopology", HelpUri = HelpLinks.Docs + "Compare-SpokeTopology.md", DefaultParameterSetName = SnapshotsSet)]
    [OutputType(typeof(SpokeTopologyDiff), typeof(SpokeWaveVerification))]
    [OutputType(typeof(string))]
    public sealed class CompareSpokeTopologyCommand : SpokeCmdlet
    {
        public const string SnapshotsSet = "Snapshots";
        public const string TopologiesSet = "Topologies";
        public const string PlanSet = "Plan";

        [Parameter(ParameterSetName = SnapshotsSet, Mandatory = true, Position = 0, HelpMessage = "The earlier snapshot: a file, a directory of *.json files, or sample:NAME.")]
        [ValidateNotNullOrEmpty]
        public string? Before { get; set; }

        [Parameter(ParameterSetName = SnapshotsSet, Mandatory = true, Position = 1, HelpMessage = "The later snapshot: a file, a directory of *.json files, or sample:NAME.")]
        [Parameter(ParameterSetName = PlanSet, Mandatory = true, HelpMessage = "The snapshot taken after applying the wave.")]
        [ValidateNotNullOrEmpty]
        public string? After { get; set; }

        [Parameter(ParameterSetName = TopologiesSet, Mandatory = true, HelpMessage = "The earlier topology from Import-SpokeTopology.")]
        public Topology? BeforeTopology { get; set; }

        [Parameter(ParameterSetName = TopologiesSet, Mandatory = true, HelpMessage = "The later topology from Import-SpokeTopology.")]
        public Topology? AfterTopology { get; set; }

        [Parameter(ParameterSetName = PlanSet, Mandatory = true, HelpMessage = "The directory Convert-HairpinToMesh -OutputPath wrote (plan.json and whatif-pairs.csv).")]
        [ValidateNotNullOrEmpty]
        public string? Plan { get; set; }

        [Parameter(ParameterSetName = PlanSet, Mandatory = true, HelpMessage = "The wave applied: its number, or decommission.")]
        [ValidateNotNullOrEmpty]
        public string? Wave { get; set; }

        [Parameter(HelpMessage = "Write the differences as one JSON document (the bytes of azspoke diff --format json, or with -Plan of azspoke verify-wave --format json) instead of an object.")]
        public SwitchParameter AsJson { get; set; }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            try
            {
                if (ParameterSetName == PlanSet)
                {
                    var result = new WaveVerificationRequest
                    {
                        Plan = GetUnresolvedProviderPathFromPSPath(Plan!),
                        Wave = Wave,
                        Snapshot = ResolveSnapshot(After!),
                    }.Execute(EngineHost);
                    WriteVerbose($"wave {result.Wave} ({result.Name}): {result.PairsChecked} promised pair(s), {result.Differences.Count} differ, verified = {result.Verified}.");
                    if (AsJson) WriteObject(TopologyDiffJsonWriter.Render(result));
                    else WriteObject(new SpokeWaveVerification(result));
                }
                else
                {
                    var diff = new TopologyDiffRequest
                    {
                        Before = Before != null ? ResolveSnapshot(Before) : null,
                        After = After != null ? ResolveSnapshot(After) : null,
                        BeforeTopology = BeforeTopology,
                        AfterTopology = AfterTopology,
                    }.Execute(EngineHost);
                    WriteVerbose($"{diff.Pairs} ordered pair(s) compared, {diff.Differences.Count} differ.");
                    if (AsJson) WriteObject(TopologyDiffJsonWriter.Render(diff));
                    else WriteObject(new SpokeTopologyDiff(diff));
                }
            }
            catch (Exception e) when (TryWriteEngineError(e, (object?)Plan ?? Before ?? After))
            {
            }
            base.EndProcessing();
        }
    }
}
