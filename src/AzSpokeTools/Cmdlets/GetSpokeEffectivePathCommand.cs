using System;
using System.Management.Automation;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Paths;
using AzSpokeTools.Engine.Reports;
using AzSpokeTools.Engine.Requests;
using AzSpokeTools.Paths;

namespace AzSpokeTools.Cmdlets
{
    /// <summary>
    /// <c>Get-SpokeEffectivePath</c>: the hop-by-hop path, and the reverse path, between two VNets, subnets,
    /// NICs or IP addresses, with its kind, outcome, transits and (from -Intent or AVNM) whether it is the
    /// intended one, through the request <c>azspoke path</c> builds. -Source binds from piped Az objects' Id
    /// (<c>Get-AzVirtualNetwork | Get-SpokeEffectivePath -Destination hub</c>); each piped item that fails is
    /// a non-terminating error.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "SpokeEffectivePath", HelpUri = HelpLinks.Docs + "Get-SpokeEffectivePath.md", DefaultParameterSetName = SnapshotSet)]
    [OutputType(typeof(SpokePath))]
    [OutputType(typeof(string))]
    public sealed class GetSpokeEffectivePathCommand : TopologyCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true,
            HelpMessage = "Where the path starts: a VNet name, VNET/SUBNET, a NIC name, an IP address or a resource id.")]
        [Alias("Id", "From")]
        [ValidateNotNullOrEmpty]
        public string? Source { get; set; }

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true,
            HelpMessage = "Where the path goes, in the same forms as -Source.")]
        [Alias("To")]
        [ValidateNotNullOrEmpty]
        public string? Destination { get; set; }

        [Parameter(HelpMessage = "An intent file (YAML, or JSON when it ends in .json); default: the snapshot's AVNM configurations.")]
        [ValidateNotNullOrEmpty]
        public string? Intent { get; set; }

        [Parameter(HelpMessage = "Most equal-cost paths returned in full (default 16); the others are counted in MoreAlternatives.")]
        [ValidateRange(1, int.MaxValue)]
        public int MaxPaths { get; set; } = PathAnalyzer.DefaultMaxPaths;

        [Parameter(HelpMessage = "Tcp (default with -Port), Udp, Icmp or Any: the flow whose access (NSGs, AVNM security admin rules, firewall rules) is evaluated.")]
        [ValidateSet("Tcp", "Udp", "Icmp", "Any", IgnoreCase = true)]
        public string? Protocol { get; set; }

        [Parameter(HelpMessage = "The destination port: evaluate whether the flow is allowed (not evaluated without it, except for -Protocol Icmp).")]
        [ValidateRange(0, 65535)]
        public int? Port { get; set; }

        [Parameter(HelpMessage = "The source port (default any: rules restricted to source ports are Unknown).")]
        [ValidateRange(0, 65535)]
        public int? SourcePort { get; set; }

        [Parameter(HelpMessage = "Allow or Deny: what third-party network virtual appliances do with the flow (default Unknown: their rules are not visible).")]
        [ValidateSet("Allow", "Deny", IgnoreCase = true)]
        public string? AssumeNva { get; set; }

        [Parameter(HelpMessage = "Write the path as one JSON document (the bytes of azspoke path --format json) instead of objects.")]
        public SwitchParameter AsJson { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            var target = Source + " -> " + Destination;
            try
            {
                EngineHost.Progress("Tracing path", target, -1);
                var request = ToRequest(CurrentTopology, Source, Destination, ResolvePath(Intent), MaxPaths);
                request.Protocol = Protocol;
                request.Port = Port;
                request.SourcePort = SourcePort;
                request.AssumeNva = AssumeNva;
                var result = request.Execute(EngineHost);
                if (result.MoreAlternatives > 0)
                    WriteWarning($"{result.MoreAlternatives:N0} more equal-cost paths are not shown; raise -MaxPaths to see more.");
                if (AsJson) WriteObject(PathJsonWriter.Render(result));
                else WriteObject(new SpokePath(result));
            }
            catch (Exception e) when (TryWriteEngineError(e, Source))
            {
            }
        }

        /// <summary>The parameters as the request the CLI's <c>azspoke path --from --to --intent</c> also builds.</summary>
        public static PathRequest ToRequest(Topology topology, string? source, string? destination, string? intent, int maxPaths = PathAnalyzer.DefaultMaxPaths) =>
            new PathRequest { Topology = topology, Source = source, Destination = destination, Intent = intent, MaxPaths = maxPaths };
    }
}
