using System;
using AzSpokeTools.Engine.EstateReports;
using AzSpokeTools.Engine.Hosting;
using AzSpokeTools.Engine.Intent;
using AzSpokeTools.Engine.Reports;

namespace AzSpokeTools.Engine.Requests
{
    /// <summary>
    /// Export-SpokeReport / <c>azspoke report</c>: one self-contained HTML report of the estate (map, pair heatmap, intent
    /// violations, readiness findings, path explorer; with <see cref="Plan"/> the migration's waves and what-if).
    /// </summary>
    public sealed class EstateReportRequest
    {
        /// <summary>The snapshot to load (a file, a folder or sample:NAME), when <see cref="Topology"/> is not given.</summary>
        public string? Snapshot { get; set; }
        /// <summary>An already loaded topology; takes precedence over a snapshot.</summary>
        public Model.Topology? Topology { get; set; }
        /// <summary>Optional intent file; default: the snapshot's AVNM connectivity configurations.</summary>
        public string? Intent { get; set; }
        /// <summary>Optional migration plan folder (written by <c>azspoke plan --out</c> or Convert-HairpinToMesh -OutputPath).</summary>
        public string? Plan { get; set; }
        /// <summary>A loaded service-tag catalog for service-tag routes.</summary>
        public Routing.ServiceTagCatalog? ServiceTags { get; set; }
        /// <summary>A service-tag file to load, when <see cref="ServiceTags"/> is not given.</summary>
        public string? ServiceTagFile { get; set; }

        /// <summary>Builds the report; <see cref="EstateReportDocument.Html"/> is the file to write.</summary>
        public EstateReportDocument Execute(IEngineHost host)
        {
            if (host == null) throw new ArgumentNullException(nameof(host));
            MigrationPlanSummary? plan = null;
            if (!string.IsNullOrWhiteSpace(Plan))
            {
                if (!System.IO.Directory.Exists(Plan)) throw new EngineInputException("Plan", $"folder '{Plan}' not found; give the folder written by azspoke plan --out");
                plan = MigrationPlanSummary.Load(Plan!);
            }
            var topology = TopologyInput.Resolve(Snapshot, Topology, host);
            var intent = string.IsNullOrWhiteSpace(Intent) ? IntentSet.FromAvnm(topology) : IntentSet.Load(Intent!, topology);
            var report = EstateReportBuilder.Build(topology, intent, string.IsNullOrWhiteSpace(Intent) ? null : Intent, plan, host, ServiceTags ?? TopologyInput.ServiceTags(ServiceTagFile));
            host.Verbose($"report: {report.VirtualNetworks.Count} VNets, {report.Pairs} pairs, {report.Paths.Count} traced paths, {report.Views.Count} map views");
            return new EstateReportDocument(report, EstateReportHtmlWriter.Write(report));
        }
    }
}
