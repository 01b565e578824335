using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using AzSpokeTools.Azure.Export;
using AzSpokeTools.Azure.Snapshot;
using AzSpokeTools.Azure.Transport;

namespace AzSpokeTools.Azure.ResourceGraph
{
    /// <summary>
    /// Bulk inventory through Resource Graph: subscriptions batched (up to 1000 per request), pages of
    /// <c>$top</c> rows chained by <c>$skipToken</c>, quota honoured. A 403 for a batch is narrowed down by
    /// splitting the batch in halves until the denied subscriptions are isolated; they are recorded in
    /// coverage and the rest is read. Each row is emitted once, in ARM shape, secrets removed.
    /// </summary>
    internal sealed class ResourceGraphInventory
    {
        private const string Activity = "Resource Graph";
        private readonly ArmClient _client;
        private readonly ExportOptions _options;
        private readonly ExportCoverage _coverage;
        private readonly IExportObserver _observer;
        private readonly ResourceGraphQuota _quota;
        private readonly HashSet<string> _emitted = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        public ResourceGraphInventory(ArmClient client, ExportOptions options, ExportCoverage coverage, IExportObserver observer)
        {
            _client = client;
            _options = options;
            _coverage = coverage;
            _observer = observer;
            _quota = new ResourceGraphQuota(observer);
        }

        public int Pages { get; private set; }

        public int Rows => _emitted.Count;

        public int SecretsRemoved { get; private set; }

        public TimeSpan QuotaWaited => _quota.Waited;

