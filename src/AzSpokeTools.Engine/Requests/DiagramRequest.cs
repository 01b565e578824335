using System;
using System.Collections.Generic;
using AzSpokeTools.Engine.Diagrams;
using AzSpokeTools.Engine.Hosting;
using AzSpokeTools.Engine.Paths;

namespace AzSpokeTools.Engine.Requests
{
    /// <summary>
    /// Export-SpokeDiagram / <c>azspoke diagram</c>: the topology (optionally limited to some VNets) and optionally one path,
    /// as SVG, HTML, Mermaid or DOT text. The path is traced from <see cref="Source"/> and <see cref="Destination"/> as
    /// <see cref="PathRequest"/> does, or given as <see cref="Path"/> (a Get-SpokeEffectivePath result).
    /// </summary>
    public sealed class DiagramRequest
    {
        /// <summary>The snapshot to load (a file, a folder or sample:NAME), when <see cref="Topology"/> is not given.</summary>
        public string? Snapshot { get; set; }
        /// <summary>An already loaded topology; takes precedence over a snapshot.</summary>
        public Model.Topology? Topology { get; set; }
        /// <summary>Trace and draw the path from here (with <see cref="Destination"/>).</summary>
        public string? Source { get; set; }
        /// <summary>The path's destination, when a path is drawn.</summary>
        public string? Destination { get; set; }
        /// <summary>An already traced path to draw (its topology must be <see cref="Topology"/>).</summary>
        public PathResult? Path { get; set; }
        /// <summary>Optional intent file for the traced path.</summary>
        public string? Intent { get; set; }
        /// <summary>VNet names, wildcards or ids to show (with the hubs they are peered to); empty: every VNet.</summary>
        public IReadOnlyList<string> VirtualNetwork { get; set; } = Array.Empty<string>();
        /// <summary>svg, html, mermaid or dot; when empty, inferred from <see cref="OutputPath"/>'s extension.</summary>
        public string? Format { get; set; }
        /// <summary>The file the caller will write (only its extension is read here).</summary>
        public string? OutputPath { get; set; }

        /// <summary>Builds, lays out and renders the diagram.</summary>
        public DiagramDocument Execute(IEngineHost host)
        {
            if (host == null) throw new ArgumentNullException(nameof(host));
            var format = DiagramFormats.Resolve(Format, OutputPath);
            if (string.IsNullOrWhiteSpace(Source) != string.IsNullOrWhiteSpace(Destination))
                throw new EngineInputException(string.IsNullOrWhiteSpace(Source) ? "Source" : "Destination", "give both the source and the destination of the path to draw, or neither");
            var topology = TopologyInput.Resolve(Snapshot, Topology, host);
            var path = Path;
            if (path == null && !string.IsNullOrWhiteSpace(Source))
                path = new PathRequest { Topology = topology, Source = Source, Destination = Destination, Intent = Intent }.Execute(host);
            if (VirtualNetwork.Count == 0 && topology.VirtualNetworks.Count > DiagramBuilder.LargeEstate)
            {
                if (path == null)
                    host.Warning($"drawing all {topology.VirtualNetworks.Count} VNets makes a very large picture; choose some with VirtualNetwork (wildcards allowed), or use Export-SpokeReport / azspoke report for the whole estate");
                else host.Verbose($"the snapshot has {topology.VirtualNetworks.Count} VNets: drawing the VNets the path crosses and their hubs (choose more with VirtualNetwork)");
            }
            var diagram = DiagramBuilder.Build(topology, VirtualNetwork, path);
            host.Verbose($"diagram: {diagram.Nodes.Count} nodes, {diagram.Edges.Count} edges, {format}");
            return new DiagramDocument(diagram, format, DiagramFormats.Render(diagram, format));
        }
    }
}
