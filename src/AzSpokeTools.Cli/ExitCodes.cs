namespace AzSpokeTools.Cli;

/// <summary>Exit codes of the command line (README.md#the-command-line).</summary>
public static class ExitCodes
{
    /// <summary>Success (and compliant / ready).</summary>
    public const int Success = 0;
    /// <summary>The check ran and found violations, not-ready findings or an undelivered path.</summary>
    public const int Findings = 1;
    /// <summary>Bad input or usage.</summary>
    public const int BadInput = 2;
    /// <summary>Azure or network failure.</summary>
    public const int AzureFailure = 3;
    /// <summary>Internal error (a bug): one line on stderr, the stack trace with --verbose.</summary>
    public const int InternalError = 4;
}
