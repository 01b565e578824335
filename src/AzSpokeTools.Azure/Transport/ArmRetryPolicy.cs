using System;
using System.IO;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading.Tasks;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using AzSpokeTools.Azure.Export;

namespace AzSpokeTools.Azure.Transport
{
    /// <summary>
    /// Azure.Core's retries (408, 429 with Retry-After, 5xx, timeouts; exponential back-off otherwise) with one difference: a
    /// request whose connection fails (refused, no route, name not resolved) is retried only while the time since its first
    /// attempt, plus the next back-off, stays within <see cref="ExportOptions.ConnectionRetryBudget"/>. An endpoint that is not
    /// there fails in seconds with the cause, instead of after a minute of back-off.
    /// </summary>
    internal sealed class ArmRetryPolicy : RetryPolicy
    {
        private readonly ExportOptions _options;

        public ArmRetryPolicy(ExportOptions options)
            : base(options.MaxRetries, DelayStrategy.CreateExponentialDelayStrategy(options.RetryDelay, options.MaxRetryDelay))
        {
            _options = options;
        }

        protected override bool ShouldRetry(HttpMessage message, Exception? exception) =>
            base.ShouldRetry(message, exception) && WithinBudget(message, exception);

        protected override async ValueTask<bool> ShouldRetryAsync(HttpMessage message, Exception? exception) =>
            await base.ShouldRetryAsync(message, exception).ConfigureAwait(false) && WithinBudget(message, exception);

        private bool WithinBudget(HttpMessage message, Exception? exception)
        {
            if (!IsConnectionFailure(exception)) return true;
            var elapsed = DateTimeOffset.UtcNow - message.ProcessingContext.StartTime;
            // The exponential strategy's next delay (with its jitter of up to 20%), capped as configured.
            double next = Math.Min(_options.MaxRetryDelay.TotalMilliseconds, _options.RetryDelay.TotalMilliseconds * Math.Pow(2, message.ProcessingContext.RetryNumber)) * 1.2;
            return elapsed + TimeSpan.FromMilliseconds(next) <= _options.ConnectionRetryBudget;
        }

        /// <summary>No response because no connection: refused, unreachable, name not resolved (not a timeout of a slow server).</summary>
        internal static bool IsConnectionFailure(Exception? exception)
        {
            for (var e = exception; e != null; e = e.InnerException)
            {
                if (e is OperationCanceledException) return false;
                if (e is SocketException || e is HttpRequestException) return true;
                if (e is RequestFailedException r && r.Status != 0) return false;
                if (e is IOException && e.InnerException is SocketException) return true;
            }
            return false;
        }
    }
}
