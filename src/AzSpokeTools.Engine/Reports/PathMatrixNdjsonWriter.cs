using System;
using System.IO;
using System.Text.Json;
using AzSpokeTools.Engine.Paths;

namespace AzSpokeTools.Engine.Reports
{
    /// <summary>
    /// <c>matrix --format ndjson</c> (docs/schemas/matrix-row.schema.json): one compact JSON object per line, one line per ordered
    /// pair, in the order the engine produces them, nothing else; the rows are those of <c>--format json</c>
    /// (<see cref="PathMatrixJsonWriter.WriteRow"/>). Nothing is held but the current row, so a shell can cut, grep, split or
    /// concatenate the output (shards concatenate into the unsharded output). Like every streamed row it carries no schema
    /// version (docs/schemas/README.md, "Versions"): the command that writes it versions it.
    /// </summary>
    public static class PathMatrixNdjsonWriter
    {
        /// <summary>Writes every row, each followed by a line feed; returns the summary.</summary>
        public static PathMatrixSummary Write(TextWriter output, PathMatrix matrix)
        {
            if (output == null) throw new ArgumentNullException(nameof(output));
            if (matrix == null) throw new ArgumentNullException(nameof(matrix));
            // Rows are written into one byte buffer, each followed by its line feed, and the buffer goes to the output when it
            // holds 64 KiB: one decode and one write per few hundred rows instead of per row.
            var buffer = new MemoryStream(1 << 17);
            var stream = new TextWriterStream(output);
            using (var w = new Utf8JsonWriter(buffer, ReportJson.Options(indented: false)))
            {
                foreach (var r in matrix.Rows())
                {
                    PathMatrixJsonWriter.WriteRow(w, matrix, r);
                    w.Flush();
                    buffer.WriteByte((byte)'\n');
                    w.Reset();
                    if (buffer.Length >= 1 << 16) Drain(buffer, stream);
                }
            }
            Drain(buffer, stream);
            return matrix.Summary;
        }

        private static void Drain(MemoryStream buffer, TextWriterStream stream)
        {
            if (buffer.Length == 0) return;
            stream.Write(buffer.GetBuffer(), 0, (int)buffer.Length);
            buffer.SetLength(0);
        }
    }
}
