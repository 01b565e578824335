using System.Diagnostics;
using System.Text;
using AzSpokeTools.Engine.Hosting;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Paths;
using AzSpokeTools.Engine.Requests;
using AzSpokeTools.Engine.Samples;
using AzSpokeTools.Engine.Snapshot;
using AzSpokeTools.Engine;

namespace AzSpokeTools.Fuzz;

/// <summary>What a fuzz run mutates.</summary>
public enum FuzzTarget
{
    /// <summary>The bundled samples (module/samples), as snapshots.</summary>
    Samples,
    /// <summary>The public ARM examples (shared/corpus/arm-examples), as snapshots.</summary>
    Corpus,
    /// <summary>Intent files (YAML and JSON), checked against a bundled sample.</summary>
    Intent,
    /// <summary>Azure service-tag files.</summary>
    ServiceTags,
}

/// <summary>Options of a fuzz run; the run is deterministic for a given seed, start and count.</summary>
public sealed class FuzzOptions
{
    public FuzzTarget Target { get; set; } = FuzzTarget.Samples;
    public int Mutants { get; set; } = 2_000;
    public int Seed { get; set; } = 16;
    /// <summary>Index of the first mutant (to replay a failure: --start N --mutants 1).</summary>
    public int Start { get; set; }
    /// <summary>shared/corpus/arm-examples, for <see cref="FuzzTarget.Corpus"/>.</summary>
    public string? CorpusDirectory { get; set; }
    /// <summary>Longest a case may take; past it the case is a hang and the run stops.</summary>
    public TimeSpan CaseBudget { get; set; } = TimeSpan.FromSeconds(20);
    /// <summary>Most bytes a case may allocate on its thread; more is unbounded memory.</summary>
    public long CaseAllocationBudget { get; set; } = 512L << 20;
    /// <summary>Run the azspoke CLI in process on every Nth mutant (0: never).</summary>
    public int CliEvery { get; set; } = 10;
    /// <summary>Progress lines (every 1,000 cases) go here when set.</summary>
    public TextWriter? Log { get; set; }
}

/// <summary>The outcome of a fuzz run: counts per mutation class and outcome, and every unexpected ending.</summary>
public sealed class FuzzReport
{
    /// <summary>Class -> outcome (Result, or the engine error type the case ended in) -> count.</summary>
    public SortedDictionary<string, SortedDictionary<string, int>> Counts { get; } = new(StringComparer.Ordinal);
    /// <summary>Unexpected exceptions, hangs, allocation past the budget, unsafe CLI output or wrong exit codes.</summary>
    public List<string> Failures { get; } = new();
    public int Cases { get; internal set; }
    public int CliRuns { get; internal set; }
    public TimeSpan Elapsed { get; internal set; }
    public TimeSpan SlowestCase { get; internal set; }
    public long MostAllocatedByACase { get; internal set; }
    public long PeakWorkingSet { get; internal set; }

    internal void Count(string mutationClass, string outcome)
    {
        if (!Counts.TryGetValue(mutationClass, out var byOutcome)) Counts[mutationClass] = byOutcome = new SortedDictionary<string, int>(StringComparer.Ordinal);
        byOutcome[outcome] = byOutcome.TryGetValue(outcome, out var n) ? n + 1 : 1;
    }

    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.AppendLine($"{Cases:N0} mutants in {Elapsed.TotalSeconds:F1} s ({CliRuns:N0} also through the CLI); slowest case {SlowestCase.TotalMilliseconds:F0} ms; " +
                      $"most allocated by one case {MostAllocatedByACase / (1 << 20):N0} MiB; peak working set {PeakWorkingSet / (1 << 20):N0} MiB");
        foreach (var (cls, outcomes) in Counts)
            sb.AppendLine($"  {cls}: " + string.Join(", ", outcomes.Select(o => $"{o.Key} {o.Value:N0}")));
        sb.AppendLine($"unexpected: {Failures.Count}");
        foreach (var f in Failures.Take(50)) sb.AppendLine("  " + f);
        return sb.ToString();
    }
}

/// <summary>
/// Drives mutants in process: each case runs on its own thread (default stack size, as a cmdlet's runspace thread) within a
/// time and an allocation budget, loads the mutant and runs every engine request on it (routes, path, matrix with both
/// engines, intent, readiness, plan, verify), and every few cases the same through the CLI. A case must end in a result or one
/// of the engine's error types; anything else is a failure with the case index to replay it.
/// </summary>
public static class FuzzRun
{
    /// <summary>The exception types a case may end in: the engine's own errors for bad input.</summary>
    public static bool IsEngineError(Exception e) =>
        e is SnapshotLoadException || e is EngineInputException || e is ResourceNotFoundException || e is AmbiguousNameException;

