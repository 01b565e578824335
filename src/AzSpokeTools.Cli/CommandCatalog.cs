using System.CommandLine;
using AzSpokeTools.Cli.Commands;

namespace AzSpokeTools.Cli;

/// <summary>Every azspoke subcommand, in the order of the DESIGN.md CLI contract.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> Create(CliContext context)
    {
        yield return ExportCommand.Create(context);
    }
}
