using System;
using System.Linq;
using AzSpokeTools.Engine.Readiness;

namespace AzSpokeTools.Engine.Reports
{
    /// <summary>
    /// The readiness report as a check run: every rule of <see cref="ReadinessRules.Catalog"/> (each was evaluated), a result per
    /// finding at its severity (Error, Warning, Info as error, warning, note) on the finding's resource and the related ones, the
    /// evidence kept with it. A rule fails when one of its findings is an Error, as readiness does.
    /// </summary>
    internal static class ReadinessChecks
    {
        private const string Help = "https://github.com/azspoketools/AzSpokeTools/blob/main/docs/guide/mesh-migration.md#readiness-rules";

        public static CheckRun From(ReadinessReport report, string? snapshotFile, string? baseDirectory)
        {
            if (report == null) throw new ArgumentNullException(nameof(report));
            var run = new CheckRun("readiness", "azspoke readiness", snapshotFile, baseDirectory);
            foreach (var entry in ReadinessRules.Catalog)
            {
                var rule = new CheckRule(entry.Key, entry.Value.Title, entry.Value.Title + ". Source: " + entry.Value.Source + ".", Help, null);
                foreach (var f in report.Of(entry.Key))
                    rule.Results.Add(new CheckResult(Level(f.Severity), f.Message.TrimEnd('.') + ". Fix: " + f.Fix,
                        new[] { f.ResourceId }.Concat(f.RelatedResourceIds).Distinct(StringComparer.OrdinalIgnoreCase).ToList(), f.Evidence));
                int errors = rule.Results.Count(r => r.Level == CheckLevel.Error);
                if (errors > 0) rule.Summary = $"{errors} error finding(s)";
                run.Rules.Add(rule);
            }
            // A finding under a rule id the catalog lacks would be lost from both formats: refuse it loudly instead.
            var unknown = report.Findings.Select(f => f.RuleId).FirstOrDefault(id => !ReadinessRules.Catalog.ContainsKey(id));
            if (unknown != null) throw new InvalidOperationException($"readiness rule {unknown} is not in ReadinessRules.Catalog");
            return run;
        }

        private static CheckLevel Level(ReadinessSeverity severity) => severity switch
        {
            ReadinessSeverity.Error => CheckLevel.Error,
            ReadinessSeverity.Warning => CheckLevel.Warning,
            _ => CheckLevel.Note,
        };
    }
}
