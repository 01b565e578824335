using System.CommandLine;

namespace AzSpokeTools.Cli;

/// <summary>Options shared by several commands, spelled as in README.md#the-command-line.</summary>
internal static class CommonOptions
{
    public static Option<string> Snapshot() => new("--snapshot")
    {
        Description = "Snapshot file or directory, or sample:NAME for a bundled sample",
        Required = true,
    };

    public static Option<string> Format(params string[] allowed)
    {
        var option = new Option<string>("--format") { Description = "Output format: " + string.Join(", ", allowed), DefaultValueFactory = _ => allowed[0] };
        option.AcceptOnlyFromAmong(allowed);
        return option;
    }
}
