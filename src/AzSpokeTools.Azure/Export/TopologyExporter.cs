using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using AzSpokeTools.Azure.Arm;
using AzSpokeTools.Azure.Identity;
using AzSpokeTools.Azure.ResourceGraph;
using AzSpokeTools.Azure.Snapshot;
using AzSpokeTools.Azure.Transport;

namespace AzSpokeTools.Azure.Export
{
    /// <summary>
    /// Pulls an estate's network topology from Azure into a snapshot file: the top-level types through
    /// Resource Graph; AVNM network groups, static members and connectivity configurations and virtual
    /// hub connections, route tables and routing intent through ARM list calls; AVNM
    /// <c>listDeploymentStatus</c>, and on request gateway <c>getLearnedRoutes</c> and NIC
    /// <c>effectiveRouteTable</c>, as <c>results</c>. Read-only: only GET and those POST actions are sent.
    /// Denied scopes are recorded in <c>coverage</c> and reported as warnings; the file appears only when
    /// the whole capture succeeded.
    /// </summary>
    public sealed class TopologyExporter
    {
        /// <summary>API version of the Microsoft.Network calls made directly on ARM.</summary>
        public const string NetworkApiVersion = "2024-05-01";

        private readonly ExportOptions _options;
        private readonly IExportObserver _observer;

        /// <summary>Creates an exporter; nothing is sent until <see cref="ExportAsync"/>.</summary>
        public TopologyExporter(ExportOptions options, IExportObserver? observer = null)
        {
            _options = options ?? throw new ArgumentNullException(nameof(options));
            _observer = observer ?? NullExportObserver.Instance;
        }

        /// <summary>Runs the export and writes the snapshot to <paramref name="outputPath"/>.</summary>
        /// <exception cref="ArgumentException">Bad options or output path (nothing was sent).</exception>
        /// <exception cref="AzureExportException">Azure or the network failed; no file was written.</exception>
        /// <exception cref="OperationCanceledException">Cancelled; no file was written.</exception>
        public async Task<ExportSummary> ExportAsync(string outputPath, CancellationToken cancellationToken = default)
        {
            _options.Validate();
            SnapshotWriter.ValidateTarget(outputPath);
            var watch = Stopwatch.StartNew();
            var cloud = AzureCloud.Resolve(_options.Environment, _options.ArmEndpoint);
            var client = new ArmClient(cloud, _options.ResolveCredential(cloud), _options, _observer);
            var coverage = new ExportCoverage();
            var capturedAt = DateTimeOffset.UtcNow;

            IReadOnlyList<string> subscriptions = _options.SubscriptionIds.ToList();
            if (_options.ManagementGroupId == null && subscriptions.Count == 0)
                subscriptions = await SubscriptionDirectory.ListAsync(client, _observer, cancellationToken).ConfigureAwait(false);

            var source = new JsonObject
            {
                ["kind"] = "azure",
                ["tool"] = "AzSpokeTools " + typeof(TopologyExporter).Assembly.GetName().Version,
                ["environment"] = cloud.Name,
                ["armEndpoint"] = cloud.ResourceManagerEndpoint.AbsoluteUri.TrimEnd('/'),
                ["managementGroup"] = _options.ManagementGroupId,
                ["subscriptions"] = new JsonArray(subscriptions.Select(s => (JsonNode?)JsonValue.Create(s)).ToArray()),
                ["query"] = ResourceGraphQuery.Text,
            };

            using (var writer = new SnapshotWriter(outputPath, capturedAt, source))
            {
                var found = new FoundResources();
                int secretsRemoved = 0;
                Action<JsonObject> emit = resource =>
                {
                    found.Note(resource);
                    writer.WriteResource(resource);
                };

                var inventory = new ResourceGraphInventory(client, _options, coverage, _observer);
                if (_options.ManagementGroupId != null)
                    await inventory.ReadManagementGroupAsync(_options.ManagementGroupId, emit, cancellationToken).ConfigureAwait(false);
                else
                    await inventory.ReadSubscriptionsAsync(subscriptions, emit, cancellationToken).ConfigureAwait(false);
                secretsRemoved += inventory.SecretsRemoved;

                var children = new ChildReader(client, coverage, _observer, emit);
                foreach (var networkManager in found.NetworkManagers)
                {
                    var groups = await children.ListAsync(networkManager, "networkGroups", cancellationToken).ConfigureAwait(false);
                    foreach (var group in groups)
                    {
                        var groupId = ResourceGraphInventory.StringOrNull(group["id"]);
                        if (groupId != null) await children.ListAsync(groupId, "staticMembers", cancellationToken).ConfigureAwait(false);
                    }
                    await children.ListAsync(networkManager, "connectivityConfigurations", cancellationToken).ConfigureAwait(false);
                }
                foreach (var hub in found.VirtualHubs)
                {
                    await children.ListAsync(hub, "hubVirtualNetworkConnections", cancellationToken).ConfigureAwait(false);
                    await children.ListAsync(hub, "hubRouteTables", cancellationToken).ConfigureAwait(false);
                    await children.ListAsync(hub, "routingIntent", cancellationToken).ConfigureAwait(false);
                }
                secretsRemoved += children.SecretsRemoved;

                var actions = new ActionReader(client, _options, coverage, _observer, writer);
                foreach (var networkManager in found.NetworkManagers)
                    await actions.ListDeploymentStatusAsync(networkManager, cancellationToken).ConfigureAwait(false);
                if (_options.IncludeLearnedRoutes)
                {
                    foreach (var gateway in found.VirtualNetworkGateways)
                        await actions.RunAsync(gateway, "getLearnedRoutes", cancellationToken).ConfigureAwait(false);
                }
                foreach (var nic in _options.EffectiveRouteNetworkInterfaceIds)
                    await actions.RunAsync(nic, "effectiveRouteTable", cancellationToken).ConfigureAwait(false);
                secretsRemoved += actions.SecretsRemoved;

                cancellationToken.ThrowIfCancellationRequested();
                writer.Commit(coverage.ToJson());
                watch.Stop();
                var denied = coverage.Denied.Select(g => g.Type == null && g.Operation == null ? g.Scope : g.Scope + " (" + (g.Type ?? g.Operation) + ")").ToList();
                _observer.Progress("Export", inventory.Pages, writer.ResourceCount);
                return new ExportSummary(System.IO.Path.GetFullPath(outputPath), writer.ResourceCount, writer.ResultCount, inventory.Pages,
                    client.Attempts, watch.Elapsed, coverage.Complete, denied, secretsRemoved);
            }
        }

