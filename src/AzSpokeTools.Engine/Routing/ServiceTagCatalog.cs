using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using AzSpokeTools.Engine.Addresses;
using AzSpokeTools.Engine.Input;
using AzSpokeTools.Engine.Snapshot;

namespace AzSpokeTools.Engine.Routing
{
    /// <summary>
    /// Service tags and their prefixes from Azure's published file (ServiceTags_Public_*.json:
    /// <c>{"values":[{"name","properties":{"addressPrefixes":[...]}}]}</c>). Without it, service-tag
    /// prefixes in UDRs and service endpoints stay unresolved.
    /// </summary>
    public sealed class ServiceTagCatalog
    {
        private readonly Dictionary<string, List<IpPrefix>> _tags = new Dictionary<string, List<IpPrefix>>(StringComparer.OrdinalIgnoreCase);

        /// <summary>How many service tags the catalog holds.</summary>
        public int Count => _tags.Count;

        /// <summary>
        /// Reads Azure's service-tag file. A file of another shape (a list, tags without names or prefixes of the wrong type) is a
        /// <see cref="SnapshotLoadException"/> naming each place; so is a file that is not a regular file, over 256 MiB, or not text.
        /// </summary>
        public static ServiceTagCatalog Load(string path)
        {
            var catalog = new ServiceTagCatalog();
            var errors = new List<LoadDiagnostic>();
            void Error(string at, string message) => errors.Add(new LoadDiagnostic(DiagnosticSeverity.Error, new SourceLocation(path, at), message));
            var problem = InputFile.Problem(path, InputFile.MaxServiceTagBytes);
            if (problem != null) throw new SnapshotLoadException(new[] { new LoadDiagnostic(DiagnosticSeverity.Error, new SourceLocation(path, "$"), problem) });
            JsonDocument doc;
            ReadOnlyMemory<byte> utf8;
            try
            {
                using (var stream = InputFile.Open(path)) utf8 = SnapshotLoader.ReadUtf8(stream);
                doc = JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = SnapshotLoader.MaxDepth });
            }
            catch (JsonException ex)
            {
                throw new SnapshotLoadException(new[] { new LoadDiagnostic(DiagnosticSeverity.Error, new SourceLocation(path, ex.Path ?? "$"), "not valid JSON: " + ex.Message) });
            }
            catch (InvalidDataException ex)
            {
                throw new SnapshotLoadException(new[] { new LoadDiagnostic(DiagnosticSeverity.Error, new SourceLocation(path, "$"), ex.Message) });
            }
            using (doc)
            {
                if (JsonText.FindInvalidString(utf8, new JsonReaderOptions { MaxDepth = SnapshotLoader.MaxDepth }) is JsonText.Problem bad)
                    throw new SnapshotLoadException(new[] { new LoadDiagnostic(DiagnosticSeverity.Error, new SourceLocation(path, bad.JsonPath), "not valid text: " + bad.Message) });
                var root = doc.RootElement;
                if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("values", out var values) || values.ValueKind != JsonValueKind.Array)
                    throw new SnapshotLoadException(new[] { new LoadDiagnostic(DiagnosticSeverity.Error, new SourceLocation(path, "$.values"),
                        "a service-tag file is an object with a values array ({\"values\": [{\"name\": ..., \"properties\": {\"addressPrefixes\": [...]}}]}), as Azure publishes it") });
                int i = 0;
                foreach (var v in values.EnumerateArray())
                {
                    var at = "$.values[" + i++ + "]";
                    if (v.ValueKind != JsonValueKind.Object) { Error(at, "expected a service tag (an object with name and properties)"); continue; }
                    var name = v.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
                    if (string.IsNullOrEmpty(name)) { Error(at + ".name", "a service tag needs a name (a string)"); continue; }
                    if (!v.TryGetProperty("properties", out var props) || props.ValueKind != JsonValueKind.Object ||
                        !props.TryGetProperty("addressPrefixes", out var ap) || ap.ValueKind != JsonValueKind.Array)
                    {
                        Error(at + ".properties.addressPrefixes", $"service tag '{name}' needs properties.addressPrefixes (an array of prefixes)");
                        continue;
                    }
                    var list = new List<IpPrefix>();
                    int k = 0;
                    foreach (var p in ap.EnumerateArray())
                    {
                        if (p.ValueKind != JsonValueKind.String) Error(at + ".properties.addressPrefixes[" + k + "]", "expected an address prefix string such as \"20.38.64.0/19\"");
                        else if (IpPrefix.TryParse(p.GetString(), out var prefix)) list.Add(prefix);
                        k++;
                    }
                    catalog._tags[name!] = list;
                }
            }
            if (errors.Count > 0) throw new SnapshotLoadException(errors);
            return catalog;
        }

        /// <summary>Adds or replaces a tag (for tests and callers that build a catalog in memory).</summary>
        public void Add(string name, IEnumerable<IpPrefix> prefixes) => _tags[name] = prefixes.ToList();

        /// <summary>The prefixes of every named tag the catalog knows (their union, in order), or an empty list.</summary>
        public List<IpPrefix> Resolve(IEnumerable<string> names)
        {
            var result = new List<IpPrefix>();
            var seen = new HashSet<IpPrefix>();
            foreach (var n in names)
                if (_tags.TryGetValue(n, out var list))
                    foreach (var p in list)
                        if (seen.Add(p)) result.Add(p);
            return result;
        }
    }
}
