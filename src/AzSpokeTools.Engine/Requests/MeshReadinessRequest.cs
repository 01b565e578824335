using System;
using AzSpokeTools.Engine.Hosting;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Readiness;

namespace AzSpokeTools.Engine.Requests
{
    /// <summary>
    /// Test-MeshReadiness / <c>azspoke readiness</c>: findings (rule id, severity, evidence, fix) for putting the
    /// selected VNets into one AVNM mesh. Selection: VNets by name, tag or existing network group; default all spokes.
    /// </summary>
    public sealed class MeshReadinessRequest : MeshSelectionRequest
    {
        /// <summary>Runs the request, reporting through <paramref name="host"/>; bad parameters throw <see cref="EngineInputException"/>.</summary>
        public ReadinessReport Execute(IEngineHost host)
        {
            if (host == null) throw new ArgumentNullException(nameof(host));
            var topology = TopologyInput.Resolve(Snapshot, Topology, host);
            return Check(topology, Criteria().Resolve(topology), Options(), host);
        }

        internal static ReadinessReport Check(Topology topology, MeshSelection selection, MeshReadinessOptions options, IEngineHost host) =>
            Check(topology, selection, options, host, out _);

        internal static ReadinessReport Check(Topology topology, MeshSelection selection, MeshReadinessOptions options, IEngineHost host, out ReadinessChecker checker)
        {
            host.Verbose($"readiness: {selection.Members.Count} VNets selected ({selection.Description})");
            checker = new ReadinessChecker(topology, selection, options);
            var report = checker.Run();
            host.Verbose($"readiness: {report.Findings.Count} findings, ready = {report.Ready}");
            return report;
        }
    }
}
