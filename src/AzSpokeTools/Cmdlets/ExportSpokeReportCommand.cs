using System;
using System.IO;
using System.Management.Automation;
using AzSpokeTools.Engine.Requests;

namespace AzSpokeTools.Cmdlets
{
    /// <summary>
    /// <c>Export-SpokeReport</c>: one self-contained HTML report of the estate (map, pair heatmap, intent violations,
    /// readiness findings, path explorer; with -Plan the migration's waves and what-if), through the request
    /// <c>azspoke report</c> builds. Writing the file is what -WhatIf and -Confirm govern.
    /// </summary>
    [Cmdlet(VerbsData.Export, "SpokeReport", HelpUri = HelpLinks.Docs + "Export-SpokeReport.md", DefaultParameterSetName = SnapshotSet, SupportsShouldProcess = true)]
    [OutputType(typeof(FileInfo))]
    public sealed class ExportSpokeReportCommand : TopologyCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, HelpMessage = "The HTML file to write.")]
        [ValidateNotNullOrEmpty]
        public string? OutputPath { get; set; }

        [Parameter(HelpMessage = "An intent file (YAML, or JSON when it ends in .json); default: the snapshot's AVNM configurations.")]
        [ValidateNotNullOrEmpty]
        public string? Intent { get; set; }

        [Parameter(HelpMessage = "A migration plan folder (Convert-HairpinToMesh -OutputPath, azspoke plan --out): adds its waves and what-if.")]
        [ValidateNotNullOrEmpty]
        public string? Plan { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            var path = GetUnresolvedProviderPathFromPSPath(OutputPath);
            try
            {
                ReportProgress("Building the estate report", path);
                var document = ToRequest(CurrentTopology, ResolvePath(Intent), ResolvePath(Plan)).Execute(EngineHost);
                var r = document.Report;
                if (ShouldProcess(path, $"Write the estate report ({r.VirtualNetworks.Count} VNets, {r.Pairs} pairs)"))
                {
                    var file = OutputFile.Write(this, path, document.Html);
                    if (file != null) WriteObject(file);
                }
            }
            catch (Exception e) when (TryWriteEngineError(e, path))
            {
            }
        }

        /// <summary>The parameters as the request <c>azspoke report --intent --plan</c> also builds.</summary>
        public static EstateReportRequest ToRequest(Engine.Model.Topology topology, string? intent, string? plan) =>
            new EstateReportRequest { Topology = topology, Intent = intent, Plan = plan };
    }
}
