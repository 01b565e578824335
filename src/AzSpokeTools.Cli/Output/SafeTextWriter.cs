using System.Buffers;
using System.Text;
using AzSpokeTools.Engine.Reports;

namespace AzSpokeTools.Cli.Output;

/// <summary>
/// Standard output and standard error of azspoke: whatever a command writes, no control character other than a line break,
/// no C1 control and no bidi override reaches the terminal raw (<see cref="SafeText"/>). Writers escape what they put in table
/// cells, CSV fields and messages; this is the net under all of them. A carriage return passes only as part of a line break.
/// </summary>
internal sealed class SafeTextWriter(TextWriter inner) : TextWriter
{
    private bool _pendingReturn;

    public override Encoding Encoding => inner.Encoding;

    public override IFormatProvider FormatProvider => inner.FormatProvider;

    public override string NewLine
    {
        get => inner.NewLine;
#pragma warning disable CS8765 // TextWriter.NewLine accepts null (it means the default)
        set => inner.NewLine = value;
#pragma warning restore CS8765
    }

    public override void Write(char value)
    {
        if (_pendingReturn || SafeText.IsUnsafe(value)) Write(new ReadOnlySpan<char>(in value));
        else inner.Write(value);
    }

    public override void Write(string? value) => Write(value.AsSpan());

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    /// <summary>Every character <see cref="SafeText.IsUnsafe"/> except the line feed, searched for vectorised.</summary>
    private static readonly SearchValues<char> Unsafe = SearchValues.Create(
        Enumerable.Range(0, 0x10000).Select(c => (char)c).Where(c => c != '\n' && SafeText.IsUnsafe(c)).ToArray());

    public override void Write(ReadOnlySpan<char> buffer)
    {
        // The common case, a safe run of text: one vectorised search, then straight through.
        if (!_pendingReturn && buffer.IndexOfAny(Unsafe) < 0)
        {
            inner.Write(buffer);
            return;
        }
        int start = 0;
        for (int i = 0; i < buffer.Length; i++)
        {
            char c = buffer[i];
            if (_pendingReturn)
            {
                _pendingReturn = false;
                inner.Write(c == '\n' ? "\r" : "\\r");
            }
            if (!SafeText.IsUnsafe(c) || c == '\n') continue;
            inner.Write(buffer.Slice(start, i - start));
            start = i + 1;
            if (c == '\r')
            {
                if (i + 1 < buffer.Length) inner.Write(buffer[i + 1] == '\n' ? "\r" : "\\r");
                else _pendingReturn = true; // decided by the next write
                continue;
            }
            inner.Write(SafeText.Escape(c.ToString()));
        }
        inner.Write(buffer.Slice(start));
    }

    public override void WriteLine() => Write(NewLine.AsSpan());

    public override void WriteLine(string? value)
    {
        Write(value.AsSpan());
        Write(NewLine.AsSpan());
    }

    public override void Flush()
    {
        if (_pendingReturn)
        {
            _pendingReturn = false;
            inner.Write("\\r");
        }
        inner.Flush();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) Flush();
        base.Dispose(disposing);
    }
}
