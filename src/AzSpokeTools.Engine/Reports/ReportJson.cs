using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace AzSpokeTools.Engine.Reports
{
    /// <summary>
    /// How every machine-readable document the engine writes is produced: UTF-8 JSON through
    /// <see cref="Utf8JsonWriter"/>, no needless escapes (<c>-&gt;</c> stays <c>-&gt;</c>), indented for documents and
    /// compact for streamed rows. Each output shape has one writer in this folder, shared by the CLI and the cmdlets, and
    /// a JSON Schema in <c>docs/schemas/</c> (docs/schemas/README.md lists them). Every document starts with
    /// <c>"schemaVersion"</c>; objects nested in another document (a path inside the intent report, the summary inside the
    /// matrix document) and streamed rows do not repeat it.
    /// </summary>
    public static class ReportJson
    {
        /// <summary>Writer options for a whole document (indented) or a streamed row (compact).</summary>
        public static JsonWriterOptions Options(bool indented) => new JsonWriterOptions
        {
            Indented = indented,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };

        /// <summary>Writes one document with <paramref name="write"/> and returns it as text (no trailing newline).</summary>
        public static string ToText(Action<Utf8JsonWriter> write, bool indented = true)
        {
            using var stream = new MemoryStream();
            using (var w = new Utf8JsonWriter(stream, Options(indented))) write(w);
            return Encoding.UTF8.GetString(stream.ToArray());
        }

        /// <summary>
        /// One document as the CLI prints it and a cmdlet's <c>-AsJson</c> returns it: the text and one line feed. Both hosts
        /// write exactly this string, so the two give the same bytes.
        /// </summary>
        public static string Document(Action<Utf8JsonWriter> write, bool indented = true) => ToText(write, indented) + "\n";

        /// <summary>A JSON array of strings.</summary>
        internal static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> items)
        {
            w.WriteStartArray(name);
            foreach (var s in items) w.WriteStringValue(s);
            w.WriteEndArray();
        }

        /// <summary>A string, or null.</summary>
        internal static void StringOrNull(Utf8JsonWriter w, string name, string? value)
        {
            if (value != null) w.WriteString(name, value); else w.WriteNull(name);
        }

        /// <summary>A Boolean, or null (unknown).</summary>
        internal static void BooleanOrNull(Utf8JsonWriter w, string name, bool? value)
        {
            if (value is bool b) w.WriteBoolean(name, b); else w.WriteNull(name);
        }
    }
}
