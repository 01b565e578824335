namespace AzSpokeTools.HelpGen;

/// <summary>A help markdown file that does not follow the schema; the message names the file and the section.</summary>
public sealed class HelpFormatException(string file, string message) : Exception($"{file}: {message}")
{
    public string File { get; } = file;
}
