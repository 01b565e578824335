using System;
using AzSpokeTools.Engine.Hosting;
using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Engine.Requests
{
    /// <summary>
    /// Import-SpokeTopology / <c>--snapshot</c>: loads a snapshot (file, directory of *.json, or sample:NAME)
    /// once, reporting load warnings and coverage gaps to the host, so that later requests can reuse the topology.
    /// </summary>
    public sealed class TopologyRequest
    {
        /// <summary>Snapshot file, directory or sample:NAME.</summary>
        public string? Snapshot { get; set; }

        /// <exception cref="EngineInputException">No snapshot given.</exception>
        /// <exception cref="Snapshot.SnapshotLoadException">The snapshot is missing or malformed; nothing partial is returned.</exception>
        public Topology Execute(IEngineHost host)
        {
            if (host == null) throw new ArgumentNullException(nameof(host));
            return TopologyInput.Resolve(Snapshot, null, host);
        }
    }
}
