using System;
using System.Management.Automation;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Requests;
using AzSpokeTools.Engine.Routing;

namespace AzSpokeTools.Cmdlets
{
    /// <summary>
    /// <c>Get-SpokeEffectiveRoute</c>: the effective routes of a subnet or NIC, as Azure's effective-routes API
    /// would return them, computed from a snapshot without a running VM. Subnets, NICs and resource ids bind
    /// from the pipeline by property name, so <c>Get-AzNetworkInterface | Get-SpokeEffectiveRoute -Snapshot f</c>
    /// works; each piped item that fails is a non-terminating error.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "SpokeEffectiveRoute", DefaultParameterSetName = SnapshotSubnet)]
    [OutputType(typeof(EffectiveRoute))]
    public sealed class GetSpokeEffectiveRouteCommand : SpokeCmdlet
    {
        public const string SnapshotSubnet = "SnapshotSubnet";
        public const string SnapshotNetworkInterface = "SnapshotNetworkInterface";
        public const string SnapshotResourceId = "SnapshotResourceId";
        public const string TopologySubnet = "TopologySubnet";
        public const string TopologyNetworkInterface = "TopologyNetworkInterface";
        public const string TopologyResourceId = "TopologyResourceId";

        private Topology? _loaded;

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
        [Alias("SubnetId")]
        [ValidateNotNullOrEmpty]
        public string? Subnet { get; set; }

        [Parameter(ParameterSetName = SnapshotNetworkInterface, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, HelpMessage = "A network interface name or resource id.")]
        [Parameter(ParameterSetName = TopologyNetworkInterface, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, HelpMessage = "A network interface name or resource id.")]
        [Alias("NetworkInterfaceId", "Nic")]
        [ValidateNotNullOrEmpty]
        public string? NetworkInterface { get; set; }

        [Parameter(ParameterSetName = SnapshotResourceId, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, HelpMessage = "A subnet or network interface resource id (the Id of a piped Az object).")]
        [Parameter(ParameterSetName = TopologyResourceId, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, HelpMessage = "A subnet or network interface resource id (the Id of a piped Az object).")]
        [Alias("Id")]
        [ValidateNotNullOrEmpty]
        public string? ResourceId { get; set; }

        /// <inheritdoc />
        protected override void BeginProcessing()
        {
            // -Snapshot cannot come from the pipeline: load it once for every piped subnet or NIC.
            if (Snapshot != null) _loaded = LoadTopology(Snapshot, terminating: true);
        }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            var target = Subnet ?? NetworkInterface ?? ResourceId;
            try
            {
                var request = ToRequest(_loaded ?? Topology, Subnet, NetworkInterface, ResourceId);
                EngineHost.Progress("Computing effective routes", target ?? "", -1);
                var table = request.Execute(EngineHost);
                WriteVerbose($"Effective routes of {table.Subnet.DisplayName} ({table.Scope}): {table.Routes.Count} route(s).");
                WriteObject(table.Routes, enumerateCollection: true);
            }
            catch (Exception e) when (TryWriteEngineError(e, target))
            {
            }
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
