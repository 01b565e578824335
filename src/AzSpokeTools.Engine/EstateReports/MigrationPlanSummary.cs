using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace AzSpokeTools.Engine.EstateReports
{
    /// <summary>
    /// The parts of a migration plan folder (<c>azspoke plan --out DIR</c> / Convert-HairpinToMesh -OutputPath) the report
    /// shows: the waves and the before/after what-if. Only stable fields are read — plan.json's waves (number, name, why,
    /// members, regions, withinLimits) and whatIf counts, and whatif-pairs.csv by its header names (from, to, before, after;
    /// a <c>wave</c> column is used when present) — so that new fields and columns do not break the report.
    /// </summary>
    public sealed class MigrationPlanSummary
    {
        /// <summary>Pair changes kept for the report (the what-if counts cover every pair).</summary>
        public const int MaxChanges = 5000;

        /// <summary>The folder the plan was read from.</summary>
        public string Directory { get; private set; } = "";
        /// <summary>The plan's waves.</summary>
        public List<PlanWave> Waves { get; } = new List<PlanWave>();
        /// <summary>Null when the plan was made without a what-if.</summary>
        public long? WhatIfPairs { get; private set; }
        /// <summary>Pairs by path kind before the migration.</summary>
        public List<KeyValuePair<string, long>> Before { get; } = new List<KeyValuePair<string, long>>();
        /// <summary>Pairs by path kind after the last wave.</summary>
        public List<KeyValuePair<string, long>> After { get; } = new List<KeyValuePair<string, long>>();
        /// <summary>Pairs by the change of path kind the plan causes.</summary>
        public List<KeyValuePair<string, long>> Transitions { get; } = new List<KeyValuePair<string, long>>();
        /// <summary>Pairs delivered before and not after.</summary>
        public long LosingConnectivity { get; private set; }
        /// <summary>Pairs inspected by an appliance before and not after.</summary>
        public long LosingInspection { get; private set; }
        /// <summary>Pairs whose kind changes (from whatif-pairs.csv), at most <see cref="MaxChanges"/>.</summary>
        public List<PlanPairChange> Changes { get; } = new List<PlanPairChange>();
        /// <summary>Changed pairs in the CSV (also those beyond <see cref="MaxChanges"/>).</summary>
        public long ChangedPairs { get; private set; }

        /// <summary>Reads plan.json (required) and whatif-pairs.csv (optional) from <paramref name="directory"/>.</summary>
        /// <exception cref="EngineInputException">The folder or plan.json is missing or malformed (the message names the file and JSON path).</exception>
        public static MigrationPlanSummary Load(string directory)
        {
            var planFile = Path.Combine(directory, "plan.json");
            if (!File.Exists(planFile))
                throw new EngineInputException("Plan", $"'{planFile}' not found; give the folder written by azspoke plan --out (or Convert-HairpinToMesh -OutputPath)");
            var summary = new MigrationPlanSummary { Directory = directory };
            try
            {
                using var doc = JsonDocument.Parse(File.ReadAllText(planFile));
                var root = doc.RootElement;
                if (root.TryGetProperty("waves", out var waves) && waves.ValueKind == JsonValueKind.Array)
                {
                    int i = 0;
                    foreach (var w in waves.EnumerateArray())
                    {
                        var at = $"$.waves[{i++}]";
                        summary.Waves.Add(new PlanWave(
                            Int(w, "number", planFile, at), Str(w, "name"), Str(w, "why"),
                            Strings(w, "members"), Strings(w, "regions"),
                            !w.TryGetProperty("withinLimits", out var l) || l.ValueKind != JsonValueKind.False));
                    }
                }
                if (root.TryGetProperty("whatIf", out var wi) && wi.ValueKind == JsonValueKind.Object)
                {
                    summary.WhatIfPairs = wi.TryGetProperty("pairs", out var p) && p.TryGetInt64(out var n) ? n : 0;
                    Counts(wi, "before", summary.Before);
                    Counts(wi, "after", summary.After);
                    Counts(wi, "transitions", summary.Transitions);
                    summary.LosingConnectivity = wi.TryGetProperty("losingConnectivityCount", out var lc) && lc.TryGetInt64(out var a) ? a : 0;
                    summary.LosingInspection = wi.TryGetProperty("losingInspectionCount", out var li) && li.TryGetInt64(out var b) ? b : 0;
                }
            }
            catch (JsonException e)
            {
                throw new EngineInputException("Plan", $"'{planFile}' is not valid JSON: {e.Message}");
            }
            var csv = Path.Combine(directory, "whatif-pairs.csv");
            if (File.Exists(csv)) summary.ReadPairs(csv);
            return summary;
        }

        private void ReadPairs(string file)
        {
            using var reader = new StreamReader(file);
            var header = reader.ReadLine()?.Split(',') ?? new string[0];
            int Col(string name) => Array.FindIndex(header, h => string.Equals(h.Trim(), name, StringComparison.OrdinalIgnoreCase));
            int from = Col("from"), to = Col("to"), before = Col("before"), after = Col("after"), wave = Col("wave");
            if (from < 0 || to < 0 || before < 0 || after < 0)
                throw new EngineInputException("Plan", $"'{file}': the header must name the columns from, to, before and after");
            string? line;
            int lineNumber = 1;
            while ((line = reader.ReadLine()) != null)
            {
                lineNumber++;
                if (line.Length == 0) continue;
                // VNet names and kinds contain no commas or quotes (Azure naming rules), so a plain split is exact.
                var f = line.Split(',');
                if (f.Length < header.Length) throw new EngineInputException("Plan", $"'{file}' line {lineNumber}: {f.Length} fields, the header has {header.Length}");
                if (f[before] == f[after]) continue;
                ChangedPairs++;
                if (Changes.Count < MaxChanges)
                    Changes.Add(new PlanPairChange(f[from], f[to], f[before], f[after], wave >= 0 && int.TryParse(f[wave], out var w) ? w : (int?)null));
            }
        }

        private static void Counts(JsonElement e, string name, List<KeyValuePair<string, long>> into)
        {
            if (!e.TryGetProperty(name, out var o) || o.ValueKind != JsonValueKind.Object) return;
            foreach (var p in o.EnumerateObject())
                if (p.Value.TryGetInt64(out var n)) into.Add(new KeyValuePair<string, long>(p.Name, n));
        }

        private static int Int(JsonElement e, string name, string file, string at) =>
            e.TryGetProperty(name, out var v) && v.TryGetInt32(out var n) ? n : throw new EngineInputException("Plan", $"'{file}' {at}.{name}: a number is required");

        private static string Str(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";

        private static List<string> Strings(JsonElement e, string name) =>
            e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
                ? v.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToList()
                : new List<string>();
    }

    /// <summary>One wave of the plan.</summary>
    public sealed class PlanWave
    {
        internal PlanWave(int number, string name, string why, List<string> members, List<string> regions, bool withinLimits)
        {
            Number = number; Name = name; Why = why; Members = members; Regions = regions; WithinLimits = withinLimits;
        }

        /// <summary>The wave's number, from 1.</summary>
        public int Number { get; }
        /// <summary>The wave's name.</summary>
        public string Name { get; }
        /// <summary>Why the wave holds these members.</summary>
        public string Why { get; }
        /// <summary>The VNets the wave adds to the mesh.</summary>
        public List<string> Members { get; }
        /// <summary>The regions the wave touches.</summary>
        public List<string> Regions { get; }
        /// <summary>False when the wave exceeds a connected-group limit.</summary>
        public bool WithinLimits { get; }
    }

    /// <summary>A pair whose path kind the migration changes.</summary>
    public sealed class PlanPairChange
    {
        internal PlanPairChange(string from, string to, string before, string after, int? wave)
        {
            From = from; To = to; Before = before; After = after; Wave = wave;
        }

        /// <summary>The source VNet.</summary>
        public string From { get; }
        /// <summary>The destination VNet.</summary>
        public string To { get; }
        /// <summary>The path before the migration.</summary>
        public string Before { get; }
        /// <summary>The path after it.</summary>
        public string After { get; }
        /// <summary>The wave that changes the pair, when whatif-pairs.csv says.</summary>
        public int? Wave { get; }
    }
}
