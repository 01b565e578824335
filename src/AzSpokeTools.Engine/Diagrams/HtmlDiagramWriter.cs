using System;
using System.Linq;
using System.Text;
using AzSpokeTools.Engine.Paths;
using static AzSpokeTools.Engine.Diagrams.DiagramStyle;

namespace AzSpokeTools.Engine.Diagrams
{
    /// <summary>
    /// Writes a <see cref="Diagram"/> as one self-contained HTML page (no script or style from elsewhere, works offline): the
    /// SVG picture, and for a path the forward and reverse hop tables (location, route prefix, source, next hop) and the
    /// reasons. Pointing at a hop row highlights its node on the picture.
    /// </summary>
    internal static class HtmlDiagramWriter
    {
        public static string Write(Diagram diagram)
        {
            if (diagram == null) throw new ArgumentNullException(nameof(diagram));
            var svg = SvgDiagramWriter.Write(diagram);
            var sb = new StringBuilder();
            sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
            sb.Append("<title>").Append(Xml(diagram.Title)).Append("</title>\n");
            sb.Append("<style>\nbody{font-family:'Segoe UI','DejaVu Sans',Arial,sans-serif;margin:16px;color:#1a202c;background:#fff}\n")
              .Append(".picture{overflow:auto;border:1px solid #e2e8f0;border-radius:6px}\n")
              .Append("table{border-collapse:collapse;margin:8px 0 16px;font-size:13px}th,td{border:1px solid #e2e8f0;padding:3px 8px;text-align:left}th{background:#f7fafc}\n")
              .Append("tr.hop:hover,tr.hop.active{background:#ebf4ff}.node.hover .shape{stroke-width:4px}\n")
              .Append("h2{font-size:16px;margin:16px 0 4px}.reasons li{margin:2px 0}\n</style>\n</head>\n<body>\n");
            sb.Append("<h1 style=\"font-size:18px\">").Append(Xml(diagram.Title)).Append("</h1>\n");
            sb.Append("<div class=\"picture\">\n").Append(svg).Append("</div>\n");
            if (diagram.Path is PathResult path)
            {
                Hops(sb, diagram, path, "Forward path", "forward");
                if (path.Reverse != null) Hops(sb, diagram, path.Reverse, "Reverse path", "reverse");
                if (path.Reasons.Count > 0)
                {
                    sb.Append("<h2>Reasons</h2>\n<ul class=\"reasons\">\n");
                    foreach (var r in path.Reasons) sb.Append("<li>").Append(Xml(r.ToString())).Append("</li>\n");
                    sb.Append("</ul>\n");
                }
            }
            sb.Append("<script>\n")
              .Append("document.querySelectorAll('tr.hop').forEach(function(row){\n")
              .Append("  var node=document.getElementById(row.getAttribute('data-node'));\n")
              .Append("  if(!node)return;\n")
              .Append("  row.addEventListener('mouseenter',function(){node.classList.add('hover');row.classList.add('active');});\n")
              .Append("  row.addEventListener('mouseleave',function(){node.classList.remove('hover');row.classList.remove('active');});\n")
              .Append("});\n</script>\n</body>\n</html>\n");
            return sb.ToString();
        }

        private static void Hops(StringBuilder sb, Diagram diagram, PathResult path, string title, string direction)
        {
            sb.Append("<h2>").Append(title).Append(": ").Append(Xml(path.Source.Description)).Append(" -&gt; ").Append(Xml(path.Destination.Description))
              .Append(" (").Append(path.Outcome).Append(", ").Append(path.Kind).Append(")</h2>\n");
            sb.Append("<table class=\"hops ").Append(direction).Append("\">\n<tr><th>#</th><th>Role</th><th>Location</th><th>Address prefix</th><th>Source</th><th>Next hop type</th><th>Next hop IP</th></tr>\n");
            for (int i = 0; i < path.Hops.Count; i++)
            {
                var h = path.Hops[i];
                var node = diagram.Nodes.FirstOrDefault(n => string.Equals(n.ResourceId, h.ResourceId, StringComparison.OrdinalIgnoreCase))
                           ?? (DiagramBuilder.VnetOf(diagram.Topology, h.ResourceId) is Model.VirtualNetwork v
                               ? diagram.Nodes.FirstOrDefault(n => string.Equals(n.ResourceId, v.Id.Value, StringComparison.OrdinalIgnoreCase)) : null);
                sb.Append("<tr class=\"hop\" data-node=\"").Append(node?.Key ?? "").Append("\"><td>").Append(I(i + 1)).Append("</td><td>").Append(h.Role).Append("</td><td>")
                  .Append(Xml(h.Location)).Append("</td><td>").Append(Xml(h.Route?.AddressPrefix ?? "")).Append("</td><td>").Append(Xml(h.Route?.Source ?? ""))
                  .Append("</td><td>").Append(Xml(h.Route?.NextHopType ?? "")).Append("</td><td>").Append(Xml(h.Route == null ? "" : string.Join(", ", h.Route.NextHopIpAddress)))
                  .Append("</td></tr>\n");
            }
            sb.Append("</table>\n");
        }
    }
}
