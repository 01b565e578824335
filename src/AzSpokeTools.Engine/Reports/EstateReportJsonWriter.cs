using System;
using System.Text.Json;
using AzSpokeTools.Engine.EstateReports;
using AzSpokeTools.Engine.Paths;

using static AzSpokeTools.Engine.Reports.ReportJson;

namespace AzSpokeTools.Engine.Reports
{
    /// <summary>
    /// The data the estate report embeds (docs/schemas/estate-report.schema.json): VNets, groups, the run-length encoded
    /// pair matrix, heatmaps, intent rules, traced paths (each in the <c>path --format json</c> shape), readiness findings,
    /// map views (SVG) and the migration plan. Deterministic: the same snapshot gives the same bytes.
    /// </summary>
    public static class EstateReportJsonWriter
    {
        /// <summary>Writes the estate-report JSON document.</summary>
        public static void Write(Utf8JsonWriter w, EstateReport r)
        {
            if (w == null) throw new ArgumentNullException(nameof(w));
            if (r == null) throw new ArgumentNullException(nameof(r));
            w.WriteStartObject();
            w.WriteNumber("schemaVersion", 1);
            w.WriteString("title", r.Title);
            StringOrNull(w, "capturedAt", r.CapturedAt);
            StringOrNull(w, "source", r.Source);
            StringOrNull(w, "intent", r.Intent);
            w.WriteStartArray("kinds");
            foreach (PathKind k in Enum.GetValues(typeof(PathKind))) w.WriteStringValue(k.ToString());
            w.WriteEndArray();

            w.WriteStartArray("vnets");
            foreach (var v in r.VirtualNetworks)
            {
                w.WriteStartObject();
                w.WriteString("name", v.Name);
                w.WriteString("id", v.Id);
                w.WriteString("region", v.Region);
                w.WriteNumber("group", v.Group);
                w.WriteBoolean("hub", v.Hub);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            Strings(w, "skipped", r.Skipped);
            w.WriteStartArray("groups");
            foreach (var g in r.Groups)
            {
                w.WriteStartObject();
                w.WriteString("kind", g.Kind.ToString());
                w.WriteString("label", g.Label);
                w.WriteString("region", g.Region);
                w.WriteString("resourceId", g.ResourceId);
                Numbers(w, "members", g.Members);
                StringOrNull(w, "view", g.View);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            Strings(w, "regions", r.Regions);

            w.WriteStartObject("summary");
            w.WriteNumber("pairs", r.Pairs);
            w.WriteNumber("pairsWithIntent", r.PairsWithIntent);
            w.WriteNumber("violations", r.Violations);
            w.WriteStartObject("byKind");
            foreach (var kv in r.ByKind) w.WriteNumber(kv.Key.ToString(), kv.Value);
            w.WriteEndObject();
            w.WriteEndObject();

            w.WriteStartArray("summaries");
            foreach (var s in r.Summaries)
            {
                w.WriteStartObject();
                w.WriteString("outcome", s.Outcome.ToString());
                w.WriteString("kind", s.Kind.ToString());
                PathJsonWriter.Kinds(w, "transits", s.Transits);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartObject("matrix");
            Numbers(w, "order", r.Order);
            Strings(w, "rows", r.Rows);
            Numbers(w, "rowOf", r.RowOf);
            w.WriteEndObject();

            w.WriteStartObject("heatmap");
            Heat(w, "group", r.GroupHeat);
            Heat(w, "region", r.RegionHeat);
            w.WriteEndObject();

            w.WriteStartArray("rules");
            foreach (var rule in r.Rules)
            {
                w.WriteStartObject();
                w.WriteString("name", rule.Name);
                PathJsonWriter.Kinds(w, "expect", rule.Expect);
                w.WriteBoolean("fromAvnm", rule.FromAvnm);
                w.WriteNumber("pairs", rule.Pairs);
                w.WriteNumber("failed", rule.Failed);
                w.WriteEndObject();
            }
            w.WriteEndArray();

            w.WriteBoolean("allPathsTraced", r.AllPathsTraced);
            w.WriteStartArray("paths");
            foreach (var p in r.Paths)
            {
                w.WriteStartObject();
                w.WriteNumber("from", p.From);
                w.WriteNumber("to", p.To);
                w.WriteBoolean("example", p.Example);
                Strings(w, "forwardAt", p.ForwardAt);
                Strings(w, "reverseAt", p.ReverseAt);
                w.WritePropertyName("path");
                PathJsonWriter.Write(w, p.Path, withAlternatives: false);
                w.WriteEndObject();
            }
            w.WriteEndArray();

            w.WriteStartObject("readiness");
            if (r.Readiness is Readiness.ReadinessReport readiness)
            {
                w.WriteBoolean("ready", readiness.Ready);
                w.WriteString("selection", readiness.Selection.Description);
                w.WriteNull("error");
                w.WriteStartArray("findings");
                foreach (var f in readiness.Findings) ReadinessFindingJsonWriter.Write(w, f, MaxEvidenceLength);
                w.WriteEndArray();
            }
            else
            {
                w.WriteNull("ready");
                w.WriteNull("selection");
                StringOrNull(w, "error", r.ReadinessError);
                w.WriteStartArray("findings");
                w.WriteEndArray();
            }
            w.WriteEndObject();

            w.WriteStartObject("map");
            w.WriteStartArray("views");
            foreach (var v in r.Views)
            {
                w.WriteStartObject();
                w.WriteString("key", v.Key);
                w.WriteString("title", v.Title);
                w.WriteString("kind", v.Kind);
                w.WriteNumber("group", v.Group);
                w.WriteNumber("omitted", v.Omitted);
                w.WriteString("svg", v.Svg);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartObject("deviceGroups");
            foreach (var kv in r.DeviceGroups) w.WriteNumber(kv.Key, kv.Value);
            w.WriteEndObject();
            w.WriteEndObject();

            if (r.Plan is MigrationPlanSummary plan) Plan(w, plan); else w.WriteNull("plan");
            w.WriteEndObject();
        }

        private static void Plan(Utf8JsonWriter w, MigrationPlanSummary plan)
        {
            w.WriteStartObject("plan");
            w.WriteString("folder", System.IO.Path.GetFileName(plan.Directory.TrimEnd('/', '\\')));
            w.WriteStartArray("waves");
            foreach (var wave in plan.Waves)
            {
                w.WriteStartObject();
                w.WriteNumber("number", wave.Number);
                w.WriteString("name", wave.Name);
                w.WriteString("why", wave.Why);
                Strings(w, "members", wave.Members);
                Strings(w, "regions", wave.Regions);
                w.WriteBoolean("withinLimits", wave.WithinLimits);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            if (plan.WhatIfPairs is long pairs)
            {
                w.WriteStartObject("whatIf");
                w.WriteNumber("pairs", pairs);
                Counts(w, "before", plan.Before);
                Counts(w, "after", plan.After);
                Counts(w, "transitions", plan.Transitions);
                w.WriteNumber("losingConnectivity", plan.LosingConnectivity);
                w.WriteNumber("losingInspection", plan.LosingInspection);
                w.WriteEndObject();
            }
            else w.WriteNull("whatIf");
            w.WriteNumber("changedPairs", plan.ChangedPairs);
            w.WriteStartArray("changes");
            foreach (var c in plan.Changes)
            {
                w.WriteStartObject();
                w.WriteString("from", c.From);
                w.WriteString("to", c.To);
                w.WriteString("before", c.Before);
                w.WriteString("after", c.After);
                if (c.Wave is int wave) w.WriteNumber("wave", wave); else w.WriteNull("wave");
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }

        private static void Counts(Utf8JsonWriter w, string name, System.Collections.Generic.IEnumerable<System.Collections.Generic.KeyValuePair<string, long>> counts)
        {
            w.WriteStartObject(name);
            foreach (var kv in counts) w.WriteNumber(kv.Key, kv.Value);
            w.WriteEndObject();
        }

        private static void Heat(Utf8JsonWriter w, string name, System.Collections.Generic.IEnumerable<HeatCell> cells)
        {
            w.WriteStartArray(name);
            foreach (var c in cells)
            {
                w.WriteStartArray();
                w.WriteNumberValue(c.From);
                w.WriteNumberValue(c.To);
                w.WriteNumberValue((int)c.Kind);
                w.WriteNumberValue(c.Pairs);
                w.WriteNumberValue(c.Violations);
                w.WriteEndArray();
            }
            w.WriteEndArray();
        }

        /// <summary>Evidence values longer than this are cut (a pair list can run to megabytes at thousands of spokes).</summary>
        public const int MaxEvidenceLength = 400;

        private static void Numbers(Utf8JsonWriter w, string name, System.Collections.Generic.IEnumerable<int> values)
        {
            w.WriteStartArray(name);
            foreach (var v in values) w.WriteNumberValue(v);
            w.WriteEndArray();
        }
    }
}
