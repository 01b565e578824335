using AzSpokeTools.Engine.Hosting;
using AzSpokeTools.Engine.Reports;

namespace AzSpokeTools.Cli;

/// <summary>
/// The engine host of the CLI: warnings on stderr, verbose and progress only with --verbose, nothing is changed without --apply.
/// Every message is one line: what it quotes from the snapshot is escaped (<see cref="SafeText"/>).
/// </summary>
internal sealed class CliEngineHost(CliContext context, bool? verbose = null, bool apply = false) : IEngineHost
{
    private bool IsVerbose => verbose ?? context.Verbose;

    public void Warning(string message) => context.Err.WriteLine("warning: " + SafeText.Escape(message));

    public void Verbose(string message)
    {
        if (IsVerbose) context.Err.WriteLine("verbose: " + SafeText.Escape(message));
    }

    public void Progress(string activity, string status, int percent)
    {
        if (IsVerbose) context.Err.WriteLine(SafeText.Escape($"progress: {activity}: {status}" + (percent >= 0 ? $" ({percent}%)" : "")));
    }

    public bool ShouldProcess(string target, string action) => apply;
}
