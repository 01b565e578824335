using System.IO;
using System.Linq;
using System.Management.Automation;
using AzSpokeTools.Engine.Samples;
using AzSpokeTools.Samples;

namespace AzSpokeTools.Cmdlets
{
    /// <summary>
    /// <c>Get-SpokeSample</c>: the sample snapshots bundled with the module (as <c>azspoke sample --list</c>), each with the
    /// value to give -Snapshot and its file in the module's samples folder. -Name filters with wildcards; a name without
    /// wildcards that matches no sample is a non-terminating SampleNotFound error, as Get-Module -Name does.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "SpokeSample", HelpUri = HelpLinks.Docs + "Get-SpokeSample.md")]
    [OutputType(typeof(SpokeSample))]
    public sealed class GetSpokeSampleCommand : PSCmdlet
    {
        [Parameter(Position = 0, ValueFromPipeline = true, HelpMessage = "Sample names; wildcards are permitted (default: every sample).")]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            var samples = Path.Combine(ModuleInitializer.ModuleRoot, "samples");
            foreach (var pattern in Name ?? new[] { "*" })
            {
                var wildcard = new WildcardPattern(pattern, WildcardOptions.IgnoreCase);
                var matches = SampleCatalog.Names.Where(n => wildcard.IsMatch(n)).ToList();
                if (matches.Count == 0 && !WildcardPattern.ContainsWildcardCharacters(pattern))
                {
                    WriteError(new ErrorRecord(new ItemNotFoundException($"There is no bundled sample named '{pattern}'. Valid names: {string.Join(", ", SampleCatalog.Names)}."),
                        "SampleNotFound", ErrorCategory.ObjectNotFound, pattern));
                    continue;
                }
                foreach (var name in matches)
                {
                    var file = Path.Combine(samples, name + ".json");
                    WriteObject(new SpokeSample(name, File.Exists(file) ? file : null));
                }
            }
        }
    }
}
