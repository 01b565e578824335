using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using AzSpokeTools.Paths;
using AzSpokeTools.Engine.Paths;
using AzSpokeTools.Engine.Requests;

namespace AzSpokeTools.Cmdlets
{
    /// <summary>
    /// <c>Export-SpokeDiagram</c>: the topology (optionally some VNets) and optionally one path as SVG, HTML, Mermaid or
    /// Graphviz DOT, through the request <c>azspoke diagram</c> builds. The path is traced from -Source and -Destination, or
    /// piped from Get-SpokeEffectivePath (<c>Get-SpokeEffectivePath ... | Export-SpokeDiagram -OutputPath p.svg</c>).
    /// Writing the file is what -WhatIf and -Confirm govern, as for Export-Csv.
    /// </summary>
    [Cmdlet(VerbsData.Export, "SpokeDiagram", HelpUri = HelpLinks.Docs + "Export-SpokeDiagram.md", DefaultParameterSetName = SnapshotSet, SupportsShouldProcess = true)]
    [OutputType(typeof(FileInfo))]
    public sealed class ExportSpokeDiagramCommand : TopologyCmdlet
    {
        public const string PathSet = "Path";
        private readonly List<PathResult> _paths = new List<PathResult>();

        [Parameter(Mandatory = true, Position = 0, HelpMessage = "The file to write (.svg, .html, .mmd or .dot).")]
        [ValidateNotNullOrEmpty]
        public string? OutputPath { get; set; }

        [Parameter(ParameterSetName = SnapshotSet, ValueFromPipelineByPropertyName = true, HelpMessage = "Draw the path from here: a VNet name, VNET/SUBNET, a NIC name, an IP address or a resource id.")]
        [Parameter(ParameterSetName = TopologySet, ValueFromPipelineByPropertyName = true, HelpMessage = "Draw the path from here: a VNet name, VNET/SUBNET, a NIC name, an IP address or a resource id.")]
        [Parameter(ParameterSetName = SubscriptionSet, ValueFromPipelineByPropertyName = true, HelpMessage = "Draw the path from here: a VNet name, VNET/SUBNET, a NIC name, an IP address or a resource id.")]
        [Parameter(ParameterSetName = ManagementGroupSet, ValueFromPipelineByPropertyName = true, HelpMessage = "Draw the path from here: a VNet name, VNET/SUBNET, a NIC name, an IP address or a resource id.")]
        [Alias("From")]
        [ValidateNotNullOrEmpty]
        public string? Source { get; set; }

        [Parameter(ParameterSetName = SnapshotSet, ValueFromPipelineByPropertyName = true, HelpMessage = "Destination of the path, in the same forms as -Source.")]
        [Parameter(ParameterSetName = TopologySet, ValueFromPipelineByPropertyName = true, HelpMessage = "Destination of the path, in the same forms as -Source.")]
        [Parameter(ParameterSetName = SubscriptionSet, ValueFromPipelineByPropertyName = true, HelpMessage = "Destination of the path, in the same forms as -Source.")]
        [Parameter(ParameterSetName = ManagementGroupSet, ValueFromPipelineByPropertyName = true, HelpMessage = "Destination of the path, in the same forms as -Source.")]
        [Alias("To")]
        [ValidateNotNullOrEmpty]
        public string? Destination { get; set; }

        [Parameter(ParameterSetName = SnapshotSet, HelpMessage = "An intent file for the path's caption (YAML, or JSON when it ends in .json).")]
        [Parameter(ParameterSetName = TopologySet, HelpMessage = "An intent file for the path's caption (YAML, or JSON when it ends in .json).")]
        [Parameter(ParameterSetName = SubscriptionSet, HelpMessage = "An intent file for the path's caption (YAML, or JSON when it ends in .json).")]
        [Parameter(ParameterSetName = ManagementGroupSet, HelpMessage = "An intent file for the path's caption (YAML, or JSON when it ends in .json).")]
        [ValidateNotNullOrEmpty]
        public string? Intent { get; set; }

        [Parameter(ParameterSetName = PathSet, Mandatory = true, ValueFromPipeline = true, HelpMessage = "A path from Get-SpokeEffectivePath to draw.")]
        public SpokePath? InputObject { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true, HelpMessage = "Show only these VNets (names, wildcards, ids) and the hubs they are peered to.")]
        [ValidateNotNullOrEmpty]
        public string[]? VirtualNetwork { get; set; }

        [Parameter(HelpMessage = "Svg, Html, Mermaid or Dot; default: from the extension of -OutputPath.")]
        [ValidateSet("Svg", "Html", "Mermaid", "Dot", IgnoreCase = true)]
        public string? Format { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            if (InputObject != null) _paths.Add(InputObject.Result);
        }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            var path = GetUnresolvedProviderPathFromPSPath(OutputPath);
            try
            {
                var first = _paths.Count > 0 ? _paths[0] : null;
                if (_paths.Count > 1)
                    WriteWarning($"{_paths.Count} paths were piped; one diagram file draws one path, so only the first ({first}) is drawn. Use ForEach-Object to write one file per path.");
                var topology = first?.Topology ?? (ParameterSetName == PathSet ? null : CurrentTopology);
                if (topology == null)
                {
                    if (ParameterSetName == PathSet)
                        ThrowTerminatingError(new ErrorRecord(new PSArgumentException("No path was piped to draw."), "NoPathPiped", ErrorCategory.InvalidArgument, null));
                    base.EndProcessing();
                    return;
                }
                var request = ToRequest(topology, first, Source, Destination, ResolvePath(Intent), VirtualNetwork, Format, path);
                ReportProgress("Drawing diagram", path);
                var document = request.Execute(EngineHost);
                if (ShouldProcess(path, $"Write the {document.Format} diagram ({document.Diagram.Nodes.Count} nodes)"))
                {
                    var file = OutputFile.Write(this, path, document.Text);
                    if (file != null) WriteObject(file);
                }
            }
            catch (Exception e) when (TryWriteEngineError(e, Source ?? path))
            {
            }
            base.EndProcessing();
        }

        /// <summary>The parameters as the request <c>azspoke diagram</c> also builds.</summary>
        public static DiagramRequest ToRequest(Engine.Model.Topology topology, PathResult? path, string? source, string? destination, string? intent,
            string[]? virtualNetwork, string? format, string outputPath) => new DiagramRequest
        {
            Topology = topology,
            Path = path,
            Source = path == null ? source : null,
            Destination = path == null ? destination : null,
            Intent = intent,
            VirtualNetwork = virtualNetwork ?? Array.Empty<string>(),
            Format = format,
            OutputPath = outputPath,
        };
    }
}
