using System;
using System.IO;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AzSpokeTools.Azure.Snapshot
{
    /// <summary>
    /// Streams a snapshot document (<c>schemaVersion</c>, <c>capturedAt</c>, <c>source</c>,
    /// <c>resources</c>, <c>results</c>, <c>coverage</c>) to a temporary file beside the target and renames
    /// it over the target only in <see cref="Commit"/>. Disposing without committing (failure or
    /// cancellation) deletes the temporary file, so no partial snapshot is ever left.
    /// </summary>
    public sealed class SnapshotWriter : IDisposable
    {
        private readonly string _target;
        private readonly string _temp;
        private FileStream? _stream;
        private Utf8JsonWriter? _json;
        private bool _inResults;
        private bool _committed;

        /// <summary>Opens the temporary file and writes the header.</summary>
        /// <exception cref="ArgumentException">The target directory does not exist, or the path names a directory.</exception>
        public SnapshotWriter(string targetPath, DateTimeOffset capturedAt, JsonObject source)
        {
            ValidateTarget(targetPath);
            _target = Path.GetFullPath(targetPath);
            var directory = Path.GetDirectoryName(_target)!;
            _temp = Path.Combine(directory, "." + Path.GetFileName(_target) + "." + Guid.NewGuid().ToString("N") + ".tmp");
            _stream = new FileStream(_temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
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
        public static void ValidateTarget(string targetPath)
        {
            if (string.IsNullOrWhiteSpace(targetPath)) throw new ArgumentException("The output path is empty.", "OutputPath");
            string full;
            try
            {
                full = Path.GetFullPath(targetPath);
            }
            catch (Exception ex) when (ex is NotSupportedException || ex is PathTooLongException || ex is ArgumentException)
            {
                throw new ArgumentException("Output path '" + targetPath + "' is not a valid path: " + ex.Message, "OutputPath");
            }
            var directory = Path.GetDirectoryName(full);
            if (string.IsNullOrEmpty(directory) || !Directory.Exists(directory))
                throw new ArgumentException("The directory of output file '" + targetPath + "' does not exist.", "OutputPath");
            if (Directory.Exists(full))
                throw new ArgumentException("Output path '" + targetPath + "' is a directory.", "OutputPath");
        }

        /// <summary>The temporary file being written (deleted unless committed).</summary>
        public string TemporaryPath => _temp;

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

        /// <summary>Writes the coverage, closes the document, flushes it to disk and renames it onto the target.</summary>
        public void Commit(JsonObject coverage)
        {
            var json = Open();
            BeginResults(json);
            json.WriteEndArray();
            json.WritePropertyName("coverage");
            coverage.WriteTo(json);
            json.WriteEndObject();
            json.Flush();
            _stream!.Flush(true);
            _json!.Dispose();
            _json = null;
            _stream.Dispose();
            _stream = null;
            if (File.Exists(_target)) File.Replace(_temp, _target, null);
            else File.Move(_temp, _target);
            _committed = true;
        }

        /// <summary>Closes the file; without a commit, deletes it.</summary>
        public void Dispose()
        {
            _json?.Dispose();
            _json = null;
            _stream?.Dispose();
            _stream = null;
            if (!_committed)
            {
                try
                {
                    File.Delete(_temp);
                }
                catch (IOException)
                {
                }
                catch (UnauthorizedAccessException)
                {
                }
            }
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
