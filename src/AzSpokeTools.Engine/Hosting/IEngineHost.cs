namespace AzSpokeTools.Engine.Hosting
{
    /// <summary>
    /// How the engine talks to whoever runs it (a cmdlet, the CLI, a test), in the manner of PSRule's
    /// engine: the engine never sees a PSCmdlet. Hosts call back on their own pipeline thread; the engine
    /// calls these members only from the thread that invoked it.
    /// </summary>
    public interface IEngineHost
    {
        /// <summary>A non-fatal problem the user should see (PowerShell: WriteWarning; CLI: stderr).</summary>
        void Warning(string message);

        /// <summary>Detail for troubleshooting (PowerShell: WriteVerbose).</summary>
        void Verbose(string message);

        /// <summary>Progress of long work; <paramref name="percent"/> is -1 when unknown.</summary>
        void Progress(string activity, string status, int percent);

        /// <summary>Asks before changing anything in Azure (PowerShell: ShouldProcess).</summary>
        bool ShouldProcess(string target, string action);
    }
}
