using System;
using AzSpokeTools.Engine.Hosting;
using AzSpokeTools.Engine.Intent;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Paths;

namespace AzSpokeTools.Engine.Requests
{
    /// <summary>
    /// Get-SpokePathMatrix / <c>azspoke matrix</c>: the path kind of every ordered VNet (or subnet) pair, checked against intent
    /// (the file's rules, then AVNM connectivity configurations). <see cref="Execute"/> prepares the matrix; the caller streams
    /// its rows (<see cref="PathMatrix.Rows"/> or <see cref="PathMatrix.Run"/>) and reads the summary afterwards.
    /// </summary>
    public sealed class PathMatrixRequest
    {
        /// <summary>The snapshot to load (a file, a folder or sample:NAME), when <see cref="Topology"/> is not given.</summary>
        public string? Snapshot { get; set; }
        /// <summary>An already loaded topology; takes precedence over a snapshot.</summary>
        public Topology? Topology { get; set; }
        /// <summary>Optional intent file.</summary>
        public string? Intent { get; set; }
        /// <summary>vector (default) or scalar (the reference evaluator, for comparison).</summary>
        public string? Engine { get; set; }
        /// <summary>VirtualNetwork (default) or Subnet.</summary>
        public PathMatrixLevel Level { get; set; } = PathMatrixLevel.VirtualNetwork;
        /// <summary>Optional service tags to resolve tag prefixes in UDRs and service endpoints.</summary>
        public Routing.ServiceTagCatalog? ServiceTags { get; set; }
        /// <summary>Optional path of Azure's service-tag file (ServiceTags_Public_*.json); loaded when <see cref="ServiceTags"/> is not set.</summary>
        public string? ServiceTagFile { get; set; }
        /// <summary>Tcp (default with a port), Udp, Icmp or Any: the flow whose access every row carries.</summary>
        public string? Protocol { get; set; }
        /// <summary>The destination port; rows carry access only when given (or for ICMP).</summary>
        public int? Port { get; set; }
        /// <summary>The source port (default any).</summary>
        public int? SourcePort { get; set; }
        /// <summary>allow or deny: what third-party network virtual appliances are assumed to do (default Unknown).</summary>
        public string? AssumeNva { get; set; }

        /// <summary>Name patterns, kinds, violations and shard (<c>--from-pattern --to-pattern --kind --only-violations --shard</c>); null for every pair.</summary>
        public PathMatrixSelection? Selection { get; set; }

        /// <summary>Threads evaluating sources (<c>--threads</c>, <c>-ThrottleLimit</c>); null for every core. The scalar engine always uses one.</summary>
        public int? Threads { get; set; }

        /// <summary>Rows carry their reasons (<c>--reasons</c>, <c>-Reasons</c>): causes and fixes along the first path, then intent violations.</summary>
        public bool Reasons { get; set; }

        /// <summary>Runs the request, reporting through <paramref name="host"/>; bad parameters throw <see cref="EngineInputException"/>.</summary>
        public PathMatrix Execute(IEngineHost host)
        {
            if (host == null) throw new ArgumentNullException(nameof(host));
            PathMatrixEngine engine;
            if (string.IsNullOrWhiteSpace(Engine) || string.Equals(Engine, "vector", StringComparison.OrdinalIgnoreCase)) engine = PathMatrixEngine.Vector;
            else if (string.Equals(Engine, "scalar", StringComparison.OrdinalIgnoreCase)) engine = PathMatrixEngine.Scalar;
            else throw new EngineInputException("Engine", $"'{Engine}' is not an engine; use vector or scalar");
            Selection?.Validate();
            if (Threads is int t && t < 1) throw new EngineInputException("Threads", $"{t} threads: give at least 1");
            var flow = FlowOptions.From(Protocol, Port, SourcePort);
            var security = FlowOptions.Options(AssumeNva);
            var topology = TopologyInput.Resolve(Snapshot, Topology, host);
            var intent = string.IsNullOrWhiteSpace(Intent) ? IntentSet.FromAvnm(topology) : IntentSet.Load(Intent!, topology);
            var options = new PathMatrixOptions
            {
                Engine = engine, Level = Level, Intent = intent, Selection = Selection, Threads = Threads, Reasons = Reasons, Flow = flow, SecurityOptions = security,
            };
            return new PathMatrix(topology, options, ServiceTags ?? TopologyInput.ServiceTags(ServiceTagFile));
        }
    }
}
