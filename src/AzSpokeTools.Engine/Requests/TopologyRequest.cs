using System;
using AzSpokeTools.Engine.Hosting;
using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Engine.Requests
{
    /// <summary>
    /// Import-SpokeTopology / <c>--snapshot</c>: loads a snapshot (file, directory of *.json, or sample:NAME, or a document in
    /// memory from a live read) once, reporting load warnings and coverage gaps to the host, so that later requests can reuse the
    /// topology.
    /// </summary>
    public sealed class TopologyRequest
    {
        /// <summary>Snapshot file, directory or sample:NAME.</summary>
        public string? Snapshot { get; set; }

        /// <summary>
        /// A snapshot document already in hand instead of <see cref="Snapshot"/>: a live read the live layer kept in memory, loaded
        /// without a file. <see cref="DocumentName"/> names it in messages.
        /// </summary>
        public System.IO.Stream? Document { get; set; }

        /// <summary>What <see cref="Document"/> is called in load messages (what was read, e.g. "live data (subscriptions ...)").</summary>
        public string? DocumentName { get; set; }

        /// <exception cref="EngineInputException">No snapshot given, or both a path and a document.</exception>
        /// <exception cref="Snapshot.SnapshotLoadException">The snapshot is missing or malformed; nothing partial is returned.</exception>
        public Topology Execute(IEngineHost host)
        {
            if (host == null) throw new ArgumentNullException(nameof(host));
            if (Document == null) return TopologyInput.Resolve(Snapshot, null, host);
            if (!string.IsNullOrWhiteSpace(Snapshot)) throw new EngineInputException("Snapshot", "give a snapshot path or a snapshot document, not both");
            return TopologyInput.FromDocument(Document, string.IsNullOrWhiteSpace(DocumentName) ? "(snapshot document)" : DocumentName!, host);
        }
    }
}
