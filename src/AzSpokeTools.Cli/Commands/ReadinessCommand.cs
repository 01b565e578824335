using System.CommandLine;
using System.Text.Json;
using AzSpokeTools.Engine.Reports;
using AzSpokeTools.Engine.Readiness;
using AzSpokeTools.Engine.Requests;

namespace AzSpokeTools.Cli.Commands;

/// <summary>
/// <c>azspoke readiness --snapshot F [--vnet V ...] [--tag K=V ...] [--group NAME] [--high-scale] [--format table|json|sarif|junit]</c>:
/// exit 0 ready, 1 not ready (any Error finding), 2 bad input.
/// </summary>
public static class ReadinessCommand
{
    public static Command Create(CliContext ctx)
    {
        var snapshot = CommonOptions.Snapshot();
        var selection = new MeshSelectionOptions();
        var format = CommonOptions.Format("table", "json", "sarif", "junit");
        var command = new Command("readiness", "Per-VNet and per-group findings (rule id, severity, evidence, fix) before AVNM mesh.");
        command.Options.Add(snapshot);
        selection.AddTo(command);
        command.Options.Add(format);
        command.SetAction(parse =>
        {
            var request = selection.Fill(new MeshReadinessRequest(), parse, snapshot);
            var report = request.Execute(new CliEngineHost(ctx));
            switch (parse.GetValue(format))
            {
                case "json": ctx.Out.Write(ReadinessReportJsonWriter.Render(report)); break;
                case "sarif" or "junit": ctx.Out.Write(CheckReportWriter.Render(parse.GetValue(format)!, report, request.Snapshot, Environment.CurrentDirectory)); break;
                default: WriteTable(ctx.Out, report); break;
            }
            return report.Ready ? ExitCodes.Success : ExitCodes.Findings;
        });
        return command;
    }

    private static void WriteTable(TextWriter output, ReadinessReport report)
    {
        output.WriteLine(SafeText.Escape($"Mesh readiness of {report.Selection.Members.Count} VNets ({report.Selection.Description}): {(report.Ready ? "READY" : "NOT READY")}"));
        var counts = report.Findings.GroupBy(f => f.Severity).OrderBy(g => g.Key).Select(g => $"{g.Key}={g.Count()}");
        output.WriteLine("Findings: " + (report.Findings.Count == 0 ? "none" : string.Join(", ", counts)));
        if (report.Findings.Count == 0) return;
        var rows = report.Findings.Select(f => new[] { f.RuleId, f.Severity.ToString(), ShortName(f.ResourceId), f.Message }).ToList();
        TextTable.Write(output, new[] { "Rule", "Severity", "Resource", "Message" }, rows);
        output.WriteLine();
        foreach (var rule in report.Findings.Select(f => f.RuleId).Distinct())
        {
            var first = report.Findings.First(f => f.RuleId == rule);
            output.WriteLine(SafeText.Escape($"{rule} fix: {first.Fix}"));
        }
    }

    private static string ShortName(string id)
    {
        int i = id.LastIndexOf('/');
        return i >= 0 ? id[(i + 1)..] : id;
    }
}
