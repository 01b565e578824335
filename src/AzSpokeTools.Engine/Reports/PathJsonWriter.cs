using System.Collections.Generic;
using System.Text.Json;
using AzSpokeTools.Engine.Paths;

namespace AzSpokeTools.Engine.Reports
{
    /// <summary>The <c>path --format json</c> shape (docs/guide/paths-and-intent.md): hops, transits, reverse path, symmetry, intent and reasons.</summary>
    public static class PathJsonWriter
    {
        /// <summary>Writes one path as JSON.</summary>
        public static void Write(Utf8JsonWriter w, PathResult r, bool withAlternatives = true)
        {
            w.WriteStartObject();
            w.WriteString("source", r.Source.Text);
            w.WriteString("destination", r.Destination.Text);
            w.WriteString("outcome", r.Outcome.ToString());
            w.WriteString("kind", r.Kind.ToString());
            w.WriteStartArray("hops");
            foreach (var h in r.Hops)
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
                    w.WriteStartArray("nextHopIpAddress");
                    foreach (var ip in h.Route.NextHopIpAddress) w.WriteStringValue(ip);
                    w.WriteEndArray();
                    w.WriteEndObject();
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
            Kinds(w, "transits", r.Transits);
            if (r.Reverse == null) w.WriteNull("reverse");
            else
            {
                w.WritePropertyName("reverse");
                Write(w, r.Reverse, withAlternatives: false);
            }
            if (r.Symmetric is bool s) w.WriteBoolean("symmetric", s); else w.WriteNull("symmetric");
            if (r.Intended == null) w.WriteNull("intended"); else Kinds(w, "intended", r.Intended);
            if (r.Compliant is bool c) w.WriteBoolean("compliant", c); else w.WriteNull("compliant");
            w.WriteStartArray("reasons");
            foreach (var reason in r.Reasons) w.WriteStringValue(reason.ToString());
            w.WriteEndArray();
            if (withAlternatives && r.Alternatives.Count > 0)
            {
                w.WriteStartArray("alternatives");
                foreach (var alt in r.Alternatives) Write(w, alt, withAlternatives: false);
                w.WriteEndArray();
            }
            // Equal-cost paths beyond those listed (path keeps the first MaxPaths in full and counts the rest).
            if (withAlternatives && r.MoreAlternatives > 0) w.WriteNumber("moreAlternatives", r.MoreAlternatives);
            w.WriteEndObject();
        }

        /// <summary>Writes a property holding a list of path kinds.</summary>
        public static void Kinds(Utf8JsonWriter w, string name, IEnumerable<PathKind> kinds)
        {
            w.WriteStartArray(name);
            foreach (var k in kinds) w.WriteStringValue(k.ToString());
            w.WriteEndArray();
        }
    }
}
