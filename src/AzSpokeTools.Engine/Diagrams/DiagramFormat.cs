using System;
using System.IO;

namespace AzSpokeTools.Engine.Diagrams
{
    /// <summary>The output formats of Export-SpokeDiagram / <c>azspoke diagram</c>.</summary>
    public enum DiagramFormat
    {
        /// <summary>A standalone SVG picture laid out by MSAGL.</summary>
        Svg,
        /// <summary>A self-contained HTML page: the SVG picture plus the path's hop tables and reasons.</summary>
        Html,
        /// <summary>A Mermaid flowchart (renders in GitHub Markdown).</summary>
        Mermaid,
        /// <summary>A Graphviz DOT digraph.</summary>
        Dot,
    }

    /// <summary>Parses a format name and infers a format from a file extension.</summary>
    internal static class DiagramFormats
    {
        /// <summary>
        /// The format named by <paramref name="format"/> (case-insensitive), else the one the extension of
        /// <paramref name="outputPath"/> implies: .svg, .html/.htm, .mmd/.mermaid, .dot/.gv.
        /// </summary>
        /// <exception cref="EngineInputException">Neither names a known format.</exception>
        public static DiagramFormat Resolve(string? format, string? outputPath)
        {
            if (!string.IsNullOrWhiteSpace(format))
            {
                if (Enum.TryParse(format!.Trim(), ignoreCase: true, out DiagramFormat f) && Enum.IsDefined(typeof(DiagramFormat), f)) return f;
                throw new EngineInputException("Format", $"'{format}' is not a diagram format; use svg, html, mermaid or dot");
            }
            switch (Path.GetExtension(outputPath ?? "").ToLowerInvariant())
            {
                case ".svg": return DiagramFormat.Svg;
                case ".html": case ".htm": return DiagramFormat.Html;
                case ".mmd": case ".mermaid": return DiagramFormat.Mermaid;
                case ".dot": case ".gv": return DiagramFormat.Dot;
                default:
                    throw new EngineInputException("Format", $"cannot tell the format from '{outputPath}'; give the format (svg, html, mermaid or dot) or use the extension .svg, .html, .mmd or .dot");
            }
        }

        /// <summary>Writes <paramref name="diagram"/> in <paramref name="format"/> (SVG and HTML are laid out first).</summary>
        public static string Render(Diagram diagram, DiagramFormat format) => format switch
        {
            DiagramFormat.Svg => SvgDiagramWriter.Write(diagram),
            DiagramFormat.Html => HtmlDiagramWriter.Write(diagram),
            DiagramFormat.Mermaid => MermaidDiagramWriter.Write(diagram),
            _ => DotDiagramWriter.Write(diagram),
        };
    }
}
