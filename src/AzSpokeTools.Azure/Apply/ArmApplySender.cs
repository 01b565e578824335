using System;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using AzSpokeTools.Azure.Arm;
using AzSpokeTools.Azure.Export;
using AzSpokeTools.Azure.Identity;
using AzSpokeTools.Azure.ResourceGraph;
using AzSpokeTools.Azure.Transport;
using AzSpokeTools.Engine.Migration;

namespace AzSpokeTools.Azure.Apply
{
    /// <summary>
    /// Sends the mesh apply step's requests to ARM through the live layer's pipeline (bearer token, retries honouring
    /// Retry-After on 408/429/5xx, same-endpoint guard): GET, PUT and DELETE (following the asynchronous operation to its end) and POST
    /// actions (following Location / Azure-AsyncOperation). Failures come back as replies, never as partial state.
    /// </summary>
    public sealed class ArmApplySender : IArmRequestSender
    {
        private readonly ArmClient _client;
        private readonly ExportOptions _options;
        private readonly IExportObserver _observer;
        private readonly CancellationToken _cancellation;

        /// <summary>
        /// Connects with the identity and endpoint of <paramref name="connection"/> (AccessToken, Credential, Environment,
        /// ArmEndpoint, retries and transport are used; the export scope fields are ignored).
        /// </summary>
        public ArmApplySender(ExportOptions connection, IExportObserver? observer = null, CancellationToken cancellationToken = default)
        {
            _options = connection ?? throw new ArgumentNullException(nameof(connection));
            _observer = observer ?? NullExportObserver.Instance;
            _cancellation = cancellationToken;
            var cloud = AzureCloud.Resolve(connection.Environment, connection.ArmEndpoint);
            _client = new ArmClient(cloud, connection.ResolveCredential(cloud), connection, _observer);
        }

        /// <summary>HTTP attempts so far (retries and polls included).</summary>
        public int Attempts => _client.Attempts;

        public ArmReply Send(string method, string pathAndQuery, JsonObject? body) =>
            Task.Run(() => SendAsync(method, pathAndQuery, body)).GetAwaiter().GetResult();

        public void Wait(TimeSpan delay) => Task.Delay(delay, _cancellation).GetAwaiter().GetResult();

        private async Task<ArmReply> SendAsync(string method, string pathAndQuery, JsonObject? body)
        {
            var url = _client.Url(pathAndQuery);
            try
            {
                switch (method)
                {
                    case "GET":
                        return Reply(await _client.GetAsync(url, _cancellation).ConfigureAwait(false));
                    case "PUT":
                    {
                        var put = await _client.PutAsync(url, body ?? new JsonObject(), _cancellation).ConfigureAwait(false);
                        var operation = put.Header("Azure-AsyncOperation");
                        if ((put.Status == 201 || put.Status == 202) && !string.IsNullOrEmpty(operation))
                            return await FollowAsync(url, new Uri(operation, UriKind.Absolute), put).ConfigureAwait(false);
                        return Reply(put);
                    }
                    case "DELETE":
                    {
                        var delete = await _client.DeleteAsync(url, _cancellation).ConfigureAwait(false);
                        var operation = delete.Header("Azure-AsyncOperation") ?? delete.Header("Location");
                        if (delete.Status == 202 && !string.IsNullOrEmpty(operation))
                            return await FollowAsync(url, new Uri(operation, UriKind.Absolute), delete, readResource: false).ConfigureAwait(false);
                        return Reply(delete);
                    }
                    case "POST":
                    {
                        var outcome = await LongRunningAction.PostAsync(_client, url, body, _options, _observer, _cancellation).ConfigureAwait(false);
                        return outcome.Succeeded ? new ArmReply(200, outcome.Body) : new ArmReply(outcome.Status, null, outcome.Message);
                    }
                    default:
                        throw new ArgumentException("unsupported method " + method, nameof(method));
                }
            }
            catch (AzureExportException ex)
            {
                return new ArmReply(ex.Status, null, ex.Message);
            }
        }

        /// <summary>Polls a PUT's (or DELETE's) asynchronous operation until it ends, then reads the resource (after a PUT).</summary>
        private async Task<ArmReply> FollowAsync(Uri resource, Uri operation, ArmResponse accepted, bool readResource = true)
        {
            var deadline = DateTimeOffset.UtcNow + _options.MaxPollDuration;
            var delay = accepted.RetryAfter ?? _options.PollInterval;
            while (DateTimeOffset.UtcNow + delay <= deadline)
            {
                await Task.Delay(delay, _cancellation).ConfigureAwait(false);
                var status = await _client.GetAsync(operation, _cancellation).ConfigureAwait(false);
                if (!status.IsSuccess) return Reply(status);
                // An Azure-AsyncOperation body carries a status; a Location poll answers 202 until done, then 200 or 204.
                var state = ResourceGraphInventory.StringOrNull(status.Body?["status"]) ?? (status.Status == 202 ? "InProgress" : "Succeeded");
                if (state.Equals("Succeeded", StringComparison.OrdinalIgnoreCase))
                    return readResource ? Reply(await _client.GetAsync(resource, _cancellation).ConfigureAwait(false)) : new ArmReply(200, null);
                if (state.Equals("Failed", StringComparison.OrdinalIgnoreCase) || state.Equals("Canceled", StringComparison.OrdinalIgnoreCase))
                    return new ArmReply(status.Status == 200 ? 409 : status.Status, status.Body, "the operation ended " + state + ": " + status.ErrorMessage);
                delay = status.RetryAfter ?? _options.PollInterval;
            }
            return new ArmReply(408, null, "the operation did not finish within " + _options.MaxPollDuration);
        }

        private static ArmReply Reply(ArmResponse r) => new ArmReply(r.Status, r.Body, r.IsSuccess ? null : r.ErrorMessage);
    }
}
