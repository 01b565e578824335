using System.Text.Json;
using AzSpokeTools.Engine.Readiness;

namespace AzSpokeTools.Engine.Reports
{
    /// <summary>One readiness finding as <c>readiness --format json</c> and plan.json write it: ruleId, severity, resourceId, message, evidence, fix.</summary>
    public static class ReadinessFindingJsonWriter
    {
        public static void Write(Utf8JsonWriter w, ReadinessFinding f)
        {
            w.WriteStartObject();
            w.WriteString("ruleId", f.RuleId);
            w.WriteString("severity", f.Severity.ToString());
            w.WriteString("resourceId", f.ResourceId);
            w.WriteString("message", f.Message);
            w.WriteStartObject("evidence");
            foreach (var kv in f.Evidence) w.WriteString(kv.Key, kv.Value);
            w.WriteEndObject();
            w.WriteString("fix", f.Fix);
            w.WriteEndObject();
        }
    }
}
