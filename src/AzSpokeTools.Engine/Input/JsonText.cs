using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace AzSpokeTools.Engine.Input
{
    /// <summary>
    /// Checks that every string and property name of a parsed JSON document is text. <see cref="JsonDocument"/> parses invalid
    /// UTF-8 inside strings, and escapes that stand for half a surrogate pair (<c>"\ud800"</c>), without complaint and fails only
    /// when the value is read; readers would then stop on an exception that names neither file nor place. This finds the first such
    /// value with its JSON path and line, at the cost of one scan of the bytes when the document has nothing suspect.
    /// </summary>
    internal static class JsonText
    {
        private static readonly UTF8Encoding Strict = new UTF8Encoding(false, true);

        /// <summary>Where a value is not text, and why.</summary>
        internal sealed class Problem
        {
            public Problem(string jsonPath, string message)
            {
                JsonPath = jsonPath;
                Message = message;
            }

            public string JsonPath { get; }
            public string Message { get; }
        }

        /// <summary>The first string or property name that is not text, or null when all are (the document must parse).</summary>
        public static Problem? FindInvalidString(ReadOnlyMemory<byte> utf8, JsonReaderOptions options)
        {
            var span = utf8.Span;
            bool validUtf8 = IsValidUtf8(utf8);
            if (validUtf8 && !HasSurrogateEscape(span)) return null;
            var reader = new Utf8JsonReader(span, options);
            var frames = new List<Frame>();
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        frames[frames.Count - 1].Name = null;
                        var name = Text(ref reader, validUtf8, out var why);
                        if (why != null) return new Problem(PathOf(frames), $"a property name {why} (line {Line(span, reader.TokenStartIndex)})");
                        frames[frames.Count - 1].Name = name;
                        continue;
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        BeginValue(frames);
                        frames.Add(new Frame { IsArray = reader.TokenType == JsonTokenType.StartArray });
                        continue;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        frames.RemoveAt(frames.Count - 1);
                        continue;
                    case JsonTokenType.String:
                        BeginValue(frames);
                        Text(ref reader, validUtf8, out why);
                        if (why != null) return new Problem(PathOf(frames), $"the string {why} (line {Line(span, reader.TokenStartIndex)})");
                        continue;
                    case JsonTokenType.Comment:
                        continue;
                    default:
                        BeginValue(frames);
                        continue;
                }
            }
            return null;
        }

        private static string? Text(ref Utf8JsonReader reader, bool validUtf8, out string? why)
        {
            why = null;
            if (validUtf8 && !reader.ValueIsEscaped) return reader.TokenType == JsonTokenType.PropertyName ? reader.GetString() : null;
            if (!validUtf8 && !IsValidUtf8(reader.ValueSpan.ToArray()))
            {
                why = "is not valid UTF-8 (save the file as UTF-8, or UTF-16 with a byte order mark)";
                return null;
            }
            try
            {
                return reader.GetString();
            }
            catch (InvalidOperationException)
            {
                why = "holds an escape in \\uD800-\\uDFFF that is half of a surrogate pair, which is not text";
                return null;
            }
        }

        private static bool IsValidUtf8(ReadOnlyMemory<byte> memory)
        {
            if (memory.Length == 0) return true;
            var segment = MemoryMarshal.TryGetArray(memory, out var array) ? array : new ArraySegment<byte>(memory.ToArray());
            try
            {
                // The runtime's decoder is vectorised: an all-ASCII snapshot of 20 MB takes a few milliseconds.
                Strict.GetCharCount(segment.Array!, segment.Offset, segment.Count);
                return true;
            }
            catch (DecoderFallbackException)
            {
                return false;
            }
        }

        /// <summary>True when the bytes hold <c>\u</c> followed by D8-DF: an escaped surrogate, the only kind that can be lone.</summary>
        private static bool HasSurrogateEscape(ReadOnlySpan<byte> bytes)
        {
            int at = 0;
            while (true)
            {
                int i = bytes.Slice(at).IndexOf((byte)'\\');
                if (i < 0) return false;
                i += at;
                if (i + 3 < bytes.Length && bytes[i + 1] == (byte)'u' && (bytes[i + 2] | 0x20) == (byte)'d')
                {
                    byte c = (byte)(bytes[i + 3] | 0x20);
                    if ((c >= (byte)'8' && c <= (byte)'9') || (c >= (byte)'a' && c <= (byte)'f')) return true;
                }
                at = i + 2; // past the escaped character, so that "\\" is not read as the start of another escape
                if (at >= bytes.Length) return false;
            }
        }

        private static void BeginValue(List<Frame> frames)
        {
            if (frames.Count > 0 && frames[frames.Count - 1].IsArray) frames[frames.Count - 1].Index++;
        }

        private static string PathOf(List<Frame> frames)
        {
            var sb = new StringBuilder("$");
            foreach (var f in frames)
            {
                if (f.IsArray) { if (f.Index >= 0) sb.Append('[').Append(f.Index.ToString(CultureInfo.InvariantCulture)).Append(']'); }
                else if (f.Name != null) sb.Append('.').Append(f.Name);
            }
            return sb.ToString();
        }

        private static int Line(ReadOnlySpan<byte> bytes, long offset)
        {
            int line = 1;
            for (int i = 0; i < offset && i < bytes.Length; i++) if (bytes[i] == (byte)'\n') line++;
            return line;
        }

        private sealed class Frame
        {
            public bool IsArray;
            public int Index = -1;
            public string? Name;
        }
    }
}
