using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Security;
using AzSpokeTools.Engine.Hosting;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Requests;
using AzSpokeTools.Engine.Verification;
using AzSpokeTools.Live;
using AzSpokeTools.Routes;
using AzSpokeTools.Engine;

namespace AzSpokeTools.Cmdlets
{
    /// <summary>
    /// <c>Get-SpokeEffectiveRoute</c>: the effective routes of a subnet or NIC, as Azure's effective-routes API
    /// would return them, computed from a snapshot without a running VM. Subnets, NICs and resource ids bind
    /// from the pipeline by property name, so <c>Get-AzNetworkInterface | Get-SpokeEffectiveRoute -Snapshot f</c>
    /// works; each piped item that fails is a non-terminating error. With -SubscriptionId or
    /// -ManagementGroupId it pulls live data once with the caller's identity. With -Verify (network
    /// interfaces only) it compares the computed routes with the effective route tables captured in the
    /// snapshot, NIC by NIC, through the request <c>azspoke verify</c> uses.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "SpokeEffectiveRoute", HelpUri = HelpLinks.Docs + "Get-SpokeEffectiveRoute.md", DefaultParameterSetName = SnapshotSubnet)]
    [OutputType(typeof(SpokeEffectiveRoute))]
    [OutputType(typeof(SpokeRouteVerification))]
    public sealed class GetSpokeEffectiveRouteCommand : SpokeCmdlet
    {
        public const string SnapshotSubnet = "SnapshotSubnet";
        public const string SnapshotNetworkInterface = "SnapshotNetworkInterface";
        public const string SnapshotResourceId = "SnapshotResourceId";
        public const string TopologySubnet = "TopologySubnet";
        public const string TopologyNetworkInterface = "TopologyNetworkInterface";
        public const string TopologyResourceId = "TopologyResourceId";
        public const string SubscriptionSubnet = "SubscriptionSubnet";
        public const string SubscriptionNetworkInterface = "SubscriptionNetworkInterface";
        public const string SubscriptionResourceId = "SubscriptionResourceId";
        public const string ManagementGroupSubnet = "ManagementGroupSubnet";
        public const string ManagementGroupNetworkInterface = "ManagementGroupNetworkInterface";
        public const string ManagementGroupResourceId = "ManagementGroupResourceId";

        private Topology? _loaded;
        private readonly Dictionary<Topology, IReadOnlyList<NicVerification>> _verified = new Dictionary<Topology, IReadOnlyList<NicVerification>>();

        [Parameter(ParameterSetName = SnapshotSubnet, Mandatory = true, HelpMessage = "Snapshot file, directory of *.json files, or sample:NAME.")]
        [Parameter(ParameterSetName = SnapshotNetworkInterface, Mandatory = true, HelpMessage = "Snapshot file, directory of *.json files, or sample:NAME.")]
        [Parameter(ParameterSetName = SnapshotResourceId, Mandatory = true, HelpMessage = "Snapshot file, directory of *.json files, or sample:NAME.")]
        [ValidateNotNullOrEmpty]
        public string? Snapshot { get; set; }

        [Parameter(ParameterSetName = TopologySubnet, Mandatory = true, ValueFromPipeline = true, HelpMessage = "A topology from Import-SpokeTopology.")]
        [Parameter(ParameterSetName = TopologyNetworkInterface, Mandatory = true, ValueFromPipeline = true, HelpMessage = "A topology from Import-SpokeTopology.")]
        [Parameter(ParameterSetName = TopologyResourceId, Mandatory = true, ValueFromPipeline = true, HelpMessage = "A topology from Import-SpokeTopology.")]
        public Topology? Topology { get; set; }

        [Parameter(ParameterSetName = SnapshotSubnet, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, HelpMessage = "VNET/SUBNET or a subnet resource id.")]
        [Parameter(ParameterSetName = TopologySubnet, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, HelpMessage = "VNET/SUBNET or a subnet resource id.")]
        [Parameter(ParameterSetName = SubscriptionSubnet, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, HelpMessage = "VNET/SUBNET or a subnet resource id.")]
        [Parameter(ParameterSetName = ManagementGroupSubnet, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, HelpMessage = "VNET/SUBNET or a subnet resource id.")]
        [Alias("SubnetId")]
        [ValidateNotNullOrEmpty]
        public string? Subnet { get; set; }

