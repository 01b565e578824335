using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using AzSpokeTools.Engine.Paths;

namespace AzSpokeTools.Engine.Reports
{
    /// <summary>
    /// The path matrix as JSON: <c>matrix --format summary</c> / <c>Get-SpokePathMatrix -Summary -AsJson</c>
    /// (docs/schemas/matrix-summary.schema.json, <c>{"schemaVersion","pairs","byKind":{kind:count},"violations","elapsedMs"}</c>)
    /// and <c>matrix --format json</c> (docs/schemas/matrix.schema.json): one compact document streamed as the rows come,
    /// <c>{"schemaVersion","pairs":[rows],"summary":{...}}</c>. The document carries the version once; its rows and its summary
    /// do not, and neither would rows streamed one per line (<see cref="WriteRow"/> writes one).
    /// </summary>
    public static class PathMatrixJsonWriter
    {
        /// <summary>The shape's version; raised when a property is removed or renamed (new optional properties keep it).</summary>
        public const int SchemaVersion = 1;

        /// <summary>Rows written between flushes of a streamed document.</summary>
        private const int RowsPerFlush = 4096;

        /// <summary>The summary as a document (indented).</summary>
        public static string RenderSummary(PathMatrixSummary summary) => ReportJson.Document(w => WriteSummary(w, summary));

        /// <summary>Writes the summary as a document (with <c>schemaVersion</c>).</summary>
        public static void WriteSummary(Utf8JsonWriter w, PathMatrixSummary summary)
        {
            if (w == null) throw new ArgumentNullException(nameof(w));
            if (summary == null) throw new ArgumentNullException(nameof(summary));
            w.WriteStartObject();
            w.WriteNumber("schemaVersion", SchemaVersion);
            SummaryProperties(w, summary);
            w.WriteEndObject();
        }

        private static void SummaryProperties(Utf8JsonWriter w, PathMatrixSummary s)
        {
            w.WriteNumber("pairs", s.Pairs);
            w.WriteStartObject("byKind");
            foreach (var k in s.ByKind.OrderBy(k => k.Key)) w.WriteNumber(k.Key.ToString(), k.Value);
            w.WriteEndObject();
            w.WriteNumber("violations", s.Violations);
            // With a flow (--port): pairs counted by access verdict; absent otherwise.
            AccessJsonWriter.Counts(w, s.ByAccess);
            w.WriteNumber("elapsedMs", s.ElapsedMs);
        }

        /// <summary>
        /// One ordered pair: names, ids, outcome, kind, transits, alternatives, intended kinds and compliance; with a flow, access and
        /// the deciding rule; and when the run was asked for them (<see cref="PathMatrixOptions.Reasons"/>) its reasons, each
        /// <c>{"severity","resourceId","message","fix"}</c>.
        /// </summary>
        public static void WriteRow(Utf8JsonWriter w, PathMatrix matrix, PathMatrixRow r)
        {
            var a = matrix.Endpoints[r.Source];
            var b = matrix.Endpoints[r.Destination];
            w.WriteStartObject();
            w.WriteString("source", a.Name);
            w.WriteString("destination", b.Name);
            w.WriteString("sourceId", a.Id.Value);
            w.WriteString("destinationId", b.Id.Value);
            w.WriteString("outcome", r.Outcome.ToString());
            w.WriteString("kind", r.Kind.ToString());
            PathJsonWriter.Kinds(w, "transits", r.Summary.Transits);
            w.WriteNumber("alternatives", r.Alternatives);
            if (r.Intent == null) w.WriteNull("intended"); else PathJsonWriter.Kinds(w, "intended", r.Intent.Expect);
            ReportJson.BooleanOrNull(w, "compliant", r.Compliant);
            // With a flow (--port): the pair's access and deciding rule; absent otherwise.
            if (r.Access is { } access) AccessJsonWriter.Verdict(w, access, r.AccessRule);
            if (r.Reasons != null)
            {
                w.WriteStartArray("reasons");
                foreach (var reason in r.Reasons)
                {
                    w.WriteStartObject();
                    w.WriteString("severity", SeverityText(reason.Severity));
                    ReportJson.StringOrNull(w, "resourceId", reason.ResourceId);
                    w.WriteString("message", reason.Message);
                    ReportJson.StringOrNull(w, "fix", reason.Fix);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }
            w.WriteEndObject();
        }

        // Enum names without Enum.ToString's reflection per reason.
        private static string SeverityText(PathReasonSeverity s) => s switch
        {
            PathReasonSeverity.Error => "Error",
            PathReasonSeverity.Warning => "Warning",
            _ => "Assumption",
        };

        /// <summary>
        /// Streams the whole matrix as one compact document, rows as the engine produces them (flushed every few thousand rows),
        /// then the summary; ends with a line feed. Returns the summary.
        /// </summary>
        public static PathMatrixSummary WriteDocument(TextWriter output, PathMatrix matrix)
        {
            if (output == null) throw new ArgumentNullException(nameof(output));
            if (matrix == null) throw new ArgumentNullException(nameof(matrix));
            using (var w = new Utf8JsonWriter(new TextWriterStream(output), ReportJson.Options(indented: false)))
            {
                w.WriteStartObject();
                w.WriteNumber("schemaVersion", SchemaVersion);
                w.WriteStartArray("pairs");
                long n = 0;
                foreach (var r in matrix.Rows())
                {
                    WriteRow(w, matrix, r);
                    if (++n % RowsPerFlush == 0) w.Flush();
                }
                w.WriteEndArray();
                w.WriteStartObject("summary");
                SummaryProperties(w, matrix.Summary);
                w.WriteEndObject();
                w.WriteEndObject();
            }
            output.Write('\n');
            return matrix.Summary;
        }
    }
}
