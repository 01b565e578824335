using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using static AzSpokeTools.Engine.Diagrams.DiagramStyle;

namespace AzSpokeTools.Engine.Diagrams
{
    /// <summary>
    /// Writes a <see cref="Diagram"/> as a Mermaid flowchart that GitHub Markdown renders unchanged: regions and hub groups as
    /// subgraphs, one shape and class per node kind, path steps as numbered thick links coloured by <c>linkStyle</c>, and a
    /// legend subgraph. Mermaid lays the chart out itself, so this writer needs no layout.
    /// </summary>
    internal static class MermaidDiagramWriter
    {
        public static string Write(Diagram diagram)
        {
            if (diagram == null) throw new ArgumentNullException(nameof(diagram));
            var sb = new StringBuilder();
            sb.Append("flowchart TB\n");
            sb.Append("  %% ").Append(Comment(diagram.Title)).Append('\n');
            foreach (var line in diagram.Caption) sb.Append("  %% ").Append(Comment(line)).Append('\n');
            foreach (var c in diagram.Clusters) Cluster(sb, c, "  ");
            foreach (var n in diagram.Nodes.Where(n => n.Cluster == null)) sb.Append("  ").Append(Node(n.Key, n.Kind, Label(n))).Append('\n');

            var links = new List<(int Index, DiagramEdgeKind Kind)>();
            int index = 0;
            foreach (var e in diagram.Edges)
            {
                sb.Append("  ").Append(e.From.Key).Append(Link(e)).Append(e.To.Key).Append('\n');
                links.Add((index++, e.Kind));
            }

            // Legend: one sample node per kind present.
            sb.Append("  subgraph legend[\"Legend\"]\n    direction LR\n");
            foreach (var k in diagram.NodeKinds()) sb.Append("    ").Append(Node("legend_" + k, k, Text(Name(k)))).Append('\n');
            sb.Append("  end\n");

            foreach (var k in Enum.GetValues(typeof(DiagramNodeKind)).Cast<DiagramNodeKind>())
            {
                var (fill, stroke) = Colours(k);
                sb.Append("  classDef ").Append(k).Append(" fill:").Append(fill).Append(",stroke:").Append(stroke).Append(",color:#1a202c\n");
            }
            foreach (var g in diagram.Nodes.GroupBy(n => n.Kind).OrderBy(g => g.Key))
                sb.Append("  class ").Append(string.Join(",", g.Select(n => n.Key))).Append(' ').Append(g.Key).Append('\n');
            foreach (var k in diagram.NodeKinds()) sb.Append("  class legend_").Append(k).Append(' ').Append(k).Append('\n');
            var onPath = diagram.ForwardNodes.Concat(diagram.ReverseNodes).Distinct().ToList();
            if (onPath.Count > 0)
            {
                sb.Append("  classDef onPath stroke:").Append(ForwardColour).Append(",stroke-width:3px\n");
                sb.Append("  class ").Append(string.Join(",", onPath.Select(n => n.Key))).Append(" onPath\n");
            }
            foreach (var g in links.GroupBy(l => l.Kind).OrderBy(g => g.Key))
            {
                var (stroke, dash, w) = Line(g.Key);
                sb.Append("  linkStyle ").Append(string.Join(",", g.Select(l => I(l.Index)))).Append(" stroke:").Append(stroke)
                  .Append(",stroke-width:").Append(DiagramLayout.F(w)).Append("px");
                if (dash.Length > 0) sb.Append(",stroke-dasharray:").Append(dash);
                sb.Append('\n');
            }
            return sb.ToString();
        }

        private static void Cluster(StringBuilder sb, DiagramCluster c, string indent)
        {
            sb.Append(indent).Append("subgraph ").Append(c.Key).Append("[\"").Append(Text(c.Label)).Append("\"]\n");
            foreach (var child in c.Children) Cluster(sb, child, indent + "  ");
            foreach (var n in c.Nodes) sb.Append(indent).Append("  ").Append(Node(n.Key, n.Kind, Label(n))).Append('\n');
            sb.Append(indent).Append("end\n");
        }

        private static string Label(DiagramNode n) => Text(n.Label) + (n.Detail.Length > 0 ? "<br/><small>" + Text(n.Detail) + "</small>" : "");

        private static string Node(string key, DiagramNodeKind kind, string label)
        {
            var q = "\"" + label + "\"";
            return key + kind switch
            {
                DiagramNodeKind.VirtualNetwork => "(" + q + ")",
                DiagramNodeKind.HubVirtualNetwork => "[[" + q + "]]",
                DiagramNodeKind.VpnGateway => "{{" + q + "}}",
                DiagramNodeKind.ExpressRouteGateway => "[/" + q + "/]",
                DiagramNodeKind.ExpressRouteCircuit => "([" + q + "])",
                DiagramNodeKind.AzureFirewall => "[\\" + q + "\\]",
                DiagramNodeKind.NetworkVirtualAppliance => ">" + q + "]",
                DiagramNodeKind.RouteServer => "((" + q + "))",
                DiagramNodeKind.VirtualWanHub => "[(" + q + ")]",
                _ => "[" + q + "]",
            };
        }

        private static string Link(DiagramEdge e)
        {
            var label = e.Kind == DiagramEdgeKind.ReversePath ? "R" + I(e.Step) : e.Label;
            string With(string arrow) => label.Length == 0 ? " " + arrow + " " : " " + arrow + "|\"" + Text(label) + "\"| ";
            return e.Kind switch
            {
                DiagramEdgeKind.ForwardPath => With("==>"),
                DiagramEdgeKind.ReversePath => With("-.->"),
                DiagramEdgeKind.ConnectedGroupMember => With("-.-"),
                DiagramEdgeKind.GatewayConnection => With("==="),
                _ => With("---"),
            };
        }

        /// <summary>Label text: Mermaid entity codes for the characters its parser treats specially.</summary>
        private static string Text(string s)
        {
            var sb = new StringBuilder(s.Length);
            foreach (var c in s)
            {
                switch (c)
                {
                    case '"': sb.Append("#quot;"); break;
                    case '<': sb.Append("#lt;"); break;
                    case '>': sb.Append("#gt;"); break;
                    case '#': sb.Append("#35;"); break;
                    case '|': sb.Append("#124;"); break;
                    case '\n': case '\r': sb.Append(' '); break;
                    default: sb.Append(c); break;
                }
            }
            return sb.ToString();
        }

        private static string Comment(string s) => s.Replace('\n', ' ').Replace('\r', ' ');
    }
}
