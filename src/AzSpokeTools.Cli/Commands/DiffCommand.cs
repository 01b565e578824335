using System.CommandLine;
using AzSpokeTools.Engine.Comparison;
using AzSpokeTools.Engine.Migration;
using AzSpokeTools.Engine.Reports;
using AzSpokeTools.Engine.Requests;

namespace AzSpokeTools.Cli.Commands;

/// <summary>
/// <c>azspoke diff --before F --after F [--format table|json]</c>: the ordered VNet pairs whose path (outcome, kind, transits,
/// symmetry) differs between two snapshots. Exit 0 (the differences are the answer, not a violation), 2 bad input.
/// </summary>
public static class DiffCommand
{
    public static Command Create(CliContext ctx)
    {
        var before = new Option<string>("--before") { Description = "The earlier snapshot (file, directory or sample:NAME)", Required = true };
        var after = new Option<string>("--after") { Description = "The later snapshot (file, directory or sample:NAME)", Required = true };
        var format = CommonOptions.Format("table", "json");
        var command = new Command("diff", "Pair-by-pair path differences between two snapshots.") { before, after, format };
        command.SetAction(parse =>
        {
            var diff = new TopologyDiffRequest { Before = parse.GetValue(before), After = parse.GetValue(after) }.Execute(new CliEngineHost(ctx));
            if (parse.GetValue(format) == "json") ctx.Out.Write(TopologyDiffJsonWriter.Render(diff));
            else WriteTable(ctx.Out, $"{diff.Pairs} ordered pairs compared; {diff.Differences.Count} differ", diff.Differences, "Before", "After");
            foreach (var id in diff.OnlyBefore) ctx.Err.WriteLine("warning: only in --before: " + id);
            foreach (var id in diff.OnlyAfter) ctx.Err.WriteLine("warning: only in --after: " + id);
            return ExitCodes.Success;
        });
        return command;
    }

    internal static void WriteTable(TextWriter o, string heading, IReadOnlyList<PairDifference> differences, string before, string after)
    {
        o.WriteLine(heading);
        if (differences.Count == 0) return;
        TextTable.Write(o, new[] { "Source", "Destination", before, after, "Changed" }, differences.Select(d => new[]
        {
            d.Source, d.Destination,
            Side(d.Before, d.BeforeSymmetric), Side(d.After, d.AfterSymmetric),
            string.Join(", ", d.Changed),
        }).ToList());
    }

    private static string Side(PairPath? path, bool? symmetric) =>
        path == null ? "(absent)" : $"{path} [{path.TransitText}]" + (path.Delivered && symmetric == false ? " asymmetric" : "");
}
