using AzSpokeTools.Engine.Hosting;

namespace AzSpokeTools.Cli.Output;

/// <summary>
/// Writes an output file the user named with --out through the engine's <see cref="AtomicFile"/> (a temporary file in the
/// same directory renamed into place, so a failure never leaves a partial file), and reports a path that cannot be written as
/// bad input naming --out.
/// </summary>
public static class AtomicFileWriter
{
    /// <summary>Runs <paramref name="write"/> against a temporary file, then moves it to <paramref name="path"/> (replacing it).</summary>
    /// <exception cref="CliInputException">The path is empty, its directory does not exist, or it cannot be written.</exception>
    public static void Write(string path, Action<Stream> write)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new CliInputException("--out: an output file path is required.");
        try
        {
            AtomicFile.Write(path, write);
        }
        catch (ArgumentException ex) when (ex.ParamName == "OutputPath")
        {
            throw new CliInputException("--out: " + ex.Message.Replace(" (Parameter 'OutputPath')", ""));
        }
        catch (DirectoryNotFoundException)
        {
            throw new CliInputException($"--out: directory '{Path.GetDirectoryName(Path.GetFullPath(path))}' does not exist.");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliInputException(Directory.Exists(path) ? $"--out: '{path}' is a directory; give a file path." : $"--out: cannot write '{path}': {ex.Message}");
        }
    }
}

/// <summary>The CLI's sink for a request's files (the plan's file set): a directory of atomic files, failures reported as --out errors; it remembers what it wrote.</summary>
internal sealed class CliDirectorySink(string directory) : IFileSink
{
    public string Location { get; } = directory;

    /// <summary>The files written, in order.</summary>
    public List<string> Written { get; } = new();

    public void Write(string name, Action<Stream> write)
    {
        Directory.CreateDirectory(Location);
        AtomicFileWriter.Write(Path.Combine(Location, name), write);
        Written.Add(name);
    }
}
