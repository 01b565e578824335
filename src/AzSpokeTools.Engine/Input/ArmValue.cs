using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using AzSpokeTools.Engine.Addresses;

namespace AzSpokeTools.Engine.Input
{
    /// <summary>
    /// Reads one JSON object of an ARM resource in any of the accepted shapes: ARM (<c>properties.x</c>),
    /// az CLI output (flattened camelCase <c>x</c>) and <c>ConvertTo-Json</c> of Az objects (flattened
    /// PascalCase <c>X</c>). Names compare case-insensitively; a value of the wrong type is an error with
    /// the JSON path, and upstream quirks ("True"/"False" strings) are normalised.
    /// </summary>
    internal readonly struct ArmValue
    {
        // Shared by every copy of this node: the case-insensitive member map (built on the first miss)
        // and the resolved "properties" child, so repeated reads of one object stay cheap.
        private readonly ObjectMembers? _members;
        // The location is built only when asked for (errors, Source of model objects): most values read never need it.
        private readonly SourceLocation _parent;
        private readonly string? _member;
        private readonly int _index;

        public ArmValue(JsonElement element, SourceLocation location, LoadContext context)
            : this(element, location, null, -1, context, null)
        {
        }

        /// <summary>Item <paramref name="index"/> of the array at <paramref name="array"/>.</summary>
        internal ArmValue(JsonElement element, SourceLocation array, int index, LoadContext context)
            : this(element, array, null, index, context, null)
        {
        }

        private ArmValue(JsonElement element, SourceLocation parent, string? member, int index, LoadContext context, ObjectMembers? members)
        {
            Element = element;
            _parent = parent;
            _member = member;
            _index = index;
            Context = context;
            _members = members ?? (element.ValueKind == JsonValueKind.Object ? new ObjectMembers() : null);
        }

        public JsonElement Element { get; }
        public LoadContext Context { get; }

        public SourceLocation Location
        {
            get
            {
                if (_members != null) return _members.Location ??= Build();
                return Build();
            }
        }

        private SourceLocation Build() => _member != null ? _parent.Child(_member) : _index >= 0 ? _parent.Index(_index) : _parent;

        public bool IsObject => Element.ValueKind == JsonValueKind.Object;

        public bool IsNull => Element.ValueKind == JsonValueKind.Null || Element.ValueKind == JsonValueKind.Undefined;

        /// <summary>Finds a member: in <c>properties</c> first (ARM shape), then at this level (flattened shapes).</summary>
        public ArmValue? Get(string name, string? alias = null)
        {
            if (_members == null) return null;
            var props = Properties();
            if (props != null)
            {
                var found = props.Value.Own(name);
                if (found == null && alias != null) found = props.Value.Own(alias);
                if (found != null) return found;
                // An ARM-shaped object keeps only id, name, type, location, tags, sku, etag beside properties,
                // always spelt as ARM spells them: an exact match is enough there.
                return OwnExact(name) ?? (alias != null ? OwnExact(alias) : null);
            }
            return Own(name) ?? (alias != null ? Own(alias) : null);
        }

        /// <summary>A member at this level only (not under properties), matched case-insensitively.</summary>
        public ArmValue? Own(string name)
        {
            if (_members == null) return null;
            if (!_members.TryFind(Element, name, Context.Shapes, out var value, out var actual)) return null;
            return new ArmValue(value, Location, actual, -1, Context, null);
        }

        private ArmValue? OwnExact(string name)
        {
            if (_members == null || !Element.TryGetProperty(name, out var value)) return null;
            return new ArmValue(value, Location, name, -1, Context, null);
        }

        /// <summary>
        /// A member that must be an object (e.g. bgpSettings); null when absent or null. Another type is an
        /// error, and so is the type name ConvertTo-Json writes for an object below its depth limit.
        /// </summary>
        public ArmValue? Obj(string name)
        {
            var n = Get(name);
            if (n == null || n.Value.IsNull) return null;
            if (n.Value.IsObject) return n;
            if (n.Value.Element.ValueKind == JsonValueKind.String && LooksLikeTruncatedValue(n.Value.Element.GetString())) n.Value.ReportTruncated();
            else Context.Error(n.Value.Location, $"expected an object but found {Describe(n.Value.Element.ValueKind)}");
            return null;
        }

        private ArmValue? Properties()
        {
            var m = _members!;
            if (!m.PropertiesResolved)
            {
                if (m.TryFind(Element, "properties", Context.Shapes, out var props, out var actual) && props.ValueKind == JsonValueKind.Object)
                {
                    m.PropertiesElement = props;
                    m.PropertiesName = actual;
                    m.PropertiesMembers = new ObjectMembers();
                }
                m.PropertiesResolved = true;
            }
            return m.PropertiesMembers == null ? (ArmValue?)null
                : new ArmValue(m.PropertiesElement, Location, m.PropertiesName, -1, Context, m.PropertiesMembers);
        }

        public string? AsString()
        {
            switch (Element.ValueKind)
            {
                case JsonValueKind.String:
                    var s = Element.GetString();
                    // Windows PowerShell's ConvertTo-Json (default -Depth 2) writes objects below the depth limit as their type name.
                    if (LooksLikeTruncatedValue(s))
                    {
                        ReportTruncated(s);
                        return null;
                    }
                    return s;
                case JsonValueKind.Null: return null;
                case JsonValueKind.Number: return Element.GetRawText();
                case JsonValueKind.True: return "True";
                case JsonValueKind.False: return "False";
                default:
                    Context.Error(Location, $"expected a string but found {Describe(Element.ValueKind)}");
                    return null;
            }
        }

        /// <summary>A boolean; the strings "True"/"False" (AVNM, PowerShell) count as booleans; null when absent or empty.</summary>
        public bool? AsBool()
        {
            switch (Element.ValueKind)
            {
                case JsonValueKind.True: return true;
                case JsonValueKind.False: return false;
                case JsonValueKind.Null: return null;
                case JsonValueKind.String:
                    var s = Element.GetString()!.Trim();
                    if (string.Equals(s, "true", StringComparison.OrdinalIgnoreCase)) return true;
                    if (string.Equals(s, "false", StringComparison.OrdinalIgnoreCase)) return false;
                    if (s.Length == 0) return null;
                    Context.Error(Location, $"expected true or false but found the string '{s}'");
                    return null;
                default:
                    Context.Error(Location, $"expected true or false but found {Describe(Element.ValueKind)}");
                    return null;
            }
        }

        public int? AsInt()
        {
            if (Element.ValueKind == JsonValueKind.Number && Element.TryGetInt32(out var i)) return i;
            if (Element.ValueKind == JsonValueKind.String &&
                int.TryParse(Element.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out i)) return i;
            if (Element.ValueKind == JsonValueKind.Null) return null;
            Context.Error(Location, $"expected an integer but found {Describe(Element.ValueKind)}");
            return null;
        }

        /// <summary>
        /// Items of an array; a single object or string is taken as a one-item list (flattened tools unwrap
        /// single-item arrays), and Windows PowerShell's <c>{"value": [...], "Count": n}</c> array wrapper is unwrapped.
        /// </summary>
        public JsonItems Items()
        {
            switch (Element.ValueKind)
            {
                case JsonValueKind.Array:
                    return JsonItems.OfArray(Element, Location, Context);
                case JsonValueKind.Object when IsPowerShellArrayWrapper(Element, out var inner, out var innerName):
                    return JsonItems.OfArray(inner, Location.Child(innerName), Context);
                case JsonValueKind.String:
                    var s = Element.GetString();
                    if (LooksLikeTruncatedValue(s))
                    {
                        ReportTruncated(s);
                        return JsonItems.Empty;
                    }
                    return JsonItems.OfOne(this);
                case JsonValueKind.Object:
                    return JsonItems.OfOne(this);
                case JsonValueKind.Null:
                case JsonValueKind.Undefined:
                    return JsonItems.Empty;
                default:
                    Context.Error(Location, $"expected an array but found {Describe(Element.ValueKind)}");
                    return JsonItems.Empty;
            }
        }

        private static bool IsPowerShellArrayWrapper(JsonElement obj, out JsonElement inner, out string innerName)
        {
            inner = default;
            innerName = "value";
            int count = 0;
            bool hasValue = false, hasCount = false;
            foreach (var p in obj.EnumerateObject())
            {
                count++;
                if (count > 2) return false;
                if (p.NameEquals("value") && p.Value.ValueKind == JsonValueKind.Array) { hasValue = true; inner = p.Value; }
                else if (p.NameEquals("Count") && p.Value.ValueKind == JsonValueKind.Number) hasCount = true;
            }
            return hasValue && hasCount;
        }

        public string? Str(string name, string? alias = null) => Get(name, alias)?.AsString();
        public bool? Bool(string name, string? alias = null) => Get(name, alias)?.AsBool();
        public int? Int(string name, string? alias = null) => Get(name, alias)?.AsInt();

        public JsonItems Array(string name, string? alias = null) =>
            Get(name, alias) is ArmValue n ? n.Items() : JsonItems.Empty;

        /// <summary>Object items of an array member; an item of another type is an error naming what was expected.</summary>
        public IEnumerable<ArmValue> Objects(string name, string what)
        {
            foreach (var item in Array(name))
            {
                if (item.IsObject) yield return item;
                else if (!item.IsNull) item.Context.Error(item.Location, $"expected {what} (an object) but found {Describe(item.Element.ValueKind)}");
            }
        }

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

        /// <summary>Prefixes of an address-space-like member (<c>{"addressPrefixes": [...]}</c>), validated.</summary>
        public List<IpPrefix> AddressSpace(string name, string? alias = null)
        {
            var n = Get(name, alias);
            if (n == null || n.Value.IsNull) return new List<IpPrefix>();
            if (n.Value.IsObject && !IsPowerShellArrayWrapper(n.Value.Element, out _, out _))
            {
                var inner = n.Value.Get("addressPrefixes");
                return inner == null ? new List<IpPrefix>() : inner.Value.Prefixes();
            }
            return n.Value.Prefixes();
        }

        /// <summary>This node as a list of CIDR prefixes; invalid or non-network prefixes are errors.</summary>
        public List<IpPrefix> Prefixes()
        {
            var list = new List<IpPrefix>();
            if (IsObject && !IsPowerShellArrayWrapper(Element, out _, out _))
            {
                Context.Error(Location, "expected a list of address prefixes but found an object");
                return list;
            }
            foreach (var item in Items())
            {
                if (item.Element.ValueKind != JsonValueKind.String)
                {
                    if (!item.IsNull) item.Context.Error(item.Location, $"expected an address prefix string such as \"10.0.0.0/16\" but found {Describe(item.Element.ValueKind)}");
                    continue;
                }
                var s = item.AsString();
                if (s == null) continue;
                if (IpPrefix.TryParse(s, out var p)) { if (!list.Contains(p)) list.Add(p); }
                else item.Context.Error(item.Location, IpPrefix.Describe(s)!);
            }
            return list;
        }

        /// <summary>Tags as a case-insensitive dictionary (<c>tags</c>; PowerShell objects call it <c>Tag</c>).</summary>
        public Dictionary<string, string> Tags()
        {
            var tags = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var n = Own("tags") ?? Own("tag");
            if (n == null || n.Value.Element.ValueKind != JsonValueKind.Object) return tags;
            foreach (var p in n.Value.Element.EnumerateObject())
                tags[p.Name] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() ?? "" : p.Value.GetRawText();
            return tags;
        }

        private void ReportTruncated(string? text = null) =>
            Context.Error(Location, $"'{text ?? Element.GetString()}' is the name of a .NET type, not data: the object was serialised with too small a depth " +
                                    "(Windows PowerShell's ConvertTo-Json defaults to -Depth 2); export again with ConvertTo-Json -Depth 20");

        /// <summary>What ConvertTo-Json writes for an object below its depth limit: a .NET type name or a PowerShell hashtable string.</summary>
        internal static bool LooksLikeTruncatedValue(string? s) =>
            s != null && s.Length > 7 &&
            (s.StartsWith("System.Collections.", StringComparison.Ordinal) ||
             s.StartsWith("Microsoft.Azure.Commands.", StringComparison.Ordinal) ||
             s.StartsWith("Microsoft.Azure.Management.", StringComparison.Ordinal) ||
             s == "System.Object[]" || s == "System.Object" ||
             (s.StartsWith("@{", StringComparison.Ordinal) && s.EndsWith("}", StringComparison.Ordinal) && s.IndexOf('=') > 0));

        internal static string Describe(JsonValueKind kind) => kind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            JsonValueKind.True => "a boolean",
            JsonValueKind.False => "a boolean",
            _ => kind.ToString().ToLowerInvariant(),
        };

