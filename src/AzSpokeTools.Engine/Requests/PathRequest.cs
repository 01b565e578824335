using System;
using AzSpokeTools.Engine.Hosting;
using AzSpokeTools.Engine.Intent;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Paths;

namespace AzSpokeTools.Engine.Requests
{
    /// <summary>
    /// Get-SpokeEffectivePath / <c>azspoke path</c>: the hop-by-hop path (and reverse path) between two VNets, subnets, NICs or
    /// IPs, actual versus intended. Intent comes from <see cref="Intent"/> (a YAML or JSON file) and from the snapshot's AVNM
    /// connectivity configurations (mesh members intend Mesh); a file rule wins over AVNM for the same pair.
    /// </summary>
    public sealed class PathRequest
    {
        /// <summary>Snapshot file, directory or sample:NAME (ignored when <see cref="Topology"/> is set).</summary>
        public string? Snapshot { get; set; }
        /// <summary>An already loaded topology; takes precedence over a snapshot.</summary>
        public Topology? Topology { get; set; }
        /// <summary>A VNet name, VNET/SUBNET, a NIC name, an IP address or a resource id.</summary>
        public string? Source { get; set; }
        /// <summary>As <see cref="Source"/>.</summary>
        public string? Destination { get; set; }
        /// <summary>Optional intent file (YAML, or JSON when it ends in .json).</summary>
        public string? Intent { get; set; }
        /// <summary>Optional service tags to resolve tag prefixes in UDRs and service endpoints.</summary>
        public Routing.ServiceTagCatalog? ServiceTags { get; set; }
        /// <summary>Optional path of Azure's service-tag file (ServiceTags_Public_*.json); loaded when <see cref="ServiceTags"/> is not set.</summary>
        public string? ServiceTagFile { get; set; }
        /// <summary>Most equal-cost paths traced in full (default 16); the others are counted in <see cref="PathResult.MoreAlternatives"/>.</summary>
        public int MaxPaths { get; set; } = PathAnalyzer.DefaultMaxPaths;
        /// <summary>Tcp (default with a port), Udp, Icmp or Any: the flow whose access is evaluated.</summary>
        public string? Protocol { get; set; }
        /// <summary>The destination port; access (NSGs, security admin rules, firewall rules) is evaluated only when given (or for ICMP).</summary>
        public int? Port { get; set; }
        /// <summary>The source port; when not given, rules restricted to source ports are Unknown.</summary>
        public int? SourcePort { get; set; }
        /// <summary>allow or deny: what third-party network virtual appliances are assumed to do (default: Unknown, their rules are not visible).</summary>
        public string? AssumeNva { get; set; }

        /// <summary>Runs the request, reporting through <paramref name="host"/>; bad parameters throw <see cref="EngineInputException"/>.</summary>
        public PathResult Execute(IEngineHost host)
        {
            if (host == null) throw new ArgumentNullException(nameof(host));
            if (string.IsNullOrWhiteSpace(Source)) throw new EngineInputException("Source", "give where the path starts: a VNet, VNET/SUBNET, NIC, IP address or resource id");
            if (string.IsNullOrWhiteSpace(Destination)) throw new EngineInputException("Destination", "give where the path goes: a VNet, VNET/SUBNET, NIC, IP address or resource id");
            if (MaxPaths < 1) throw new EngineInputException("MaxPaths", $"{MaxPaths} is not a number of paths; give 1 or more");
            var flow = FlowOptions.From(Protocol, Port, SourcePort);
            var security = FlowOptions.Options(AssumeNva);
            var topology = TopologyInput.Resolve(Snapshot, Topology, host);
            var from = PathEndpoints.Resolve(topology, Source!, "Source");
            var to = PathEndpoints.Resolve(topology, Destination!, "Destination");
            var intent = string.IsNullOrWhiteSpace(Intent) ? IntentSet.FromAvnm(topology) : IntentSet.Load(Intent!, topology);
            var analyzer = new PathAnalyzer(topology, ServiceTags ?? TopologyInput.ServiceTags(ServiceTagFile)) { MaxPaths = MaxPaths, SecurityOptions = security };
            var result = analyzer.Trace(from, to, intent, flow);
            foreach (var r in result.Reasons)
                if (r.Severity == PathReasonSeverity.Assumption) host.Verbose("assumed: " + r.Message);
            return result;
        }
    }
}
