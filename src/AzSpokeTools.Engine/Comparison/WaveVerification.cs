using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using AzSpokeTools.Engine.Hosting;
using AzSpokeTools.Engine.Migration;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Paths;
using AzSpokeTools.Engine.Reports;

namespace AzSpokeTools.Engine.Comparison
{
    /// <summary>
    /// <c>azspoke verify-wave</c> / Compare-SpokeTopology -Plan: a snapshot taken after applying wave k against what the plan
    /// promised for it. Every pair of whatif-pairs.csv has a promised path after wave k: its "after" in the last wave up to k that
    /// lists it, else its "before" in the first later wave that lists it (no wave in between changes it).
    /// </summary>
    public sealed class WaveVerification
    {
        internal WaveVerification(int wave, string name, long pairs, IReadOnlyList<PairDifference> differences, IReadOnlyList<string> unresolved)
        {
            Wave = wave; Name = name; PairsChecked = pairs; Differences = differences; Unresolved = unresolved;
        }

        /// <summary>The wave verified (the decommission phase is numbered after the last wave).</summary>
        public int Wave { get; }
        /// <summary>The name of the wave checked.</summary>
        public string Name { get; }
        /// <summary>How many member pairs were traced.</summary>
        public long PairsChecked { get; }
        /// <summary>Pairs whose path in the snapshot differs from the promise: Before is the promise, After what the snapshot shows.</summary>
        public IReadOnlyList<PairDifference> Differences { get; }
        /// <summary>VNets the plan names that the snapshot lacks or names twice.</summary>
        public IReadOnlyList<string> Unresolved { get; }
        /// <summary>True when every promised pair is found as promised.</summary>
        public bool Verified => Differences.Count == 0 && Unresolved.Count == 0;

        private sealed class Promise
        {
            public int AfterWave = -1, BeforeWave = int.MaxValue;
            public PairPath? After, Before;
            public bool AfterSymmetric, BeforeSymmetric;
        }

        internal static WaveVerification Compute(string planDirectory, string waveText, Topology topology, IEngineHost host)
        {
            var planFile = Path.Combine(planDirectory, "plan.json");
            var csvFile = Path.Combine(planDirectory, "whatif-pairs.csv");
            if (!File.Exists(planFile)) throw new EngineInputException("Plan", $"{planFile} not found: give the directory a plan was written to (--out / -OutputPath)");
            if (!File.Exists(csvFile)) throw new EngineInputException("Plan", $"{csvFile} not found: the plan was made without its what-if (--no-what-if); plan again with it");
            var (waves, members, decommission) = ReadPlan(planFile);
            int target;
            string name;
            if (string.Equals(waveText?.Trim(), WhatIfPairsCsvWriter.DecommissionWave, StringComparison.OrdinalIgnoreCase))
            {
                if (!decommission) throw new EngineInputException("Wave", $"the plan in {planDirectory} has no decommission phase (plan with --decommission / -Decommission)");
                target = waves.Count + 1;
                name = WhatIfPairsCsvWriter.DecommissionWave;
            }
            else if (int.TryParse(waveText?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out target) && target >= 1 && target <= waves.Count) name = waves[target - 1];
            else throw new EngineInputException("Wave", $"'{waveText}' is not a wave of the plan: give 1..{waves.Count}" + (decommission ? " or " + WhatIfPairsCsvWriter.DecommissionWave : ""));

            var promises = ReadPromises(csvFile, target, waves.Count);
            var names = new HashSet<string>(promises.Keys.SelectMany(k => new[] { k.From, k.To }), StringComparer.OrdinalIgnoreCase);
            var matrix = new PathMatrix(topology);
            var endpoints = matrix.Endpoints;
            var byName = endpoints.GroupBy(e => e.VirtualNetwork.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.OrdinalIgnoreCase);
            var unresolved = new List<string>();
            var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            foreach (var n in names.OrderBy(x => x, StringComparer.Ordinal))
            {
                if (!byName.TryGetValue(n, out var found)) unresolved.Add($"{n}: not in the snapshot (or it has no subnet)");
                else if (found.Count > 1) unresolved.Add($"{n}: {found.Count} VNets have this name in the snapshot: {string.Join(", ", found.Select(f => f.VirtualNetwork.Id.Value))}");
                else index[n] = found[0].Index;
            }
            var focus = new bool[endpoints.Count];
            foreach (var m in members) if (index.TryGetValue(m, out var e)) focus[e] = true;
            var actual = new Dictionary<long, PairPath>();
            int count = endpoints.Count;
            MigrationWhatIfCalculator.Run(topology, focus, endpoints, new Dictionary<string, PairPath>(), host, null, null, null, (s, d, p) => actual[(long)s * count + d] = p);

            var differences = new List<PairDifference>();
            long checkedPairs = 0;
            foreach (var kv in promises.OrderBy(k => k.Key.From, StringComparer.Ordinal).ThenBy(k => k.Key.To, StringComparer.Ordinal))
            {
                if (!index.TryGetValue(kv.Key.From, out var s) || !index.TryGetValue(kv.Key.To, out var d)) continue;
                var p = kv.Value;
                var expected = p.AfterWave >= 0 ? p.After : p.Before;
                bool expectedSymmetric = p.AfterWave >= 0 ? p.AfterSymmetric : p.BeforeSymmetric;
                actual.TryGetValue((long)s * count + d, out var found);
                actual.TryGetValue((long)d * count + s, out var reverse);
                checkedPairs++;
                bool? foundSymmetric = found != null && reverse != null ? PairPath.Symmetric(found, reverse) : (bool?)null;
                var diff = new PairDifference(kv.Key.From, kv.Key.To, expected, found, expectedSymmetric, foundSymmetric);
                if (diff.Differs) differences.Add(diff);
            }
            return new WaveVerification(target, name, checkedPairs, differences, unresolved);
        }

