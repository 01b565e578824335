using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

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

        /// <summary>Parses YAML (any extension but .json) or JSON text.</summary>
        public static IntentNode Parse(string file, string text)
        {
            if (file.EndsWith(".json", System.StringComparison.OrdinalIgnoreCase))
            {
                try
                {
                    using var doc = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
                    return FromJson(doc.RootElement, "$");
                }
                catch (JsonException ex)
                {
                    throw new IntentFileException(file, ex.Path ?? "$", $"not valid JSON (line {ex.LineNumber + 1}): {ex.Message}");
                }
            }
            var stream = new YamlStream();
            try
            {
                stream.Load(new StringReader(text));
            }
            catch (YamlException ex)
            {
                throw new IntentFileException(file, "$", $"not valid YAML (line {ex.Start.Line}, column {ex.Start.Column}): {ex.InnerException?.Message ?? ex.Message}");
            }
            if (stream.Documents.Count == 0) throw new IntentFileException(file, "$", "the file is empty");
            return FromYaml(stream.Documents[0].RootNode, "$");
        }

        private static IntentNode FromJson(JsonElement e, string path)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.Object:
                    return new IntentNode(path, null, null, e.EnumerateObject().Select(p => (p.Name, FromJson(p.Value, path + "." + p.Name))).ToList());
                case JsonValueKind.Array:
                    return new IntentNode(path, null, e.EnumerateArray().Select((x, i) => FromJson(x, path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]")).ToList(), null);
                case JsonValueKind.String: return new IntentNode(path, e.GetString(), null, null);
                case JsonValueKind.Null: return new IntentNode(path, null, null, null);
                default: return new IntentNode(path, e.GetRawText(), null, null);
            }
        }

        private static IntentNode FromYaml(YamlNode n, string path)
        {
            switch (n)
            {
                case YamlMappingNode m:
                    return new IntentNode(path, null, null, m.Children.Select(kv =>
                    {
                        var key = (kv.Key as YamlScalarNode)?.Value ?? kv.Key.ToString();
                        return (key, FromYaml(kv.Value, path + "." + key));
                    }).ToList());
                case YamlSequenceNode s:
                    return new IntentNode(path, null, s.Children.Select((x, i) => FromYaml(x, path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]")).ToList(), null);
                case YamlScalarNode sc:
                    return new IntentNode(path, sc.Value, null, null);
                default:
                    return new IntentNode(path, null, null, null);
            }
        }
    }
}
