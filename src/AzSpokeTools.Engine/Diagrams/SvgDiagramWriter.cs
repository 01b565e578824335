using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using static AzSpokeTools.Engine.Diagrams.DiagramStyle;

namespace AzSpokeTools.Engine.Diagrams
{
    /// <summary>
    /// Writes a laid-out <see cref="Diagram"/> as one standalone SVG document: caption, clusters, edges, shapes per node kind,
    /// the path's numbered forward (blue) and reverse (orange, dashed) steps, and a legend. Nodes carry
    /// <c>data-kind</c>, <c>data-name</c>, <c>data-resource-id</c> and, on a path, <c>data-forward-step</c> /
    /// <c>data-reverse-step</c>, so that scripts and tests can find them.
    /// </summary>
    internal static class SvgDiagramWriter
    {
        private const string Font = "'Segoe UI', 'DejaVu Sans', Arial, sans-serif";
        private const double LegendItemWidth = 230;
        private const double LegendRowHeight = 24;

        /// <summary>The SVG text of <paramref name="diagram"/> (laid out first when it was not).</summary>
        public static string Write(Diagram diagram)
        {
            if (diagram == null) throw new ArgumentNullException(nameof(diagram));
            if (diagram.Width == 0) DiagramLayout.Apply(diagram);
            var sb = new StringBuilder();
            double width = Math.Max(diagram.Width, 720);
            var captionLines = new List<string> { diagram.Title };
            captionLines.AddRange(diagram.Caption);
            double captionHeight = 16 + 18 * captionLines.Count;
            var legend = LegendItems(diagram);
            int perRow = Math.Max(1, (int)((width - 20) / LegendItemWidth));
            double legendHeight = 34 + LegendRowHeight * ((legend.Count + perRow - 1) / perRow);
            double height = captionHeight + diagram.Height + legendHeight;
            string F(double v) => DiagramLayout.F(v);

            sb.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").Append(F(width)).Append("\" height=\"").Append(F(height))
              .Append("\" viewBox=\"0 0 ").Append(F(width)).Append(' ').Append(F(height)).Append("\" font-family=\"").Append(Font)
              .Append("\" font-size=\"12\" role=\"img\" aria-label=\"").Append(Xml(diagram.Title)).Append("\">\n");
            sb.Append("<title>").Append(Xml(diagram.Title)).Append("</title>\n");
            sb.Append("<style>.edge{fill:none}.step path{fill:none}.node text{fill:#1a202c}.detail{fill:#4a5568;font-size:10px}")
              .Append(".cluster-label{font-weight:600;fill:#4a5568}.caption-title{font-size:15px;font-weight:600}")
              .Append(".node.on-path .shape{stroke-width:3px}.badge text{fill:#fff;font-size:10px;font-weight:700}</style>\n");
            sb.Append("<defs>");
            Marker(sb, "arrow-forward", ForwardColour);
            Marker(sb, "arrow-reverse", ReverseColour);
            sb.Append("</defs>\n");
            sb.Append("<rect class=\"background\" x=\"0\" y=\"0\" width=\"").Append(F(width)).Append("\" height=\"").Append(F(height)).Append("\" fill=\"#ffffff\"/>\n");

            sb.Append("<g class=\"caption\">\n");
            for (int i = 0; i < captionLines.Count; i++)
                sb.Append("<text x=\"16\" y=\"").Append(F(24 + 18 * i)).Append('"').Append(i == 0 ? " class=\"caption-title\"" : "").Append('>')
                  .Append(Xml(captionLines[i])).Append("</text>\n");
            sb.Append("</g>\n");

