namespace AzSpokeTools.Cli.Output;

/// <summary>
/// Writes an output file through a temporary file in the same directory and renames it into place,
/// so a failure never leaves a partial file behind.
/// </summary>
public static class AtomicFileWriter
{
    /// <summary>Runs <paramref name="write"/> against a temporary file, then moves it to <paramref name="path"/> (replacing it).</summary>
    /// <exception cref="CliInputException">The path is empty, its directory does not exist, or it cannot be written.</exception>
    public static void Write(string path, Action<Stream> write)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new CliInputException("--out: an output file path is required.");
        string full;
        try { full = Path.GetFullPath(path); }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new CliInputException($"--out: '{path}' is not a valid file path ({ex.Message}).");
        }
        string directory = Path.GetDirectoryName(full) ?? ".";
        if (!Directory.Exists(directory)) throw new CliInputException($"--out: directory '{directory}' does not exist.");
        if (Directory.Exists(full)) throw new CliInputException($"--out: '{path}' is a directory; give a file path.");
        string temp = Path.Combine(directory, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            throw new CliInputException($"--out: cannot write '{path}': {ex.Message}");
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    private static void TryDelete(string file)
    {
        try { if (File.Exists(file)) File.Delete(file); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
