using System;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;
using Azure.Core.Pipeline;
using AzSpokeTools.Azure.Export;

namespace AzSpokeTools.Azure.Transport
{
    /// <summary>
    /// Per-attempt pipeline policy: counts HTTP attempts and writes one verbose line per attempt with the
    /// request ids, method, redacted URL, status and elapsed milliseconds. It never reads the
    /// Authorization header or request bodies.
    /// </summary>
    internal sealed class RequestLogPolicy : HttpPipelinePolicy
    {
        private readonly IExportObserver _observer;
        private int _attempts;

        public RequestLogPolicy(IExportObserver observer)
        {
            _observer = observer;
        }

        /// <summary>HTTP attempts made so far, retries included.</summary>
        public int Attempts => Volatile.Read(ref _attempts);

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            var watch = Stopwatch.StartNew();
            Interlocked.Increment(ref _attempts);
            try
            {
                ProcessNext(message, pipeline);
                Log(message, watch, null);
            }
            catch (Exception ex)
            {
                Log(message, watch, ex);
                throw;
            }
        }

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            var watch = Stopwatch.StartNew();
            Interlocked.Increment(ref _attempts);
            try
            {
                await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
                Log(message, watch, null);
            }
            catch (Exception ex)
            {
                Log(message, watch, ex);
                throw;
            }
        }

        private void Log(HttpMessage message, Stopwatch watch, Exception? failure)
        {
            var line = new StringBuilder();
            line.Append(message.Request.Method.Method).Append(' ').Append(RedactUrl(message.Request.Uri.ToUri()));
            if (failure != null || !message.HasResponse)
            {
                line.Append(" -> ").Append(failure is OperationCanceledException ? "timed out or cancelled" : failure?.GetType().Name ?? "no response");
            }
            else
            {
                var response = message.Response;
                line.Append(" -> ").Append(response.Status.ToString(CultureInfo.InvariantCulture));
                if (response.Headers.TryGetValue("x-ms-request-id", out var requestId)) line.Append(" x-ms-request-id=").Append(requestId);
                if (response.Headers.TryGetValue("x-ms-correlation-request-id", out var correlation)) line.Append(" x-ms-correlation-request-id=").Append(correlation);
                if (response.Headers.TryGetValue("Retry-After", out var retryAfter)) line.Append(" retry-after=").Append(retryAfter);
            }
            line.Append(" in ").Append(watch.ElapsedMilliseconds.ToString(CultureInfo.InvariantCulture)).Append(" ms");
            _observer.Verbose(line.ToString());
        }

        /// <summary>
        /// The URL with every query value except <c>api-version</c> replaced by <c>***</c>: operation-status
        /// and nextLink URLs can carry signatures or tokens.
        /// </summary>
        internal static string RedactUrl(Uri uri)
        {
            var left = uri.GetLeftPart(UriPartial.Path);
            var query = uri.Query;
            if (string.IsNullOrEmpty(query) || query == "?") return left;
            var parts = query.TrimStart('?').Split('&');
            for (int i = 0; i < parts.Length; i++)
            {
                int eq = parts[i].IndexOf('=');
                var name = eq < 0 ? parts[i] : parts[i].Substring(0, eq);
                if (!name.Equals("api-version", StringComparison.OrdinalIgnoreCase)) parts[i] = name + "=***";
            }
            return left + "?" + string.Join("&", parts);
        }
    }
}
