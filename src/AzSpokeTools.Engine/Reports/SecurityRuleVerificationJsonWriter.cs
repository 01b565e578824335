using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using AzSpokeTools.Engine.Verification;

namespace AzSpokeTools.Engine.Reports
{
    /// <summary>
    /// The <c>verify --security-rules --format json</c> shape (docs/schemas/security-rule-verification.schema.json): each NIC's captured
    /// effective security rules against the computed ones, with the differences.
    /// </summary>
    public static class SecurityRuleVerificationJsonWriter
    {
        /// <summary>Writes the verification document to <paramref name="w"/>.</summary>
        public static void Write(Utf8JsonWriter w, IReadOnlyList<NicSecurityVerification> results)
        {
            if (w == null) throw new ArgumentNullException(nameof(w));
            if (results == null) throw new ArgumentNullException(nameof(results));
            w.WriteStartObject();
            w.WriteNumber("schemaVersion", 1);
            w.WriteBoolean("agrees", results.All(r => r.Agrees));
            w.WriteNumber("capturedRules", results.Sum(r => r.CapturedRules));
            w.WriteNumber("matchedRules", results.Sum(r => r.Matched));
            w.WriteStartArray("nics");
            foreach (var r in results)
            {
                w.WriteStartObject();
                w.WriteString("networkInterfaceId", r.NetworkInterfaceId.Value);
                w.WriteString("name", r.Name);
                w.WriteBoolean("agrees", r.Agrees);
                w.WriteNumber("capturedRules", r.CapturedRules);
                w.WriteNumber("matchedRules", r.Matched);
                if (r.Error != null) w.WriteString("error", r.Error);
                w.WriteStartArray("differences");
                foreach (var d in r.Differences)
                {
                    w.WriteStartObject();
                    w.WriteString("kind", d.Kind.ToString());
                    w.WriteString("networkSecurityGroup", d.NetworkSecurityGroup);
                    w.WriteString("rule", d.Rule);
                    if (d.Captured != null) w.WriteString("captured", d.Captured); else w.WriteNull("captured");
                    if (d.Computed != null) w.WriteString("computed", d.Computed); else w.WriteNull("computed");
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }

        /// <summary>The document as indented text.</summary>
        public static string ToText(IReadOnlyList<NicSecurityVerification> results) => ReportJson.ToText(w => Write(w, results));
    }
}
