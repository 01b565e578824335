using System;
using System.Collections.Generic;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;
using AzSpokeTools.Azure.Identity;

namespace AzSpokeTools.Azure.Export
{
    /// <summary>
    /// What a live export reads and how it talks to Azure. Scope: the given subscriptions, or one
    /// management group, or (neither given) every subscription the identity can list.
    /// Identity, first that applies: <see cref="AccessToken"/>, then <see cref="Credential"/> or
    /// <see cref="HostToken"/> (handed in by the host, e.g. the Az PowerShell context), then
    /// <c>DefaultAzureCredential</c>.
    /// </summary>
    public sealed class ExportOptions
    {
        /// <summary>Subscription ids (GUIDs) to read.</summary>
        public IList<string> SubscriptionIds { get; } = new List<string>();

        /// <summary>One management group to read instead of subscriptions.</summary>
        public string? ManagementGroupId { get; set; }

        /// <summary>AzureCloud (default), AzureUSGovernment or AzureChinaCloud.</summary>
        public string? Environment { get; set; }

        /// <summary>An explicit ARM endpoint (https) replacing the environment's.</summary>
        public Uri? ArmEndpoint { get; set; }

        /// <summary>An explicit bearer token for ARM. Never logged or written.</summary>
        public string? AccessToken { get; set; }

        /// <summary>
        /// A credential supplied by the host (e.g. the Az PowerShell context), used when no
        /// <see cref="AccessToken"/> is given. A token callback can be wrapped with Azure.Core's
        /// <c>DelegatedTokenCredential.Create</c>.
        /// </summary>
        public TokenCredential? Credential { get; set; }

        /// <summary>
        /// A token callback supplied by a host that must not reference Azure SDK types (the PowerShell
        /// module's cmdlet assembly), used when neither <see cref="AccessToken"/> nor <see cref="Credential"/>
        /// is given. It is called on the export's worker threads.
        /// </summary>
        public HostTokenProvider? HostToken { get; set; }

        /// <summary>
        /// Also capture <c>getLearnedRoutes</c> of every virtual network gateway found, and the learned and advertised routes of
        /// every Route Server BGP connection.
        /// </summary>
        public bool IncludeLearnedRoutes { get; set; }

        /// <summary>Network interface resource ids whose <c>effectiveRouteTable</c> is captured.</summary>
        public IList<string> EffectiveRouteNetworkInterfaceIds { get; } = new List<string>();

        /// <summary>Network interface resource ids whose <c>effectiveNetworkSecurityGroups</c> (effective security rules) are captured.</summary>
        public IList<string> EffectiveSecurityNetworkInterfaceIds { get; } = new List<string>();

        /// <summary>Resource Graph page size (<c>$top</c>), 1..1000.</summary>
        public int PageSize { get; set; } = 1000;

        /// <summary>Subscriptions per Resource Graph request, 1..1000.</summary>
        public int SubscriptionBatchSize { get; set; } = 1000;

        /// <summary>Retries of one request on 408, 429, 5xx, timeouts and connection failures.</summary>
        public int MaxRetries { get; set; } = 6;

        /// <summary>Base delay of the exponential back-off used when the response gives no Retry-After.</summary>
        public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

        /// <summary>Longest back-off delay computed without a Retry-After (a server's Retry-After is always honoured).</summary>
        public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(60);

        /// <summary>
        /// Longest time one request keeps retrying connection failures (refused, unreachable, name not resolved), back-off
        /// included (default 10 s): an endpoint that is not there fails fast with the cause. Other failures follow
        /// <see cref="MaxRetries"/>.
        /// </summary>
        public TimeSpan ConnectionRetryBudget { get; set; } = TimeSpan.FromSeconds(10);

        /// <summary>Time limit of one HTTP attempt (sending and reading the response).</summary>
        public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(100);

        /// <summary>Poll interval of long-running actions when the service gives no Retry-After.</summary>
        public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

        /// <summary>Longest wait for one long-running action; past it the action is recorded as failed in coverage.</summary>
        public TimeSpan MaxPollDuration { get; set; } = TimeSpan.FromMinutes(10);

        /// <summary>The HTTP transport; null for Azure.Core's default (private clouds with their own certificate trust set one).</summary>
        public HttpPipelineTransport? Transport { get; set; }

        /// <summary>
        /// Checks the options; throws <see cref="ArgumentException"/> whose <c>ParamName</c> is the offending
        /// parameter (SubscriptionId, ManagementGroupId, Environment, ArmEndpoint, AccessToken,
        /// EffectiveRouteNetworkInterfaceIds, EffectiveSecurityNetworkInterfaceIds; the exporter adds OutputPath).
        /// </summary>
        public void Validate()
        {
            foreach (var s in SubscriptionIds)
            {
                if (!Guid.TryParse(s, out _))
                    throw new ArgumentException("Subscription id '" + s + "' is not a GUID.", "SubscriptionId");
            }
            if (ManagementGroupId != null)
            {
                if (SubscriptionIds.Count > 0)
                    throw new ArgumentException("Give subscriptions or one management group, not both.", "ManagementGroupId");
                if (ManagementGroupId.Trim().Length == 0 || ManagementGroupId.IndexOfAny(new[] { '/', '?', '#', ' ' }) >= 0)
                    throw new ArgumentException("Management group id '" + ManagementGroupId + "' is not a management group name.", "ManagementGroupId");
            }
            if (PageSize < 1 || PageSize > 1000) throw new ArgumentException("PageSize must be 1..1000.", nameof(PageSize));
            if (SubscriptionBatchSize < 1 || SubscriptionBatchSize > 1000) throw new ArgumentException("SubscriptionBatchSize must be 1..1000.", nameof(SubscriptionBatchSize));
            if (MaxRetries < 0) throw new ArgumentException("MaxRetries must not be negative.", nameof(MaxRetries));
            if (RequestTimeout <= TimeSpan.Zero) throw new ArgumentException("RequestTimeout must be positive.", nameof(RequestTimeout));
            if (ConnectionRetryBudget < TimeSpan.Zero) throw new ArgumentException("The connection retry budget must not be negative.", nameof(ConnectionRetryBudget));
            if (AccessToken != null && AccessToken.Trim().Length == 0) throw new ArgumentException("The access token is empty.", nameof(AccessToken));
            foreach (var nic in EffectiveRouteNetworkInterfaceIds)
            {
                if (!ResourceIds.IsOfType(nic, "Microsoft.Network/networkInterfaces"))
                    throw new ArgumentException("'" + nic + "' is not a network interface resource id (/subscriptions/.../providers/Microsoft.Network/networkInterfaces/NAME).", "EffectiveRouteNetworkInterfaceIds");
            }
            foreach (var nic in EffectiveSecurityNetworkInterfaceIds)
            {
                if (!ResourceIds.IsOfType(nic, "Microsoft.Network/networkInterfaces"))
                    throw new ArgumentException("'" + nic + "' is not a network interface resource id (/subscriptions/.../providers/Microsoft.Network/networkInterfaces/NAME).", "EffectiveSecurityNetworkInterfaceIds");
            }
            AzureCloud.Resolve(Environment, ArmEndpoint);
        }

        /// <summary>The credential chosen by the identity order above.</summary>
        internal TokenCredential ResolveCredential(AzureCloud cloud)
        {
            if (AccessToken != null) return new StaticTokenCredential(AccessToken);
            if (Credential != null) return Credential;
            if (HostToken != null) return new HostTokenCredential(HostToken);
            return new DefaultAzureCredential(new DefaultAzureCredentialOptions { AuthorityHost = cloud.AuthorityHost });
        }
    }
}
