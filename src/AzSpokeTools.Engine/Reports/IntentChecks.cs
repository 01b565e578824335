using System;
using System.Globalization;
using System.Linq;
using AzSpokeTools.Engine.Intent;
using AzSpokeTools.Engine.Paths;

namespace AzSpokeTools.Engine.Reports
{
    /// <summary>
    /// The intent report as a check run: one rule per intent rule (the file's, then the AVNM connectivity configurations'), a
    /// result per example failing pair (the pair's source and destination VNets as locations), one for the failing pairs beyond
    /// the examples, one per problem (a rule that matched nothing, a coverage gap; errors when FailOnEmpty, else warnings), and
    /// the check's own problems (no VNets) under the rule <see cref="CoverageRule"/>.
    /// </summary>
    internal static class IntentChecks
    {
        /// <summary>The rule that carries problems of the check as a whole.</summary>
        public const string CoverageRule = "intent-coverage";

        private const string Help = "https://github.com/azspoketools/AzSpokeTools/blob/main/docs/guide/paths-and-intent.md";

        public static CheckRun From(IntentReport report, string? intentFile, string? baseDirectory)
        {
            if (report == null) throw new ArgumentNullException(nameof(report));
            var run = new CheckRun("intent", "azspoke intent", intentFile, baseDirectory);
            var problemLevel = report.FailOnEmpty ? CheckLevel.Error : CheckLevel.Warning;
            var coverage = new CheckRule(CoverageRule, "The check covered the estate",
                "The snapshot has virtual networks and pairs to check; a check that looked at nothing fails (FailOnEmpty).", Help + "#intent-as-a-gate", problemLevel);
            foreach (var p in report.Problems) coverage.Results.Add(new CheckResult(problemLevel, p, Array.Empty<string>()));
            coverage.Summary = report.Problems.Count == 0 ? null : string.Join("; ", report.Problems);
            run.Rules.Add(coverage);
            foreach (var r in report.Rules)
            {
                var rule = new CheckRule(r.Name, Describe(r), (r.FromAvnm ? "From an AVNM connectivity configuration" : "From the intent file") +
                    $": every pair the rule matches must take a path of kind {string.Join(" or ", r.Expect)}" +
                    (r.Require.Count > 0 ? $", through {string.Join(" and ", r.Require)}" : "") +
                    (r.Forbid.Count > 0 ? $", never through {string.Join(" or ", r.Forbid)}" : "") + ".",
                    Help + "#intent-files", CheckLevel.Error);
                foreach (var e in r.Examples) rule.Results.Add(Example(e));
                long unlisted = r.Failed - r.Examples.Count;
                if (unlisted > 0)
                    rule.Results.Add(new CheckResult(CheckLevel.Error, string.Format(CultureInfo.InvariantCulture,
                        "{0:N0} more pair(s) fail this rule (only the first {1} are traced; the JSON report counts them by kind).", unlisted, r.Examples.Count), Array.Empty<string>()));
                foreach (var p in r.Problems) rule.Results.Add(new CheckResult(problemLevel, p, Array.Empty<string>()));
                if (r.Failed > 0 || r.Problems.Count > 0)
                    rule.Summary = string.Format(CultureInfo.InvariantCulture, "{0:N0} of {1:N0} pairs fail", r.Failed, r.Pairs) +
                                   (r.FailedByKind.Count > 0 ? " (" + string.Join(", ", r.FailedByKind.OrderBy(k => k.Key).Select(k => $"{k.Key}={k.Value}")) + ")" : "") +
                                   (r.Problems.Count > 0 ? "; " + string.Join("; ", r.Problems) : "");
                run.Rules.Add(rule);
            }
            return run;
        }

        private static string Describe(IntentRuleResult r) =>
            string.Join("; ", new[]
            {
                "expect " + string.Join("|", r.Expect),
                r.Require.Count > 0 ? "require " + string.Join(",", r.Require) : null,
                r.Forbid.Count > 0 ? "forbid " + string.Join(",", r.Forbid) : null,
            }.Where(s => s != null));

        private static CheckResult Example(PathResult e)
        {
            var message = $"{e.Source.Text} -> {e.Destination.Text}: {e.Outcome} {e.Kind} [{string.Join(", ", e.Transits)}]" +
                          (e.Intended != null ? $", intended {string.Join(" or ", e.Intended)}" : "") +
                          (e.Reasons.Count > 0 ? ". " + string.Join(" ", e.Reasons.Select(r => r.ToString().TrimEnd('.') + ".")) : "");
            var ids = new[] { e.Source.VirtualNetwork?.Id.Value, e.Destination.VirtualNetwork?.Id.Value }.Where(i => i != null).Select(i => i!).ToList();
            return new CheckResult(CheckLevel.Error, message, ids);
        }
    }
}
