using System.CommandLine;

namespace AzSpokeTools.Cli;

/// <summary>Builds the azspoke command tree and runs it against the given writers (tests run it in-process).</summary>
public static class CliApp
{
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var context = new CliContext(output, error);
        var root = new RootCommand("azspoke: which path spoke-to-spoke traffic actually takes in Azure, offline from a snapshot.");
        foreach (var command in CommandCatalog.Create(context)) root.Subcommands.Add(command);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors) error.WriteLine("error: " + e.Message);
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
