using System.CommandLine;
using AzSpokeTools.Engine.Reports;
using AzSpokeTools.Engine.Requests;

namespace AzSpokeTools.Cli.Commands;

/// <summary>
/// <c>azspoke verify-wave --plan DIR --wave K --snapshot F [--format table|json]</c>: a snapshot exported after applying wave K
/// against the paths the plan in DIR promised after it. Exit 0 when every pair is as promised, 1 on any difference, 2 bad input.
/// </summary>
public static class VerifyWaveCommand
{
    public static Command Create(CliContext ctx)
    {
        var plan = new Option<string>("--plan") { Description = "The directory azspoke plan wrote (plan.json and whatif-pairs.csv)", Required = true };
        var wave = new Option<string>("--wave") { Description = "The wave applied: its number, or decommission", Required = true };
        var snapshot = CommonOptions.Snapshot();
        var format = CommonOptions.Format("table", "json");
        var command = new Command("verify-wave", "Checks a snapshot taken after a wave against what the plan promised for it (exit 1 on any difference).") { plan, wave, snapshot, format };
        command.SetAction(parse =>
        {
            var result = new WaveVerificationRequest { Plan = parse.GetValue(plan), Wave = parse.GetValue(wave), Snapshot = parse.GetValue(snapshot) }.Execute(new CliEngineHost(ctx));
            if (parse.GetValue(format) == "json") ctx.Out.Write(TopologyDiffJsonWriter.Render(result));
            else
            {
                DiffCommand.WriteTable(ctx.Out, $"Wave {result.Wave} ({result.Name}): {result.PairsChecked} promised pairs checked; {result.Differences.Count} differ; " +
                                                (result.Verified ? "VERIFIED" : "NOT AS PROMISED"), result.Differences, "Promised", "Found");
                foreach (var u in result.Unresolved) ctx.Out.WriteLine("unresolved: " + u);
            }
            return result.Verified ? ExitCodes.Success : ExitCodes.Findings;
        });
        return command;
    }
}
