using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace AzSpokeTools.Engine.Intent
{
    /// <summary>A YAML or JSON value with its path in the document ($.rules[0].expect), so errors can name it.</summary>
    internal sealed class IntentNode
    {
        private IntentNode(string path, string? scalar, List<IntentNode>? items, List<(string Key, IntentNode Value)>? fields)
        {
            Path = path;
            Scalar = scalar;
            Items = items;
            Fields = fields;
        }

        public string Path { get; }
        public string? Scalar { get; }
        public List<IntentNode>? Items { get; }
        public List<(string Key, IntentNode Value)>? Fields { get; }

        public bool IsMap => Fields != null;
        public bool IsList => Items != null;

        public IntentNode? Get(string key) => Fields?.FirstOrDefault(f => string.Equals(f.Key, key, System.StringComparison.OrdinalIgnoreCase)).Value;

        /// <summary>Deepest nesting of mappings and sequences accepted (as for JSON documents).</summary>
        public const int MaxDepth = 64;

        /// <summary>
        /// Parses YAML (any extension but .json) or JSON text. YAML aliases (<c>*name</c>) are refused: intent files do not need
        /// them, and a few hundred bytes of nested aliases expand to gigabytes. Nesting deeper than <see cref="MaxDepth"/> is refused.
        /// Every problem is an <see cref="IntentFileException"/> naming the file and where.
        /// </summary>
        public static IntentNode Parse(string file, string text)
        {
            if (file.EndsWith(".json", System.StringComparison.OrdinalIgnoreCase))
            {
                try
                {
                    using var doc = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = MaxDepth });
                    return FromJson(file, doc.RootElement, "$");
                }
                catch (JsonException ex)
                {
                    throw new IntentFileException(file, ex.Path ?? "$", $"not valid JSON (line {ex.LineNumber + 1}): {ex.Message}");
                }
            }
            return new YamlReader(file, text).Read();
        }

        private static IntentNode FromJson(string file, JsonElement e, string path)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.Object:
                    return new IntentNode(path, null, null, e.EnumerateObject().Select(p =>
                    {
                        var name = Text(file, path, () => p.Name);
                        return (name, FromJson(file, p.Value, path + "." + name));
                    }).ToList());
                case JsonValueKind.Array:
                    return new IntentNode(path, null, e.EnumerateArray().Select((x, i) => FromJson(file, x, path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]")).ToList(), null);
                case JsonValueKind.String: return new IntentNode(path, Text(file, path, () => e.GetString()!), null, null);
                case JsonValueKind.Null: return new IntentNode(path, null, null, null);
                default: return new IntentNode(path, e.GetRawText(), null, null);
            }
        }

        /// <summary>A JSON string; an escape that is half a surrogate pair (<c>"\ud800"</c>) is not text and fails only when read.</summary>
        private static string Text(string file, string path, System.Func<string> read)
        {
            try
            {
                return read();
            }
            catch (System.InvalidOperationException)
            {
                throw new IntentFileException(file, path, "not valid text: a string holds an escape in \\uD800-\\uDFFF that is half of a surrogate pair");
            }
        }

        /// <summary>Builds nodes from YamlDotNet's event parser (not its representation model, which expands aliases and recurses without bound).</summary>
        private sealed class YamlReader
        {
            private readonly string _file;
            private readonly Parser _parser;
            private Mark _last = Mark.Empty;

            public YamlReader(string file, string text)
            {
                _file = file;
                _parser = new Parser(new StringReader(text));
            }

            public IntentNode Read()
            {
                Expect<StreamStart>(Next(), "$");
                var first = Next();
                if (first is StreamEnd) throw new IntentFileException(_file, "$", "the file is empty");
                Expect<DocumentStart>(first, "$");
                var root = Node(Next(), "$", 1);
                Expect<DocumentEnd>(Next(), "$");
                // Later documents are not used; they are still read through, so that a syntax error or alias in them is reported.
                int depth = 0;
                for (var e = Next(); !(e is StreamEnd); e = Next())
                {
                    if (e is AnchorAlias a) throw Alias(a, "$");
                    if (e is MappingStart || e is SequenceStart) { if (++depth > MaxDepth) throw TooDeep("$"); }
                    else if (e is MappingEnd || e is SequenceEnd) depth--;
                }
                return root;
            }

            private IntentNode Node(ParsingEvent e, string path, int depth)
            {
                switch (e)
                {
                    case AnchorAlias a:
                        throw Alias(a, path);
                    case Scalar s:
                        return new IntentNode(path, s.Value, null, null);
                    case SequenceStart _:
                    {
                        if (depth > MaxDepth) throw TooDeep(path);
                        var items = new List<IntentNode>();
                        for (var n = Next(); !(n is SequenceEnd); n = Next())
                            items.Add(Node(n, path + "[" + items.Count.ToString(CultureInfo.InvariantCulture) + "]", depth + 1));
                        return new IntentNode(path, null, items, null);
                    }
                    case MappingStart _:
                    {
                        if (depth > MaxDepth) throw TooDeep(path);
                        var fields = new List<(string, IntentNode)>();
                        var seen = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase);
                        for (var k = Next(); !(k is MappingEnd); k = Next())
                        {
                            if (k is AnchorAlias ka) throw Alias(ka, path);
                            if (!(k is Scalar key)) throw new IntentFileException(_file, path, $"a mapping key must be text (line {k.Start.Line}, column {k.Start.Column})");
                            if (!seen.Add(key.Value))
                                throw new IntentFileException(_file, path + "." + key.Value, $"key '{key.Value}' appears twice in this mapping (line {key.Start.Line})");
                            fields.Add((key.Value, Node(Next(), path + "." + key.Value, depth + 1)));
                        }
                        return new IntentNode(path, null, null, fields);
                    }
                    default:
                        throw new IntentFileException(_file, path, $"not valid YAML (line {e.Start.Line}, column {e.Start.Column}): unexpected {e.GetType().Name}");
                }
            }

            private ParsingEvent Next()
            {
                try
                {
                    if (!_parser.MoveNext()) throw new IntentFileException(_file, "$", $"not valid YAML: the text ends early (after line {_last.Line})");
                }
                catch (YamlException ex)
                {
                    throw new IntentFileException(_file, "$", $"not valid YAML (line {ex.Start.Line}, column {ex.Start.Column}): {ex.InnerException?.Message ?? ex.Message}");
                }
                catch (System.Exception ex) when (ex is System.InvalidOperationException || ex is System.ArgumentException || ex is System.FormatException || ex is System.OverflowException)
                {
                    // YamlDotNet's parser fails this way on some slips (a flow list wrapped back to its key's indentation).
                    throw new IntentFileException(_file, "$", $"not valid YAML after line {_last.Line}, column {_last.Column}: check the indentation and the brackets of flow lists and mappings");
                }
                var current = _parser.Current!;
                _last = current.End;
                return current;
            }

            private void Expect<T>(ParsingEvent e, string path) where T : ParsingEvent
            {
                if (!(e is T)) throw new IntentFileException(_file, path, $"not valid YAML (line {e.Start.Line}, column {e.Start.Column}): expected {typeof(T).Name}, found {e.GetType().Name}");
            }

            private IntentFileException Alias(AnchorAlias a, string path) =>
                new IntentFileException(_file, path, $"YAML aliases (*{a.Value}, line {a.Start.Line}) are not supported in intent files; write the value out");

            private IntentFileException TooDeep(string path) =>
                new IntentFileException(_file, path, $"nested deeper than {MaxDepth} levels (after line {_last.Line})");
        }
    }
}
