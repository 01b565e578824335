using System;
using System.Diagnostics;
using System.Management.Automation;
using AzSpokeTools.Engine;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Paths;
using AzSpokeTools.Engine.Reports;
using AzSpokeTools.Engine.Requests;
using AzSpokeTools.Paths;

namespace AzSpokeTools.Cmdlets
{
    /// <summary>
    /// <c>Get-SpokePathMatrix</c>: the path kind of every ordered VNet (or subnet) pair, checked against intent,
    /// streamed to the pipeline as the engine produces it (with progress), through the request
    /// <c>azspoke matrix</c> builds. -Summary writes the counts instead (<c>azspoke matrix --format summary</c>).
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "SpokePathMatrix", HelpUri = HelpLinks.Docs + "Get-SpokePathMatrix.md", DefaultParameterSetName = SnapshotSet)]
    [OutputType(typeof(PathMatrixEntry))]
    [OutputType(typeof(SpokePathMatrixSummary))]
    [OutputType(typeof(string))]
    public sealed class GetSpokePathMatrixCommand : TopologyCmdlet
    {
        private const string Activity = "Path matrix";

        [Parameter(HelpMessage = "An intent file (YAML, or JSON when it ends in .json); default: the snapshot's AVNM configurations.")]
        [ValidateNotNullOrEmpty]
        public string? Intent { get; set; }

        [Parameter(HelpMessage = "VirtualNetwork (default): one row per VNet pair; Subnet: one row per subnet pair.")]
        [ValidateSet("VirtualNetwork", "Subnet", IgnoreCase = true)]
        public string Level { get; set; } = "VirtualNetwork";

        [Parameter(HelpMessage = "Write only the summary (pairs, counts by kind and outcome, violations) instead of every pair.")]
        public SwitchParameter Summary { get; set; }

        [Parameter(HelpMessage = "Write only pairs of these path kinds; -Summary still counts every pair.")]
        [ValidateNotNullOrEmpty]
        public PathKind[]? Kind { get; set; }

        [Parameter(HelpMessage = "Write only pairs whose path violates the intent that applies to them.")]
        public SwitchParameter OnlyViolations { get; set; }

        [Parameter(HelpMessage = "Only sources whose name matches this pattern (* and ?, case-insensitive).")]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string? FromPattern { get; set; }

        [Parameter(HelpMessage = "Only destinations whose name matches this pattern (* and ?, case-insensitive).")]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string? ToPattern { get; set; }

        [Parameter(HelpMessage = "I/N: only shard I of N (a contiguous block of sources), as azspoke matrix --shard.")]
        [ValidatePattern(@"^\d+/\d+$")]
        public string? Shard { get; set; }

        [Parameter(HelpMessage = "Threads evaluating sources (default: every core); pairs keep their order.")]
        [ValidateRange(1, 1024)]
        public int ThrottleLimit { get; set; }

        [Parameter(HelpMessage = "Each pair also carries its reasons (cause and fix along the first path, then intent violations), as azspoke matrix --reasons; not with -Summary.")]
        public SwitchParameter Reasons { get; set; }

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

        [Parameter(HelpMessage = "Write one JSON document instead of objects: with -Summary the summary (azspoke matrix --format summary), else every pair and the summary (azspoke matrix --format json).")]
        public SwitchParameter AsJson { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            PathMatrix matrix;
            try
            {
                var request = ToRequest(CurrentTopology, ResolvePath(Intent), Level);
                var (shard, shards) = Shard == null ? (1, 1) : PathMatrixSelection.ParseShard(Shard);
                request.Selection = new PathMatrixSelection { Kinds = Kind, OnlyViolations = OnlyViolations, FromPattern = FromPattern, ToPattern = ToPattern, Shard = shard, ShardCount = shards };
                request.Threads = ThrottleLimit > 0 ? ThrottleLimit : null;
                if (Reasons && Summary)
                    throw new EngineInputException("Reasons", "-Reasons adds each pair's reasons to the pairs written; -Summary writes counts only");
                request.Reasons = Reasons;
                request.Protocol = Protocol;
                request.Port = Port;
                request.SourcePort = SourcePort;
                request.AssumeNva = AssumeNva;
                matrix = request.Execute(EngineHost);
            }
            catch (Exception e) when (TryWriteEngineError(e, Intent ?? (object)CurrentTopology))
            {
                return;
            }
            if (AsJson && !Summary)
            {
                // The whole matrix as azspoke matrix --format json writes it: one document, so it is built before it is written.
                var document = new System.IO.StringWriter();
                try { PathMatrixJsonWriter.WriteDocument(document, matrix); }
                catch (Exception e) when (TryWriteEngineError(e, Intent ?? (object)CurrentTopology)) { return; }
                foreach (var skipped in matrix.Summary.Skipped) WriteWarning("Skipped " + skipped);
                WriteObject(document.ToString());
                return;
            }
            var total = (long)matrix.Endpoints.Count * Math.Max(0, matrix.Endpoints.Count - 1);
            var watch = Stopwatch.StartNew();
            long done = 0;
            var lastReport = TimeSpan.FromSeconds(-1);
            try
            {
                // -Summary counts without materialising a row; otherwise each pair goes to the pipeline as it is produced.
                if (Summary) matrix.Run(null, EngineHost);
                else foreach (var row in matrix.Rows())
                {
                    done++;
                    if (watch.Elapsed - lastReport >= TimeSpan.FromMilliseconds(250))
                    {
                        lastReport = watch.Elapsed;
                        EngineHost.Progress(Activity, $"{done:N0} of {total:N0} pairs", total == 0 ? -1 : (int)(100 * done / total));
                    }
                    WriteObject(new PathMatrixEntry(matrix, row));
                }
            }
            catch (Exception e) when (TryWriteEngineError(e, Intent ?? (object)CurrentTopology))
            {
                return;
            }
            var summary = matrix.Summary;
            foreach (var skipped in summary.Skipped) WriteWarning("Skipped " + skipped);
            WriteVerbose($"{summary.Pairs:N0} pairs in {summary.ElapsedMs} ms; {summary.Violations:N0} intent violation(s).");
            if (Summary && AsJson) WriteObject(PathMatrixJsonWriter.RenderSummary(summary));
            else if (Summary) WriteObject(new SpokePathMatrixSummary(summary));
        }

        /// <summary>The parameters as the request the CLI's <c>azspoke matrix --intent --level</c> also builds.</summary>
        public static PathMatrixRequest ToRequest(Topology topology, string? intent, string level) => new PathMatrixRequest
        {
            Topology = topology,
            Intent = intent,
            Level = string.Equals(level, "Subnet", StringComparison.OrdinalIgnoreCase) ? PathMatrixLevel.Subnet : PathMatrixLevel.VirtualNetwork,
        };
    }
}
