using System.Linq;
using AzSpokeTools.Engine.Hosting;
using AzSpokeTools.Engine.Input;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Routing;
using AzSpokeTools.Engine.Snapshot;

namespace AzSpokeTools.Engine.Requests
{
    /// <summary>Where a request's topology comes from: an already loaded topology, or a snapshot path (or sample:NAME).</summary>
    internal static class TopologyInput
    {
        public static Topology Resolve(string? snapshot, Topology? topology, IEngineHost host)
        {
            if (topology != null) return topology;
            if (string.IsNullOrWhiteSpace(snapshot))
                throw new EngineInputException("Snapshot", "give a snapshot file (or sample:NAME) or a topology");
            return Report(SnapshotLoader.Load(snapshot!), host);
        }

        /// <summary>A snapshot document already in hand (a live read kept in memory), named <paramref name="name"/> in messages.</summary>
        public static Topology FromDocument(System.IO.Stream document, string name, IEngineHost host) =>
            Report(SnapshotLoader.Load(document, name), host);

        /// <summary>Load warnings and coverage gaps go to the host: answers that depend on them are Unknown.</summary>
        private static Topology Report(Topology loaded, IEngineHost host)
        {
            foreach (var d in loaded.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning))
                host.Warning(d.ToString());
            foreach (var gap in loaded.Coverage.Denied)
                host.Warning("the snapshot could not read " + gap + "; answers that need it are Unknown");
            return loaded;
        }

        /// <summary>The service-tag file a request names (ServiceTagFile), or null when it names none.</summary>
        public static ServiceTagCatalog? ServiceTags(string? path)
        {
            if (string.IsNullOrWhiteSpace(path)) return null;
            if (!System.IO.File.Exists(path)) throw new EngineInputException("ServiceTagFile", $"service-tag file '{path}' not found");
            try { return ServiceTagCatalog.Load(path!); }
            catch (SnapshotLoadException ex)
            {
                // One line (the CLI writes an error per line): each problem with its file and JSON path.
                throw new EngineInputException("ServiceTagFile", "not a usable service-tag file: " + string.Join("; ", ex.Errors.Take(5).Select(e => e.ToString())) +
                                                                 (ex.Errors.Count > 5 ? $"; and {ex.Errors.Count - 5} more" : ""), ex);
            }
        }
    }
}
