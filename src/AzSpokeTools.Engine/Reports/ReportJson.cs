using System;
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
    /// a JSON Schema in <c>docs/schemas/</c>.
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
    }
}
