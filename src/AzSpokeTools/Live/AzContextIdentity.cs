using System;
using System.Management.Automation;
using AzSpokeTools.Azure.Identity;

namespace AzSpokeTools.Live
{
    /// <summary>
    /// The caller's Az PowerShell context as the live connection's host identity (<see cref="IHostIdentity"/>): when Az.Accounts
    /// is loaded and signed in for the cloud, its token (Get-AzAccessToken, run on the pipeline thread when the connection is
    /// created). The export renews it through its <see cref="PipelineThreadPump"/> shortly before it expires; without a pump (apply,
    /// which runs on the pipeline thread) the first token serves.
    /// </summary>
    internal sealed class AzContextIdentity : IHostIdentity
    {
        private readonly PSCmdlet _cmdlet;
        private readonly PipelineThreadPump? _pump;

        public AzContextIdentity(PSCmdlet cmdlet, PipelineThreadPump? pump)
        {
            _cmdlet = cmdlet;
            _pump = pump;
        }

        /// <inheritdoc />
        public HostTokenProvider? Connect(AzureCloud cloud)
        {
            if (!AzContextToken.IsLoaded(_cmdlet))
            {
                _cmdlet.WriteVerbose(AzContextToken.ModuleName + " is not loaded; using DefaultAzureCredential (environment, workload identity, managed identity, Azure CLI, Azure PowerShell).");
                return null;
            }
            HostAccessToken cached;
            try
            {
                cached = AzContextToken.Get(_cmdlet, AzContextToken.ResourceUrlOf(cloud.TokenScope));
            }
            catch (InvalidOperationException e)
            {
                _cmdlet.WriteVerbose("The Az context gave no token (" + e.Message + "); using DefaultAzureCredential.");
                return null;
            }
            var pump = _pump;
            return (scope, cancellationToken) =>
            {
                // Azure.Core asks again shortly before expiry; the first token serves until then.
                var current = cached;
                if (pump == null || current.ExpiresOn > DateTimeOffset.UtcNow.AddMinutes(5)) return current;
                var renewed = pump.Invoke(() => AzContextToken.Get(_cmdlet, AzContextToken.ResourceUrlOf(scope)), cancellationToken);
                cached = renewed;
                return renewed;
            };
        }

        /// <summary>The module's name for the identity a connection chose.</summary>
        public static IdentitySource SourceOf(LiveIdentity identity) => identity switch
        {
            LiveIdentity.AccessToken => IdentitySource.AccessToken,
            LiveIdentity.Host => IdentitySource.AzContext,
            _ => IdentitySource.DefaultAzureCredential,
        };
    }
}
