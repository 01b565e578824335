using System;
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
                try
                {
                    await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
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
