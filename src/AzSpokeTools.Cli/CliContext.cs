namespace AzSpokeTools.Cli;

/// <summary>Where commands write: standard output for results, standard error for warnings and errors.</summary>
public sealed class CliContext(TextWriter output, TextWriter error)
{
    public TextWriter Out { get; } = output;
    public TextWriter Err { get; } = error;
}
