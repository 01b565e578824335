using System.Collections.Generic;

namespace AzSpokeTools.Engine.Hosting
{
    /// <summary>A host that records warnings and verbose messages and approves nothing; for tests and batch callers.</summary>
    public sealed class RecordingEngineHost : IEngineHost
    {
        /// <summary>The warnings the engine wrote, in order.</summary>
        public List<string> Warnings { get; } = new List<string>();
        /// <summary>The verbose messages the engine wrote, in order.</summary>
        public List<string> VerboseMessages { get; } = new List<string>();

        /// <summary>Records a warning.</summary>
        public void Warning(string message) => Warnings.Add(message);
        /// <summary>Records a verbose message.</summary>
        public void Verbose(string message) => VerboseMessages.Add(message);
        /// <summary>Ignores progress.</summary>
        public void Progress(string activity, string status, int percent) { }
        /// <summary>Always agrees: a recording host runs everything.</summary>
        public bool ShouldProcess(string target, string action) => false;
    }
}