        private static (List<string> Waves, List<string> Members, bool Decommission) ReadPlan(string file)
        {
            try
            {
                using var doc = JsonDocument.Parse(File.ReadAllText(file));
                var root = doc.RootElement;
                if (!root.TryGetProperty("schemaVersion", out var v) || v.GetInt32() != PlanJsonWriter.SchemaVersion)
                    throw new EngineInputException("Plan", $"{file}: schemaVersion {(root.TryGetProperty("schemaVersion", out var x) ? x.ToString() : "missing")}; this version reads {PlanJsonWriter.SchemaVersion}");
                var waves = new List<string>();
                var members = new List<string>();
                foreach (var w in root.GetProperty("waves").EnumerateArray())
                {
                    waves.Add(w.GetProperty("name").GetString() ?? "");
                    members.AddRange(w.GetProperty("members").EnumerateArray().Select(m => m.GetString() ?? ""));
                }
                if (waves.Count == 0) throw new EngineInputException("Plan", $"{file}: the plan has no wave");
                return (waves, members, root.TryGetProperty("decommission", out var d) && d.ValueKind == JsonValueKind.Object);
            }
            catch (Exception e) when (e is JsonException || e is KeyNotFoundException || e is InvalidOperationException || e is FormatException)
            {
                throw new EngineInputException("Plan", $"{file} is not a plan.json of this version: {e.Message}");
            }
        }

        private static Dictionary<(string From, string To), Promise> ReadPromises(string file, int target, int waves)
        {
            var promises = new Dictionary<(string, string), Promise>();
            using var reader = new StreamReader(file);
            var header = reader.ReadLine();
            if (header != WhatIfPairsCsvWriter.Header) throw new EngineInputException("Plan", $"{file}: unexpected header (expected {WhatIfPairsCsvWriter.Header})");
            int line = 1;
            string? text;
            while ((text = reader.ReadLine()) != null)
            {
                line++;
                if (text.Length == 0) continue;
                var f = text.Split(',');
                if (f.Length != 12) throw new EngineInputException("Plan", $"{file} line {line}: {f.Length} fields, expected 12");
                int wave = string.Equals(f[0], WhatIfPairsCsvWriter.DecommissionWave, StringComparison.Ordinal) ? waves + 1
                    : int.TryParse(f[0], NumberStyles.None, CultureInfo.InvariantCulture, out var w) ? w
                    : throw new EngineInputException("Plan", $"{file} line {line}: '{f[0]}' is not a wave");
                var key = (f[1], f[2]);
                if (!promises.TryGetValue(key, out var p)) promises[key] = p = new Promise();
                if (wave <= target && wave > p.AfterWave) { p.AfterWave = wave; p.After = Parse(f[4], f[6], file, line); p.AfterSymmetric = f[8] == "true"; }
                if (wave > target && wave < p.BeforeWave) { p.BeforeWave = wave; p.Before = Parse(f[3], f[5], file, line); p.BeforeSymmetric = f[7] == "true"; }
            }
            return promises;
        }

        private static PairPath Parse(string path, string transits, string file, int line)
        {
            var parts = path.Split('/');
            var kinds = transits.Length == 0 ? new List<PathKind>() : transits.Split(' ').Select(t => PathKinds.TryParse(t, out var k) ? k
                : throw new EngineInputException("Plan", $"{file} line {line}: '{t}' is not a path kind")).ToList();
            if (parts.Length == 1 && PathKinds.TryParse(parts[0], out var kind)) return new PairPath(PathOutcome.Delivered, kind, kinds);
            if (parts.Length == 2 && Enum.TryParse<PathOutcome>(parts[0], out var outcome) && PathKinds.TryParse(parts[1], out var k2)) return new PairPath(outcome, k2, kinds);
            throw new EngineInputException("Plan", $"{file} line {line}: '{path}' is not a path (Kind or Outcome/Kind)");
        }
    }
}
