using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using AzSpokeTools.Engine.Input;
using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Engine.Snapshot
{
    /// <summary>
    /// Loads snapshots into a <see cref="Topology"/>. Accepts the snapshot envelope, a bare array of ARM
    /// resources, <c>{"value": [...]}</c> list bodies, Resource Graph responses (<c>{"data": [...]}</c>),
    /// single resources, az CLI output (flattened camelCase) and <c>Get-Az* | ConvertTo-Json</c> output
    /// (flattened PascalCase), in UTF-8 (with or without a byte order mark) or UTF-16; a path may be a file,
    /// a directory of <c>*.json</c> files, or <c>sample:NAME</c>. Errors throw <see cref="SnapshotLoadException"/>
    /// listing every problem with its file and JSON path; nothing partial is returned. Warnings (dangling
    /// references, duplicates, action results without a scope) are in <see cref="Topology.Diagnostics"/>.
    /// Only regular files are read (a named pipe or device is an error, not a wait), each at most 1 GiB, nested at most
    /// 64 levels deep (ARM resources need about a dozen), and every string must be text (valid UTF-8, no lone surrogate escape).
    /// </summary>
    public static class SnapshotLoader
    {
        /// <summary>Deepest nesting of objects and arrays accepted in a snapshot document (as for intent files).</summary>
        public const int MaxDepth = 64;

        private static readonly JsonDocumentOptions DocumentOptions = new JsonDocumentOptions { MaxDepth = MaxDepth };

        /// <summary>Loads one path (file, directory or sample:NAME).</summary>
        public static Topology Load(string path) => Load(new[] { path });

        /// <summary>Loads several paths into one topology.</summary>
        public static Topology Load(IEnumerable<string> paths)
        {
            var context = new LoadContext();
            var builder = new TopologyBuilder(context);
            foreach (var path in paths)
            {
                foreach (var (name, open) in Expand(path, context))
                {
                    Stream stream;
                    try
                    {
                        stream = open();
                    }
                    catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                    {
                        context.Error(new SourceLocation(name, "$"), "cannot be read: " + ex.Message);
                        continue;
                    }
                    using (stream) ReadDocument(stream, name, builder, context);
                }
            }
            return builder.Finish();
        }

        /// <summary>Loads one document from a stream; <paramref name="displayName"/> names it in errors.</summary>
        public static Topology Load(Stream stream, string displayName)
        {
            var context = new LoadContext();
            var builder = new TopologyBuilder(context);
            ReadDocument(stream, displayName, builder, context);
            return builder.Finish();
        }

        // A path that cannot be expanded is recorded as an error and loading goes on, so that every problem is reported at once.
        private static IEnumerable<(string Name, Func<Stream> Open)> Expand(string path, LoadContext context)
        {
            var none = Array.Empty<(string, Func<Stream>)>();
            if (string.IsNullOrWhiteSpace(path))
            {
                context.Error(new SourceLocation("(snapshot)", "$"), "no snapshot path given");
                return none;
            }
            if (Samples.SampleCatalog.IsSampleReference(path, out var sample))
            {
                if (Samples.SampleCatalog.Names.Contains(sample, StringComparer.OrdinalIgnoreCase))
                    return new[] { (path, (Func<Stream>)(() => Samples.SampleCatalog.TryOpen(sample, out var stream) ? stream : Stream.Null)) };
                context.Error(new SourceLocation(path, "$"), $"there is no bundled sample named '{sample}'; the samples are: {string.Join(", ", Samples.SampleCatalog.Names)}");
                return none;
            }
            if (Directory.Exists(path))
            {
                List<string> files;
                try
                {
                    files = Directory.GetFiles(path, "*.json").OrderBy(f => f, StringComparer.Ordinal).ToList();
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                {
                    context.Error(new SourceLocation(path, "$"), "the directory cannot be listed: " + ex.Message);
                    return none;
                }
                if (files.Count == 0) context.Error(new SourceLocation(path, "$"), "the directory has no *.json files");
                var readable = new List<(string, Func<Stream>)>();
                foreach (var f in files)
                {
                    // A named pipe called x.json would block the load until something wrote to it.
                    var problem = InputFile.Problem(f, InputFile.MaxSnapshotBytes);
                    if (problem != null) context.Error(new SourceLocation(f, "$"), problem);
                    else readable.Add((f, () => InputFile.Open(f)));
                }
                return readable;
            }
            var fileProblem = InputFile.Problem(path, InputFile.MaxSnapshotBytes);
            if (fileProblem != null)
            {
                context.Error(new SourceLocation(path, "$"), fileProblem);
                return none;
            }
            return new[] { (path, (Func<Stream>)(() => InputFile.Open(path))) };
        }

        private static void ReadDocument(Stream stream, string file, TopologyBuilder builder, LoadContext context)
        {
            JsonDocument doc;
            ReadOnlyMemory<byte> utf8;
            try
            {
                utf8 = ReadUtf8(stream);
                doc = JsonDocument.Parse(utf8, DocumentOptions);
            }
            catch (InvalidDataException ex)
            {
                context.Error(new SourceLocation(file, "$"), ex.Message);
                builder.Files.Add(file);
                return;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                context.Error(new SourceLocation(file, "$"), "cannot be read: " + ex.Message);
                return;
            }
            catch (JsonException ex)
            {
                var where = ex.LineNumber != null ? $"line {ex.LineNumber + 1}, position {ex.BytePositionInLine + 1}" : "";
                var path = string.IsNullOrEmpty(ex.Path) ? "$" : ex.Path!;
                context.Error(new SourceLocation(file, path), $"not valid JSON ({where}): {FirstSentence(ex.Message)}");
                builder.Files.Add(file);
                return;
            }
            if (JsonText.FindInvalidString(utf8, new JsonReaderOptions { MaxDepth = MaxDepth }) is JsonText.Problem bad)
            {
                doc.Dispose();
                context.Error(new SourceLocation(file, bad.JsonPath), "not valid text: " + bad.Message);
                builder.Files.Add(file);
                return;
            }
            // The builder keeps the document until Finish: child resources are linked after every file is read.
            builder.Keep(doc);
            {
                builder.Files.Add(file);
                var root = new ArmValue(doc.RootElement, new SourceLocation(file, "$"), context);
                switch (doc.RootElement.ValueKind)
                {
                    case JsonValueKind.Array:
                        foreach (var item in root.Items()) builder.AddResource(item);
                        break;
                    case JsonValueKind.Object:
                        ReadObjectDocument(root, builder, context);
                        break;
                    default:
                        context.Error(root.Location, "a snapshot must be a JSON object or array");
                        break;
                }
            }
        }

        private static void ReadObjectDocument(ArmValue root, TopologyBuilder builder, LoadContext context)
        {
            var resources = root.Own("resources");
            if (resources != null || root.Own("schemaVersion") != null)
            {
                // The snapshot envelope (README.md#snapshots).
                if (root.Own("schemaVersion") is ArmValue sv)
                {
                    var v = sv.AsInt();
                    if (v == null || v < 1) context.Error(sv.Location, "schemaVersion must be a positive integer");
                    else if (v > 1) context.Error(sv.Location, $"schemaVersion {v} is newer than this version of AzSpokeTools understands (1)");
                }
                builder.CapturedAt ??= root.Own("capturedAt")?.AsString();
                // A live export writes source as an object ({"kind":"azure","environment":...}); hand-made snapshots a string.
                if (root.Own("source") is ArmValue source)
                    builder.SourceDescription ??= source.Element.ValueKind == JsonValueKind.Object ? DescribeSource(source) : source.AsString();
                if (resources is ArmValue r)
                {
                    if (r.Element.ValueKind != JsonValueKind.Array) context.Error(r.Location, "resources must be an array");
                    else foreach (var item in r.Items()) builder.AddResource(item);
                }
                else context.Error(root.Location, "snapshot has no resources array");
                if (root.Own("results") is ArmValue results)
                {
                    if (results.Element.ValueKind != JsonValueKind.Array) context.Error(results.Location, "results must be an array");
                    else foreach (var item in results.Items()) builder.AddResult(item);
                }
                if (root.Own("coverage") is ArmValue coverage) builder.AddCoverage(coverage);
                return;
            }
            if (root.Own("data") is ArmValue data && (root.Own("totalRecords") != null || root.Own("total_records") != null || root.Own("count") != null))
            {
                // A Resource Graph response (REST or az graph query): the rows are ARM resources.
                if (data.Element.ValueKind == JsonValueKind.Array)
                    foreach (var item in data.Items()) builder.AddResource(item);
                else
                    context.Error(data.Location, "this Resource Graph response is in the table format; query with resultFormat objectArray");
                return;
            }
            if (root.Own("value") is ArmValue value && value.Element.ValueKind == JsonValueKind.Array)
            {
                // A list body: resources, or an action body whose scope is unknown.
                var first = value.Element.GetArrayLength() > 0 ? value.Element[0] : default;
                // AVNM POST actions (effective / active configurations) list configurations with their groups and
                // page with skipToken; they describe where a configuration applies, not the configuration resource.
                bool actionRows = root.Own("skipToken") != null || (first.ValueKind == JsonValueKind.Object && new ArmValue(first, value.Location, context).Own("configurationGroups") != null);
                if (first.ValueKind == JsonValueKind.Object && (actionRows || !LooksLikeResource(first)))
                {
                    builder.AddUnscopedActionBody(root);
                    return;
                }
                foreach (var item in value.Items()) builder.AddResource(item);
                return;
            }
            if (LooksLikeResource(root.Element))
            {
                builder.AddResource(root);
                return;
            }
            builder.AddUnscopedActionBody(root);
        }

        /// <summary>
        /// The whole document as UTF-8 without a byte order mark, read into one exactly-sized buffer that the
        /// document parses in place. UTF-16 files (what Windows PowerShell's <c>&gt;</c> writes) are transcoded.
        /// </summary>
        /// <exception cref="InvalidDataException">Larger than <see cref="InputFile.MaxSnapshotBytes"/>, or UTF-16 that is not text.</exception>
        internal static ReadOnlyMemory<byte> ReadUtf8(Stream stream)
        {
            byte[] bytes;
            const long max = InputFile.MaxSnapshotBytes;
            if (stream.CanSeek)
            {
                long remaining = stream.Length - stream.Position;
                if (remaining > max) throw new InvalidDataException($"the document is larger than the {max >> 30} GiB limit for one snapshot file; split it into a directory of files");
                bytes = new byte[remaining];
                int read = 0;
                while (read < bytes.Length)
                {
                    int n = stream.Read(bytes, read, bytes.Length - read);
                    if (n == 0) break;
                    read += n;
                }
                if (read < bytes.Length) Array.Resize(ref bytes, read);
            }
            else
            {
                using var copy = new MemoryStream();
                var buffer = new byte[1 << 16];
                int n;
                while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
                {
                    if (copy.Length + n > max) throw new InvalidDataException($"the document is larger than the {max >> 30} GiB limit for one snapshot file; split it into a directory of files");
                    copy.Write(buffer, 0, n);
                }
                bytes = copy.ToArray();
            }
            if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
                return new ReadOnlyMemory<byte>(bytes, 3, bytes.Length - 3);
            if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
                return FromUtf16(bytes, bigEndian: false);
            if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
                return FromUtf16(bytes, bigEndian: true);
            return bytes;
        }

        private static byte[] FromUtf16(byte[] bytes, bool bigEndian)
        {
            try
            {
                return Encoding.UTF8.GetBytes(new UnicodeEncoding(bigEndian, false, true).GetString(bytes, 2, bytes.Length - 2));
            }
            catch (DecoderFallbackException ex)
            {
                throw new InvalidDataException($"not valid UTF-16 text (the byte order mark says UTF-16; byte {ex.Index + 2} is half of a character or a lone surrogate)");
            }
        }

        private static bool LooksLikeResource(JsonElement e)
        {
            if (e.ValueKind != JsonValueKind.Object) return false;
            foreach (var p in e.EnumerateObject())
            {
                if (string.Equals(p.Name, "id", StringComparison.OrdinalIgnoreCase) && p.Value.ValueKind == JsonValueKind.String &&
                    p.Value.GetString()!.IndexOf("/providers/", StringComparison.OrdinalIgnoreCase) >= 0)
                    return true;
                if (string.Equals(p.Name, "type", StringComparison.OrdinalIgnoreCase) && p.Value.ValueKind == JsonValueKind.String &&
                    p.Value.GetString()!.IndexOf('/') > 0)
                    return true;
            }
            return false;
        }

        private static string FirstSentence(string message)
        {
            int i = message.IndexOf(" Path:", StringComparison.Ordinal);
            return i > 0 ? message.Substring(0, i) : message;
        }

        /// <summary>"azure (AzureCloud)" for an export's source object; null when it names no kind.</summary>
        private static string? DescribeSource(ArmValue source)
        {
            var kind = source.Str("kind");
            var environment = source.Str("environment");
            return kind == null ? null : environment == null ? kind : kind + " (" + environment + ")";
        }
    }
}
