using System.CommandLine;
using System.Text;
using AzSpokeTools.Cli.Output;
using AzSpokeTools.Engine.Requests;

namespace AzSpokeTools.Cli.Commands;

/// <summary>
/// <c>azspoke report --snapshot F [--intent FILE] [--plan DIR] --out F.html</c>: one self-contained HTML report of the estate.
/// Exit 0 once written (the report itself shows violations and findings; use matrix, intent or readiness to gate a pipeline).
/// </summary>
public static class ReportCommand
{
    public static Command Create(CliContext ctx)
    {
        var snapshot = CommonOptions.Snapshot();
        var intent = new Option<string?>("--intent") { Description = "Intent file (YAML, or JSON when it ends in .json); default: the snapshot's AVNM configurations" };
        var plan = new Option<string?>("--plan") { Description = "Migration plan folder written by azspoke plan --out: adds its waves and before/after what-if" };
        var serviceTags = new Option<string?>("--service-tags") { Description = "Azure's service-tag file (ServiceTags_Public_*.json) to resolve service-tag prefixes" };
        var output = new Option<string>("--out") { Description = "The HTML file to write", Required = true };
        var command = new Command("report", "One self-contained HTML report: map, pair heatmap, intent violations, readiness findings, path explorer.")
        {
            snapshot, intent, plan, serviceTags, output,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(output)!;
            var document = new EstateReportRequest
            {
                Snapshot = parse.GetValue(snapshot),
                Intent = parse.GetValue(intent),
                Plan = parse.GetValue(plan),
                ServiceTagFile = parse.GetValue(serviceTags),
            }.Execute(new CliEngineHost(ctx));
            var bytes = new UTF8Encoding(false).GetBytes(document.Html);
            AtomicFileWriter.Write(path, s => s.Write(bytes, 0, bytes.Length));
            var r = document.Report;
            ctx.Out.WriteLine($"Wrote the report of {r.VirtualNetworks.Count} VNets ({r.Pairs} pairs, {r.Violations} intent violations, {r.Readiness?.Findings.Count ?? 0} readiness findings) to {path} ({bytes.Length / 1024} KiB)");
            return ExitCodes.Success;
        });
        return command;
    }
}
