using System.Text.Json;
using AzSpokeTools.Engine.Readiness;

namespace AzSpokeTools.Engine.Reports
{
    /// <summary>One readiness finding as <c>azspoke readiness --format json</c>, plan.json and the estate report write it: <c>{"ruleId","severity","resourceId","message","evidence","fix"}</c>.</summary>
    public static class ReadinessFindingJsonWriter
    {
        /// <summary>Writes <paramref name="f"/>; evidence values longer than <paramref name="maxEvidenceLength"/> (when given) are cut with a note.</summary>
        public static void Write(Utf8JsonWriter w, ReadinessFinding f, int? maxEvidenceLength = null)
        {
            w.WriteStartObject();
            w.WriteString("ruleId", f.RuleId);
            w.WriteString("severity", f.Severity.ToString());
            w.WriteString("resourceId", f.ResourceId);
            w.WriteString("message", f.Message);
            w.WriteStartObject("evidence");
            foreach (var kv in f.Evidence)
            {
                var value = kv.Value;
                if (maxEvidenceLength is int max && value.Length > max)
                    value = value.Substring(0, max) + $"... ({value.Length - max} more characters: azspoke readiness --format json has the whole evidence)";
                w.WriteString(kv.Key, value);
            }
            w.WriteEndObject();
            w.WriteString("fix", f.Fix);
            w.WriteEndObject();
        }
    }
}
