using System.CommandLine;

namespace AzSpokeTools.Cli;

/// <summary>Builds the azspoke command tree and runs it against the given writers (tests run it in-process).</summary>
public static class CliApp
{
    /// <param name="width">The terminal width tables must fit (null: output is redirected, rows are never cut).</param>
    public static int Run(string[] args, TextWriter output, TextWriter error, int? width = null)
    {
        TextTable.Width.Value = width;
        var context = new CliContext(output, error);
        var root = new RootCommand("azspoke: which path spoke-to-spoke traffic actually takes in Azure, offline from a snapshot.");
        foreach (var command in CommandCatalog.Create(context)) root.Subcommands.Add(command);
        if (args.Length == 0)
        {
            // A bare call is a usage question: print the usage, exit as for bad usage.
            root.Parse("--help").Invoke(new InvocationConfiguration { Output = output, Error = error });
            return ExitCodes.BadInput;
        }
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors) error.WriteLine("error: " + e.Message + Suggestions.For(e.Message, parse.CommandResult.Command));
            return ExitCodes.BadInput;
        }
        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (CliInputException ex)
        {
            error.WriteLine("error: " + ex.Message);
            return ExitCodes.BadInput;
        }
        catch (AzSpokeTools.Engine.Requests.EngineInputException ex)
        {
            error.WriteLine($"error: {CliOptionNames.For(ex.Parameter)}: {ex.Message}");
            return ExitCodes.BadInput;
        }
        catch (AzSpokeTools.Engine.Snapshot.SnapshotLoadException ex)
        {
            error.WriteLine("error: " + ex.Message);
            return ExitCodes.BadInput;
        }
    }
}
