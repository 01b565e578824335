using System;
using System.Linq;
using System.Text;
using static AzSpokeTools.Engine.Diagrams.DiagramStyle;

namespace AzSpokeTools.Engine.Diagrams
{
    /// <summary>
    /// Writes a <see cref="Diagram"/> as a Graphviz DOT digraph that <c>dot</c> renders unchanged: regions and hub groups as
    /// clusters, one shape per node kind, topology edges without arrows, path steps as numbered coloured arrows, the caption
    /// as the graph label and a legend cluster.
    /// </summary>
    internal static class DotDiagramWriter
    {
        public static string Write(Diagram diagram)
        {
            if (diagram == null) throw new ArgumentNullException(nameof(diagram));
            var sb = new StringBuilder();
            sb.Append("digraph azspoke {\n");
            var label = string.Join("\\l", new[] { diagram.Title }.Concat(diagram.Caption).Select(Escape)) + "\\l";
            sb.Append("  graph [rankdir=TB, fontname=\"Helvetica\", fontsize=12, labelloc=t, labeljust=l, compound=true, newrank=true, label=\"").Append(label).Append("\"];\n");
            sb.Append("  node [fontname=\"Helvetica\", fontsize=11, style=\"filled\", margin=\"0.15,0.06\"];\n");
            sb.Append("  edge [fontname=\"Helvetica\", fontsize=10];\n");
            foreach (var c in diagram.Clusters) Cluster(sb, c, "  ");
            foreach (var n in diagram.Nodes.Where(n => n.Cluster == null)) sb.Append("  ").Append(Node(n.Key, n.Kind, n.Label, n.Detail)).Append('\n');
            foreach (var e in diagram.Edges)
            {
                var (stroke, dash, w) = Line(e.Kind);
                sb.Append("  ").Append(e.From.Key).Append(" -> ").Append(e.To.Key).Append(" [color=\"").Append(stroke).Append("\", penwidth=").Append(DiagramLayout.F(w));
                if (dash.Length > 0) sb.Append(", style=dashed");
                if (e.IsPath)
                {
                    var text = (e.Kind == DiagramEdgeKind.ReversePath ? "R" : "") + I(e.Step);
                    sb.Append(", label=\"").Append(text).Append("\", fontcolor=\"").Append(stroke).Append("\", constraint=false");
                }
                else
                {
                    sb.Append(", dir=none");
                    if (e.Label.Length > 0) sb.Append(", label=\"").Append(Escape(e.Label)).Append('"');
                }
                sb.Append("];\n");
            }
            sb.Append("  subgraph cluster_legend {\n    label=\"Legend\"; style=\"rounded\"; color=\"#a0aec0\";\n");
            foreach (var k in diagram.NodeKinds()) sb.Append("    ").Append(Node("legend_" + k, k, Name(k), "")).Append('\n');
            sb.Append("  }\n}\n");
            return sb.ToString();
        }

        private static void Cluster(StringBuilder sb, DiagramCluster c, string indent)
        {
            var (fill, stroke, style) = c.Kind switch
            {
                DiagramClusterKind.Region => ("#f7fafc", "#a0aec0", "dashed,rounded,filled"),
                DiagramClusterKind.Hub => ("#eef5fd", "#90b4e0", "rounded,filled"),
                _ => ("#f5f0fd", "#b7a3e3", "rounded,filled"),
            };
            sb.Append(indent).Append("subgraph cluster_").Append(c.Key).Append(" {\n");
            sb.Append(indent).Append("  label=\"").Append(Escape(c.Label)).Append("\"; style=\"").Append(style).Append("\"; fillcolor=\"").Append(fill).Append("\"; color=\"").Append(stroke).Append("\";\n");
            foreach (var child in c.Children) Cluster(sb, child, indent + "  ");
            foreach (var n in c.Nodes) sb.Append(indent).Append("  ").Append(Node(n.Key, n.Kind, n.Label, n.Detail)).Append('\n');
            sb.Append(indent).Append("}\n");
        }

        private static string Node(string key, DiagramNodeKind kind, string label, string detail)
        {
            var (fill, stroke) = Colours(kind);
            var (shape, style) = kind switch
            {
                DiagramNodeKind.VirtualNetwork => ("box", "rounded,filled"),
                DiagramNodeKind.HubVirtualNetwork => ("box", "rounded,filled,bold"),
                DiagramNodeKind.VpnGateway => ("hexagon", "filled"),
                DiagramNodeKind.ExpressRouteGateway => ("hexagon", "filled,bold"),
                DiagramNodeKind.ExpressRouteCircuit => ("ellipse", "filled"),
                DiagramNodeKind.AzureFirewall => ("octagon", "filled"),
                DiagramNodeKind.NetworkVirtualAppliance => ("parallelogram", "filled"),
                DiagramNodeKind.RouteServer => ("circle", "filled,dashed"),
                DiagramNodeKind.VirtualWanHub => ("doubleoctagon", "filled"),
                _ => ("box", "rounded,filled,dashed"),
            };
            var text = Escape(label) + (detail.Length > 0 ? "\\n" + Escape(detail) : "");
            return $"{key} [label=\"{text}\", shape={shape}, style=\"{style}\", fillcolor=\"{fill}\", color=\"{stroke}\"];";
        }

        private static string Escape(string s) => s.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n").Replace("\r", "");
    }
}