            sb.Append("<g class=\"diagram\" transform=\"translate(0,").Append(F(captionHeight)).Append(")\">\n");
            foreach (var c in diagram.AllClusters())
            {
                var (fill, stroke, dash) = c.Kind switch
                {
                    DiagramClusterKind.Region => ("#f7fafc", "#a0aec0", "6 4"),
                    DiagramClusterKind.Hub => ("#eef5fd", "#90b4e0", ""),
                    _ => ("#f5f0fd", "#b7a3e3", ""),
                };
                sb.Append("<g class=\"cluster cluster-").Append(c.Kind).Append("\" id=\"").Append(c.Key).Append("\" data-name=\"").Append(Xml(c.Label)).Append("\">")
                  .Append("<rect x=\"").Append(F(c.Left)).Append("\" y=\"").Append(F(c.Top)).Append("\" width=\"").Append(F(c.Width)).Append("\" height=\"").Append(F(c.Height))
                  .Append("\" rx=\"8\" fill=\"").Append(fill).Append("\" stroke=\"").Append(stroke).Append('"').Append(dash.Length > 0 ? " stroke-dasharray=\"" + dash + "\"" : "").Append("/>")
                  .Append("<text class=\"cluster-label\" x=\"").Append(F(c.Left + 10)).Append("\" y=\"").Append(F(c.Top + 17)).Append("\">").Append(Xml(c.Label)).Append("</text></g>\n");
            }
            foreach (var e in diagram.Edges.Where(e => !e.IsPath))
            {
                var (stroke, dash, w) = Line(e.Kind);
                sb.Append("<path class=\"edge e-").Append(e.Kind).Append("\" data-from=\"").Append(e.From.Key).Append("\" data-to=\"").Append(e.To.Key)
                  .Append("\" d=\"").Append(e.PathData).Append("\" stroke=\"").Append(stroke).Append("\" stroke-width=\"").Append(F(w)).Append('"')
                  .Append(dash.Length > 0 ? " stroke-dasharray=\"" + dash + "\"" : "").Append("/>\n");
                if (e.Label.Length > 0)
                    sb.Append("<text class=\"edge-label\" x=\"").Append(F(e.LabelX)).Append("\" y=\"").Append(F(e.LabelY + 4)).Append("\" text-anchor=\"middle\" font-size=\"10\" fill=\"#4a5568\">")
                      .Append(Xml(e.Label)).Append("</text>\n");
            }
            var forward = Steps(diagram.ForwardNodes);
            var reverse = Steps(diagram.ReverseNodes);
            foreach (var n in diagram.Nodes) Node(sb, n, forward, reverse);
            foreach (var e in diagram.Edges.Where(e => e.IsPath))
            {
                bool fwd = e.Kind == DiagramEdgeKind.ForwardPath;
                var (stroke, dash, w) = Line(e.Kind);
                sb.Append("<g class=\"step ").Append(fwd ? "forward" : "reverse").Append("\" data-step=\"").Append(I(e.Step)).Append("\" data-from=\"").Append(e.From.Key)
                  .Append("\" data-to=\"").Append(e.To.Key).Append("\"><path d=\"").Append(e.PathData).Append("\" stroke=\"").Append(stroke).Append("\" stroke-width=\"").Append(F(w)).Append('"')
                  .Append(dash.Length > 0 ? " stroke-dasharray=\"" + dash + "\"" : "").Append(" marker-end=\"url(#arrow-").Append(fwd ? "forward" : "reverse").Append(")\"/>")
                  .Append("<g class=\"badge\"><circle cx=\"").Append(F(e.LabelX)).Append("\" cy=\"").Append(F(e.LabelY)).Append("\" r=\"9\" fill=\"").Append(stroke).Append("\"/>")
                  .Append("<text x=\"").Append(F(e.LabelX)).Append("\" y=\"").Append(F(e.LabelY + 3.5)).Append("\" text-anchor=\"middle\">").Append(fwd ? "" : "R").Append(I(e.Step)).Append("</text></g></g>\n");
            }
            sb.Append("</g>\n");

