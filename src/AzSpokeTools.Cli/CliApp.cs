using System.CommandLine;
using System.Net.Http;
using System.Net.Sockets;
using AzSpokeTools.Azure.Export;
using AzSpokeTools.Cli.Output;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Reports;
using AzSpokeTools.Engine.Snapshot;
using AzSpokeTools.Engine;

namespace AzSpokeTools.Cli;

/// <summary>
/// Builds the azspoke command tree and runs it against the given writers (tests run it in-process). It is the CLI's one error
/// boundary: every exception ends in a documented exit code and a message on stderr, never an unhandled exception: 2 for bad
/// input or usage, 3 for Azure or network failures, 4 for an internal error (one line; the stack trace with --verbose).
/// Everything written to stdout and stderr goes through <see cref="SafeTextWriter"/>.
/// </summary>
public static class CliApp
{
    /// <param name="width">The terminal width tables must fit (null: output is redirected, rows are never cut).</param>
    public static int Run(string[] args, TextWriter output, TextWriter error, int? width = null)
    {
        TextTable.Width.Value = width;
        var safeOut = new SafeTextWriter(output);
        var safeErr = new SafeTextWriter(error);
        try
        {
            return RunSafe(args, safeOut, safeErr);
        }
        finally
        {
            safeOut.Flush();
            safeErr.Flush();
        }
    }

    private static int RunSafe(string[] args, TextWriter output, TextWriter error)
    {
        var context = new CliContext(output, error);
        var verbose = new Option<bool>("--verbose") { Description = "Verbose messages, progress and (export) every HTTP attempt on stderr; an internal error prints its stack trace", Recursive = true };
        var root = new RootCommand("azspoke: which path spoke-to-spoke traffic actually takes in Azure, offline from a snapshot.") { verbose };
        foreach (var command in CommandCatalog.Create(context)) root.Subcommands.Add(command);
        if (args.Length == 0)
        {
            // A bare call is a usage question: print the usage, exit as for bad usage.
            root.Parse("--help").Invoke(new InvocationConfiguration { Output = output, Error = error });
            return ExitCodes.BadInput;
        }
        ParseResult parse;
        try
        {
            parse = root.Parse(args);
        }
        catch (Exception ex)
        {
            return Fail(error, ex, args.Contains("--verbose"));
        }
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors) error.WriteLine("error: " + SafeText.Escape(e.Message + Suggestions.For(e.Message, parse.CommandResult.Command)));
            return ExitCodes.BadInput;
        }
        context.Verbose = parse.GetValue(verbose);
        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception ex)
        {
            return Fail(error, ex, context.Verbose);
        }
    }

    /// <summary>Writes the failure and returns its exit code (<see cref="ExitCodeOf"/>).</summary>
    internal static int Fail(TextWriter error, Exception exception, bool verbose)
    {
        var ex = Unwrap(exception);
        int code = ExitCodeOf(ex);
        switch (ex)
        {
            case SnapshotLoadException load:
                // One line per problem: a name holding a line break cannot make up another error line.
                error.WriteLine($"error: the snapshot has {load.Errors.Count} error(s):");
                foreach (var d in load.Errors.Take(20)) error.WriteLine("  " + SafeText.Escape(d.ToString()));
                if (load.Errors.Count > 20) error.WriteLine($"  ... and {load.Errors.Count - 20} more");
                break;
            case EngineInputException input:
                error.WriteLine($"error: {CliOptionNames.For(input.Parameter)}: {SafeText.Escape(input.Message)}");
                break;
            default:
                if (code == ExitCodes.InternalError)
                {
                    error.WriteLine($"error: internal error ({ex.GetType().Name}): {SafeText.Escape(FirstLine(ex.Message))}" +
                                    (verbose ? "" : "; run again with --verbose for the stack trace, and report it"));
                    if (verbose) error.WriteLine(SafeText.EscapeKeepingLines(exception.ToString()));
                }
                else error.WriteLine("error: " + SafeText.Escape(ex.Message));
                break;
        }
        return code;
    }

    /// <summary>The exit code of a failure (README.md#the-command-line): 2 bad input or usage, 3 Azure or network, 4 anything else (a bug).</summary>
    internal static int ExitCodeOf(Exception ex)
    {
        switch (Unwrap(ex))
        {
            case CliInputException:
            case EngineInputException:
            case SnapshotLoadException:
            case ResourceNotFoundException:
            case AmbiguousNameException:
            case FileNotFoundException:
            case DirectoryNotFoundException:
            case UnauthorizedAccessException:
                return ExitCodes.BadInput;
            case AzureExportException:
            case HttpRequestException:
            case SocketException:
            case TimeoutException:
            case OperationCanceledException:
                return ExitCodes.AzureFailure;
            case IOException:
                // Reading or writing the files the user named (a full disk, a locked file).
                return ExitCodes.BadInput;
            default:
                return ExitCodes.InternalError;
        }
    }

    /// <summary>An AggregateException (or a TargetInvocationException) stands for its single cause.</summary>
    internal static Exception Unwrap(Exception ex)
    {
        while (true)
        {
            if (ex is AggregateException agg)
            {
                var flat = agg.Flatten();
                if (flat.InnerExceptions.Count == 0) return ex;
                // Several failures of one operation (retries): the last is the cause reported; they share a kind.
                ex = flat.InnerExceptions[flat.InnerExceptions.Count - 1];
                continue;
            }
            if (ex is System.Reflection.TargetInvocationException { InnerException: Exception inner })
            {
                ex = inner;
                continue;
            }
            return ex;
        }
    }

    private static string FirstLine(string message)
    {
        int i = message.IndexOfAny(new[] { '\r', '\n' });
        return i < 0 ? message : message.Substring(0, i);
    }
}
