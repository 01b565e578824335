using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using AzSpokeTools.Engine.Addresses;
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

        public int Count => _tags.Count;

        public static ServiceTagCatalog Load(string path)
        {
            var catalog = new ServiceTagCatalog();
            try
            {
                using var doc = JsonDocument.Parse(File.ReadAllText(path));
                if (!doc.RootElement.TryGetProperty("values", out var values) || values.ValueKind != JsonValueKind.Array)
                    throw new SnapshotLoadException(new[] { new LoadDiagnostic(DiagnosticSeverity.Error, new SourceLocation(path, "$.values"), "a service-tag file needs a values array") });
                int i = 0;
                foreach (var v in values.EnumerateArray())
                {
                    var name = v.TryGetProperty("name", out var n) ? n.GetString() : null;
                    if (name == null || !v.TryGetProperty("properties", out var props) || !props.TryGetProperty("addressPrefixes", out var ap)) { i++; continue; }
                    var list = new List<IpPrefix>();
                    foreach (var p in ap.EnumerateArray())
                        if (IpPrefix.TryParse(p.GetString(), out var prefix)) list.Add(prefix);
                    catalog._tags[name] = list;
                    i++;
                }
            }
            catch (JsonException ex)
            {
                throw new SnapshotLoadException(new[] { new LoadDiagnostic(DiagnosticSeverity.Error, new SourceLocation(path, ex.Path ?? "$"), "not valid JSON: " + ex.Message) });
            }
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
