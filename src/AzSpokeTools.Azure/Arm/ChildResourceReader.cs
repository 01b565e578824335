using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using AzSpokeTools.Azure.Export;
using AzSpokeTools.Azure.ResourceGraph;
using AzSpokeTools.Azure.Snapshot;
using AzSpokeTools.Azure.Transport;

namespace AzSpokeTools.Azure.Arm
{
    /// <summary>Child resources Resource Graph lacks, read with ARM list calls and written as resources.</summary>
    internal sealed class ChildResourceReader
    {
        private readonly ArmClient _client;
        private readonly ExportCoverage _coverage;
        private readonly IExportObserver _observer;
        private readonly Action<JsonObject> _emit;
        private int _pages;
        private int _items;

        public ChildResourceReader(ArmClient client, ExportCoverage coverage, IExportObserver observer, Action<JsonObject> emit)
        {
            _client = client;
            _coverage = coverage;
            _observer = observer;
            _emit = emit;
        }

        public int SecretsRemoved { get; private set; }

        public async Task<List<JsonObject>> ListAsync(string parentId, string child, CancellationToken cancellationToken)
        {
            var url = _client.Url(parentId + "/" + child + "?api-version=" + TopologyExporter.NetworkApiVersion);
            var result = await ArmList.ReadAsync(_client, url, cancellationToken).ConfigureAwait(false);
            _pages += result.Pages;
            if (result.Refused != null)
            {
                var type = (ParentType(parentId) + "/" + child).ToLowerInvariant();
                var refused = result.Refused;
                if (refused.Status == 404) _coverage.Fail(parentId, type, null, refused.Status, refused.ErrorMessage);
                else _coverage.Deny(parentId, type, null, refused.Status, refused.ErrorMessage);
                _observer.Warning("Could not list " + child + " of " + parentId + " (" + refused.ErrorMessage + "); the snapshot does not cover them.");
                return new List<JsonObject>();
            }
            foreach (var item in result.Items)
            {
                SecretsRemoved += SecretScrubber.Scrub(item);
                _emit(item);
            }
            _items += result.Items.Count;
            _observer.Progress("ARM child resources", _pages, _items);
            return result.Items;
        }

        private static string ParentType(string id)
        {
            var parts = id.Trim('/').Split('/');
            int p = Array.FindLastIndex(parts, s => s.Equals("providers", StringComparison.OrdinalIgnoreCase));
            if (p < 0 || p + 2 >= parts.Length) return "unknown";
            var type = parts[p + 1] + "/" + parts[p + 2];
            for (int i = p + 4; i + 1 < parts.Length; i += 2) type += "/" + parts[i];
            return type;
        }
    }
}
