using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using AzSpokeTools.Engine.Verification;

namespace AzSpokeTools.Engine.Reports
{
    /// <summary>
    /// <c>verify --format json</c> / <c>Get-SpokeEffectiveRoute -Verify -AsJson</c> (docs/schemas/verify.schema.json): the computed
    /// effective routes of each NIC against the table Azure returned and the snapshot captured, with the overall agreement.
    /// </summary>
    public static class EffectiveRouteVerificationJsonWriter
    {
        /// <summary>The shape's version; raised when a property is removed or renamed (new optional properties keep it).</summary>
        public const int SchemaVersion = 1;

        /// <summary>The document as text, <c>schemaVersion</c> first.</summary>
        public static string Render(IReadOnlyList<NicVerification> results) => ReportJson.Document(w => Write(w, results));

        /// <summary>Writes the document to <paramref name="w"/>.</summary>
        public static void Write(Utf8JsonWriter w, IReadOnlyList<NicVerification> results)
        {
            if (w == null) throw new ArgumentNullException(nameof(w));
            if (results == null) throw new ArgumentNullException(nameof(results));
            int captured = results.Sum(r => r.CapturedRoutes), matched = results.Sum(r => r.Matched);
            w.WriteStartObject();
            w.WriteNumber("schemaVersion", SchemaVersion);
            w.WriteBoolean("agrees", results.All(r => r.Agrees));
            w.WriteNumber("capturedRoutes", captured);
            w.WriteNumber("matchedRoutes", matched);
            w.WriteNumber("agreement", captured == 0 ? 0 : Math.Round((double)matched / captured, 4));
            w.WriteStartArray("nics");
            foreach (var r in results)
            {
                w.WriteStartObject();
                w.WriteString("networkInterfaceId", r.NetworkInterfaceId.Value);
                w.WriteString("name", r.Name);
                w.WriteBoolean("agrees", r.Agrees);
                w.WriteNumber("capturedRoutes", r.CapturedRoutes);
                w.WriteNumber("matchedRoutes", r.Matched);
                w.WriteNumber("agreement", Math.Round(r.Agreement, 4));
                if (r.Error != null) w.WriteString("error", r.Error);
                w.WriteStartArray("differences");
                foreach (var d in r.Differences)
                {
                    w.WriteStartObject();
                    w.WriteString("kind", d.Kind.ToString());
                    w.WriteString("addressPrefix", d.AddressPrefix);
                    ReportJson.StringOrNull(w, "captured", d.Captured);
                    ReportJson.StringOrNull(w, "computed", d.Computed);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                ReportJson.Strings(w, "tolerated", r.Tolerated);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
    }
}
