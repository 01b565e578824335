using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using AzSpokeTools.Engine.Paths;

namespace AzSpokeTools.Engine.Reports
{
    /// <summary>
    /// <c>azspoke merge</c>: combines the outputs of <c>azspoke matrix --shard I/N</c> run for every I into the output of the unsharded
    /// run. Summaries (docs/schemas/matrix-summary.schema.json) add up: pairs, pairs by kind, violations and, when the shards were
    /// run with a flow (--port), pairs by access are exactly those of the unsharded run; elapsedMs is the slowest shard's. CSV (one header kept) and NDJSON are concatenated in the order given, which
    /// is the unsharded run's row order when the files are given shard 1 first (shards are contiguous blocks of sources).
    /// </summary>
    public static class PathMatrixShardMerge
    {
        /// <summary>The format of a shard output from its first line (null when the file is empty: an NDJSON shard without rows).</summary>
        public static PathMatrixShardFormat? FormatOf(string? firstLine)
        {
            if (firstLine == null) return null;
            if (firstLine == PathMatrixCsvWriter.Header || firstLine == PathMatrixCsvWriter.Header + PathMatrixCsvWriter.AccessColumns) return PathMatrixShardFormat.Csv;
            if (firstLine.TrimEnd() == "{") return PathMatrixShardFormat.Summary;
            return PathMatrixShardFormat.Ndjson;
        }

        /// <summary>Adds up summaries; <paramref name="shards"/> are (file name, document) pairs, the name used in errors.</summary>
        public static PathMatrixSummary MergeSummaries(IEnumerable<(string File, string Json)> shards)
        {
            if (shards == null) throw new ArgumentNullException(nameof(shards));
            var total = new PathMatrixSummary();
            // byAccess is there when the shard evaluated a flow: every shard must have been run the same way.
            bool? access = null;
            foreach (var (file, json) in shards)
            {
                try
                {
                    using var doc = JsonDocument.Parse(json);
                    var root = doc.RootElement;
                    if (!root.TryGetProperty("schemaVersion", out var version) || version.GetInt32() != PathMatrixJsonWriter.SchemaVersion)
                        throw new EngineInputException("File", $"{file}: $.schemaVersion: not a matrix summary of schema version {PathMatrixJsonWriter.SchemaVersion}");
                    total.Pairs += Required(root, "pairs", file).GetInt64();
                    total.Violations += Required(root, "violations", file).GetInt64();
                    total.ElapsedMs = Math.Max(total.ElapsedMs, Required(root, "elapsedMs", file).GetInt64());
                    foreach (var k in Required(root, "byKind", file).EnumerateObject())
                    {
                        if (!Enum.TryParse<PathKind>(k.Name, out var kind))
                            throw new EngineInputException("File", $"{file}: $.byKind.{k.Name}: not a path kind");
                        total.ByKind.TryGetValue(kind, out long n);
                        total.ByKind[kind] = n + k.Value.GetInt64();
                    }
                    bool hasAccess = root.TryGetProperty("byAccess", out var byAccess);
                    if (access != null && access != hasAccess)
                        throw new EngineInputException("File", $"{file}: " + (hasAccess ? "$.byAccess is there but the shards before it were run without a port" : "$.byAccess is missing but the shards before it were run with a port"));
                    access = hasAccess;
                    if (hasAccess)
                        foreach (var k in byAccess.EnumerateObject())
                        {
                            if (!Enum.TryParse<Security.AccessVerdict>(k.Name, out var verdict))
                                throw new EngineInputException("File", $"{file}: $.byAccess.{k.Name}: not an access verdict");
                            total.ByAccess.TryGetValue(verdict, out long n);
                            total.ByAccess[verdict] = n + k.Value.GetInt64();
                        }
                }
                catch (Exception e) when (e is JsonException || e is InvalidOperationException || e is FormatException)
                {
                    throw new EngineInputException("File", $"{file}: not a matrix summary: {e.Message}", e);
                }
            }
            return total;
        }

        private static JsonElement Required(JsonElement root, string name, string file) =>
            root.TryGetProperty(name, out var value) ? value : throw new EngineInputException("File", $"{file}: $.{name} is missing");

        /// <summary>
        /// Copies the rows of CSV or NDJSON shards to <paramref name="output"/> in the order given, the CSV header once; returns the
        /// number of rows.
        /// </summary>
        public static long MergeRows(IEnumerable<(string File, TextReader Reader)> shards, PathMatrixShardFormat format, TextWriter output)
        {
            if (shards == null) throw new ArgumentNullException(nameof(shards));
            if (output == null) throw new ArgumentNullException(nameof(output));
            if (format == PathMatrixShardFormat.Summary) throw new ArgumentException("summaries are merged by MergeSummaries", nameof(format));
            long rows = 0;
            // The header of the first CSV shard (with the access columns when it was run with a port), kept once; the others must match it.
            string? header = null;
            foreach (var (file, reader) in shards)
            {
                string? line = reader.ReadLine();
                if (format == PathMatrixShardFormat.Csv)
                {
                    if (header == null)
                    {
                        if (FormatOf(line) != PathMatrixShardFormat.Csv) throw new EngineInputException("File", $"{file}: line 1: not the matrix CSV header '{PathMatrixCsvWriter.Header}'");
                        header = line!;
                        output.Write(header);
                        output.Write('\n');
                    }
                    else if (line != header) throw new EngineInputException("File", $"{file}: line 1: not the header of the shards before it, '{header}'");
                    line = reader.ReadLine();
                }
                // A CSV field may hold a quoted line break: copy lines, count only those that end a record.
                bool inQuotes = false;
                for (; line != null; line = reader.ReadLine())
                {
                    output.Write(line);
                    output.Write('\n');
                    if (format == PathMatrixShardFormat.Csv) foreach (char c in line) if (c == '"') inQuotes = !inQuotes;
                    if (!inQuotes) rows++;
                }
            }
            return rows;
        }
    }
}
