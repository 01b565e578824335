using System.CommandLine;
using AzSpokeTools.Engine;
using AzSpokeTools.Engine.Reports;

namespace AzSpokeTools.Cli.Commands;

/// <summary>
/// <c>azspoke merge FILE...</c>: combines the outputs of <c>azspoke matrix --shard I/N</c> (all summaries, all CSV or all NDJSON,
/// told from their first line) into the unsharded run's output; exit 1 when the merged summary has intent violations.
/// </summary>
public static class MergeCommand
{
    public static Command Create(CliContext ctx)
    {
        var files = new Argument<string[]>("files") { Description = "The shards' outputs, shard 1 first (matrix --shard I/N with the same --format)", Arity = ArgumentArity.OneOrMore };
        var command = new Command("merge", "Combine the outputs of matrix --shard I/N into the output of the unsharded run.") { files };
        command.SetAction(parse =>
        {
            var paths = parse.GetValue(files)!;
            PathMatrixShardFormat? format = null;
            foreach (var path in paths)
            {
                if (!File.Exists(path)) throw new EngineInputException("File", $"{path}: no such file");
                using var reader = new StreamReader(path);
                var f = PathMatrixShardMerge.FormatOf(reader.ReadLine());
                if (f == null) continue;
                if (format != null && f != format) throw new EngineInputException("File", $"{path}: holds {f}, the files before it {format}; merge outputs of one --format");
                format = f;
            }
            if (format == PathMatrixShardFormat.Summary)
            {
                var summary = PathMatrixShardMerge.MergeSummaries(paths.Select(p => (p, File.ReadAllText(p))));
                ctx.Out.Write(PathMatrixJsonWriter.RenderSummary(summary));
                return summary.Violations > 0 ? ExitCodes.Findings : ExitCodes.Success;
            }
            var readers = paths.Select(p => new StreamReader(p)).ToList();
            try
            {
                PathMatrixShardMerge.MergeRows(paths.Zip(readers, (p, r) => (p, (TextReader)r)), format ?? PathMatrixShardFormat.Ndjson, ctx.Out);
            }
            finally
            {
                foreach (var r in readers) r.Dispose();
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
