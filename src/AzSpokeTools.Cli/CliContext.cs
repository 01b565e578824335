namespace AzSpokeTools.Cli;

/// <summary>Where commands write: standard output for results, standard error for warnings and errors; and whether --verbose was given.</summary>
public sealed class CliContext(TextWriter output, TextWriter error)
{
    public TextWriter Out { get; } = output;
    public TextWriter Err { get; } = error;
    /// <summary>--verbose (a recursive option of the root command).</summary>
    public bool Verbose { get; internal set; }
}
