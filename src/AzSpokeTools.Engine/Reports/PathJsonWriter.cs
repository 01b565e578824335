using System;
using System.Collections.Generic;
using System.Text.Json;
using AzSpokeTools.Engine.Paths;

namespace AzSpokeTools.Engine.Reports
{
    /// <summary>
    /// The <c>path --format json</c> / <c>Get-SpokeEffectivePath -AsJson</c> shape (docs/schemas/path.schema.json,
    /// docs/guide/paths-and-intent.md): hops, transits, reverse path, symmetry, intent and reasons. The same path object,
    /// without <c>schemaVersion</c>, is nested in the intent report (examples) and the estate report (paths).
    /// </summary>
    public static class PathJsonWriter
    {
        /// <summary>The shape's version; raised when a property is removed or renamed (new optional properties keep it).</summary>
        public const int SchemaVersion = 1;

        /// <summary>The path as a document: <c>schemaVersion</c> first, then the path's properties.</summary>
        public static string Render(PathResult path) => ReportJson.Document(w => WriteDocument(w, path));

        /// <summary>Writes the path as a document (with <c>schemaVersion</c>).</summary>
        public static void WriteDocument(Utf8JsonWriter w, PathResult path)
        {
            if (w == null) throw new ArgumentNullException(nameof(w));
            if (path == null) throw new ArgumentNullException(nameof(path));
            w.WriteStartObject();
            w.WriteNumber("schemaVersion", SchemaVersion);
            Properties(w, path, withAlternatives: true);
            w.WriteEndObject();
        }

        /// <summary>Writes the path as an object nested in another document (no <c>schemaVersion</c>).</summary>
        public static void Write(Utf8JsonWriter w, PathResult r, bool withAlternatives = true)
        {
            w.WriteStartObject();
            Properties(w, r, withAlternatives);
            w.WriteEndObject();
        }

        private static void Properties(Utf8JsonWriter w, PathResult r, bool withAlternatives)
        {
            w.WriteString("source", r.Source.Text);
            w.WriteString("destination", r.Destination.Text);
            w.WriteString("outcome", r.Outcome.ToString());
            w.WriteString("kind", r.Kind.ToString());
            w.WriteStartArray("hops");
            for (int i = 0; i < r.Hops.Count; i++) Hop(w, r.Hops[i], r.Access, i);
            w.WriteEndArray();
            Kinds(w, "transits", r.Transits);
            if (r.Reverse == null) w.WriteNull("reverse");
            else
            {
                w.WritePropertyName("reverse");
                Write(w, r.Reverse, withAlternatives: false);
            }
            ReportJson.BooleanOrNull(w, "symmetric", r.Symmetric);
            if (r.Intended == null) w.WriteNull("intended"); else Kinds(w, "intended", r.Intended);
            ReportJson.BooleanOrNull(w, "compliant", r.Compliant);
            // With a flow (path --port): "flow", "access", "decidingRule", "accessNotes"; absent otherwise.
            AccessJsonWriter.WritePath(w, r.Access);
            w.WriteStartArray("reasons");
            foreach (var reason in r.Reasons) w.WriteStringValue(reason.ToString());
            w.WriteEndArray();
            // Optional properties follow, each written only when the path has it (the schema lists them as not required).
            if (withAlternatives && r.Alternatives.Count > 0)
            {
                w.WriteStartArray("alternatives");
                foreach (var alt in r.Alternatives) Write(w, alt, withAlternatives: false);
                w.WriteEndArray();
            }
            // Equal-cost paths beyond those listed (path keeps the first MaxPaths in full and counts the rest).
            if (withAlternatives && r.MoreAlternatives > 0) w.WriteNumber("moreAlternatives", r.MoreAlternatives);
        }

        private static void Hop(Utf8JsonWriter w, PathHop h, Security.PathAccess? access, int index)
        {
            w.WriteStartObject();
            w.WriteString("location", h.Location);
            w.WriteString("resourceId", h.ResourceId);
            if (h.Route == null) w.WriteNull("route");
            else
            {
                w.WriteStartObject("route");
                w.WriteString("addressPrefix", h.Route.AddressPrefix);
                w.WriteString("source", h.Route.Source);
                w.WriteString("nextHopType", h.Route.NextHopType);
                ReportJson.Strings(w, "nextHopIpAddress", h.Route.NextHopIpAddress);
                w.WriteEndObject();
            }
            // With a flow: the hop's verdict and the security checks made there.
            AccessJsonWriter.WriteHop(w, access, index);
            w.WriteEndObject();
        }

        /// <summary>A list of path kinds by name.</summary>
        public static void Kinds(Utf8JsonWriter w, string name, IEnumerable<PathKind> kinds)
        {
            w.WriteStartArray(name);
            foreach (var k in kinds) w.WriteStringValue(k.ToString());
            w.WriteEndArray();
        }
    }
}
