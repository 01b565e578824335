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
    /// <summary>ARM actions whose bodies are written as results.</summary>
    internal sealed class ArmActionReader
    {
        private readonly ArmClient _client;
        private readonly ExportOptions _options;
        private readonly ExportCoverage _coverage;
        private readonly IExportObserver _observer;
        private readonly SnapshotWriter _writer;

        public ArmActionReader(ArmClient client, ExportOptions options, ExportCoverage coverage, IExportObserver observer, SnapshotWriter writer)
        {
            _client = client;
            _options = options;
            _coverage = coverage;
            _observer = observer;
            _writer = writer;
        }

        public int SecretsRemoved { get; private set; }

        /// <summary>AVNM deployment status, every skipToken page merged into one <c>{"value":[...]}</c> body.</summary>
        public async Task ListDeploymentStatusAsync(string networkManagerId, CancellationToken cancellationToken)
        {
            const string operation = "listDeploymentStatus";
            var url = _client.Url(networkManagerId + "/" + operation + "?api-version=" + TopologyExporter.NetworkApiVersion);
            JsonObject? first = null;
            string? skipToken = null;
            do
            {
                var body = new JsonObject
                {
                    ["regions"] = new JsonArray(),
                    // Connectivity for the routes, SecurityAdmin for the security admin rules in force per region.
                    ["deploymentTypes"] = new JsonArray(JsonValue.Create("Connectivity"), JsonValue.Create("SecurityAdmin")),
                };
                if (skipToken != null) body["skipToken"] = skipToken;
                var outcome = await LongRunningAction.PostAsync(_client, url, body, _options, _observer, cancellationToken).ConfigureAwait(false);
                if (!outcome.Succeeded)
                {
                    Record(networkManagerId, operation, outcome);
                    return;
                }
                var page = outcome.Body as JsonObject ?? new JsonObject();
                var next = ResourceGraphInventory.StringOrNull(page["skipToken"]);
                if (next != null && next == skipToken)
                    throw new AzureExportException(operation + " on " + networkManagerId + " returned the same skipToken twice; stopping instead of looping.");
                skipToken = next;
                if (first == null)
                {
                    first = page;
                }
                else if (page["value"] is JsonArray more)
                {
                    if (!(first["value"] is JsonArray all)) first["value"] = all = new JsonArray();
                    var items = more.ToList();
                    more.Clear();
                    foreach (var item in items) all.Add(item);
                }
            }
            while (skipToken != null);
            first.Remove("skipToken");
            Write(operation, networkManagerId, first);
        }

        public Task RunAsync(string resourceId, string operation, CancellationToken cancellationToken) =>
            RunAsync(resourceId, operation, operation, cancellationToken);

        /// <summary>POSTs the ARM action <paramref name="action"/> on a resource and writes its body as result <paramref name="operation"/>.</summary>
        public async Task RunAsync(string resourceId, string action, string operation, CancellationToken cancellationToken)
        {
            var url = _client.Url(resourceId + "/" + action + "?api-version=" + TopologyExporter.NetworkApiVersion);
            var outcome = await LongRunningAction.PostAsync(_client, url, null, _options, _observer, cancellationToken).ConfigureAwait(false);
            if (!outcome.Succeeded)
            {
                Record(resourceId, operation, outcome);
                return;
            }
            Write(operation, resourceId, outcome.Body);
        }

        private void Write(string operation, string scope, JsonNode? body)
        {
            SecretsRemoved += SecretScrubber.Scrub(body);
            _writer.WriteResult(operation, scope, body);
            _observer.Progress("ARM actions", _writer.ResultCount, _writer.ResultCount);
        }

        private void Record(string scope, string operation, ActionOutcome outcome)
        {
            if (outcome.IsDenied) _coverage.Deny(scope, null, operation, outcome.Status, outcome.Message ?? "");
            else _coverage.Fail(scope, null, operation, outcome.Status, outcome.Message ?? "");
            _observer.Warning(operation + " on " + scope + " could not be captured (" + outcome.Message + ").");
        }
    }
}
