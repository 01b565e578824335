using System;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;
using AzSpokeTools.Azure.Export;
using AzSpokeTools.Azure.Identity;

namespace AzSpokeTools.Azure.Transport
{
    /// <summary>
    /// Access to one ARM endpoint through an Azure.Core <see cref="HttpPipeline"/>: bearer-token
    /// auth for <c>{arm}/.default</c>, retries honouring Retry-After on 408/429/5xx and timeouts, a
    /// per-attempt network timeout, and a verbose line per attempt. The export sends only GET and POST; PUT
    /// is used by the mesh apply step alone (<see cref="Apply.ArmApplySender"/>). Requests go only to the ARM
    /// endpoint's own scheme, host and port (nextLink / Location URLs pointing elsewhere
    /// are refused, so the token cannot leak to another host).
    /// </summary>
    internal sealed class ArmClient
    {
        /// <summary>Test seam: a transport for code paths that build their own options (the CLI).</summary>
        internal static readonly AsyncLocal<HttpPipelineTransport?> TransportOverride = new AsyncLocal<HttpPipelineTransport?>();

        private readonly HttpPipeline _pipeline;
        private readonly RequestLogPolicy _log;

        public ArmClient(AzureCloud cloud, TokenCredential credential, ExportOptions options, IExportObserver observer)
        {
            Endpoint = cloud.ResourceManagerEndpoint;
            var clientOptions = new PipelineOptions();
            clientOptions.Retry.Mode = RetryMode.Exponential;
            clientOptions.Retry.MaxRetries = options.MaxRetries;
            clientOptions.Retry.Delay = options.RetryDelay;
            clientOptions.Retry.MaxDelay = options.MaxRetryDelay;
            clientOptions.Retry.NetworkTimeout = options.RequestTimeout;
            // The same retries, except that connection failures stop within the connection retry budget.
            clientOptions.RetryPolicy = new ArmRetryPolicy(options);
            clientOptions.Diagnostics.IsLoggingEnabled = false;
            clientOptions.Diagnostics.IsDistributedTracingEnabled = false;
            clientOptions.Diagnostics.ApplicationId = "AzSpokeTools";
            var transport = options.Transport ?? TransportOverride.Value;
            if (transport != null) clientOptions.Transport = transport;
            _log = new RequestLogPolicy(observer);
            _pipeline = HttpPipelineBuilder.Build(
                clientOptions,
                Array.Empty<HttpPipelinePolicy>(),
                new HttpPipelinePolicy[] { new BearerTokenAuthenticationPolicy(credential, cloud.TokenScope), _log },
                new ResponseClassifier());
        }

        /// <summary>The ARM endpoint, without a trailing slash.</summary>
        public Uri Endpoint { get; }

        /// <summary>HTTP attempts made so far, retries and polls included.</summary>
        public int Attempts => _log.Attempts;

        /// <summary>An absolute URL for an ARM path such as <c>/subscriptions/x/...</c>.</summary>
        public Uri Url(string pathAndQuery) => new Uri(Endpoint.AbsoluteUri.TrimEnd('/') + pathAndQuery);

        public Task<ArmResponse> GetAsync(Uri url, CancellationToken cancellationToken)
            => SendAsync(RequestMethod.Get, url, null, cancellationToken);

        public Task<ArmResponse> PostAsync(Uri url, JsonNode? body, CancellationToken cancellationToken)
            => SendAsync(RequestMethod.Post, url, body, cancellationToken);

        /// <summary>PUT, for the mesh apply step only (create or update AVNM resources it owns).</summary>
        public Task<ArmResponse> PutAsync(Uri url, JsonNode body, CancellationToken cancellationToken)
            => SendAsync(RequestMethod.Put, url, body, cancellationToken);

        /// <summary>DELETE, for the mesh apply step only (routes the mesh replaces, temporary AVNM resources it owns).</summary>
        public Task<ArmResponse> DeleteAsync(Uri url, CancellationToken cancellationToken)
            => SendAsync(RequestMethod.Delete, url, null, cancellationToken);