            sb.Append("<g class=\"legend\" transform=\"translate(0,").Append(F(captionHeight + diagram.Height)).Append(")\">\n");
            sb.Append("<text x=\"16\" y=\"18\" class=\"cluster-label\">Legend</text>\n");
            for (int i = 0; i < legend.Count; i++)
            {
                double x = 16 + (i % perRow) * LegendItemWidth, y = 30 + (i / perRow) * LegendRowHeight;
                sb.Append("<g class=\"legend-item\" data-legend=\"").Append(legend[i].Key).Append("\">").Append(legend[i].Sample(x, y))
                  .Append("<text x=\"").Append(F(x + 56)).Append("\" y=\"").Append(F(y + 13)).Append("\">").Append(Xml(legend[i].Name)).Append("</text></g>\n");
            }
            sb.Append("</g>\n</svg>\n");
            return sb.ToString();
        }

        private static Dictionary<DiagramNode, List<int>> Steps(List<DiagramNode> order)
        {
            var d = new Dictionary<DiagramNode, List<int>>();
            for (int i = 0; i < order.Count; i++)
            {
                if (!d.TryGetValue(order[i], out var l)) d[order[i]] = l = new List<int>();
                l.Add(i + 1);
            }
            return d;
        }

        private static void Node(StringBuilder sb, DiagramNode n, Dictionary<DiagramNode, List<int>> forward, Dictionary<DiagramNode, List<int>> reverse)
        {
            string F(double v) => DiagramLayout.F(v);
            bool onPath = forward.ContainsKey(n) || reverse.ContainsKey(n);
            sb.Append("<g class=\"node k-").Append(n.Kind).Append(onPath ? " on-path" : "").Append("\" id=\"").Append(n.Key).Append("\" data-kind=\"").Append(n.Kind)
              .Append("\" data-name=\"").Append(Xml(n.Label)).Append("\" data-resource-id=\"").Append(Xml(n.ResourceId)).Append('"');
            if (forward.TryGetValue(n, out var f)) sb.Append(" data-forward-step=\"").Append(string.Join(" ", f.Select(I))).Append('"');
            if (reverse.TryGetValue(n, out var r)) sb.Append(" data-reverse-step=\"").Append(string.Join(" ", r.Select(I))).Append('"');
            sb.Append("><title>").Append(Xml(Name(n.Kind) + ": " + n.Label + (n.Detail.Length > 0 ? " (" + n.Detail + ")" : "") + "\n" + n.ResourceId)).Append("</title>");
            var (fill, stroke) = Colours(n.Kind);
            if (onPath) stroke = forward.ContainsKey(n) ? ForwardColour : ReverseColour;
            sb.Append(Shape(n.Kind, n.X, n.Y, n.Width, n.Height, fill, stroke));
            bool detail = n.Detail.Length > 0;
            sb.Append("<text x=\"").Append(F(n.X)).Append("\" y=\"").Append(F(n.Y + (detail ? -2 : 4))).Append("\" text-anchor=\"middle\">").Append(Xml(n.Label)).Append("</text>");
            if (detail)
                sb.Append("<text class=\"detail\" x=\"").Append(F(n.X)).Append("\" y=\"").Append(F(n.Y + 12)).Append("\" text-anchor=\"middle\">")
                  .Append(Xml(n.Detail.Length > 40 ? n.Detail.Substring(0, 39) + "…" : n.Detail)).Append("</text>");
            sb.Append("</g>\n");
        }