    public static FuzzReport Run(FuzzOptions options)
    {
        var report = new FuzzReport();
        var seeds = Seeds(options);
        var work = Directory.CreateTempSubdirectory("azspoke-fuzz-").FullName;
        var watch = Stopwatch.StartNew();
        try
        {
            for (int i = options.Start; i < options.Start + options.Mutants; i++)
            {
                var rng = new Random(unchecked(options.Seed * 1_000_003 + i));
                var c = new Case(options, seeds, rng, i, work);
                var caseWatch = Stopwatch.StartNew();
                var thread = new Thread(c.Run) { IsBackground = true, Name = "fuzz case " + i };
                thread.Start();
                if (!thread.Join(options.CaseBudget))
                {
                    report.Failures.Add($"case {i} ({c.Class}): hang, still running after {options.CaseBudget.TotalSeconds:F0} s (at: {c.Step})");
                    report.Count(c.Class, "Hang");
                    report.Cases++;
                    break; // the thread cannot be stopped; the run ends here
                }
                var elapsed = caseWatch.Elapsed;
                if (elapsed > report.SlowestCase) report.SlowestCase = elapsed;
                if (c.Allocated > report.MostAllocatedByACase) report.MostAllocatedByACase = c.Allocated;
                if (c.Allocated > options.CaseAllocationBudget)
                    c.Failures.Add($"allocated {c.Allocated / (1 << 20):N0} MiB, past the budget of {options.CaseAllocationBudget / (1 << 20):N0} MiB");
                foreach (var f in c.Failures) report.Failures.Add($"case {i} ({c.Class}, seed {c.SeedName}): {f}");
                report.Count(c.Class, c.Failures.Count > 0 ? "Unexpected" : c.Outcome);
                report.Cases++;
                if (c.CliRan) report.CliRuns++;
                if (options.Log != null && (report.Cases % 1000 == 0))
                    options.Log.WriteLine($"{report.Cases:N0} cases, {watch.Elapsed.TotalSeconds:F0} s, {report.Failures.Count} unexpected");
            }
        }
        finally
        {
            try { Directory.Delete(work, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
        report.Elapsed = watch.Elapsed;
        report.PeakWorkingSet = Process.GetCurrentProcess().PeakWorkingSet64;
        return report;
    }

    /// <summary>The seed documents of the target: name and text.</summary>
    public static List<(string Name, string Text)> Seeds(FuzzOptions options)
    {
        switch (options.Target)
        {
            case FuzzTarget.Corpus:
                var dir = options.CorpusDirectory ?? throw new ArgumentException("the corpus target needs the arm-examples directory", nameof(options));
                return Directory.GetFiles(dir, "*.json").OrderBy(f => f, StringComparer.Ordinal).Select(f => (Path.GetFileName(f), File.ReadAllText(f))).ToList();
            case FuzzTarget.ServiceTags:
                return new List<(string, string)> { ("ServiceTags_Public.json", ServiceTagSeed) };
            default:
                return SampleCatalog.Names.Select(n =>
                {
                    SampleCatalog.TryOpen(n, out var s);
                    using var reader = new StreamReader(s);
                    return (n, reader.ReadToEnd());
                }).ToList();
        }
    }

    /// <summary>shared/corpus/arm-examples above <paramref name="from"/>, or null when it is not there.</summary>
    public static string? FindCorpus(string from)
    {
        for (var dir = new DirectoryInfo(from); dir != null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "corpus", "arm-examples");
            if (Directory.Exists(candidate)) return candidate;
        }
        return null;
    }

    private const string ServiceTagSeed = """
        { "changeNumber": 1, "cloud": "Public", "values": [
          { "name": "Storage", "id": "Storage", "properties": { "changeNumber": 1, "region": "", "platform": "Azure", "systemService": "AzureStorage",
            "addressPrefixes": [ "20.38.64.0/19", "20.60.0.0/16", "2603:1000::/40" ] } },
          { "name": "Storage.WestUS", "id": "Storage.WestUS", "properties": { "addressPrefixes": [ "20.60.1.0/24" ] } },
          { "name": "AzureCloud", "id": "AzureCloud", "properties": { "addressPrefixes": [ "13.64.0.0/11", "10.0.0.0/8" ] } } ] }
        """;

    /// <summary>One mutant: built, then driven through the requests on its own thread.</summary>
    private sealed class Case
    {
        private readonly FuzzOptions _options;
        private readonly List<(string Name, string Text)> _seeds;
        private readonly Random _rng;
        private readonly int _index;
        private readonly string _work;

        public Case(FuzzOptions options, List<(string Name, string Text)> seeds, Random rng, int index, string work)
        {
            _options = options;
            _seeds = seeds;
            _rng = rng;
            _index = index;
            _work = work;
        }

        public string Class = "?";
        public string SeedName = "?";
        public string Outcome = "Result";
        public volatile string Step = "mutating";
        public long Allocated;
        public bool CliRan;
        public readonly List<string> Failures = new();

        public void Run()
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                RunCore();
            }
            catch (Exception e)
            {
                Failures.Add($"{e.GetType().FullName} at {Step}: {OneLine(e.Message)} | {TopFrames(e)}");
            }
            Allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        }

        private void RunCore()
        {
            var host = new RecordingEngineHost();
            switch (_options.Target)
            {
                case FuzzTarget.Intent:
                {
                    var (name, bytes) = IntentMutator.Mutate(_rng, out Class);
                    SeedName = name;
                    var file = Write("intent-" + name, bytes);
                    var sample = SampleCatalog.Names[_rng.Next(SampleCatalog.Names.Count)];
                    var topology = SnapshotLoader.Load("sample:" + sample);
                    Step = "intent";
                    if (Engine(() => new IntentRequest { Topology = topology, Intent = file }.Execute(host)) is string first) { Outcome = first; }
                    Step = "matrix with intent";
                    Engine(() => new PathMatrixRequest { Topology = topology, Intent = file }.Execute(host).Run(null));
                    Step = "path with intent";
                    if (topology.VirtualNetworks.Count > 1)
                        Engine(() => new PathRequest { Topology = topology, Source = topology.VirtualNetworks[0].Id.Value, Destination = topology.VirtualNetworks[1].Id.Value, Intent = file }.Execute(host));
                    if (Cli()) RunCli("sample:" + sample, file);
                    return;
                }
                case FuzzTarget.ServiceTags:
                {
                    var (seedName, seed) = _seeds[0];
                    SeedName = seedName;
                    var file = Write("tags.json", SnapshotMutator.Mutate(seed, _rng, out Class));
                    var topology = SnapshotLoader.Load("sample:routing-example");
                    Step = "routes with service tags";
                    if (Engine(() => new EffectiveRouteRequest { Topology = topology, Subnet = topology.VirtualNetworks[0].Subnets[0].Id.Value, ServiceTagFile = file }.Execute(host)) is string first) Outcome = first;
                    return;
                }
                default:
                {
                    var (seedName, seed) = _seeds[_rng.Next(_seeds.Count)];
                    SeedName = seedName;
                    var bytes = SnapshotMutator.Mutate(seed, _rng, out Class);
                    Step = "load";
                    Topology? topology = null;
                    if (Engine(() => topology = SnapshotLoader.Load(new MemoryStream(bytes), "mutant-" + _index + ".json")) is string failed)
                    {
                        Outcome = failed;
                        if (Cli()) RunCli(Write("snapshot.json", bytes), null);
                        return;
                    }
                    Exercise(topology!, host);
                    if (Cli()) RunCli(Write("snapshot.json", bytes), null);
                    return;
                }
            }
        }

        private bool Cli() => _options.CliEvery > 0 && _index % _options.CliEvery == 0;

        /// <summary>Every request on a loaded mutant; each may end in an engine error, which is counted and not a failure.</summary>
        private void Exercise(Topology t, IEngineHost host)
        {
            var subnets = t.VirtualNetworks.SelectMany(v => v.Subnets).Take(12).ToList();
            Step = "routes";
            foreach (var s in subnets) Engine(() => new EffectiveRouteRequest { Topology = t, Subnet = s.Id.Value }.Execute(host));
            foreach (var n in t.NetworkInterfaces.Take(4)) Engine(() => new EffectiveRouteRequest { Topology = t, NetworkInterface = n.Id.Value }.Execute(host));
            Step = "path";
            var vnets = t.VirtualNetworks;
            for (int k = 1; k < Math.Min(vnets.Count, 5); k++)
            {
                var a = vnets[0].Id.Value;
                var b = vnets[k].Id.Value;
                Engine(() => new PathRequest { Topology = t, Source = a, Destination = b }.Execute(host));
            }
            foreach (var n in t.NetworkInterfaces.Take(2))
                if (vnets.Count > 0) Engine(() => new PathRequest { Topology = t, Source = n.Id.Value, Destination = vnets[^1].Id.Value }.Execute(host));
            foreach (var engine in new[] { "vector", "scalar" })
            {
                Step = "matrix " + engine;
                Engine(() => new PathMatrixRequest { Topology = t, Engine = engine }.Execute(host).Run(null));
            }
            Step = "matrix subnets";
            Engine(() => new PathMatrixRequest { Topology = t, Level = PathMatrixLevel.Subnet }.Execute(host).Run(null));
            Step = "intent";
            var intent = Write("intent.yaml", Encoding.UTF8.GetBytes(IntentMutator.Seeds[0].Text));
            Engine(() => new IntentRequest { Topology = t, Intent = intent }.Execute(host));
            Step = "readiness";
            Engine(() => new MeshReadinessRequest { Topology = t }.Execute(host));
            Step = "plan";
            Engine(() => new MeshMigrationRequest { Topology = t }.Execute(host));
            Step = "verify";
            Engine(() => new VerifyRequest { Topology = t }.Execute(host));
        }

        /// <summary>Runs <paramref name="action"/>; returns the engine error's type name when it ended in one, null on success.</summary>
        private string? Engine(Action action)
        {
            try
            {
                action();
                return null;
            }
            catch (Exception e) when (IsEngineError(e))
            {
                return e.GetType().Name;
            }
        }

        /// <summary>The same mutant through the CLI in process: exit 0, 1 or 2 only, and no raw control or bidi characters out.</summary>
        private void RunCli(string snapshot, string? intent)
        {
            CliRan = true;
            var runs = new List<string[]>
            {
                new[] { "routes", "--snapshot", snapshot, "--subnet", Pick("VNET/SUBNET") },
                new[] { "path", "--snapshot", snapshot, "--from", Pick("a"), "--to", Pick("b"), "--format", _rng.Next(2) == 0 ? "json" : "table" },
                new[] { "matrix", "--snapshot", snapshot, "--format", new[] { "summary", "json", "csv" }[_rng.Next(3)] },
                new[] { "intent", "--snapshot", snapshot, "--intent", intent ?? Write("cli-intent.yaml", Encoding.UTF8.GetBytes(IntentMutator.Seeds[0].Text)) },
                new[] { "readiness", "--snapshot", snapshot },
            };
            foreach (var args in runs)
            {
                Step = "cli " + args[0];
                var output = new StringWriter();
                var error = new StringWriter();
                int code = AzSpokeTools.Cli.CliApp.Run(args, output, error);
                if (code != 0 && code != 1 && code != 2)
                    Failures.Add($"azspoke {args[0]} exited {code}: {OneLine(error.ToString())}");
                foreach (var (stream, text) in new[] { ("stdout", output.ToString()), ("stderr", error.ToString()) })
                    if (UnsafeCharacter(text) is int at)
                        Failures.Add($"azspoke {args[0]} wrote U+{(int)text[at]:X4} raw to {stream}: ...{OneLine(text.Substring(Math.Max(0, at - 40), Math.Min(80, text.Length - Math.Max(0, at - 40))))}...");
            }
        }

        /// <summary>A name from the snapshot when there is one (so that commands get past name resolution), else a made-up one.</summary>
        private string Pick(string fallback)
        {
            try
            {
                var t = SnapshotLoader.Load(Path.Combine(_work, "snapshot.json"));
                var names = t.VirtualNetworks.Select(v => v.Name).Concat(t.VirtualNetworks.SelectMany(v => v.Subnets).Select(s => s.DisplayName)).ToList();
                if (names.Count > 0) return names[_rng.Next(names.Count)];
            }
            catch (Exception e) when (IsEngineError(e))
            {
            }
            return fallback;
        }

        private string Write(string name, byte[] bytes)
        {
            var path = Path.Combine(_work, name);
            File.WriteAllBytes(path, bytes);
            return path;
        }
    }

    /// <summary>
    /// The index of the first character a terminal or spreadsheet would act on: C0 controls other than line feed (and a carriage
    /// return before it), DEL, C1 controls, bidi overrides and isolates, line and paragraph separators; null when there is none.
    /// </summary>
    public static int? UnsafeCharacter(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\n' || (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')) continue;
            if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') ||
                c == '\u200E' || c == '\u200F' || c == '\u061C' || c == '\u2028' || c == '\u2029')
                return i;
        }
        return null;
    }

    private static string OneLine(string s) => s.Replace("\r", "\\r").Replace("\n", "\\n");

    private static string TopFrames(Exception e) =>
        string.Join(" < ", (e.StackTrace ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("at ", StringComparison.Ordinal)).Take(4));
}
