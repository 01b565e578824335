using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using AzSpokeTools.Engine.Verification;

namespace AzSpokeTools.Engine.Reports
{
    /// <summary>
    /// The <c>verify --learned-routes --format json</c> shape (docs/schemas/learned-route-verification.schema.json): each captured
    /// learned-route table against the derived one, with its differences and the captured prefixes the topology cannot derive.
    /// </summary>
    public static class LearnedRouteVerificationJsonWriter
    {
        /// <summary>The shape's version; raised when a property is removed or renamed (new optional properties keep it).</summary>
        public const int SchemaVersion = 1;

        /// <summary>Writes the document to <paramref name="w"/>.</summary>
        public static void Write(Utf8JsonWriter w, IReadOnlyList<LearnedRouteTableVerification> results)
        {
            if (w == null) throw new ArgumentNullException(nameof(w));
            if (results == null) throw new ArgumentNullException(nameof(results));
            w.WriteStartObject();
            w.WriteNumber("schemaVersion", SchemaVersion);
            w.WriteBoolean("agrees", results.All(r => r.Agrees));
            w.WriteStartArray("tables");
            foreach (var r in results)
            {
                w.WriteStartObject();
                w.WriteString("scope", r.Scope.Value);
                w.WriteString("name", r.Name);
                w.WriteString("kind", r.Kind.ToString());
                w.WriteBoolean("agrees", r.Agrees);
                w.WriteNumber("capturedRoutes", r.CapturedRoutes);
                w.WriteNumber("derivedRoutes", r.DerivedRoutes);
                w.WriteNumber("matchedRoutes", r.Matched);
                if (r.Error != null) w.WriteString("error", r.Error);
                w.WriteStartArray("differences");
                foreach (var d in r.Differences)
                {
                    w.WriteStartObject();
                    w.WriteString("kind", d.Kind.ToString());
                    w.WriteString("addressPrefix", d.AddressPrefix);
                    if (d.Captured != null) w.WriteString("captured", d.Captured); else w.WriteNull("captured");
                    if (d.Computed != null) w.WriteString("derived", d.Computed); else w.WriteNull("derived");
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteStartArray("tolerated");
                foreach (var t in r.Tolerated) w.WriteStringValue(t);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }

        /// <summary>The document as indented text (no trailing line feed).</summary>
        public static string ToText(IReadOnlyList<LearnedRouteTableVerification> results) => ReportJson.ToText(w => Write(w, results));

        /// <summary>The document as the CLI prints it (<see cref="ReportJson.Document"/>).</summary>
        public static string Render(IReadOnlyList<LearnedRouteTableVerification> results) => ReportJson.Document(w => Write(w, results));
    }
}
