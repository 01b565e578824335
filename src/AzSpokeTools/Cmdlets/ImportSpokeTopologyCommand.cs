using System.Linq;
using System.Management.Automation;
using System.Security;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Live;

namespace AzSpokeTools.Cmdlets
{
    /// <summary>
    /// <c>Import-SpokeTopology</c>: loads a snapshot once into a topology object that the other cmdlets take
    /// with -Topology or from the pipeline. One topology per -Snapshot value; a directory's *.json files load
    /// into one topology. A value that fails is a non-terminating error; the others still load. With
    /// -SubscriptionId or -ManagementGroupId it pulls live data with the caller's identity instead, exporter to
    /// loader in memory (no file is written).
    /// </summary>
    [Cmdlet(VerbsData.Import, "SpokeTopology", HelpUri = HelpLinks.Docs + "Import-SpokeTopology.md", DefaultParameterSetName = SnapshotSet)]
    [OutputType(typeof(Topology))]
    public sealed class ImportSpokeTopologyCommand : SpokeCmdlet
    {
        public const string SnapshotSet = "Snapshot";
        public const string Subscription = "Subscription";
        public const string ManagementGroup = "ManagementGroup";

        /// <summary>Snapshot file, directory of *.json files, or sample:NAME.</summary>
        [Parameter(ParameterSetName = SnapshotSet, Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true,
            HelpMessage = "Snapshot file, directory of *.json files, or sample:NAME for a bundled sample.")]
        [Alias("FullName", "Path")]
        [ValidateNotNullOrEmpty]
        public string[] Snapshot { get; set; } = new string[0];

        [Parameter(ParameterSetName = Subscription, Mandatory = true, HelpMessage = "Subscription id(s) to read live with the caller's identity.")]
        [ValidateNotNullOrEmpty]
        public string[]? SubscriptionId { get; set; }

        [Parameter(ParameterSetName = ManagementGroup, Mandatory = true, HelpMessage = "A management group to read live with the caller's identity.")]
        [ValidateNotNullOrEmpty]
        public string? ManagementGroupId { get; set; }

        [Parameter(ParameterSetName = Subscription, HelpMessage = "AzureCloud (default), AzureUSGovernment or AzureChinaCloud.")]
        [Parameter(ParameterSetName = ManagementGroup, HelpMessage = "AzureCloud (default), AzureUSGovernment or AzureChinaCloud.")]
        [ValidateSet("AzureCloud", "AzureUSGovernment", "AzureChinaCloud", IgnoreCase = true)]
        public string? Environment { get; set; }

        [Parameter(ParameterSetName = Subscription, HelpMessage = "An explicit ARM endpoint (https) for another cloud.")]
        [Parameter(ParameterSetName = ManagementGroup, HelpMessage = "An explicit ARM endpoint (https) for another cloud.")]
        [ValidateNotNullOrEmpty]
        public string? ArmEndpoint { get; set; }

        [Parameter(ParameterSetName = Subscription, HelpMessage = "A bearer token for ARM (SecureString or string).")]
        [Parameter(ParameterSetName = ManagementGroup, HelpMessage = "A bearer token for ARM (SecureString or string).")]
        [SecureStringTransformation]
        [ValidateNotNull]
        public SecureString? AccessToken { get; set; }

        [Parameter(ParameterSetName = Subscription, HelpMessage = "Also capture the BGP learned routes of every virtual network gateway.")]
        [Parameter(ParameterSetName = ManagementGroup, HelpMessage = "Also capture the BGP learned routes of every virtual network gateway.")]
        public SwitchParameter IncludeLearnedRoutes { get; set; }

        [Parameter(ParameterSetName = Subscription, HelpMessage = "Network interface resource id(s) whose effective route table is captured.")]
        [Parameter(ParameterSetName = ManagementGroup, HelpMessage = "Network interface resource id(s) whose effective route table is captured.")]
        [ValidateNotNullOrEmpty]
        public string[]? IncludeEffectiveRoutes { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            if (ParameterSetName != SnapshotSet) return;
            foreach (var snapshot in Snapshot)
            {
                var topology = LoadTopology(snapshot, terminating: false);
                if (topology == null) continue;
                WriteVerbose($"{snapshot}: " + Describe(topology));
                WriteObject(topology);
            }
        }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            if (ParameterSetName != SnapshotSet)
            {
                var scope = ExportSpokeTopologyCommand.ToScope(SubscriptionId, ManagementGroupId, Environment, ArmEndpoint, AccessToken,
                    IncludeLearnedRoutes, IncludeEffectiveRoutes);
                var topology = LoadLive(scope, terminating: true);
                WriteVerbose("Live: " + Describe(topology!));
                WriteObject(topology);
            }
            base.EndProcessing();
        }

        private static string Describe(Topology topology) =>
            string.Join(", ", topology.Counts().Where(c => c.Value > 0).Select(c => $"{c.Value} {c.Key}"));
    }
}