        /// <summary>Case-insensitive member lookup for one object: exact name first (no allocation), then the object's shape.</summary>
        private sealed class ObjectMembers
        {
            private bool _shapeResolved;
            private PropertyNameShapes.Shape? _shape;
            private Dictionary<string, KeyValuePair<string, JsonElement>>? _byName;

            public SourceLocation? Location;
            public bool PropertiesResolved;
            public JsonElement PropertiesElement;
            public string PropertiesName = "properties";
            public ObjectMembers? PropertiesMembers;

            public bool TryFind(JsonElement obj, string name, PropertyNameShapes shapes, out JsonElement value, out string actualName)
            {
                if (obj.TryGetProperty(name, out value)) { actualName = name; return true; }
                if (!_shapeResolved)
                {
                    _shape = shapes.Find(obj);
                    _shapeResolved = true;
                }
                if (_shape != null)
                {
                    if (_shape.TryGetActualName(name, out var spelt) && obj.TryGetProperty(spelt, out value))
                    {
                        actualName = spelt;
                        return true;
                    }
                    value = default;
                    actualName = name;
                    return false;
                }
                if (_byName == null)
                {
                    _byName = new Dictionary<string, KeyValuePair<string, JsonElement>>(StringComparer.OrdinalIgnoreCase);
                    foreach (var p in obj.EnumerateObject())
                    {
                        var n = p.Name;
                        if (!_byName.ContainsKey(n)) _byName[n] = new KeyValuePair<string, JsonElement>(n, p.Value);
                    }
                }
                if (_byName.TryGetValue(name, out var hit))
                {
                    actualName = hit.Key;
                    value = hit.Value;
                    return true;
                }
                value = default;
                actualName = name;
                return false;
            }
        }
    }
}
