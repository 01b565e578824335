using System;
using System.Text.Json;
using AzSpokeTools.Engine.Readiness;

namespace AzSpokeTools.Engine.Reports
{
    /// <summary>
    /// <c>readiness --format json</c> / <c>Test-MeshReadiness -AsJson</c> (docs/schemas/readiness.schema.json):
    /// <c>{"schemaVersion","ready","findings":[{"ruleId","severity","resourceId","message","evidence","fix"}]}</c>, each finding
    /// written by <see cref="ReadinessFindingJsonWriter"/> (as plan.json and the estate report write them).
    /// </summary>
    public static class ReadinessReportJsonWriter
    {
        /// <summary>The shape's version; raised when a property is removed or renamed (new optional properties keep it).</summary>
        public const int SchemaVersion = 1;

        /// <summary>The document as text, <c>schemaVersion</c> first.</summary>
        public static string Render(ReadinessReport report) => ReportJson.Document(w => Write(w, report));

        /// <summary>Writes the document to <paramref name="w"/>.</summary>
        public static void Write(Utf8JsonWriter w, ReadinessReport report)
        {
            if (w == null) throw new ArgumentNullException(nameof(w));
            if (report == null) throw new ArgumentNullException(nameof(report));
            w.WriteStartObject();
            w.WriteNumber("schemaVersion", SchemaVersion);
            w.WriteBoolean("ready", report.Ready);
            w.WriteStartArray("findings");
            foreach (var f in report.Findings) ReadinessFindingJsonWriter.Write(w, f);
            w.WriteEndArray();
            w.WriteEndObject();
        }
    }
}
