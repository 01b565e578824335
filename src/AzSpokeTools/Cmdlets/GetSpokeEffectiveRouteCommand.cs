using System;
using System.Collections.Generic;
using System.Management.Automation;
using AzSpokeTools.Engine.Hosting;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Reports;
using AzSpokeTools.Engine.Requests;
using AzSpokeTools.Engine.Verification;
using AzSpokeTools.Routes;
using AzSpokeTools.Engine;

namespace AzSpokeTools.Cmdlets
{
    /// <summary>
    /// <c>Get-SpokeEffectiveRoute</c>: the effective routes of a subnet or NIC, as Azure's effective-routes API would return them,
    /// computed from a snapshot, a topology or live data without a running VM. One target parameter (-Target, also -Subnet,
    /// -NetworkInterface, -ResourceId and -Id) takes VNET/SUBNET, a NIC name or a subnet or NIC resource id, from the command line
    /// or the pipeline (by value, or by property name: <c>Get-AzNetworkInterface | Get-SpokeEffectiveRoute -Snapshot f</c> binds
    /// each Id); the engine request tells them apart. Each piped item that fails is a non-terminating error. With -Verify it
    /// compares the computed routes with the effective route tables captured in the snapshot, NIC by NIC, through the request
    /// <c>azspoke verify</c> uses; -AsJson writes the document <c>azspoke routes</c> / <c>azspoke verify</c> prints.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "SpokeEffectiveRoute", HelpUri = HelpLinks.Docs + "Get-SpokeEffectiveRoute.md", DefaultParameterSetName = SnapshotSet)]
    [OutputType(typeof(SpokeEffectiveRoute))]
    [OutputType(typeof(SpokeRouteVerification))]
    [OutputType(typeof(string))]
    public sealed class GetSpokeEffectiveRouteCommand : TopologyCmdlet
    {
        private readonly Dictionary<Topology, IReadOnlyList<NicVerification>> _verified = new Dictionary<Topology, IReadOnlyList<NicVerification>>();

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true,
            HelpMessage = "The subnet (VNET/SUBNET or subnet resource id) or network interface (name or resource id); with -Verify also a NIC name pattern.")]
        [Alias("Subnet", "SubnetId", "NetworkInterface", "NetworkInterfaceId", "Nic", "ResourceId", "Id")]
        [ValidateNotNullOrEmpty]
        public string? Target { get; set; }

        [Parameter(ParameterSetName = SnapshotSet, HelpMessage = "Compare the computed routes with the effective route table captured in the snapshot.")]
        [Parameter(ParameterSetName = TopologySet, HelpMessage = "Compare the computed routes with the effective route table captured in the snapshot.")]
        public SwitchParameter Verify { get; set; }

        [Parameter(HelpMessage = "Write each answer as one JSON document (the bytes of azspoke routes --format json, or with -Verify of azspoke verify --format json) instead of objects.")]
        public SwitchParameter AsJson { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            if (Verify)
            {
                WriteVerification(CurrentTopology, Target!);
                return;
            }
            try
            {
                EngineHost.Progress("Computing effective routes", Target ?? "", -1);
                var table = ToRequest(CurrentTopology, Target).Execute(EngineHost);
                WriteVerbose($"Effective routes of {table.Subnet.DisplayName} ({table.Scope}): {table.Routes.Count} route(s).");
                if (AsJson) WriteObject(EffectiveRouteListJsonWriter.Render(table));
                else foreach (var route in table.Routes) WriteObject(new SpokeEffectiveRoute(route, table));
            }
            catch (Exception e) when (TryWriteEngineError(e, Target))
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
                var selected = VerifyRequest.Select(topology, all, target);
                foreach (var result in selected)
                    if (result.Error != null) WriteWarning($"{result.Name}: {result.Error}");
                if (AsJson) WriteObject(EffectiveRouteVerificationJsonWriter.Render(selected));
                else foreach (var result in selected) WriteObject(new SpokeRouteVerification(result));
            }
            catch (Exception e) when (TryWriteEngineError(e, target))
            {
            }
        }

        /// <summary>The request the CLI's <c>azspoke verify</c> builds for the same topology (every captured NIC; -Target selects among them).</summary>
        public static VerifyRequest ToVerifyRequest(Topology topology) => new VerifyRequest { Topology = topology };

        /// <summary>The parameters as the engine request <c>azspoke routes</c> builds; the request tells a subnet from a NIC.</summary>
        public static EffectiveRouteRequest ToRequest(Topology? topology, string? target) => new EffectiveRouteRequest { Topology = topology, Target = target };
    }
}
