using System;
using AzSpokeTools.Engine.Comparison;
using AzSpokeTools.Engine.Hosting;
using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Engine.Requests
{
    /// <summary>
    /// <c>azspoke verify-wave</c> / Compare-SpokeTopology -Plan: a snapshot exported after applying a wave against the paths the
    /// plan promised after that wave (plan.json and whatif-pairs.csv of the plan directory).
    /// </summary>
    public sealed class WaveVerificationRequest
    {
        /// <summary>The directory the plan was written to.</summary>
        public string? Plan { get; set; }
        /// <summary>The wave number (1..N), or "decommission".</summary>
        public string? Wave { get; set; }
        /// <summary>The snapshot taken after the wave (ignored when <see cref="Topology"/> is set).</summary>
        public string? Snapshot { get; set; }
        /// <summary>An already loaded topology; takes precedence over a snapshot.</summary>
        public Topology? Topology { get; set; }

        /// <summary>Runs the request, reporting through <paramref name="host"/>; bad parameters throw <see cref="EngineInputException"/>.</summary>
        public WaveVerification Execute(IEngineHost host)
        {
            if (host == null) throw new ArgumentNullException(nameof(host));
            if (string.IsNullOrWhiteSpace(Plan)) throw new EngineInputException("Plan", "give the directory a plan was written to");
            if (!System.IO.Directory.Exists(Plan)) throw new EngineInputException("Plan", $"'{Plan}' is not a directory");
            if (string.IsNullOrWhiteSpace(Wave)) throw new EngineInputException("Wave", "give the wave to verify (a number, or decommission)");
            var topology = TopologyInput.Resolve(Snapshot, Topology, host);
            host.Progress("Verify wave", "path matrix of the snapshot", -1);
            return WaveVerification.Compute(Plan!, Wave!, topology, host);
        }
    }
}
