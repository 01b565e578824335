using System;
using AzSpokeTools.Engine.Hosting;
using AzSpokeTools.Engine.Intent;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Paths;

namespace AzSpokeTools.Engine.Requests
{
    /// <summary>Test-SpokeIntent / <c>azspoke intent</c>: pass or fail per intent rule, for pipelines.</summary>
    public sealed class IntentRequest
    {
        /// <summary>The snapshot to load (a file, a folder or sample:NAME), when <see cref="Topology"/> is not given.</summary>
        public string? Snapshot { get; set; }
        /// <summary>An already loaded topology; takes precedence over a snapshot.</summary>
        public Topology? Topology { get; set; }
        /// <summary>The intent file (required): YAML, or JSON when it ends in .json.</summary>
        public string? Intent { get; set; }
        /// <summary>How many failing pairs to keep per rule as evidence (default 20); every failure is counted.</summary>
        public int MaxExamplesPerRule { get; set; } = 20;
        /// <summary>Optional service tags to resolve tag prefixes in UDRs and service endpoints.</summary>
        public Routing.ServiceTagCatalog? ServiceTags { get; set; }
        /// <summary>Optional path of Azure's service-tag file (ServiceTags_Public_*.json); loaded when <see cref="ServiceTags"/> is not set.</summary>
        public string? ServiceTagFile { get; set; }
        /// <summary>
        /// Fail closed (default true): a snapshot without VNets, a rule that matches no pair, or a coverage gap affecting a rule's
        /// pairs fails the check with a warning (docs/guide/paths-and-intent.md, "Intent as a gate").
        /// </summary>
        public bool FailOnEmpty { get; set; } = true;
        /// <summary>allow or deny: what third-party network virtual appliances are assumed to do with the rules' allow/deny flows (default Unknown).</summary>
        public string? AssumeNva { get; set; }

        /// <summary>Runs the request, reporting through <paramref name="host"/>; bad parameters throw <see cref="EngineInputException"/>.</summary>
        public IntentReport Execute(IEngineHost host)
        {
            if (host == null) throw new ArgumentNullException(nameof(host));
            if (string.IsNullOrWhiteSpace(Intent)) throw new EngineInputException("Intent", "give an intent file (YAML or JSON)");
            var topology = TopologyInput.Resolve(Snapshot, Topology, host);
            var intent = IntentSet.Load(Intent!, topology);
            var matrix = new PathMatrix(topology, new PathMatrixOptions { Intent = intent, SecurityOptions = FlowOptions.Options(AssumeNva) }, ServiceTags ?? TopologyInput.ServiceTags(ServiceTagFile));
            return IntentReport.Build(intent, matrix, Math.Max(0, MaxExamplesPerRule), host, FailOnEmpty);
        }
    }
}
