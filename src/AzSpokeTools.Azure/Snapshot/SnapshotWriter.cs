using System;
using System.IO;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AzSpokeTools.Azure.Snapshot
{
    /// <summary>
    /// Streams a snapshot document (<c>schemaVersion</c>, <c>capturedAt</c>, <c>source</c>, <c>resources</c>, <c>results</c>,
    /// <c>coverage</c>) into a <see cref="SnapshotSink"/> (a file written atomically, or memory for the loader) and commits it only
    /// in <see cref="Commit"/>. Disposing without committing (failure or cancellation) discards it, so no partial snapshot is ever
    /// left.
    /// </summary>
    public sealed class SnapshotWriter : IDisposable
    {
        private readonly SnapshotSink _sink;
        private readonly bool _ownsSink;
        private Stream? _stream;
        private Utf8JsonWriter? _json;
        private bool _inResults;

        /// <summary>Writes the snapshot file <paramref name="targetPath"/> (atomically).</summary>
        /// <exception cref="ArgumentException">The target directory does not exist, or the path names a directory.</exception>
        public SnapshotWriter(string targetPath, DateTimeOffset capturedAt, JsonObject source)
            : this(new FileSnapshotSink(targetPath), capturedAt, source, ownsSink: true)
        {
        }

        /// <summary>Opens <paramref name="sink"/> and writes the header; the caller disposes the sink.</summary>
        public SnapshotWriter(SnapshotSink sink, DateTimeOffset capturedAt, JsonObject source)
            : this(sink, capturedAt, source, ownsSink: false)
        {
        }

        private SnapshotWriter(SnapshotSink sink, DateTimeOffset capturedAt, JsonObject source, bool ownsSink)
        {
            _sink = sink ?? throw new ArgumentNullException(nameof(sink));
            _ownsSink = ownsSink;
            _stream = sink.Open();
            _json = new Utf8JsonWriter(_stream, new JsonWriterOptions { Indented = true });
            _json.WriteStartObject();
            _json.WriteNumber("schemaVersion", 1);
            _json.WriteString("capturedAt", capturedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));
            _json.WritePropertyName("source");
            source.WriteTo(_json);
            _json.WritePropertyName("resources");
            _json.WriteStartArray();
        }

        /// <summary>Checks that <paramref name="targetPath"/> names a file in an existing directory.</summary>
        /// <exception cref="ArgumentException">It does not.</exception>
        public static void ValidateTarget(string targetPath) => FileSnapshotSink.ValidateTarget(targetPath);

        /// <summary>The temporary file being written when the sink is a file (deleted unless committed); null otherwise.</summary>
        public string? TemporaryPath => (_sink as FileSnapshotSink)?.TemporaryPath;

        /// <summary>Resources written so far.</summary>
        public int ResourceCount { get; private set; }

        /// <summary>Results written so far.</summary>
        public int ResultCount { get; private set; }

        /// <summary>Appends one ARM resource object. All resources come before the first result.</summary>
        public void WriteResource(JsonObject resource)
        {
            var json = Open();
            if (_inResults) throw new InvalidOperationException("Resources must be written before results.");
            resource.WriteTo(json);
            ResourceCount++;
            if (ResourceCount % 512 == 0) json.Flush();
        }

        /// <summary>Appends one ARM action result <c>{"operation","scope","body"}</c>.</summary>
        public void WriteResult(string operation, string scope, JsonNode? body)
        {
            var json = Open();
            BeginResults(json);
            json.WriteStartObject();
            json.WriteString("operation", operation);
            json.WriteString("scope", scope);
            json.WritePropertyName("body");
            if (body == null) json.WriteNullValue(); else body.WriteTo(json);
            json.WriteEndObject();
            ResultCount++;
        }

        /// <summary>Writes the coverage, closes the document and commits it to the sink (a file is flushed to disk and renamed onto the target).</summary>
        public void Commit(JsonObject coverage)
        {
            var json = Open();
            BeginResults(json);
            json.WriteEndArray();
            json.WritePropertyName("coverage");
            coverage.WriteTo(json);
            json.WriteEndObject();
            json.Flush();
            _json!.Dispose();
            _json = null;
            _sink.Commit();
            _stream = null;
        }

        /// <summary>Closes the document; without a commit, the sink discards it.</summary>
        public void Dispose()
        {
            _json?.Dispose();
            _json = null;
            _stream = null;
            if (_ownsSink || !_sink.Committed) _sink.Dispose();
        }

        private Utf8JsonWriter Open()
        {
            if (_json == null) throw new ObjectDisposedException(nameof(SnapshotWriter));
            return _json;
        }

        private void BeginResults(Utf8JsonWriter json)
        {
            if (_inResults) return;
            json.WriteEndArray();
            json.WritePropertyName("results");
            json.WriteStartArray();
            _inResults = true;
        }
    }
}
