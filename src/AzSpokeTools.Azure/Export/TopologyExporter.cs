using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
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
    /// Pulls an estate's network topology from Azure into a snapshot (a file, or memory for the loader): the top-level types through
    /// Resource Graph; AVNM network groups, static members and connectivity configurations and virtual
    /// hub connections, route tables and routing intent, and Route Server BGP connections and IP configurations through ARM
    /// list calls; AVNM <c>listDeploymentStatus</c>, and on request gateway <c>getLearnedRoutes</c>, Route Server BGP connection
    /// learned and advertised routes and NIC <c>effectiveRouteTable</c>, as <c>results</c>. Read-only: only GET and those POST actions are sent.
    /// Denied scopes are recorded in <c>coverage</c> and reported as warnings; the snapshot is committed only when
    /// the whole capture succeeded.
    /// </summary>
    public sealed class TopologyExporter
    {
        /// <summary>API version of the Microsoft.Network calls made directly on ARM.</summary>
        public const string NetworkApiVersion = "2024-05-01";

        private readonly ExportOptions _options;
        private readonly IExportObserver _observer;

        /// <summary>Creates an exporter; nothing is sent until <see cref="ExportAsync(AzSpokeTools.Azure.Snapshot.SnapshotSink, CancellationToken)"/>.</summary>
        public TopologyExporter(ExportOptions options, IExportObserver? observer = null)
        {
            _options = options ?? throw new ArgumentNullException(nameof(options));
            _observer = observer ?? NullExportObserver.Instance;
        }

        /// <summary>Runs the export and writes the snapshot to the file <paramref name="outputPath"/> (atomically).</summary>
        /// <exception cref="ArgumentException">Bad options or output path (nothing was sent).</exception>
        /// <exception cref="AzureExportException">Azure or the network failed; no file was written.</exception>
        /// <exception cref="OperationCanceledException">Cancelled; no file was written.</exception>
        public async Task<ExportSummary> ExportAsync(string outputPath, CancellationToken cancellationToken = default)
        {
            _options.Validate();
            using var sink = new FileSnapshotSink(outputPath);
            return await ExportAsync(sink, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Runs the export into <paramref name="sink"/>, committed only when the whole capture succeeded (the caller disposes the
        /// sink): a <see cref="FileSnapshotSink"/> for a file, a <see cref="MemorySnapshotSink"/> for a live read that goes to the
        /// loader without one.
        /// </summary>
        /// <exception cref="ArgumentException">Bad options (nothing was sent).</exception>
        /// <exception cref="AzureExportException">Azure or the network failed; nothing was committed.</exception>
        /// <exception cref="OperationCanceledException">Cancelled; nothing was committed.</exception>
        public async Task<ExportSummary> ExportAsync(SnapshotSink sink, CancellationToken cancellationToken = default)
        {
            if (sink == null) throw new ArgumentNullException(nameof(sink));
            _options.Validate();
            var watch = Stopwatch.StartNew();
            var cloud = AzureCloud.Resolve(_options.Environment, _options.ArmEndpoint);
            var client = new ArmClient(cloud, _options.ResolveCredential(cloud), _options, _observer);
            var coverage = new ExportCoverage();
            var capturedAt = DateTimeOffset.UtcNow;

            IReadOnlyList<string> subscriptions = _options.SubscriptionIds.ToList();
            if (_options.ManagementGroupId == null && subscriptions.Count == 0)
                subscriptions = await SubscriptionDirectory.ListAsync(client, _observer, cancellationToken).ConfigureAwait(false);
            else if (subscriptions.Count > 0)
                subscriptions = await SubscriptionDirectory.VisibleAsync(client, subscriptions, coverage, _observer, cancellationToken).ConfigureAwait(false);

            var source = new JsonObject
            {
                ["kind"] = "azure",
                ["tool"] = "AzSpokeTools " + typeof(TopologyExporter).Assembly.GetName().Version,
                ["environment"] = cloud.Name,
                ["armEndpoint"] = cloud.ResourceManagerEndpoint.AbsoluteUri.TrimEnd('/'),
                ["managementGroup"] = _options.ManagementGroupId,
                ["subscriptions"] = new JsonArray(_options.SubscriptionIds.Count > 0 ? _options.SubscriptionIds.Select(s => (JsonNode?)JsonValue.Create(s)).ToArray()
                    : subscriptions.Select(s => (JsonNode?)JsonValue.Create(s)).ToArray()),
                ["query"] = ResourceGraphQuery.Text,
            };

            using (var writer = new SnapshotWriter(sink, capturedAt, source))
            {
                var found = new FollowUpTargets();
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

                var children = new ChildResourceReader(client, coverage, _observer, emit);
                foreach (var networkManager in found.NetworkManagers)
                {
                    var groups = await children.ListAsync(networkManager, "networkGroups", cancellationToken).ConfigureAwait(false);
                    foreach (var group in groups)
                    {
                        var groupId = ResourceGraphInventory.StringOrNull(group["id"]);
                        if (groupId != null) await children.ListAsync(groupId, "staticMembers", cancellationToken).ConfigureAwait(false);
                    }
                    await children.ListAsync(networkManager, "connectivityConfigurations", cancellationToken).ConfigureAwait(false);
                    // REST: SecurityAdminConfigurations_List, AdminRuleCollections_List, AdminRules_List.
                    foreach (var configuration in await children.ListAsync(networkManager, "securityAdminConfigurations", cancellationToken).ConfigureAwait(false))
                    {
                        if (ResourceGraphInventory.StringOrNull(configuration["id"]) is not string configurationId) continue;
                        foreach (var collection in await children.ListAsync(configurationId, "ruleCollections", cancellationToken).ConfigureAwait(false))
                            if (ResourceGraphInventory.StringOrNull(collection["id"]) is string collectionId)
                                await children.ListAsync(collectionId, "rules", cancellationToken).ConfigureAwait(false);
                    }
                }
                // REST: FirewallPolicyRuleCollectionGroups_List.
                foreach (var policy in found.FirewallPolicies)
                    await children.ListAsync(policy, "ruleCollectionGroups", cancellationToken).ConfigureAwait(false);
                foreach (var hub in found.VirtualHubs)
                {
                    await children.ListAsync(hub, "hubVirtualNetworkConnections", cancellationToken).ConfigureAwait(false);
                    await children.ListAsync(hub, "hubRouteTables", cancellationToken).ConfigureAwait(false);
                    await children.ListAsync(hub, "routingIntent", cancellationToken).ConfigureAwait(false);
                }
                var bgpConnections = new List<string>();
                foreach (var routeServer in found.RouteServers)
                {
                    // REST: VirtualHubBgpConnections_List and VirtualHubIpConfiguration_List (the peers and the RouteServerSubnet).
                    foreach (var peer in await children.ListAsync(routeServer, "bgpConnections", cancellationToken).ConfigureAwait(false))
                        if (ResourceGraphInventory.StringOrNull(peer["id"]) is string peerId) bgpConnections.Add(peerId);
                    await children.ListAsync(routeServer, "ipConfigurations", cancellationToken).ConfigureAwait(false);
                }
                secretsRemoved += children.SecretsRemoved;

                var actions = new ArmActionReader(client, _options, coverage, _observer, writer);
                foreach (var networkManager in found.NetworkManagers)
                    await actions.ListDeploymentStatusAsync(networkManager, cancellationToken).ConfigureAwait(false);
                if (_options.IncludeLearnedRoutes)
                {
                    foreach (var gateway in found.VirtualNetworkGateways)
                        await actions.RunAsync(gateway, "getLearnedRoutes", cancellationToken).ConfigureAwait(false);
                    // REST: VirtualHubBgpConnections_ListLearnedRoutes / _ListAdvertisedRoutes (POST .../learnedRoutes, .../advertisedRoutes),
                    // recorded as getLearnedRoutes / getAdvertisedRoutes scoped to the BGP connection.
                    foreach (var peer in bgpConnections)
                    {
                        await actions.RunAsync(peer, "learnedRoutes", "getLearnedRoutes", cancellationToken).ConfigureAwait(false);
                        await actions.RunAsync(peer, "advertisedRoutes", "getAdvertisedRoutes", cancellationToken).ConfigureAwait(false);
                    }
                }
                foreach (var nic in _options.EffectiveRouteNetworkInterfaceIds)
                    await actions.RunAsync(nic, "effectiveRouteTable", cancellationToken).ConfigureAwait(false);
                // REST: NetworkInterfaces_ListEffectiveNetworkSecurityGroups (POST .../effectiveNetworkSecurityGroups), ground truth for verify.
                foreach (var nic in _options.EffectiveSecurityNetworkInterfaceIds)
                    await actions.RunAsync(nic, "effectiveNetworkSecurityGroups", cancellationToken).ConfigureAwait(false);
                secretsRemoved += actions.SecretsRemoved;

                cancellationToken.ThrowIfCancellationRequested();
                writer.Commit(coverage.ToJson());
                watch.Stop();
                var denied = coverage.Denied.Select(g => g.Type == null && g.Operation == null ? g.Scope : g.Scope + " (" + (g.Type ?? g.Operation) + ")").ToList();
                _observer.Progress("Export", inventory.Pages, writer.ResourceCount);
                return new ExportSummary(sink.Name, writer.ResourceCount, writer.ResultCount, inventory.Pages,
                    client.Attempts, watch.Elapsed, coverage.Complete, denied, secretsRemoved);
            }
        }
    }
}
