namespace AzSpokeTools.Cli;

/// <summary>Bad input or usage detected by a command; reported on stderr with exit code 2.</summary>
public sealed class CliInputException(string message) : Exception(message);