        /// <summary>Ids of the resources whose children or actions are read after the inventory.</summary>
        private sealed class FoundResources
        {
            public List<string> NetworkManagers { get; } = new List<string>();
            public List<string> VirtualHubs { get; } = new List<string>();
            public List<string> VirtualNetworkGateways { get; } = new List<string>();

            public void Note(JsonObject resource)
            {
                var type = ResourceGraphInventory.StringOrNull(resource["type"]);
                var id = ResourceGraphInventory.StringOrNull(resource["id"]);
                if (type == null || id == null) return;
                if (type.Equals("Microsoft.Network/networkManagers", StringComparison.OrdinalIgnoreCase)) NetworkManagers.Add(id);
                else if (type.Equals("Microsoft.Network/virtualHubs", StringComparison.OrdinalIgnoreCase)) VirtualHubs.Add(id);
                else if (type.Equals("Microsoft.Network/virtualNetworkGateways", StringComparison.OrdinalIgnoreCase)) VirtualNetworkGateways.Add(id);
            }
        }

        /// <summary>Child resources Resource Graph lacks, read with ARM list calls and written as resources.</summary>
        private sealed class ChildReader
        {
            private readonly ArmClient _client;
            private readonly ExportCoverage _coverage;
            private readonly IExportObserver _observer;
            private readonly Action<JsonObject> _emit;
            private int _calls;
            private int _items;

            public ChildReader(ArmClient client, ExportCoverage coverage, IExportObserver observer, Action<JsonObject> emit)
            {
                _client = client;
                _coverage = coverage;
                _observer = observer;
                _emit = emit;
            }

            public int SecretsRemoved { get; private set; }

            public async Task<List<JsonObject>> ListAsync(string parentId, string child, CancellationToken cancellationToken)
            {
                var url = _client.Url(parentId + "/" + child + "?api-version=" + NetworkApiVersion);
                var result = await ArmList.ReadAsync(_client, url, cancellationToken).ConfigureAwait(false);
                _calls++;
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
                _observer.Progress("ARM child resources", _calls, _items);
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

        /// <summary>ARM actions whose bodies are written as results.</summary>
        private sealed class ActionReader
        {
            private readonly ArmClient _client;
            private readonly ExportOptions _options;
            private readonly ExportCoverage _coverage;
            private readonly IExportObserver _observer;
            private readonly SnapshotWriter _writer;

            public ActionReader(ArmClient client, ExportOptions options, ExportCoverage coverage, IExportObserver observer, SnapshotWriter writer)
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
                var url = _client.Url(networkManagerId + "/" + operation + "?api-version=" + NetworkApiVersion);
                JsonObject? first = null;
                string? skipToken = null;
                do
                {
                    var body = new JsonObject
                    {
                        ["regions"] = new JsonArray(),
                        ["deploymentTypes"] = new JsonArray(JsonValue.Create("Connectivity")),
                    };
                    if (skipToken != null) body["skipToken"] = skipToken;
                    var outcome = await LongRunningAction.PostAsync(_client, url, body, _options, _observer, cancellationToken).ConfigureAwait(false);
                    if (!outcome.Succeeded)
                    {
                        Record(networkManagerId, operation, outcome);
                        return;
                    }
                    var page = outcome.Body as JsonObject ?? new JsonObject();
                    skipToken = ResourceGraphInventory.StringOrNull(page["skipToken"]);
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

            public async Task RunAsync(string resourceId, string operation, CancellationToken cancellationToken)
            {
                var url = _client.Url(resourceId + "/" + operation + "?api-version=" + NetworkApiVersion);
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
}
