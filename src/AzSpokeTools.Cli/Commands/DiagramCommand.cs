using System.CommandLine;
using System.Text;
using AzSpokeTools.Cli.Output;
using AzSpokeTools.Engine.Requests;

namespace AzSpokeTools.Cli.Commands;

/// <summary>
/// <c>azspoke diagram --snapshot F [--from X --to Y] [--vnet PATTERN]... [--intent FILE] [--format svg|html|mermaid|dot] --out FILE</c>:
/// the topology and optionally one path as a picture; the format defaults from the extension of --out. Exit 0 once written.
/// </summary>
public static class DiagramCommand
{
    public static Command Create(CliContext ctx)
    {
        var snapshot = CommonOptions.Snapshot();
        var from = new Option<string?>("--from") { Description = "Draw the path from here: a VNet name, VNET/SUBNET, a NIC name, an IP address or a resource id" };
        var to = new Option<string?>("--to") { Description = "Destination of the path, as --from" };
        var vnet = new Option<string[]>("--vnet") { Description = "Show only these VNets (names, wildcards, ids; repeatable) and the hubs they are peered to", AllowMultipleArgumentsPerToken = true };
        var intent = new Option<string?>("--intent") { Description = "Intent file for the path's caption (YAML, or JSON when it ends in .json)" };
        var format = new Option<string?>("--format") { Description = "svg, html, mermaid or dot (default: from the extension of --out)" };
        format.AcceptOnlyFromAmong("svg", "html", "mermaid", "dot");
        var output = new Option<string>("--out") { Description = "File to write (.svg, .html, .mmd, .dot)", Required = true };
        var command = new Command("diagram", "Topology and paths as SVG, HTML, Mermaid or Graphviz DOT.") { snapshot, from, to, vnet, intent, format, output };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(output)!;
            var document = new DiagramRequest
            {
                Snapshot = parse.GetValue(snapshot),
                Source = parse.GetValue(from),
                Destination = parse.GetValue(to),
                Intent = parse.GetValue(intent),
                VirtualNetwork = parse.GetValue(vnet) ?? Array.Empty<string>(),
                Format = parse.GetValue(format),
                OutputPath = path,
            }.Execute(new CliEngineHost(ctx));
            var bytes = new UTF8Encoding(false).GetBytes(document.Text);
            AtomicFileWriter.Write(path, s => s.Write(bytes, 0, bytes.Length));
            ctx.Out.WriteLine($"Wrote {document.Format} diagram ({document.Diagram.Nodes.Count} nodes, {document.Diagram.Edges.Count} edges) to {path}");
            return ExitCodes.Success;
        });
        return command;
    }
}
