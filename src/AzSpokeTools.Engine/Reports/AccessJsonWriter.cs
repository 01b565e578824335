using System.Text.Json;
using AzSpokeTools.Engine.Security;

namespace AzSpokeTools.Engine.Reports
{
    /// <summary>
    /// The access fields of path and matrix documents (docs/guide/paths-and-intent.md, "Access"): written only when access was evaluated
    /// (a port was given), so documents without it keep their shape.
    /// </summary>
    public static class AccessJsonWriter
    {
        /// <summary><c>"flow"</c>, <c>"access"</c>, <c>"decidingRule"</c> and <c>"accessNotes"</c> of a path; nothing when <paramref name="access"/> is null.</summary>
        public static void WritePath(Utf8JsonWriter w, PathAccess? access)
        {
            if (access == null) return;
            w.WriteString("flow", access.Flow.ToString());
            Verdict(w, access.Verdict, access.DecidingRule);
            if (access.Notes.Count > 0)
            {
                w.WriteStartArray("accessNotes");
                foreach (var n in access.Notes) w.WriteStringValue(n);
                w.WriteEndArray();
            }
        }

        /// <summary><c>"access"</c> and <c>"decidingRule"</c> (null when allowed by default rules only, or unknown).</summary>
        public static void Verdict(Utf8JsonWriter w, AccessVerdict verdict, SecurityRuleReference? rule)
        {
            w.WriteString("access", verdict.ToString());
            Rule(w, "decidingRule", rule);
        }

        /// <summary>A hop's <c>"access"</c> verdict and <c>"securityChecks"</c>; nothing when the hop was not checked.</summary>
        public static void WriteHop(Utf8JsonWriter w, PathAccess? access, int hopIndex)
        {
            if (access?.VerdictAt(hopIndex) is not AccessVerdict v) return;
            w.WriteString("access", v.ToString());
            w.WriteStartArray("securityChecks");
            foreach (var c in access.ChecksAt(hopIndex))
            {
                w.WriteStartObject();
                w.WriteString("kind", c.Kind.ToString());
                w.WriteString("resourceId", c.ResourceId);
                w.WriteString("name", c.Name);
                if (c.Direction != null) w.WriteString("direction", c.Direction); else w.WriteNull("direction");
                w.WriteString("verdict", c.Verdict.ToString());
                Rule(w, "rule", c.Rule);
                w.WriteString("reason", c.Reason);
                if (c.Fix != null) w.WriteString("fix", c.Fix);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }

        /// <summary><c>"byAccess": {"Allowed": n, "Denied": n, "Unknown": n}</c> of a matrix summary; nothing when no flow was evaluated.</summary>
        public static void Counts(Utf8JsonWriter w, System.Collections.Generic.IReadOnlyDictionary<AccessVerdict, long> byAccess)
        {
            if (byAccess.Count == 0) return;
            w.WriteStartObject("byAccess");
            foreach (var kv in byAccess) w.WriteNumber(kv.Key.ToString(), kv.Value);
            w.WriteEndObject();
        }

        /// <summary>A list of flows as "443/Tcp" strings (an intent rule's allow and deny); nothing when empty.</summary>
        public static void Flows(Utf8JsonWriter w, string name, System.Collections.Generic.IReadOnlyList<Flow> flows)
        {
            if (flows.Count == 0) return;
            w.WriteStartArray(name);
            foreach (var f in flows) w.WriteStringValue(f.ToString());
            w.WriteEndArray();
        }

        /// <summary><c>{"resourceId","name","priority","direction","kind","isDefault"}</c> or null.</summary>
        public static void Rule(Utf8JsonWriter w, string name, SecurityRuleReference? rule)
        {
            if (rule == null)
            {
                w.WriteNull(name);
                return;
            }
            w.WriteStartObject(name);
            w.WriteString("resourceId", rule.ResourceId);
            w.WriteString("name", rule.Name);
            if (rule.Priority is int p) w.WriteNumber("priority", p); else w.WriteNull("priority");
            if (rule.Direction != null) w.WriteString("direction", rule.Direction); else w.WriteNull("direction");
            w.WriteString("kind", rule.Kind.ToString());
            w.WriteBoolean("isDefault", rule.IsDefault);
            w.WriteEndObject();
        }
    }
}
