using System;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using AzSpokeTools.Azure.Export;
using AzSpokeTools.Azure.ResourceGraph;
using AzSpokeTools.Azure.Transport;

namespace AzSpokeTools.Azure.Arm
{
    /// <summary>
    /// A POST action on a resource (<c>listDeploymentStatus</c>, <c>getLearnedRoutes</c>,
    /// <c>effectiveRouteTable</c>). 200 carries the body. 201/202 start a long-running operation: it is
    /// polled through <c>Azure-AsyncOperation</c> (until Succeeded, then the final body from
    /// <c>Location</c>) or <c>Location</c> (202 until 200 with the body), waiting as each response's
    /// Retry-After says, else <see cref="ExportOptions.PollInterval"/>.
    /// </summary>
    internal static class LongRunningAction
    {
        public static async Task<ActionOutcome> PostAsync(
            ArmClient client, Uri url, JsonNode? body, ExportOptions options, IExportObserver observer, CancellationToken cancellationToken)
        {
            var response = await client.PostAsync(url, body, cancellationToken).ConfigureAwait(false);
            switch (response.Status)
            {
                case 200:
                    return ActionOutcome.Done(response.Body);
                case 204:
                    return ActionOutcome.Done(null);
                case 201:
                case 202:
                    return await PollAsync(client, response, options, observer, cancellationToken).ConfigureAwait(false);
                default:
                    return Refused(url, response);
            }
        }

        private static async Task<ActionOutcome> PollAsync(
            ArmClient client, ArmResponse accepted, ExportOptions options, IExportObserver observer, CancellationToken cancellationToken)
        {
            var location = Absolute(accepted.Header("Location"));
            var asyncOperation = Absolute(accepted.Header("Azure-AsyncOperation"));
            if (location == null && asyncOperation == null)
                return ActionOutcome.Failed(accepted.Status, "The service accepted the action but gave neither Location nor Azure-AsyncOperation to poll.");
            var deadline = DateTimeOffset.UtcNow + options.MaxPollDuration;
            var delay = accepted.RetryAfter ?? options.PollInterval;
            int polls = 0;
            while (true)
            {
                if (DateTimeOffset.UtcNow + delay > deadline)
                    return ActionOutcome.Failed(accepted.Status, "The long-running action did not finish within " + options.MaxPollDuration + ".");
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                polls++;
                if (asyncOperation != null)
                {
                    var status = await client.GetAsync(asyncOperation, cancellationToken).ConfigureAwait(false);
                    if (!status.IsSuccess) return Refused(asyncOperation, status);
                    var state = ResourceGraphInventory.StringOrNull(status.Body?["status"]) ?? "InProgress";
                    if (state.Equals("Succeeded", StringComparison.OrdinalIgnoreCase))
                    {
                        if (location == null) return ActionOutcome.Done(status.Body?["properties"]?.DeepClone());
                        asyncOperation = null;
                        delay = TimeSpan.Zero;
                        continue;
                    }
                    if (state.Equals("Failed", StringComparison.OrdinalIgnoreCase) || state.Equals("Canceled", StringComparison.OrdinalIgnoreCase))
                        return ActionOutcome.Failed(status.Status, "The long-running action ended " + state + ": " + status.ErrorMessage);
                    delay = status.RetryAfter ?? options.PollInterval;
                    continue;
                }

                var poll = await client.GetAsync(location!, cancellationToken).ConfigureAwait(false);
                if (poll.Status == 200 || poll.Status == 204)
                {
                    observer.Verbose("Long-running action finished after " + polls.ToString(CultureInfo.InvariantCulture) + " polls.");
                    return ActionOutcome.Done(poll.Status == 200 ? poll.Body : null);
                }
                if (poll.Status == 201 || poll.Status == 202)
                {
                    location = Absolute(poll.Header("Location")) ?? location;
                    delay = poll.RetryAfter ?? options.PollInterval;
                    continue;
                }
                return Refused(location!, poll);
            }
        }

        private static ActionOutcome Refused(Uri url, ArmResponse response)
        {
            if (response.Status >= 500)
                throw new AzureExportException("POST " + RequestLogPolicy.RedactUrl(url) + " failed: " + response.ErrorMessage, response.Status);
            return response.Status == 401 || response.Status == 403
                ? ActionOutcome.Denied(response.Status, response.ErrorMessage)
                : ActionOutcome.Failed(response.Status, response.ErrorMessage);
        }

        private static Uri? Absolute(string? url) => string.IsNullOrEmpty(url) ? null : new Uri(url, UriKind.Absolute);
    }

    /// <summary>The body of a finished action, or why there is none.</summary>
    internal sealed class ActionOutcome
    {
        private ActionOutcome(bool succeeded, bool denied, JsonNode? body, int status, string? message)
        {
            Succeeded = succeeded;
            IsDenied = denied;
            Body = body;
            Status = status;
            Message = message;
        }

        public bool Succeeded { get; }
        public bool IsDenied { get; }
        public JsonNode? Body { get; }
        public int Status { get; }
        public string? Message { get; }

        public static ActionOutcome Done(JsonNode? body) => new ActionOutcome(true, false, body, 200, null);
        public static ActionOutcome Denied(int status, string message) => new ActionOutcome(false, true, null, status, message);
        public static ActionOutcome Failed(int status, string message) => new ActionOutcome(false, false, null, status, message);
    }
}
