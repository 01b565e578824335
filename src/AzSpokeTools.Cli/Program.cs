using System.Text;

namespace AzSpokeTools.Cli;

public static class Program
{
    public static int Main(string[] args)
    {
        if (!Console.IsOutputRedirected) return CliApp.Run(args, Console.Out, Console.Error, TerminalWidth.Detect());
        // Redirected to a file or a pipe: one 64 KiB UTF-8 buffer instead of Console.Out's flush on every write, so rows leave at
        // disk speed (CliApp.Run flushes it before returning).
        using var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16) { AutoFlush = false };
        return CliApp.Run(args, output, Console.Error, TerminalWidth.Detect());
    }
}
