using System.CommandLine;
using AzSpokeTools.Engine.Reports;
using AzSpokeTools.Engine.Intent;
using AzSpokeTools.Engine.Requests;

namespace AzSpokeTools.Cli.Commands;

/// <summary>
/// <c>azspoke intent --snapshot F --intent FILE [--format table|json|sarif|junit]</c>: pass/fail per rule; exit 1 on any failure. sarif and
/// junit are for pipelines (code scanning alerts, test results); the SARIF file location is the intent file relative to the working directory.
/// </summary>
public static class IntentCommand
{
    public static Command Create(CliContext ctx)
    {
        var snapshot = CommonOptions.Snapshot();
        var intent = new Option<string>("--intent") { Description = "Intent file (YAML, or JSON when it ends in .json)", Required = true };
        var format = CommonOptions.Format("table", "json", "sarif", "junit");
        var serviceTags = new Option<string?>("--service-tags") { Description = "Azure's service-tag file (ServiceTags_Public_*.json) to resolve service-tag prefixes" };
        var failOnEmpty = new Option<bool>("--fail-on-empty")
        {
            Description = "Fail (exit 1, with a warning) when the snapshot has no VNets, a rule matches no pair, or a coverage gap affects a rule's pairs (default true; --fail-on-empty false to allow)",
            DefaultValueFactory = _ => true,
        };
        var assumeNva = FlowCliOptions.Create().AssumeNva;
        var command = new Command("intent", "Pass/fail per intent rule (file rules, then AVNM connectivity configurations), for pipelines.") { snapshot, intent, serviceTags, failOnEmpty, assumeNva, format };
        command.SetAction(parse =>
        {
            var report = new IntentRequest
            {
                Snapshot = parse.GetValue(snapshot), Intent = parse.GetValue(intent), ServiceTagFile = parse.GetValue(serviceTags), FailOnEmpty = parse.GetValue(failOnEmpty), AssumeNva = parse.GetValue(assumeNva),
            }.Execute(new CliEngineHost(ctx));
            switch (parse.GetValue(format))
            {
                case "json": ctx.Out.Write(IntentReportJsonWriter.Render(report)); break;
                case "sarif" or "junit": ctx.Out.Write(CheckReportWriter.Render(parse.GetValue(format)!, report, parse.GetValue(intent), Environment.CurrentDirectory)); break;
                default: WriteTable(ctx.Out, report); break;
            }
            return report.Passed ? ExitCodes.Success : ExitCodes.Findings;
        });
        return command;
    }

    private static void WriteTable(TextWriter output, IntentReport report)
    {
        var rows = report.Rules.Select(r => new[]
        {
            r.Passed ? "PASS" : r.Failed == 0 && r.Problems.Count > 0 ? (r.Pairs == 0 ? "EMPTY" : "GAP") : "FAIL", r.Name, r.FromAvnm ? "avnm" : "file",
            string.Join(" ", new[] { r.Expect.Count > 0 ? "expect " + string.Join("|", r.Expect) : "", r.Require.Count > 0 ? "require " + string.Join(",", r.Require) : "", r.Forbid.Count > 0 ? "forbid " + string.Join(",", r.Forbid) : "" }.Where(x => x.Length > 0)),
            r.Pairs.ToString(), r.Failed.ToString(), string.Join(", ", r.FailedByKind.OrderBy(k => k.Key).Select(k => $"{k.Key}={k.Value}")),
        }).ToList();
        TextTable.Write(output, new[] { "Result", "Rule", "From", "Intent", "Pairs", "Failed", "Failed by actual kind" }, rows);
        output.WriteLine($"{report.Pairs} pairs, {report.PairsWithoutIntent} without intent; {(report.Passed ? "all rules pass" : report.Rules.Count == 0 || report.Rules.All(r => r.Failed == 0) ? "the check is incomplete" : "some rules fail")}");
        foreach (var p in report.Problems) output.WriteLine(SafeText.Escape("  - " + p));
        foreach (var r in report.Rules)
            foreach (var p in r.Problems) output.WriteLine(SafeText.Escape("  - " + p));
        foreach (var r in report.Rules.Where(r => !r.Passed))
            foreach (var e in r.Examples)
            {
                output.WriteLine();
                output.WriteLine(SafeText.Escape($"{r.Name}: {e.Source.Text} -> {e.Destination.Text}: {e.Outcome} {e.Kind} [{string.Join(", ", e.Transits)}]"));
                foreach (var reason in e.Reasons) output.WriteLine(SafeText.Escape("  - " + reason));
            }
    }
}