        /// <summary>Reads every subscription, in batches.</summary>
        public async Task ReadSubscriptionsAsync(IReadOnlyList<string> subscriptions, Action<JsonObject> emit, CancellationToken cancellationToken)
        {
            for (int start = 0; start < subscriptions.Count; start += _options.SubscriptionBatchSize)
            {
                var batch = subscriptions.Skip(start).Take(_options.SubscriptionBatchSize).ToList();
                await ReadNarrowingAsync(batch, emit, cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>Reads one management group (and the subscriptions under it).</summary>
        public async Task ReadManagementGroupAsync(string managementGroup, Action<JsonObject> emit, CancellationToken cancellationToken)
        {
            var scope = ResourceGraphScope.ForManagementGroup(managementGroup);
            var denied = await ReadScopeAsync(scope, emit, cancellationToken).ConfigureAwait(false);
            if (denied != null) Deny(scope, denied);
        }

        private async Task ReadNarrowingAsync(IReadOnlyList<string> subscriptions, Action<JsonObject> emit, CancellationToken cancellationToken)
        {
            var scope = ResourceGraphScope.ForSubscriptions(subscriptions);
            var denied = await ReadScopeAsync(scope, emit, cancellationToken).ConfigureAwait(false);
            if (denied == null) return;
            if (subscriptions.Count == 1)
            {
                Deny(scope, denied);
                return;
            }
            _observer.Verbose("Resource Graph denied a batch of " + subscriptions.Count.ToString(CultureInfo.InvariantCulture) + " subscriptions; splitting it to find the denied ones.");
            int half = subscriptions.Count / 2;
            await ReadNarrowingAsync(subscriptions.Take(half).ToList(), emit, cancellationToken).ConfigureAwait(false);
            await ReadNarrowingAsync(subscriptions.Skip(half).ToList(), emit, cancellationToken).ConfigureAwait(false);
        }

        private void Deny(ResourceGraphScope scope, ArmResponse denied)
        {
            _coverage.Deny(scope.CoverageScope, null, null, denied.Status, denied.ErrorMessage);
            _observer.Warning("Access denied to " + scope.CoverageScope + " (" + denied.ErrorMessage + "); the snapshot does not cover it.");
        }

        /// <summary>Pages through one scope; returns the 401/403 response when the scope is denied, else null.</summary>
        private async Task<ArmResponse?> ReadScopeAsync(ResourceGraphScope scope, Action<JsonObject> emit, CancellationToken cancellationToken)
        {
            string? skipToken = null;
            var url = _client.Url(ResourceGraphQuery.Path);
            long? totalRecords = null;
            long received = 0;
            do
            {
                await _quota.WaitIfExhaustedAsync(cancellationToken).ConfigureAwait(false);
                var body = new JsonObject();
                scope.AddTo(body);
                body["query"] = ResourceGraphQuery.Text;
                var requestOptions = new JsonObject { ["$top"] = _options.PageSize, ["resultFormat"] = "objectArray" };
                if (skipToken != null) requestOptions["$skipToken"] = skipToken;
                body["options"] = requestOptions;

                var response = await _client.PostAsync(url, body, cancellationToken).ConfigureAwait(false);
                _quota.Observe(response);
                if (response.Status == 403) return response;
                if (!response.IsSuccess)
                    throw new AzureExportException("Resource Graph query for " + scope.CoverageScope + " failed: " + response.ErrorMessage, response.Status);

                if (!(response.Body is JsonObject result) || !(result["data"] is JsonArray data))
                    throw new AzureExportException("Resource Graph returned a response without a 'data' array for " + scope.CoverageScope + ".", response.Status);

                for (int i = 0; i < data.Count; i++)
                {
                    string id;
                    JsonObject resource;
                    try
                    {
                        if (!(data[i] is JsonObject row) || !(row["id"] is JsonValue idValue) || idValue.GetValueKind() != JsonValueKind.String)
                            throw new AzureExportException("Resource Graph row data[" + i.ToString(CultureInfo.InvariantCulture) + "] has no string 'id'.", response.Status);
                        id = (string)idValue!;
                        resource = row;
                        if (_emitted.Contains(id))
                        {
                            _observer.Warning("Resource Graph returned " + id + " twice; it is written once.");
                            continue;
                        }
                        resource = ToArmResource(row);
                    }
                    catch (Exception ex) when (ex is ArgumentException || ex is InvalidOperationException)
                    {
                        throw new AzureExportException("Resource Graph row data[" + i.ToString(CultureInfo.InvariantCulture) + "] is malformed: " + ex.Message, response.Status, ex);
                    }
                    _emitted.Add(id);
                    emit(resource);
                }
                received += data.Count;
                if (totalRecords == null && result["totalRecords"] is JsonValue total && total.GetValueKind() == JsonValueKind.Number)
                    totalRecords = (long)total;
                Pages++;
                _observer.Progress(Activity, Pages, _emitted.Count);

                var nextToken = StringOrNull(result["$skipToken"]);
                if (nextToken != null && nextToken == skipToken)
                    throw new AzureExportException("Resource Graph returned the same $skipToken twice for " + scope.CoverageScope + "; stopping instead of looping.", response.Status);
                skipToken = nextToken;
                if (skipToken == null && IsTrue(result["resultTruncated"]))
                {
                    _coverage.Fail(scope.CoverageScope, null, null, response.Status, "Resource Graph truncated the result and gave no $skipToken.");
                    _observer.Warning("Resource Graph truncated the result for " + scope.CoverageScope + "; the snapshot may miss resources there.");
                }
            }
            while (skipToken != null);
            if (totalRecords != null && totalRecords.Value != received)
            {
                _observer.Warning("Resource Graph reported " + totalRecords.Value.ToString(CultureInfo.InvariantCulture) + " records for " + scope.CoverageScope
                    + " but returned " + received.ToString(CultureInfo.InvariantCulture) + "; resources may have changed during the capture.");
            }
            return null;
        }

        /// <summary>Removes the helper columns and empty optional ARM columns; removes secrets.</summary>
        private JsonObject ToArmResource(JsonObject row)
        {
            foreach (var helper in ResourceGraphQuery.HelperColumns) row.Remove(helper);
            foreach (var optional in ResourceGraphQuery.OptionalArmColumns)
            {
                if (!row.TryGetPropertyValue(optional, out var value)) continue;
                if (value == null || (value is JsonValue v && v.GetValueKind() == JsonValueKind.String && ((string?)v)?.Length == 0))
                    row.Remove(optional);
            }
            SecretsRemoved += SecretScrubber.Scrub(row);
            return row;
        }

        internal static string? StringOrNull(JsonNode? node)
            => node is JsonValue v && v.GetValueKind() == JsonValueKind.String && ((string?)v)?.Length > 0 ? (string?)v : null;

        private static bool IsTrue(JsonNode? node)
        {
            if (!(node is JsonValue v)) return false;
            if (v.GetValueKind() == JsonValueKind.True) return true;
            return v.GetValueKind() == JsonValueKind.String && string.Equals((string?)v, "true", StringComparison.OrdinalIgnoreCase);
        }
    }
}
