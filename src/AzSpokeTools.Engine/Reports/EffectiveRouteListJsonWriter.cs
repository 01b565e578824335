using System;
using System.Text.Json;
using AzSpokeTools.Engine.Routing;

namespace AzSpokeTools.Engine.Reports
{
    /// <summary>
    /// <c>routes --format json</c> / <c>Get-SpokeEffectiveRoute -AsJson</c> (docs/schemas/effective-routes.schema.json): Azure's
    /// EffectiveRouteListResult, <c>{"value":[{"name","source","state","addressPrefix":[...],"nextHopType","nextHopIpAddress":[...]}]}</c>,
    /// as the effective-routes API returns it (so tools that read Azure's answer read this one), with <c>schemaVersion</c> first.
    /// </summary>
    public static class EffectiveRouteListJsonWriter
    {
        /// <summary>The shape's version; raised when a property is removed or renamed (new optional properties keep it).</summary>
        public const int SchemaVersion = 1;

        /// <summary>The document as text, <c>schemaVersion</c> first.</summary>
        public static string Render(EffectiveRouteTable table) => ReportJson.Document(w => Write(w, table));

        /// <summary>Writes the document to <paramref name="w"/>.</summary>
        public static void Write(Utf8JsonWriter w, EffectiveRouteTable table)
        {
            if (w == null) throw new ArgumentNullException(nameof(w));
            if (table == null) throw new ArgumentNullException(nameof(table));
            w.WriteStartObject();
            w.WriteNumber("schemaVersion", SchemaVersion);
            w.WriteStartArray("value");
            foreach (var r in table.Routes)
            {
                w.WriteStartObject();
                ReportJson.StringOrNull(w, "name", r.Name);
                w.WriteString("source", r.Source.ToString());
                w.WriteString("state", r.State.ToString());
                ReportJson.Strings(w, "addressPrefix", r.AddressPrefix);
                w.WriteString("nextHopType", r.NextHopType.ToString());
                ReportJson.Strings(w, "nextHopIpAddress", r.NextHopIpAddress);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
    }
}
