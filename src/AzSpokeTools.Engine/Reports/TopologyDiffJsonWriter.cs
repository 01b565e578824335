using System.Collections.Generic;
using System.Text.Json;
using AzSpokeTools.Engine.Comparison;

using static AzSpokeTools.Engine.Reports.ReportJson;

namespace AzSpokeTools.Engine.Reports
{
    /// <summary>
    /// <c>diff --format json</c> (docs/schemas/diff.schema.json) and <c>verify-wave --format json</c>
    /// (docs/schemas/verify-wave.schema.json): the pairs whose path differs, each with both sides' outcome, kind, transits and symmetry.
    /// </summary>
    public static class TopologyDiffJsonWriter
    {
        /// <summary>The version of the diff and verify-wave documents.</summary>
        public const int SchemaVersion = 1;

        /// <summary>The document as text, <c>schemaVersion</c> first.</summary>
        public static string Render(TopologyDiff diff) => ReportJson.Document(w => Write(w, diff));

        /// <summary>The document as text, <c>schemaVersion</c> first.</summary>
        public static string Render(WaveVerification v) => ReportJson.Document(w => Write(w, v));

        /// <summary>Writes the diff document.</summary>
        public static void Write(Utf8JsonWriter w, TopologyDiff diff)
        {
            w.WriteStartObject();
            w.WriteNumber("schemaVersion", SchemaVersion);
            w.WriteString("before", diff.BeforeSource);
            w.WriteString("after", diff.AfterSource);
            w.WriteNumber("pairs", diff.Pairs);
            w.WriteNumber("differing", diff.Differences.Count);
            w.WriteStartObject("transitions");
            foreach (var kv in diff.Transitions) w.WriteNumber(kv.Key, kv.Value);
            w.WriteEndObject();
            Strings(w, "onlyBefore", diff.OnlyBefore);
            Strings(w, "onlyAfter", diff.OnlyAfter);
            Differences(w, "differences", "before", "after", diff.Differences);
            w.WriteEndObject();
        }

        /// <summary>Writes the verify-wave document.</summary>
        public static void Write(Utf8JsonWriter w, WaveVerification v)
        {
            w.WriteStartObject();
            w.WriteNumber("schemaVersion", SchemaVersion);
            w.WriteNumber("wave", v.Wave);
            w.WriteString("name", v.Name);
            w.WriteBoolean("verified", v.Verified);
            w.WriteNumber("pairs", v.PairsChecked);
            w.WriteNumber("differing", v.Differences.Count);
            Strings(w, "unresolved", v.Unresolved);
            Differences(w, "differences", "promised", "found", v.Differences);
            w.WriteEndObject();
        }

        private static void Differences(Utf8JsonWriter w, string name, string beforeName, string afterName, IEnumerable<PairDifference> differences)
        {
            w.WriteStartArray(name);
            foreach (var d in differences)
            {
                w.WriteStartObject();
                w.WriteString("source", d.Source);
                w.WriteString("destination", d.Destination);
                Strings(w, "changed", d.Changed);
                Side(w, beforeName, d.Before, d.BeforeSymmetric);
                Side(w, afterName, d.After, d.AfterSymmetric);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }

        private static void Side(Utf8JsonWriter w, string name, Migration.PairPath? p, bool? symmetric)
        {
            if (p == null) { w.WriteNull(name); return; }
            w.WriteStartObject(name);
            w.WriteString("outcome", p.Outcome.ToString());
            w.WriteString("kind", p.Kind.ToString());
            PathJsonWriter.Kinds(w, "transits", p.Transits);
            if (symmetric is bool s) w.WriteBoolean("symmetric", s); else w.WriteNull("symmetric");
            w.WriteEndObject();
        }

    }
}
