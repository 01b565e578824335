using AzSpokeTools.Engine.Hosting;

namespace AzSpokeTools.Cli;

/// <summary>The engine host of the CLI: warnings on stderr, verbose only when asked, nothing is changed without --apply.</summary>
internal sealed class CliEngineHost(CliContext context, bool verbose = false, bool apply = false) : IEngineHost
{
    public void Warning(string message) => context.Err.WriteLine("warning: " + message);

    public void Verbose(string message)
    {
        if (verbose) context.Err.WriteLine("verbose: " + message);
    }

    public void Progress(string activity, string status, int percent)
    {
        if (verbose) context.Err.WriteLine($"progress: {activity}: {status}" + (percent >= 0 ? $" ({percent}%)" : ""));
    }

    public bool ShouldProcess(string target, string action) => apply;
}
