using System.CommandLine;
using AzSpokeTools.Engine.Reports;
using AzSpokeTools.Engine.Paths;
using AzSpokeTools.Engine.Requests;

namespace AzSpokeTools.Cli.Commands;

/// <summary>
/// <c>azspoke matrix --snapshot F [--intent FILE] [--engine vector|scalar] [--format summary|json|csv] [--level vnet|subnet]</c>
/// (--level also takes PowerShell's words, VirtualNetwork and Subnet):
/// every ordered pair, streamed; exit 1 when intent is violated.
/// </summary>
public static class MatrixCommand
{
    public static Command Create(CliContext ctx)
    {
        var snapshot = CommonOptions.Snapshot();
        var intent = new Option<string?>("--intent") { Description = "Intent file (YAML, or JSON when it ends in .json)" };
        var engine = new Option<string>("--engine") { Description = "vector (compiled, memoised) or scalar (reference)", DefaultValueFactory = _ => "vector" };
        engine.AcceptOnlyFromAmong("vector", "scalar");
        var level = new Option<string>("--level") { Description = "vnet or VirtualNetwork (default): VNet pairs; subnet or Subnet: subnet pairs", DefaultValueFactory = _ => "vnet" };
        level.AcceptOnlyFromAmong("vnet", "VirtualNetwork", "subnet", "Subnet");
        var format = CommonOptions.Format("summary", "json", "csv");
        var serviceTags = new Option<string?>("--service-tags") { Description = "Azure's service-tag file (ServiceTags_Public_*.json) to resolve service-tag prefixes" };
        var flow = FlowCliOptions.Create();
        var command = new Command("matrix", "All pairs: path kind per ordered pair, counts by kind, intent violations; with --port, each pair's access for that flow.")
        {
            snapshot, intent, engine, level, serviceTags, flow.Protocol, flow.Port, flow.SourcePort, flow.AssumeNva, format,
        };
        command.SetAction(parse =>
        {
            var matrix = new PathMatrixRequest
            {
                Snapshot = parse.GetValue(snapshot),
                Intent = parse.GetValue(intent),
                ServiceTagFile = parse.GetValue(serviceTags),
                Engine = parse.GetValue(engine),
                Level = string.Equals(parse.GetValue(level), "subnet", StringComparison.OrdinalIgnoreCase) ? PathMatrixLevel.Subnet : PathMatrixLevel.VirtualNetwork,
                Protocol = parse.GetValue(flow.Protocol),
                Port = parse.GetValue(flow.Port),
                SourcePort = parse.GetValue(flow.SourcePort),
                AssumeNva = parse.GetValue(flow.AssumeNva),
            }.Execute(new CliEngineHost(ctx));
            PathMatrixSummary summary;
            switch (parse.GetValue(format))
            {
                case "csv": summary = PathMatrixCsvWriter.Write(ctx.Out, matrix); break;
                case "json": summary = PathMatrixJsonWriter.WriteDocument(ctx.Out, matrix); break;
                default:
                    summary = matrix.Run(null);
                    ctx.Out.Write(PathMatrixJsonWriter.RenderSummary(summary));
                    break;
            }
            foreach (var s in summary.Skipped) ctx.Err.WriteLine(SafeText.Escape("warning: skipped " + s));
            return summary.Violations > 0 ? ExitCodes.Findings : ExitCodes.Success;
        });
        return command;
    }
}
