using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using AzSpokeTools.Engine.Addresses;
using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Engine.Snapshot
{
    /// <summary>
    /// Reads one JSON object of an ARM resource in any of the accepted shapes: ARM (<c>properties.x</c>),
    /// az CLI output (flattened camelCase <c>x</c>) and <c>ConvertTo-Json</c> of Az objects (flattened
    /// PascalCase <c>X</c>). Names compare case-insensitively; type mismatches become warnings with the
    /// JSON path, and upstream quirks ("True"/"False" strings) are normalised.
    /// </summary>
    internal readonly struct JsonNode
    {
        public JsonNode(JsonElement element, SourceLocation location, LoadContext context)
        {
            Element = element;
            Location = location;
            Context = context;
        }

        public JsonElement Element { get; }
        public SourceLocation Location { get; }
        public LoadContext Context { get; }

        public bool IsObject => Element.ValueKind == JsonValueKind.Object;

        /// <summary>Finds a member: in <c>properties</c> first (ARM shape), then at this level (flattened shapes).</summary>
        public JsonNode? Get(string name, string? alias = null)
        {
            if (Element.ValueKind != JsonValueKind.Object) return null;
            if (TryMember(Element, "properties", out var props, out var propsName) && props.ValueKind == JsonValueKind.Object)
            {
                if (TryMember(props, name, out var v, out var actual) || (alias != null && TryMember(props, alias, out v, out actual)))
                    return new JsonNode(v, Location.Child(propsName).Child(actual), Context);
            }
            if (TryMember(Element, name, out var w, out var actualTop) || (alias != null && TryMember(Element, alias, out w, out actualTop)))
                return new JsonNode(w, Location.Child(actualTop), Context);
            return null;
        }

        /// <summary>A member at this level only (not under properties).</summary>
        public JsonNode? Own(string name)
        {
            if (Element.ValueKind == JsonValueKind.Object && TryMember(Element, name, out var v, out var actual))
                return new JsonNode(v, Location.Child(actual), Context);
            return null;
        }

        private static bool TryMember(JsonElement obj, string name, out JsonElement value, out string actualName)
        {
            if (obj.TryGetProperty(name, out value)) { actualName = name; return true; }
            foreach (var p in obj.EnumerateObject())
            {
                if (string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    value = p.Value;
                    actualName = p.Name;
                    return true;
                }
            }
            value = default;
            actualName = name;
            return false;
        }

        public bool IsNull => Element.ValueKind == JsonValueKind.Null || Element.ValueKind == JsonValueKind.Undefined;

        public string? AsString()
        {
            switch (Element.ValueKind)
            {
                case JsonValueKind.String: return Element.GetString();
                case JsonValueKind.Null: return null;
                case JsonValueKind.Number: return Element.GetRawText();
                case JsonValueKind.True: return "True";
                case JsonValueKind.False: return "False";
                default:
                    Context.Warn(Location, $"expected a string but found {Describe(Element.ValueKind)}; ignored");
                    return null;
            }
        }

        public bool? AsBool()
        {
            switch (Element.ValueKind)
            {
                case JsonValueKind.True: return true;
                case JsonValueKind.False: return false;
                case JsonValueKind.Null: return null;
                case JsonValueKind.String:
                    var s = Element.GetString();
                    if (string.Equals(s, "true", StringComparison.OrdinalIgnoreCase)) return true;
                    if (string.Equals(s, "false", StringComparison.OrdinalIgnoreCase)) return false;
                    if (string.IsNullOrEmpty(s)) return null;
                    Context.Warn(Location, $"expected a boolean but found the string '{s}'; taken as unknown");
                    return null;
                default:
                    Context.Warn(Location, $"expected a boolean but found {Describe(Element.ValueKind)}; taken as unknown");
                    return null;
            }
        }

        public int? AsInt()
        {
            if (Element.ValueKind == JsonValueKind.Number && Element.TryGetInt32(out var i)) return i;
            if (Element.ValueKind == JsonValueKind.String &&
                int.TryParse(Element.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out i)) return i;
            if (Element.ValueKind == JsonValueKind.Null) return null;
            Context.Warn(Location, $"expected an integer but found {Describe(Element.ValueKind)}; ignored");
            return null;
        }

        /// <summary>Items of an array; a single object or string is taken as a one-item list (flattened tools sometimes unwrap).</summary>
        public IEnumerable<JsonNode> Items()
        {
            if (Element.ValueKind == JsonValueKind.Array)
            {
                int i = 0;
                foreach (var e in Element.EnumerateArray()) yield return new JsonNode(e, Location.Index(i++), Context);
            }
            else if (Element.ValueKind == JsonValueKind.String && LooksLikeDotNetTypeName(Element.GetString()))
            {
                Context.Error(Location, $"'{Element.GetString()}' is a .NET type name, not data: the object was serialised with too small a depth (use ConvertTo-Json -Depth 20)");
            }
            else if (Element.ValueKind == JsonValueKind.Object || Element.ValueKind == JsonValueKind.String)
            {
                yield return this;
            }
            else if (Element.ValueKind != JsonValueKind.Null)
            {
                Context.Warn(Location, $"expected an array but found {Describe(Element.ValueKind)}; ignored");
            }
        }

        public string? Str(string name, string? alias = null) => Get(name, alias)?.AsString();
        public bool? Bool(string name, string? alias = null) => Get(name, alias)?.AsBool();
        public int? Int(string name, string? alias = null) => Get(name, alias)?.AsInt();

        public IEnumerable<JsonNode> Array(string name, string? alias = null) =>
            Get(name, alias) is JsonNode n ? n.Items() : System.Array.Empty<JsonNode>();

        /// <summary>Strings of an array member (or a single string).</summary>
        public List<string> Strings(string name, string? alias = null)
        {
            var list = new List<string>();
            foreach (var item in Array(name, alias))
            {
                var s = item.AsString();
                if (!string.IsNullOrWhiteSpace(s)) list.Add(s!.Trim());
            }
            return list;
        }

        /// <summary>A reference: <c>{"id": "..."}</c> or a bare id string; normalised.</summary>
        public ResourceId? Ref(string name, string? alias = null)
        {
            var n = Get(name, alias);
            if (n == null || n.Value.IsNull) return null;
            var v = n.Value;
            string? text = v.Element.ValueKind == JsonValueKind.Object ? v.Own("id")?.AsString() : v.AsString();
            return ResourceId.TryParse(text, out var id) ? id : (ResourceId?)null;
        }

        /// <summary>Prefixes of an address-space-like member (<c>{"addressPrefixes": [...]}</c>), validated.</summary>
        public List<IpPrefix> AddressSpace(string name, string? alias = null)
        {
            var n = Get(name, alias);
            if (n == null || n.Value.IsNull) return new List<IpPrefix>();
            var inner = n.Value.Element.ValueKind == JsonValueKind.Object ? n.Value.Get("addressPrefixes") : n;
            return inner == null ? new List<IpPrefix>() : inner.Value.Prefixes();
        }

        /// <summary>This node as a list of CIDR prefixes; invalid or non-network prefixes are errors.</summary>
        public List<IpPrefix> Prefixes()
        {
            var list = new List<IpPrefix>();
            foreach (var item in Items())
            {
                var s = item.AsString();
                if (s == null) continue;
                if (IpPrefix.TryParse(s, out var p)) list.Add(p);
                else item.Context.Error(item.Location, IpPrefix.Describe(s)!);
            }
            return list;
        }

        /// <summary>Tags as a case-insensitive dictionary.</summary>
        public Dictionary<string, string> Tags()
        {
            var tags = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var n = Own("tags");
            if (n == null || n.Value.Element.ValueKind != JsonValueKind.Object) return tags;
            foreach (var p in n.Value.Element.EnumerateObject())
                tags[p.Name] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() ?? "" : p.Value.GetRawText();
            return tags;
        }

        internal static bool LooksLikeDotNetTypeName(string? s) =>
            s != null && (s.StartsWith("System.Collections.", StringComparison.Ordinal) || s.StartsWith("Microsoft.Azure.Commands.", StringComparison.Ordinal));

        private static string Describe(JsonValueKind kind) => kind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            JsonValueKind.True => "a boolean",
            JsonValueKind.False => "a boolean",
            _ => kind.ToString().ToLowerInvariant(),
        };
    }
}
