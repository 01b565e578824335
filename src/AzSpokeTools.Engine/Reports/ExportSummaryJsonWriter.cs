using System;
using System.Collections.Generic;

namespace AzSpokeTools.Engine.Reports
{
    /// <summary>
    /// The one line <c>azspoke export</c> prints when the snapshot is written (docs/schemas/export-summary.schema.json):
    /// <c>{"schemaVersion","out","resources","results","complete","denied":[...],"resourceGraphPages","httpRequests","elapsedMs"}</c>,
    /// compact. The live layer's export summary supplies the values (the engine does not see Azure types).
    /// </summary>
    public static class ExportSummaryJsonWriter
    {
        /// <summary>The shape's version; raised when a property is removed or renamed (new optional properties keep it).</summary>
        public const int SchemaVersion = 1;

        /// <summary>The summary as one compact line and its line feed.</summary>
        public static string Render(string outputPath, int resources, int results, bool complete, IEnumerable<string> denied,
            int resourceGraphPages, int httpRequests, long elapsedMs) =>
            ReportJson.Document(w =>
            {
                w.WriteStartObject();
                w.WriteNumber("schemaVersion", SchemaVersion);
                w.WriteString("out", outputPath ?? throw new ArgumentNullException(nameof(outputPath)));
                w.WriteNumber("resources", resources);
                w.WriteNumber("results", results);
                w.WriteBoolean("complete", complete);
                ReportJson.Strings(w, "denied", denied ?? Array.Empty<string>());
                w.WriteNumber("resourceGraphPages", resourceGraphPages);
                w.WriteNumber("httpRequests", httpRequests);
                w.WriteNumber("elapsedMs", elapsedMs);
                w.WriteEndObject();
            }, indented: false);
    }
}