        /// <summary>The shape of a node kind centred on (x, y): distinct outlines so that kinds read without colour.</summary>
        internal static string Shape(DiagramNodeKind kind, double x, double y, double w, double h, string fill, string stroke)
        {
            string F(double v) => DiagramLayout.F(v);
            double l = x - w / 2, t = y - h / 2, r = x + w / 2, b = y + h / 2, c = Math.Min(12, h / 2);
            string Poly(params double[] p)
            {
                var s = new StringBuilder("<polygon class=\"shape\" points=\"");
                for (int i = 0; i < p.Length; i += 2) s.Append(i == 0 ? "" : " ").Append(F(p[i])).Append(',').Append(F(p[i + 1]));
                return s.Append("\" fill=\"").Append(fill).Append("\" stroke=\"").Append(stroke).Append("\" stroke-width=\"1.5\"/>").ToString();
            }
            string Rect(double rx, string extra = "") =>
                $"<rect class=\"shape\" x=\"{F(l)}\" y=\"{F(t)}\" width=\"{F(w)}\" height=\"{F(h)}\" rx=\"{F(rx)}\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"1.5\"{extra}/>";
            switch (kind)
            {
                case DiagramNodeKind.VirtualNetwork: return Rect(6);
                case DiagramNodeKind.HubVirtualNetwork:
                    return Rect(6) + $"<rect x=\"{F(l + 3)}\" y=\"{F(t + 3)}\" width=\"{F(w - 6)}\" height=\"{F(h - 6)}\" rx=\"4\" fill=\"none\" stroke=\"{stroke}\" stroke-width=\"1\"/>";
                case DiagramNodeKind.VpnGateway: return Poly(l + c, t, r - c, t, r, y, r - c, b, l + c, b, l, y);
                case DiagramNodeKind.ExpressRouteGateway: return Poly(l, t, r - c, t, r, y, r - c, b, l, b, l + c, y);
                case DiagramNodeKind.ExpressRouteCircuit: return Rect(h / 2);
                case DiagramNodeKind.AzureFirewall:
                    return Poly(l + c, t, r - c, t, r, t + c, r, b - c, r - c, b, l + c, b, l, b - c, l, t + c);
                case DiagramNodeKind.NetworkVirtualAppliance: return Poly(l + c, t, r, t, r - c, b, l, b);
                case DiagramNodeKind.RouteServer: return Rect(h / 2, " stroke-dasharray=\"4 2\"");
                case DiagramNodeKind.VirtualWanHub:
                    return Poly(l + c, t, r - c, t, r, y, r - c, b, l + c, b, l, y) + Poly(l + c + 4, t + 4, r - c - 4, t + 4, r - 4, y, r - c - 4, b - 4, l + c + 4, b - 4, l + 4, y).Replace("stroke-width=\"1.5\"", "stroke-width=\"1\"").Replace("fill=\"" + fill + "\"", "fill=\"none\"");
                default: return Rect(h / 2, " stroke-dasharray=\"2 3\"");
            }
        }

        private sealed class LegendItem
        {
            public LegendItem(string key, string name, Func<double, double, string> sample) { Key = key; Name = name; Sample = sample; }
            public string Key { get; }
            public string Name { get; }
            public Func<double, double, string> Sample { get; }
        }

        private static List<LegendItem> LegendItems(Diagram diagram)
        {
            var items = new List<LegendItem>();
            foreach (var k in diagram.NodeKinds())
            {
                var (fill, stroke) = Colours(k);
                items.Add(new LegendItem(k.ToString(), Name(k), (x, y) => Shape(k, x + 22, y + 9, 44, 18, fill, stroke)));
            }
            foreach (var k in diagram.EdgeKinds())
            {
                var (stroke, dash, w) = Line(k);
                items.Add(new LegendItem(k.ToString(), Name(k), (x, y) =>
                    $"<line x1=\"{DiagramLayout.F(x)}\" y1=\"{DiagramLayout.F(y + 9)}\" x2=\"{DiagramLayout.F(x + 44)}\" y2=\"{DiagramLayout.F(y + 9)}\" stroke=\"{stroke}\" stroke-width=\"{DiagramLayout.F(w)}\"" +
                    (dash.Length > 0 ? $" stroke-dasharray=\"{dash}\"" : "") + "/>"));
            }
            return items;
        }

        private static void Marker(StringBuilder sb, string id, string colour) =>
            sb.Append("<marker id=\"").Append(id).Append("\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"5\" markerHeight=\"5\" orient=\"auto-start-reverse\">")
              .Append("<path d=\"M0,0 L10,5 L0,10 z\" fill=\"").Append(colour).Append("\"/></marker>");
    }
}
