using System.Collections.Generic;

namespace AzSpokeTools.Engine.Hosting
{
    /// <summary>A host that records warnings and verbose messages and approves nothing; for tests and batch callers.</summary>
    public sealed class RecordingEngineHost : IEngineHost
    {
        public List<string> Warnings { get; } = new List<string>();
        public List<string> VerboseMessages { get; } = new List<string>();

        public void Warning(string message) => Warnings.Add(message);
        public void Verbose(string message) => VerboseMessages.Add(message);
        public void Progress(string activity, string status, int percent) { }
        public bool ShouldProcess(string target, string action) => false;
    }
}
