using AzSpokeTools.Engine.Reports;

namespace AzSpokeTools.Cli;

/// <summary>
/// Plain left-aligned text tables for terminal output. When the run has a width (the terminal's, see
/// <see cref="TerminalWidth"/>), the widest columns are narrowed until the table fits and their cells end in '…';
/// without one (output redirected), rows are never cut.
/// </summary>
internal static class TextTable
{
    private const string Gap = "  ";
    private const int MinimumColumn = 6;

    /// <summary>The width tables must fit in this run (null: no limit), set by <see cref="CliApp.Run"/>.</summary>
    public static readonly AsyncLocal<int?> Width = new();

    public static void Write(TextWriter output, IReadOnlyList<string> headers, IReadOnlyList<string[]> rows) =>
        Write(output, headers, rows, Width.Value);

    public static void Write(TextWriter output, IReadOnlyList<string> headers, IReadOnlyList<string[]> rows, int? width)
    {
        // A cell is one line of visible text: names from the snapshot may hold control characters, bidi overrides or line breaks.
        rows = rows.Select(r => r.Select(SafeText.Escape).ToArray()).ToList();
        var widths = headers.Select(h => h.Length).ToArray();
        foreach (var row in rows)
            for (int i = 0; i < widths.Length && i < row.Length; i++)
                widths[i] = Math.Max(widths[i], row[i].Length);
        if (width is int limit) Fit(widths, headers, limit);
        void Line(IReadOnlyList<string> cells) =>
            output.WriteLine(string.Join(Gap, cells.Select((c, i) => i < widths.Length ? Cut(c, widths[i]) : c)
                .Select((c, i) => i == cells.Count - 1 ? c : c.PadRight(widths[i]))).TrimEnd());
        Line(headers);
        Line(widths.Select(w => new string('-', w)).ToArray());
        foreach (var row in rows) Line(row);
    }

    /// <summary>Narrows the widest column, one character at a time, until the table fits or no column can give more.</summary>
    private static void Fit(int[] widths, IReadOnlyList<string> headers, int limit)
    {
        int Total() => widths.Sum() + Gap.Length * (widths.Length - 1);
        while (Total() > limit)
        {
            var widest = -1;
            for (int i = 0; i < widths.Length; i++)
                if (widths[i] > Math.Max(MinimumColumn, Math.Min(headers[i].Length, MinimumColumn * 2)) && (widest < 0 || widths[i] > widths[widest])) widest = i;
            if (widest < 0) return;
            widths[widest]--;
        }
    }

    private static string Cut(string cell, int width) => cell.Length <= width ? cell : cell.Substring(0, Math.Max(0, width - 1)) + "…";
}

/// <summary>The width of the terminal standard output writes to, or null when it is redirected (files and pipes get whole rows).</summary>
internal static class TerminalWidth
{
    public static int? Detect() =>
        Decide(Environment.GetEnvironmentVariable("COLUMNS"), Console.IsOutputRedirected, () => Console.WindowWidth);

    /// <summary>COLUMNS when it is a number (as shells set it), else the console window's width when output is a console.</summary>
    public static int? Decide(string? columns, bool outputRedirected, Func<int> windowWidth)
    {
        if (int.TryParse(columns, out var fromEnvironment) && fromEnvironment > 0) return fromEnvironment;
        if (outputRedirected) return null;
        try
        {
            var width = windowWidth();
            return width > 0 ? width : null;
        }
        catch (IOException) { return null; }
        catch (InvalidOperationException) { return null; }
    }
}
