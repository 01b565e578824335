using System.Globalization;
using System.Text;

namespace AzSpokeTools.Engine.Reports
{
    /// <summary>
    /// Text from a snapshot (names, tags, ids) made safe to show: C0 and C1 control characters, DEL, bidirectional overrides,
    /// embeddings, isolates and marks, and line and paragraph separators are written as visible escapes (<c>\n</c>, <c>\u001B</c>,
    /// <c>\u202E</c>), so that a name cannot move the cursor, recolour or clear a terminal, reorder what is shown, or start a new
    /// line that looks like another row or another error. The escapes are also valid inside JSON strings.
    /// </summary>
    public static class SafeText
    {
        /// <summary>True for a character a terminal, spreadsheet or bidi renderer acts on instead of showing.</summary>
        public static bool IsUnsafe(char c) =>
            c < 0x20 || (c >= 0x7F && c <= 0x9F) ||
            (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') ||
            c == '\u200E' || c == '\u200F' || c == '\u061C' || c == '\u2028' || c == '\u2029';

        /// <summary>One line: every unsafe character escaped, line breaks included (a table cell, a warning, an error message).</summary>
        public static string Escape(string? text) => Escape(text, keepLineBreaks: false);

        /// <summary>Several lines: unsafe characters escaped except line feeds (and a carriage return right before one).</summary>
        public static string EscapeKeepingLines(string? text) => Escape(text, keepLineBreaks: true);

        /// <summary>
        /// A CSV field (RFC 4180): unsafe characters escaped except line breaks, and the field quoted, with its quotes doubled,
        /// when it holds a comma, a quote or a line break, so that a name with a newline stays one field of one row.
        /// </summary>
        public static string CsvField(string? text)
        {
            var s = EscapeKeepingLines(text).Replace("\r\n", "\n");
            return s.IndexOfAny(new[] { ',', '"', '\n' }) < 0 ? s : "\"" + s.Replace("\"", "\"\"") + "\"";
        }

        private static string Escape(string? text, bool keepLineBreaks)
        {
            if (string.IsNullOrEmpty(text)) return text ?? "";
            int i = 0;
            while (i < text!.Length && !IsUnsafe(text[i])) i++;
            if (i == text.Length) return text;
            var sb = new StringBuilder(text.Length + 16);
            sb.Append(text, 0, i);
            for (; i < text.Length; i++)
            {
                char c = text[i];
                if (!IsUnsafe(c)) { sb.Append(c); continue; }
                if (keepLineBreaks && (c == '\n' || (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n'))) { sb.Append(c); continue; }
                Append(sb, c);
            }
            return sb.ToString();
        }

        /// <summary>The visible escape of one unsafe character.</summary>
        internal static void Append(StringBuilder sb, char c)
        {
            switch (c)
            {
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default: sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)); break;
            }
        }
    }
}
