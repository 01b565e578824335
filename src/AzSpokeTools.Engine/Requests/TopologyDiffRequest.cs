using System;
using AzSpokeTools.Engine.Comparison;
using AzSpokeTools.Engine.Hosting;
using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Engine.Requests
{
    /// <summary>
    /// Compare-SpokeTopology / <c>azspoke diff</c>: the pair-by-pair path differences (outcome, kind, transits, symmetry)
    /// between two snapshots, for example before and after applying a wave.
    /// </summary>
    public sealed class TopologyDiffRequest
    {
        /// <summary>The earlier snapshot: file, directory or sample:NAME (ignored when <see cref="BeforeTopology"/> is set).</summary>
        public string? Before { get; set; }
        /// <summary>The second snapshot to load, when <see cref="AfterTopology"/> is not given.</summary>
        public string? After { get; set; }
        /// <summary>The first topology, already loaded.</summary>
        public Topology? BeforeTopology { get; set; }
        /// <summary>The second topology, already loaded.</summary>
        public Topology? AfterTopology { get; set; }

        /// <summary>Runs the request, reporting through <paramref name="host"/>; bad parameters throw <see cref="EngineInputException"/>.</summary>
        public TopologyDiff Execute(IEngineHost host)
        {
            if (host == null) throw new ArgumentNullException(nameof(host));
            if (BeforeTopology == null && string.IsNullOrWhiteSpace(Before)) throw new EngineInputException("Before", "give the earlier snapshot (file or sample:NAME)");
            if (AfterTopology == null && string.IsNullOrWhiteSpace(After)) throw new EngineInputException("After", "give the later snapshot (file or sample:NAME)");
            var before = TopologyInput.Resolve(Before, BeforeTopology, host);
            var after = TopologyInput.Resolve(After, AfterTopology, host);
            host.Progress("Compare snapshots", "both path matrices", -1);
            return TopologyDiff.Compute(before, after, host);
        }
    }
}