        [Parameter(ParameterSetName = SnapshotNetworkInterface, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, HelpMessage = "A network interface name or resource id.")]
        [Parameter(ParameterSetName = TopologyNetworkInterface, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, HelpMessage = "A network interface name or resource id.")]
        [Parameter(ParameterSetName = SubscriptionNetworkInterface, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, HelpMessage = "A network interface name or resource id.")]
        [Parameter(ParameterSetName = ManagementGroupNetworkInterface, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, HelpMessage = "A network interface name or resource id.")]
        [Alias("NetworkInterfaceId", "Nic")]
        [ValidateNotNullOrEmpty]
        public string? NetworkInterface { get; set; }

        [Parameter(ParameterSetName = SnapshotResourceId, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, HelpMessage = "A subnet or network interface resource id (the Id of a piped Az object).")]
        [Parameter(ParameterSetName = TopologyResourceId, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, HelpMessage = "A subnet or network interface resource id (the Id of a piped Az object).")]
        [Parameter(ParameterSetName = SubscriptionResourceId, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, HelpMessage = "A subnet or network interface resource id (the Id of a piped Az object).")]
        [Parameter(ParameterSetName = ManagementGroupResourceId, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, HelpMessage = "A subnet or network interface resource id (the Id of a piped Az object).")]
        [Alias("Id")]
        [ValidateNotNullOrEmpty]
        public string? ResourceId { get; set; }

        [Parameter(ParameterSetName = SubscriptionSubnet, Mandatory = true, HelpMessage = "Subscription id(s) to read live with the caller's identity.")]
        [Parameter(ParameterSetName = SubscriptionNetworkInterface, Mandatory = true, HelpMessage = "Subscription id(s) to read live with the caller's identity.")]
        [Parameter(ParameterSetName = SubscriptionResourceId, Mandatory = true, HelpMessage = "Subscription id(s) to read live with the caller's identity.")]
        [ValidateNotNullOrEmpty]
        public string[]? SubscriptionId { get; set; }

        [Parameter(ParameterSetName = ManagementGroupSubnet, Mandatory = true, HelpMessage = "A management group to read live with the caller's identity.")]
        [Parameter(ParameterSetName = ManagementGroupNetworkInterface, Mandatory = true, HelpMessage = "A management group to read live with the caller's identity.")]
        [Parameter(ParameterSetName = ManagementGroupResourceId, Mandatory = true, HelpMessage = "A management group to read live with the caller's identity.")]
        [ValidateNotNullOrEmpty]
        public string? ManagementGroupId { get; set; }

        [Parameter(ParameterSetName = SubscriptionSubnet, HelpMessage = "AzureCloud (default), AzureUSGovernment or AzureChinaCloud.")]
        [Parameter(ParameterSetName = SubscriptionNetworkInterface, HelpMessage = "AzureCloud (default), AzureUSGovernment or AzureChinaCloud.")]
        [Parameter(ParameterSetName = SubscriptionResourceId, HelpMessage = "AzureCloud (default), AzureUSGovernment or AzureChinaCloud.")]
        [Parameter(ParameterSetName = ManagementGroupSubnet, HelpMessage = "AzureCloud (default), AzureUSGovernment or AzureChinaCloud.")]
        [Parameter(ParameterSetName = ManagementGroupNetworkInterface, HelpMessage = "AzureCloud (default), AzureUSGovernment or AzureChinaCloud.")]
        [Parameter(ParameterSetName = ManagementGroupResourceId, HelpMessage = "AzureCloud (default), AzureUSGovernment or AzureChinaCloud.")]
        [ValidateSet("AzureCloud", "AzureUSGovernment", "AzureChinaCloud", IgnoreCase = true)]
        public string? Environment { get; set; }

