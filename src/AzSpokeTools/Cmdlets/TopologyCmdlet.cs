using System.Management.Automation;
using System.Security;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Live;

namespace AzSpokeTools.Cmdlets
{
    /// <summary>
    /// A cmdlet that answers from one topology, given in one of four ways (its parameter sets): -Snapshot
    /// (a file, directory or sample:NAME), -Topology (from Import-SpokeTopology, or piped), or live data read
    /// with the caller's identity for -SubscriptionId or -ManagementGroupId. A snapshot or live read happens
    /// once, before the first pipeline item.
    /// </summary>
    public abstract class TopologyCmdlet : SpokeCmdlet
    {
        public const string SnapshotSet = "Snapshot";
        public const string TopologySet = "Topology";
        public const string SubscriptionSet = "Subscription";
        public const string ManagementGroupSet = "ManagementGroup";

        private Topology? _loaded;

        [Parameter(ParameterSetName = SnapshotSet, Mandatory = true, HelpMessage = "Snapshot file, directory of *.json files, or sample:NAME.")]
        [ValidateNotNullOrEmpty]
        public string? Snapshot { get; set; }

        [Parameter(ParameterSetName = TopologySet, Mandatory = true, ValueFromPipeline = true, HelpMessage = "A topology from Import-SpokeTopology.")]
        public Topology? Topology { get; set; }

        [Parameter(ParameterSetName = SubscriptionSet, Mandatory = true, HelpMessage = "Subscription id(s) to read live with the caller's identity.")]
        [ValidateNotNullOrEmpty]
        public string[]? SubscriptionId { get; set; }

        [Parameter(ParameterSetName = ManagementGroupSet, Mandatory = true, HelpMessage = "A management group to read live with the caller's identity.")]
        [ValidateNotNullOrEmpty]
        public string? ManagementGroupId { get; set; }

        [Parameter(ParameterSetName = SubscriptionSet, HelpMessage = "AzureCloud (default), AzureUSGovernment or AzureChinaCloud.")]
        [Parameter(ParameterSetName = ManagementGroupSet, HelpMessage = "AzureCloud (default), AzureUSGovernment or AzureChinaCloud.")]
        [ValidateSet("AzureCloud", "AzureUSGovernment", "AzureChinaCloud", IgnoreCase = true)]
        public string? Environment { get; set; }

        [Parameter(ParameterSetName = SubscriptionSet, HelpMessage = "An explicit ARM endpoint (https) for another cloud.")]
        [Parameter(ParameterSetName = ManagementGroupSet, HelpMessage = "An explicit ARM endpoint (https) for another cloud.")]
        [ValidateNotNullOrEmpty]
        public string? ArmEndpoint { get; set; }

        [Parameter(ParameterSetName = SubscriptionSet, HelpMessage = "A bearer token for ARM (SecureString or string).")]
        [Parameter(ParameterSetName = ManagementGroupSet, HelpMessage = "A bearer token for ARM (SecureString or string).")]
        [SecureStringTransformation]
        [ValidateNotNull]
        public SecureString? AccessToken { get; set; }

        /// <summary>The topology to answer from: loaded once from -Snapshot or Azure, or the (piped) -Topology.</summary>
        private protected Topology CurrentTopology => (_loaded ?? Topology)!;

        /// <inheritdoc />
        protected override void BeginProcessing()
        {
            if (Snapshot != null) _loaded = LoadTopology(Snapshot, terminating: true);
            else if (SubscriptionId != null || ManagementGroupId != null)
                _loaded = LoadLive(ExportSpokeTopologyCommand.ToScope(SubscriptionId, ManagementGroupId, Environment, ArmEndpoint, AccessToken, false, null), terminating: true);
        }

        /// <summary>A file path parameter (such as -Intent) resolved against the current PowerShell location; null stays null.</summary>
        private protected string? ResolvePath(string? path) =>
            path == null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);
    }
}
