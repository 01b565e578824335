using AzSpokeTools.Engine.Reports;

namespace AzSpokeTools.Cli;

/// <summary>Plain left-aligned text tables for terminal output.</summary>
internal static class TextTable
{
    public static void Write(TextWriter output, IReadOnlyList<string> headers, IReadOnlyList<string[]> rows)
    {
        // A cell is one line of visible text: names from the snapshot may hold control characters, bidi overrides or line breaks.
        rows = rows.Select(r => r.Select(SafeText.Escape).ToArray()).ToList();
        var widths = headers.Select(h => h.Length).ToArray();
        foreach (var row in rows)
            for (int i = 0; i < widths.Length && i < row.Length; i++)
                widths[i] = Math.Max(widths[i], row[i].Length);
        void Line(IReadOnlyList<string> cells) =>
            output.WriteLine(string.Join("  ", cells.Select((c, i) => i == cells.Count - 1 ? c : c.PadRight(widths[i]))).TrimEnd());
        Line(headers);
        Line(widths.Select(w => new string('-', w)).ToArray());
        foreach (var row in rows) Line(row);
    }
}