        [Parameter(ParameterSetName = SubscriptionSubnet, HelpMessage = "An explicit ARM endpoint (https) for another cloud.")]
        [Parameter(ParameterSetName = SubscriptionNetworkInterface, HelpMessage = "An explicit ARM endpoint (https) for another cloud.")]
        [Parameter(ParameterSetName = SubscriptionResourceId, HelpMessage = "An explicit ARM endpoint (https) for another cloud.")]
        [Parameter(ParameterSetName = ManagementGroupSubnet, HelpMessage = "An explicit ARM endpoint (https) for another cloud.")]
        [Parameter(ParameterSetName = ManagementGroupNetworkInterface, HelpMessage = "An explicit ARM endpoint (https) for another cloud.")]
        [Parameter(ParameterSetName = ManagementGroupResourceId, HelpMessage = "An explicit ARM endpoint (https) for another cloud.")]
        [ValidateNotNullOrEmpty]
        public string? ArmEndpoint { get; set; }

        [Parameter(ParameterSetName = SubscriptionSubnet, HelpMessage = "A bearer token for ARM (SecureString or string).")]
        [Parameter(ParameterSetName = SubscriptionNetworkInterface, HelpMessage = "A bearer token for ARM (SecureString or string).")]
        [Parameter(ParameterSetName = SubscriptionResourceId, HelpMessage = "A bearer token for ARM (SecureString or string).")]
        [Parameter(ParameterSetName = ManagementGroupSubnet, HelpMessage = "A bearer token for ARM (SecureString or string).")]
        [Parameter(ParameterSetName = ManagementGroupNetworkInterface, HelpMessage = "A bearer token for ARM (SecureString or string).")]
        [Parameter(ParameterSetName = ManagementGroupResourceId, HelpMessage = "A bearer token for ARM (SecureString or string).")]
        [SecureStringTransformation]
        [ValidateNotNull]
        public SecureString? AccessToken { get; set; }

        [Parameter(ParameterSetName = SnapshotNetworkInterface, HelpMessage = "Compare the computed routes with the effective route table captured in the snapshot.")]
        [Parameter(ParameterSetName = SnapshotResourceId, HelpMessage = "Compare the computed routes with the effective route table captured in the snapshot.")]
        [Parameter(ParameterSetName = TopologyNetworkInterface, HelpMessage = "Compare the computed routes with the effective route table captured in the snapshot.")]
        [Parameter(ParameterSetName = TopologyResourceId, HelpMessage = "Compare the computed routes with the effective route table captured in the snapshot.")]
        public SwitchParameter Verify { get; set; }

        /// <inheritdoc />
        protected override void BeginProcessing()
        {
            // -Snapshot cannot come from the pipeline: load it once for every piped subnet or NIC.
            if (Snapshot != null) _loaded = LoadTopology(Snapshot, terminating: true);
            else if (SubscriptionId != null || ManagementGroupId != null)
                _loaded = LoadLive(ExportSpokeTopologyCommand.ToScope(SubscriptionId, ManagementGroupId, Environment, ArmEndpoint, AccessToken, false, null), terminating: true);
        }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            var target = Subnet ?? NetworkInterface ?? ResourceId;
            if (Verify)
            {
                WriteVerification((_loaded ?? Topology)!, target!);
                return;
            }
            try
            {
                var request = ToRequest(_loaded ?? Topology, Subnet, NetworkInterface, ResourceId);
                EngineHost.Progress("Computing effective routes", target ?? "", -1);
                var table = request.Execute(EngineHost);
                WriteVerbose($"Effective routes of {table.Subnet.DisplayName} ({table.Scope}): {table.Routes.Count} route(s).");
                foreach (var route in table.Routes) WriteObject(new SpokeEffectiveRoute(route, table));
            }
            catch (Exception e) when (TryWriteEngineError(e, target))
            {
            }
        }

