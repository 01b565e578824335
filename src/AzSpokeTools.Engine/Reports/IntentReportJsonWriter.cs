using System;
using System.Linq;
using System.Text.Json;
using AzSpokeTools.Engine.Intent;

namespace AzSpokeTools.Engine.Reports
{
    /// <summary>
    /// <c>intent --format json</c> / <c>Test-SpokeIntent -AsJson</c> (docs/schemas/intent.schema.json): whether the intent
    /// holds, and per rule (file rules, then AVNM connectivity configurations) its pairs, failures by actual kind, problems and
    /// example failing paths (each in the path shape, without <c>schemaVersion</c>).
    /// </summary>
    public static class IntentReportJsonWriter
    {
        /// <summary>The shape's version; raised when a property is removed or renamed (new optional properties keep it).</summary>
        public const int SchemaVersion = 1;

        /// <summary>The document as text, <c>schemaVersion</c> first.</summary>
        public static string Render(IntentReport report) => ReportJson.Document(w => Write(w, report));

        /// <summary>Writes the document to <paramref name="w"/>.</summary>
        public static void Write(Utf8JsonWriter w, IntentReport report)
        {
            if (w == null) throw new ArgumentNullException(nameof(w));
            if (report == null) throw new ArgumentNullException(nameof(report));
            w.WriteStartObject();
            w.WriteNumber("schemaVersion", SchemaVersion);
            w.WriteBoolean("passed", report.Passed);
            w.WriteNumber("pairs", report.Pairs);
            w.WriteNumber("pairsWithoutIntent", report.PairsWithoutIntent);
            w.WriteBoolean("failOnEmpty", report.FailOnEmpty);
            ReportJson.Strings(w, "problems", report.Problems);
            w.WriteStartArray("rules");
            foreach (var r in report.Rules)
            {
                w.WriteStartObject();
                w.WriteString("rule", r.Name);
                w.WriteString("source", r.FromAvnm ? "avnm" : "file");
                w.WriteBoolean("passed", r.Passed);
                PathJsonWriter.Kinds(w, "expect", r.Expect);
                PathJsonWriter.Kinds(w, "require", r.Require);
                PathJsonWriter.Kinds(w, "forbid", r.Forbid);
                // The rule's allow and deny flows ("443/Tcp"), each only when the rule has some.
                AccessJsonWriter.Flows(w, "allow", r.Allow);
                AccessJsonWriter.Flows(w, "deny", r.Deny);
                w.WriteNumber("pairs", r.Pairs);
                w.WriteNumber("failed", r.Failed);
                ReportJson.Strings(w, "problems", r.Problems);
                w.WriteStartObject("failedByKind");
                foreach (var k in r.FailedByKind.OrderBy(k => k.Key)) w.WriteNumber(k.Key.ToString(), k.Value);
                w.WriteEndObject();
                w.WriteStartArray("examples");
                foreach (var e in r.Examples) PathJsonWriter.Write(w, e);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
    }
}
