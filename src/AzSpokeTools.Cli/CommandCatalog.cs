using System.CommandLine;

namespace AzSpokeTools.Cli;

/// <summary>Every azspoke subcommand, in the order of README.md#the-command-line.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> Create(CliContext context)
    {
        yield return Commands.RoutesCommand.Create(context);
        yield return Commands.PathCommand.Create(context);
        yield return Commands.MatrixCommand.Create(context);
        yield return Commands.MergeCommand.Create(context);
        yield return Commands.IntentCommand.Create(context);
        yield return Commands.ReadinessCommand.Create(context);
        yield return Commands.PlanCommand.Create(context);
        yield return Commands.VerifyCommand.Create(context);
        yield return Commands.ExportCommand.Create(context);
        yield return Commands.DiffCommand.Create(context);
        yield return Commands.VerifyWaveCommand.Create(context);
        yield return Commands.DiagramCommand.Create(context);
        yield return Commands.ReportCommand.Create(context);
        yield return Commands.SampleCommand.Create(context);
        yield return Commands.GenerateCommand.Create(context);
    }
}
