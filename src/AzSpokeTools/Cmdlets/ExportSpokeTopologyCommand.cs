using System.Management.Automation;
using System.Security;
using AzSpokeTools.Live;

namespace AzSpokeTools.Cmdlets
{
    /// <summary>
    /// <c>Export-SpokeTopology</c>: pulls the estate's network topology from Azure into a snapshot file, as
    /// <c>azspoke export</c> does. Read-only in Azure; it writes one local file, so it supports -WhatIf and
    /// -Confirm for that file with the default ConfirmImpact, as Export-Csv and Export-Clixml do. Identity:
    /// -AccessToken, else the caller's Az context (Az.Accounts loaded and signed in), else
    /// DefaultAzureCredential (managed identity in Azure Automation, environment, workload identity, Azure
    /// CLI, Azure PowerShell). Ctrl+C cancels the export and leaves no file.
    /// </summary>
    [Cmdlet(VerbsData.Export, "SpokeTopology", HelpUri = HelpLinks.Docs + "Export-SpokeTopology.md", SupportsShouldProcess = true)]
    [OutputType(typeof(TopologyExportResult))]
    public sealed class ExportSpokeTopologyCommand : SpokeCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, HelpMessage = "The snapshot file to write.")]
        [Alias("Path")]
        [ValidateNotNullOrEmpty]
        public string? OutputPath { get; set; }

        [Parameter(HelpMessage = "Subscription id(s) to read; default: every subscription the identity can list.")]
        [ValidateNotNullOrEmpty]
        public string[]? SubscriptionId { get; set; }

        [Parameter(HelpMessage = "A management group to read instead of subscriptions (not with -SubscriptionId).")]
        [ValidateNotNullOrEmpty]
        public string? ManagementGroupId { get; set; }

        [Parameter(HelpMessage = "AzureCloud (default), AzureUSGovernment or AzureChinaCloud.")]
        [ValidateSet("AzureCloud", "AzureUSGovernment", "AzureChinaCloud", IgnoreCase = true)]
        public string? Environment { get; set; }

        [Parameter(HelpMessage = "An explicit ARM endpoint (https) for another cloud; it replaces the environment's.")]
        [ValidateNotNullOrEmpty]
        public string? ArmEndpoint { get; set; }

        [Parameter(HelpMessage = "A bearer token for ARM, as a SecureString or a string (Get-AzAccessToken's Token in either form).")]
        [SecureStringTransformation]
        [ValidateNotNull]
        public SecureString? AccessToken { get; set; }

        [Parameter(HelpMessage = "Also capture the BGP learned routes (getLearnedRoutes) of every virtual network gateway.")]
        public SwitchParameter IncludeLearnedRoutes { get; set; }

        [Parameter(HelpMessage = "Network interface resource id(s) whose effective route table is captured, as ground truth for Get-SpokeEffectiveRoute -Verify.")]
        [ValidateNotNullOrEmpty]
        public string[]? IncludeEffectiveRoutes { get; set; }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            var path = SessionState.Path.GetUnresolvedProviderPathFromPSPath(OutputPath);
            var scope = ToScope(SubscriptionId, ManagementGroupId, Environment, ArmEndpoint, AccessToken, IncludeLearnedRoutes, IncludeEffectiveRoutes);
            // Reading Azure changes nothing; writing (or replacing) the local file is what -WhatIf and -Confirm govern,
            // so the question comes before any request is sent.
            if (!ShouldProcess(path, "Export the network topology from Azure to a snapshot file"))
            {
                base.EndProcessing();
                return;
            }
            var result = Export(scope, path, out var error);
            if (result == null) ThrowTerminatingError(error!);
            if (!result!.Complete)
                WriteWarning($"The snapshot does not cover {result.DeniedScopes.Count} scope(s): {string.Join(", ", result.DeniedScopes)}. Commands answer Unknown where they depend on them.");
            WriteObject(result);
            base.EndProcessing();
        }

        /// <summary>The parameters as the live scope (and so the export options) the CLI's <c>azspoke export</c> also builds.</summary>
        internal static LiveScope ToScope(string[]? subscriptionId, string? managementGroupId, string? environment, string? armEndpoint,
            SecureString? accessToken, bool includeLearnedRoutes, string[]? includeEffectiveRoutes) => new LiveScope
        {
            SubscriptionId = subscriptionId,
            ManagementGroupId = managementGroupId,
            Environment = environment,
            ArmEndpoint = armEndpoint,
            AccessToken = accessToken,
            IncludeLearnedRoutes = includeLearnedRoutes,
            IncludeEffectiveRoutes = includeEffectiveRoutes,
        };
    }
}
