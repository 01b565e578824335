using System.Linq;
using System.Management.Automation;
using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Cmdlets
{
    /// <summary>
    /// <c>Import-SpokeTopology</c>: loads a snapshot once into a topology object that the other cmdlets take
    /// with -Topology or from the pipeline. One topology per -Snapshot value; a directory's *.json files load
    /// into one topology. A value that fails is a non-terminating error; the others still load.
    /// </summary>
    [Cmdlet(VerbsData.Import, "SpokeTopology")]
    [OutputType(typeof(Topology))]
    public sealed class ImportSpokeTopologyCommand : SpokeCmdlet
    {
        /// <summary>Snapshot file, directory of *.json files, or sample:NAME.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true,
            HelpMessage = "Snapshot file, directory of *.json files, or sample:NAME for a bundled sample.")]
        [Alias("FullName", "Path")]
        [ValidateNotNullOrEmpty]
        public string[] Snapshot { get; set; } = new string[0];

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            foreach (var snapshot in Snapshot)
            {
                var topology = LoadTopology(snapshot, terminating: false);
                if (topology == null) continue;
                WriteVerbose($"{snapshot}: " + string.Join(", ", topology.Counts().Where(c => c.Value > 0).Select(c => $"{c.Value} {c.Key}")));
                WriteObject(topology);
            }
        }
    }
}
