using System.Collections.Generic;
using System.Text.Json;
using AzSpokeTools.Engine.Migration;

using static AzSpokeTools.Engine.Reports.ReportJson;

namespace AzSpokeTools.Engine.Reports
{
    /// <summary>
    /// apply-requests.json (docs/schemas/apply-requests.schema.json): for each wave k, the ARM requests applying waves 1..k sends
    /// in order; and the decommission phase's when planned. Commit bodies show the snapshot's sets; apply completes them live.
    /// </summary>
    public static class ApplyRequestsJsonWriter
    {
        /// <summary>The version of the apply-requests document.</summary>
        public const int SchemaVersion = 1;

        /// <summary>The document as text, <c>schemaVersion</c> first.</summary>
        public static string Render(MigrationPlan plan) => ReportJson.Document(w => Write(w, plan));

        /// <summary>Writes the apply-requests document of <paramref name="plan"/>.</summary>
        public static void Write(Utf8JsonWriter w, MigrationPlan plan)
        {
            w.WriteStartObject();
            w.WriteNumber("schemaVersion", SchemaVersion);
            w.WriteString("note", "Before any write, apply reads each AVNM resource it would change and refuses unless it carries " + plan.Options.OwnerMarker +
                                  "; each commit is completed with the configurations the region's live deployment status shows active (a commit that is not Deployed makes none active).");
            w.WriteStartArray("waves");
            foreach (var wave in plan.Waves)
            {
                w.WriteStartObject();
                w.WriteNumber("wave", wave.Number);
                w.WriteString("name", wave.Name);
                Requests(w, MeshApplyPlan.Create(plan, wave.Number).Requests);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            if (plan.Decommission != null)
            {
                w.WriteStartObject("decommission");
                w.WriteNumber("soakDays", plan.Decommission.SoakDays);
                Requests(w, MeshApplyPlan.ForDecommission(plan).Requests);
                w.WriteEndObject();
            }
            else w.WriteNull("decommission");
            w.WriteEndObject();
        }

        private static void Requests(Utf8JsonWriter w, IReadOnlyList<PlannedArmRequest> requests)
        {
            w.WriteStartArray("requests");
            foreach (var r in requests)
            {
                w.WriteStartObject();
                w.WriteNumber("step", r.Step);
                w.WriteString("kind", r.Kind.ToString());
                w.WriteString("method", r.Method);
                w.WriteString("path", r.PathAndQuery);
                w.WriteBoolean("write", r.IsWrite);
                w.WriteString("target", r.Target);
                w.WriteString("action", r.Action);
                if (r.Body != null) { w.WritePropertyName("body"); r.Body.WriteTo(w); } else w.WriteNull("body");
                if (r.Kind == PlannedRequestKind.Commit)
                {
                    Strings(w, "add", r.Add);
                    Strings(w, "remove", r.Remove);
                }
                if (r.Property != null)
                {
                    w.WriteString("property", r.Property);
                    w.WriteBoolean("value", r.Value);
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }

    }
}
