using System;
using System.IO;
using System.Text;
using AzSpokeTools.Engine.EstateReports;
using static AzSpokeTools.Engine.Diagrams.DiagramStyle;

namespace AzSpokeTools.Engine.Reports
{
    /// <summary>
    /// Writes the estate report as one self-contained HTML file: the data of <see cref="EstateReportJsonWriter"/> in a
    /// <c>script type="application/json"</c> element, and the page's own style and script (Reports/Assets) inline. Nothing is
    /// loaded from elsewhere, so it opens offline; the page sets <c>data-ready="true"</c> on the body once it is interactive.
    /// </summary>
    public static class EstateReportHtmlWriter
    {
        /// <summary>The report as a self-contained HTML page.</summary>
        public static string Write(EstateReport report)
        {
            if (report == null) throw new ArgumentNullException(nameof(report));
            // "</" inside the JSON is written as "<\/" (the same string to JSON) so that no "</script>" can end the element early.
            var data = ReportJson.ToText(w => EstateReportJsonWriter.Write(w, report), indented: false).Replace("</", "<\\/");
            var sb = new StringBuilder(data.Length + 40000);
            sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
            sb.Append("<title>").Append(Xml(report.Title)).Append(" - AzSpokeTools report</title>\n<style>\n").Append(Asset("report.css")).Append("</style>\n</head>\n<body>\n");
            sb.Append("<header><h1>").Append(Xml(report.Title)).Append("</h1><div class=\"meta\">AzSpokeTools estate report")
              .Append(report.CapturedAt != null ? " \u00b7 snapshot captured " + Xml(report.CapturedAt) : "")
              .Append(report.Intent != null ? " \u00b7 intent " + Xml(Path.GetFileName(report.Intent)) : " \u00b7 intent from AVNM connectivity configurations").Append("</div></header>\n");
            sb.Append("<nav><a href=\"#map-section\">Map</a><a href=\"#explorer\">Path explorer</a><a href=\"#pairs\">Pairs</a><a href=\"#intent\">Intent</a>")
              .Append("<a href=\"#readiness\">Readiness</a><a href=\"#plan\" id=\"nav-plan\">Migration plan</a></nav>\n<main>\n");
            sb.Append("<section id=\"summary\"><div class=\"stats\" id=\"stats\"></div><div class=\"legend-kinds\" id=\"kinds\"></div><p class=\"note\" id=\"skipped\"></p></section>\n");
            sb.Append("<div class=\"top\">\n<section id=\"map-section\"><h2>Map</h2><div class=\"toolbar\"><select id=\"view\" aria-label=\"map view\"></select><span class=\"crumbs\" id=\"crumbs\"></span></div><div id=\"map\"></div></section>\n");
            sb.Append("<section id=\"explorer\"><h2>Path explorer</h2>\n")
              .Append("<div class=\"picker\" id=\"source\"><label for=\"source-input\">Source VNet</label><input id=\"source-input\" autocomplete=\"off\" placeholder=\"type to search\"><ul role=\"listbox\"></ul></div>\n")
              .Append("<div class=\"picker\" id=\"destination\"><label for=\"destination-input\">Destination VNet</label><input id=\"destination-input\" autocomplete=\"off\" placeholder=\"type to search\"><ul role=\"listbox\"></ul></div>\n")
              .Append("<div id=\"result\"><p class=\"note\">Pick a source and a destination, or click a pair below, to see its hops on the map and the reasons.</p></div></section>\n</div>\n");
            sb.Append("<section id=\"pairs\"><h2>Every pair by ")
              .Append("<select id=\"heat-by\" aria-label=\"heatmap rows\"><option value=\"group\">group</option><option value=\"region\">region</option></select> and kind</h2>")
              .Append("<p class=\"note\">Each cell counts the ordered pairs from the row to the column, coloured by the most common path kind (hover for every kind); a dashed frame and \u26a0 mark intent violations. Click a cell to list its pairs.</p>")
              .Append("<div id=\"heat\" class=\"scroll\"></div><div id=\"cell-pairs\"></div></section>\n");
            sb.Append("<section id=\"intent\"><h2>Intent</h2><div id=\"rules\"></div><div id=\"violations\"></div></section>\n");
            sb.Append("<section id=\"readiness\"><h2>AVNM mesh readiness</h2><div id=\"readiness-body\"></div></section>\n");
            sb.Append("<section id=\"plan\"><h2>Migration plan</h2><div id=\"plan-body\"></div></section>\n");
            sb.Append("</main>\n<script type=\"application/json\" id=\"report-data\">").Append(data).Append("</script>\n");
            sb.Append("<script>\n").Append(Asset("report.js")).Append("</script>\n</body>\n</html>\n");
            return sb.ToString();
        }

        private static string Asset(string name)
        {
            using var stream = typeof(EstateReportHtmlWriter).Assembly.GetManifestResourceStream("report-assets/" + name)
                ?? throw new InvalidOperationException("report asset " + name + " is missing from the engine assembly");
            using var reader = new StreamReader(stream, Encoding.UTF8);
            return reader.ReadToEnd().Replace("\r\n", "\n");
        }
    }
}