        private async Task<ArmResponse> SendAsync(RequestMethod method, Uri url, JsonNode? body, CancellationToken cancellationToken)
        {
            EnsureSameEndpoint(url);
            using (var message = _pipeline.CreateMessage())
            {
                message.Request.Method = method;
                message.Request.Uri.Reset(url);
                message.Request.Headers.Add("Accept", "application/json");
                if (body != null)
                {
                    message.Request.Headers.Add("Content-Type", "application/json");
                    message.Request.Content = RequestContent.Create(Encoding.UTF8.GetBytes(body.ToJsonString()));
                }
                var started = DateTimeOffset.UtcNow;
                try
                {
                    try
                    {
                        await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
                    }
                    catch (AggregateException ex) when (ex.InnerExceptions.Count > 0)
                    {
                        // Azure.Core reports retries that all failed with an exception as one AggregateException; the last attempt's
                        // failure stands for them (they are of one kind), with how many attempts and how long it took.
                        throw new ArmRetriesFailedException(ex.InnerExceptions[ex.InnerExceptions.Count - 1], ex.InnerExceptions.Count, DateTimeOffset.UtcNow - started);
                    }
                }
                catch (ArmRetriesFailedException ex) when (ArmRetryPolicy.IsConnectionFailure(ex.InnerException))
                {
                    throw new AzureExportException(
                        method.Method + " " + RequestLogPolicy.RedactUrl(url) + " failed: cannot connect to " + url.Host + ":" + url.Port.ToString(CultureInfo.InvariantCulture) +
                        " (" + Cause(ex.InnerException!) + "); " + ex.Describe(), 0, ex.InnerException);
                }
                catch (ArmRetriesFailedException ex)
                {
                    // Not a connection failure: map the last attempt's failure as if it had been the only one.
                    throw Map(ex.InnerException!, method, url, cancellationToken, ex.Describe());
                }
                catch (Exception ex) when (ArmRetryPolicy.IsConnectionFailure(ex))
                {
                    throw new AzureExportException(
                        method.Method + " " + RequestLogPolicy.RedactUrl(url) + " failed: cannot connect to " + url.Host + ":" + url.Port.ToString(CultureInfo.InvariantCulture) +
                        " (" + Cause(ex) + ")", 0, ex);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    throw;
                }
                catch (OperationCanceledException ex)
                {
                    throw new AzureExportException(
                        method.Method + " " + RequestLogPolicy.RedactUrl(url) + " timed out after its retries (" + ex.Message + ")", 0, ex);
                }
                catch (RequestFailedException ex)
                {
                    throw new AzureExportException(
                        method.Method + " " + RequestLogPolicy.RedactUrl(url) + " failed: " + ex.Message, ex.Status, ex);
                }
                catch (AuthenticationFailedException ex)
                {
                    throw new AzureExportException("Could not obtain an ARM access token: " + ex.Message, 401, ex);
                }
                catch (IOException ex)
                {
                    throw new AzureExportException(method.Method + " " + RequestLogPolicy.RedactUrl(url) + " failed: " + ex.Message, 0, ex);
                }

                var response = message.Response;
                JsonNode? parsed = null;
                var content = response.Content;
                if (content != null && content.ToMemory().Length > 0)
                {
                    try
                    {
                        parsed = JsonNode.Parse(content.ToMemory().Span.ToArray());
                    }
                    catch (JsonException ex)
                    {
                        if (response.Status >= 200 && response.Status < 300)
                            throw new AzureExportException(
                                method.Method + " " + RequestLogPolicy.RedactUrl(url) + " returned malformed JSON: " + ex.Message, response.Status, ex);
                    }
                }
                var headers = response.Headers;
                return new ArmResponse(response.Status, parsed, name => headers.TryGetValue(name, out var v) ? v : null);
            }
        }

        /// <summary>The innermost message: "Connection refused (127.0.0.1:1234)" rather than Azure.Core's wrapper text.</summary>
        private static string Cause(Exception ex)
        {
            var e = ex;
            while (e.InnerException != null) e = e.InnerException;
            return e.Message;
        }

        private static Exception Map(Exception ex, RequestMethod method, Uri url, CancellationToken cancellationToken, string attempts)
        {
            var what = method.Method + " " + RequestLogPolicy.RedactUrl(url);
            switch (ex)
            {
                case OperationCanceledException when cancellationToken.IsCancellationRequested: return ex;
                case OperationCanceledException: return new AzureExportException(what + " timed out after its retries (" + ex.Message + "); " + attempts, 0, ex);
                case RequestFailedException r: return new AzureExportException(what + " failed: " + r.Message + "; " + attempts, r.Status, r);
                case AuthenticationFailedException a: return new AzureExportException("Could not obtain an ARM access token: " + a.Message, 401, a);
                default: return new AzureExportException(what + " failed: " + ex.Message + "; " + attempts, 0, ex);
            }
        }

        /// <summary>Every retry of one request failed with an exception (Azure.Core's AggregateException, unwrapped).</summary>
        private sealed class ArmRetriesFailedException : Exception
        {
            public ArmRetriesFailedException(Exception last, int attempts, TimeSpan elapsed) : base(last.Message, last)
            {
                Attempts = attempts;
                Elapsed = elapsed;
            }

            public int Attempts { get; }
            public TimeSpan Elapsed { get; }

            public string Describe() => Attempts.ToString(CultureInfo.InvariantCulture) + " attempt(s) in " + Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) + " s";
        }

        private void EnsureSameEndpoint(Uri url)
        {
            if (!url.IsAbsoluteUri
                || !string.Equals(url.Scheme, Endpoint.Scheme, StringComparison.OrdinalIgnoreCase)
                || !string.Equals(url.Host, Endpoint.Host, StringComparison.OrdinalIgnoreCase)
                || url.Port != Endpoint.Port)
            {
                throw new AzureExportException(
                    "Refusing to send the ARM token to " + RequestLogPolicy.RedactUrl(url) + ": it is not the ARM endpoint " + Endpoint + ".");
            }
        }

        private sealed class PipelineOptions : ClientOptions
        {
        }
    }
}
