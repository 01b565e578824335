using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using AzSpokeTools.Azure.Export;
using AzSpokeTools.Azure.Transport;

namespace AzSpokeTools.Azure.ResourceGraph
{
    /// <summary>
    /// Resource Graph's per-user throttling quota: each response carries
    /// <c>x-ms-user-quota-remaining</c> and <c>x-ms-user-quota-resets-after</c> (hh:mm:ss). When the
    /// remaining quota reaches 0 the next query waits until the window resets instead of drawing a 429.
    /// </summary>
    internal sealed class ResourceGraphQuota
    {
        private readonly IExportObserver _observer;
        private DateTimeOffset _resumeAt = DateTimeOffset.MinValue;

        public ResourceGraphQuota(IExportObserver observer)
        {
            _observer = observer;
        }

        /// <summary>Total time spent waiting for the quota window.</summary>
        public TimeSpan Waited { get; private set; }

        public void Observe(ArmResponse response)
        {
            var remaining = response.Header("x-ms-user-quota-remaining");
            var resets = response.Header("x-ms-user-quota-resets-after");
            if (remaining == null || !int.TryParse(remaining, NumberStyles.Integer, CultureInfo.InvariantCulture, out var left) || left > 0) return;
            if (resets == null || !TimeSpan.TryParse(resets, CultureInfo.InvariantCulture, out var wait) || wait < TimeSpan.Zero) return;
            _resumeAt = DateTimeOffset.UtcNow + wait;
        }

        public async Task WaitIfExhaustedAsync(CancellationToken cancellationToken)
        {
            var wait = _resumeAt - DateTimeOffset.UtcNow;
            if (wait <= TimeSpan.Zero) return;
            _observer.Verbose("Resource Graph quota exhausted; waiting " + wait.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms for it to reset.");
            await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
            Waited += wait;
            _resumeAt = DateTimeOffset.MinValue;
        }
    }
}
