using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using AzSpokeTools.Engine.Reports;
using AzSpokeTools.Engine.Paths;
using AzSpokeTools.Engine.Requests;

namespace AzSpokeTools.Cli.Commands;

/// <summary>
/// <c>azspoke matrix --snapshot F [--intent FILE] [--engine vector|scalar] [--format summary|json|csv] [--level vnet|subnet]</c>
/// (--level also takes PowerShell's words, VirtualNetwork and Subnet):
/// every ordered pair, streamed; exit 1 when intent is violated.
/// </summary>
public static class MatrixCommand
{
    public static Command Create(CliContext ctx)
    {
        var snapshot = CommonOptions.Snapshot();
        var intent = new Option<string?>("--intent") { Description = "Intent file (YAML, or JSON when it ends in .json)" };
        var engine = new Option<string>("--engine") { Description = "vector (compiled, memoised) or scalar (reference)", DefaultValueFactory = _ => "vector" };
        engine.AcceptOnlyFromAmong("vector", "scalar");
        var level = new Option<string>("--level") { Description = "vnet or VirtualNetwork (default): VNet pairs; subnet or Subnet: subnet pairs", DefaultValueFactory = _ => "vnet" };
        level.AcceptOnlyFromAmong("vnet", "VirtualNetwork", "subnet", "Subnet");
        var format = CommonOptions.Format("summary", "json", "csv");
        var serviceTags = new Option<string?>("--service-tags") { Description = "Azure's service-tag file (ServiceTags_Public_*.json) to resolve service-tag prefixes" };
        var command = new Command("matrix", "All pairs: path kind per ordered pair, counts by kind, intent violations.") { snapshot, intent, engine, level, serviceTags, format };
        command.SetAction(parse =>
        {
            var matrix = new PathMatrixRequest
            {
                Snapshot = parse.GetValue(snapshot),
                Intent = parse.GetValue(intent),
                ServiceTagFile = parse.GetValue(serviceTags),
                Engine = parse.GetValue(engine),
                Level = string.Equals(parse.GetValue(level), "subnet", StringComparison.OrdinalIgnoreCase) ? PathMatrixLevel.Subnet : PathMatrixLevel.VirtualNetwork,
            }.Execute(new CliEngineHost(ctx));
            PathMatrixSummary summary;
            switch (parse.GetValue(format))
            {
                case "csv": summary = WriteCsv(ctx.Out, matrix); break;
                case "json": summary = WriteJson(ctx.Out, matrix); break;
                default:
                    summary = matrix.Run(null);
                    WriteSummary(ctx.Out, summary);
                    break;
            }
            foreach (var s in summary.Skipped) ctx.Err.WriteLine(SafeText.Escape("warning: skipped " + s));
            return summary.Violations > 0 ? ExitCodes.Findings : ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The summary shape (README.md#the-command-line): <c>{"pairs","byKind":{kind:count},"violations","elapsedMs"}</c>.</summary>
    private static void WriteSummary(TextWriter output, PathMatrixSummary s)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, ReportJson.Options(indented: true))) Summary(w, s);
        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void Summary(Utf8JsonWriter w, PathMatrixSummary s)
    {
        w.WriteStartObject();
        w.WriteNumber("pairs", s.Pairs);
        w.WriteStartObject("byKind");
        foreach (var k in s.ByKind.OrderBy(k => k.Key)) w.WriteNumber(k.Key.ToString(), k.Value);
        w.WriteEndObject();
        w.WriteNumber("violations", s.Violations);
        w.WriteNumber("elapsedMs", s.ElapsedMs);
        w.WriteEndObject();
    }

    /// <summary>Rows as a JSON document written as they come (the writer flushes to the output every few thousand rows).</summary>
    private static PathMatrixSummary WriteJson(TextWriter output, PathMatrix matrix)
    {
        var stream = new TextWriterStream(output);
        using var w = new Utf8JsonWriter(stream, ReportJson.Options(indented: false));
        w.WriteStartObject();
        w.WriteStartArray("pairs");
        long n = 0;
        foreach (var r in matrix.Rows())
        {
            var a = matrix.Endpoints[r.Source];
            var b = matrix.Endpoints[r.Destination];
            w.WriteStartObject();
            w.WriteString("source", a.Name);
            w.WriteString("destination", b.Name);
            w.WriteString("sourceId", a.Id.Value);
            w.WriteString("destinationId", b.Id.Value);
            w.WriteString("outcome", r.Outcome.ToString());
            w.WriteString("kind", r.Kind.ToString());
            PathJsonWriter.Kinds(w, "transits", r.Summary.Transits);
            w.WriteNumber("alternatives", r.Alternatives);
            if (r.Intent == null) w.WriteNull("intended"); else PathJsonWriter.Kinds(w, "intended", r.Intent.Expect);
            if (r.Compliant is bool c) w.WriteBoolean("compliant", c); else w.WriteNull("compliant");
            w.WriteEndObject();
            if (++n % 4096 == 0) w.Flush();
        }
        w.WriteEndArray();
        w.WritePropertyName("summary");
        Summary(w, matrix.Summary);
        w.WriteEndObject();
        w.Flush();
        output.WriteLine();
        return matrix.Summary;
    }

    private static PathMatrixSummary WriteCsv(TextWriter output, PathMatrix matrix)
    {
        output.WriteLine("source,destination,outcome,kind,transits,alternatives,intended,compliant");
        foreach (var r in matrix.Rows())
        {
            output.Write(Csv(matrix.Endpoints[r.Source].Name)); output.Write(',');
            output.Write(Csv(matrix.Endpoints[r.Destination].Name)); output.Write(',');
            output.Write(r.Outcome.ToString()); output.Write(',');
            output.Write(r.Kind.ToString()); output.Write(',');
            output.Write(string.Join(";", r.Summary.Transits)); output.Write(',');
            output.Write(r.Alternatives.ToString(CultureInfo.InvariantCulture)); output.Write(',');
            output.Write(r.Intent == null ? "" : string.Join(";", r.Intent.Expect)); output.Write(',');
            output.WriteLine(r.Compliant == null ? "" : r.Compliant.Value ? "true" : "false");
        }
        return matrix.Summary;
    }

    private static string Csv(string s) => SafeText.CsvField(s);

    /// <summary>Lets a Utf8JsonWriter stream into a TextWriter.</summary>
    private sealed class TextWriterStream(TextWriter writer) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => writer.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        // A decoder keeps a multi-byte character that straddles two writes whole.
        private readonly System.Text.Decoder _decoder = System.Text.Encoding.UTF8.GetDecoder();
        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));
        public override void Write(ReadOnlySpan<byte> buffer)
        {
            var chars = new char[_decoder.GetCharCount(buffer, flush: false)];
            int n = _decoder.GetChars(buffer, chars, flush: false);
            writer.Write(chars, 0, n);
        }
    }
}