        private void WriteVerification(Topology topology, string target)
        {
            try
            {
                if (!_verified.TryGetValue(topology, out var all))
                {
                    EngineHost.Progress("Verifying effective routes", "captured effectiveRouteTable results", -1);
                    // Warnings for NICs the computation could not answer are written per selected NIC below.
                    all = ToVerifyRequest(topology).Execute(new RecordingEngineHost());
                    _verified[topology] = all;
                }
                foreach (var result in SelectVerifications(topology, all, target))
                {
                    if (result.Error != null) WriteWarning($"{result.Name}: {result.Error}");
                    WriteObject(new SpokeRouteVerification(result));
                }
            }
            catch (Exception e) when (TryWriteEngineError(e, target))
            {
            }
        }

        /// <summary>The request the CLI's <c>azspoke verify</c> builds for the same topology.</summary>
        public static VerifyRequest ToVerifyRequest(Topology topology) => new VerifyRequest { Topology = topology };

        /// <summary>
        /// The verifications of the network interfaces <paramref name="target"/> names: a name or resource id
        /// (resolved as everywhere else; no captured table is a NoCapturedEffectiveRoutes error), or a wildcard
        /// pattern over NIC names (every match that has a captured table, possibly none).
        /// </summary>
        public static IEnumerable<NicVerification> SelectVerifications(Topology topology, IReadOnlyList<NicVerification> all, string target)
        {
            if (WildcardPattern.ContainsWildcardCharacters(target))
            {
                var pattern = new WildcardPattern(target, WildcardOptions.IgnoreCase);
                return all.Where(v => pattern.IsMatch(v.Name)).ToList();
            }
            if (Engine.Model.ResourceId.TryParse(target, out var id) && id.ResourceType != null &&
                !string.Equals(id.ResourceType, "Microsoft.Network/networkInterfaces", StringComparison.OrdinalIgnoreCase))
                throw new EngineInputException("ResourceId", $"{target} is a {id.ResourceType}; -Verify compares network interfaces (Microsoft.Network/networkInterfaces)");
            var captured = all.FirstOrDefault(v => string.Equals(v.NetworkInterfaceId.Value, target, StringComparison.OrdinalIgnoreCase));
            if (captured != null) return new[] { captured };
            var nic = topology.ResolveNetworkInterface(target);
            captured = all.FirstOrDefault(v => v.NetworkInterfaceId.Equals(nic.Id));
            if (captured != null) return new[] { captured };
            throw new ResourceNotFoundException("captured effective route table", target,
                $"The snapshot has no captured effective route table for {nic.Id.Value}; export it with Export-SpokeTopology -IncludeEffectiveRoutes.");
        }

        /// <summary>
        /// The parameters as the engine request the CLI's <c>azspoke routes</c> also builds. A -ResourceId (the Id
        /// of a piped subnet or NIC) becomes the request's Subnet or NetworkInterface by its resource type.
        /// </summary>
        public static EffectiveRouteRequest ToRequest(Topology? topology, string? subnet, string? networkInterface, string? resourceId)
        {
            var request = new EffectiveRouteRequest { Topology = topology, Subnet = subnet, NetworkInterface = networkInterface };
            if (resourceId == null) return request;
            if (!Engine.Model.ResourceId.TryParse(resourceId, out var id) || id.ResourceType == null)
                throw new EngineInputException("ResourceId", $"'{resourceId}' is not an Azure resource id");
            if (string.Equals(id.ResourceType, "Microsoft.Network/virtualNetworks/subnets", StringComparison.OrdinalIgnoreCase))
                request.Subnet = resourceId;
            else if (string.Equals(id.ResourceType, "Microsoft.Network/networkInterfaces", StringComparison.OrdinalIgnoreCase))
                request.NetworkInterface = resourceId;
            else
                throw new EngineInputException("ResourceId", $"{resourceId} is a {id.ResourceType}; effective routes exist for subnets (Microsoft.Network/virtualNetworks/subnets) and network interfaces (Microsoft.Network/networkInterfaces)");
            return request;
        }
    }
}
