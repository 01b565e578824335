using System.CommandLine;
using AzSpokeTools.Engine.Reports;
using AzSpokeTools.Engine.Paths;
using AzSpokeTools.Engine.Requests;

namespace AzSpokeTools.Cli.Commands;

/// <summary>
/// <c>azspoke matrix --snapshot F [--intent FILE] [--engine vector|scalar] [--format summary|json|csv|ndjson] [--level vnet|subnet]
/// [--kind K...] [--only-violations] [--from-pattern P] [--to-pattern P] [--shard I/N] [--threads N] [--reasons]</c>
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
        var format = CommonOptions.Format("summary", "json", "csv", "ndjson");
        var kind = new Option<PathKind[]>("--kind") { Description = "Write only rows of these path kinds (repeatable); the summary still counts every pair", AllowMultipleArgumentsPerToken = true };
        var onlyViolations = new Option<bool>("--only-violations") { Description = "Write only rows whose path violates the intent that applies to them" };
        var fromPattern = new Option<string?>("--from-pattern") { Description = "Only sources whose name matches this pattern (* and ?, case-insensitive)" };
        var toPattern = new Option<string?>("--to-pattern") { Description = "Only destinations whose name matches this pattern (* and ?, case-insensitive)" };
        var shard = new Option<string?>("--shard") { Description = "I/N: only shard I of N (a contiguous block of sources); azspoke merge combines the shards' outputs" };
        var serviceTags = new Option<string?>("--service-tags") { Description = "Azure's service-tag file (ServiceTags_Public_*.json) to resolve service-tag prefixes" };
        var threads = new Option<int?>("--threads") { Description = "Threads evaluating sources (default: every core); rows keep their order; the scalar engine uses one" };
        var reasons = new Option<bool>("--reasons") { Description = "json and ndjson: each row also carries its reasons (cause and fix along the first path, then intent violations)" };
        var flow = FlowCliOptions.Create();
        var command = new Command("matrix", "All pairs: path kind per ordered pair, counts by kind, intent violations; with --port, each pair's access for that flow.")
        {
            snapshot, intent, engine, level, serviceTags, flow.Protocol, flow.Port, flow.SourcePort, flow.AssumeNva, format, kind, onlyViolations, fromPattern, toPattern, shard, threads, reasons,
        };
        command.SetAction(parse =>
        {
            bool withReasons = parse.GetValue(reasons);
            if (withReasons && parse.GetValue(format) is not ("json" or "ndjson"))
                throw new CliInputException($"--reasons adds a property to json and ndjson rows; --format {parse.GetValue(format)} has none to add it to");
            var (shardIndex, shardCount) = parse.GetValue(shard) is { } shardText ? PathMatrixSelection.ParseShard(shardText) : (1, 1);
            var matrix = new PathMatrixRequest
            {
                Snapshot = parse.GetValue(snapshot),
                Intent = parse.GetValue(intent),
                ServiceTagFile = parse.GetValue(serviceTags),
                Engine = parse.GetValue(engine),
                Level = string.Equals(parse.GetValue(level), "subnet", StringComparison.OrdinalIgnoreCase) ? PathMatrixLevel.Subnet : PathMatrixLevel.VirtualNetwork,
                Threads = parse.GetValue(threads),
                Reasons = withReasons,
                Selection = new PathMatrixSelection
                {
                    Kinds = parse.GetValue(kind),
                    OnlyViolations = parse.GetValue(onlyViolations),
                    FromPattern = parse.GetValue(fromPattern),
                    ToPattern = parse.GetValue(toPattern),
                    Shard = shardIndex,
                    ShardCount = shardCount,
                },
                Protocol = parse.GetValue(flow.Protocol),
                Port = parse.GetValue(flow.Port),
                SourcePort = parse.GetValue(flow.SourcePort),
                AssumeNva = parse.GetValue(flow.AssumeNva),
            }.Execute(new CliEngineHost(ctx));
            PathMatrixSummary summary;
            switch (parse.GetValue(format))
            {
                case "csv": summary = PathMatrixCsvWriter.Write(ctx.Out, matrix); break;
                case "ndjson": summary = PathMatrixNdjsonWriter.Write(ctx.Out, matrix); break;
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
