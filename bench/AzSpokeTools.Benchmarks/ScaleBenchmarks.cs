using System.Text;
using AzSpokeTools.Engine.Hosting;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Paths;
using AzSpokeTools.Engine.Reports;
using AzSpokeTools.Engine.Requests;
using AzSpokeTools.Engine.Samples;
using AzSpokeTools.Engine.Security;
using AzSpokeTools.Engine.Snapshot;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace AzSpokeTools.Benchmarks;

/// <summary>
/// The figures of issue 14 (scale and streaming) as BenchmarkDotNet benchmarks over generated estates, in process: one warm-up
/// and three measured runs of each (each run seconds long, so no pilot and one invocation per run), every core, minutes in
/// all rather than hours. Whole-process figures (start-up, load and exit included) come from scale.sh.
/// </summary>
public sealed class ScaleJobConfig : ManualConfig
{
    /// <summary>One launch in this process, one warm-up, three runs of one invocation each.</summary>
    public ScaleJobConfig()
    {
        AddJob(Job.Default
            .WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(3)
            .WithInvocationCount(1).WithUnrollFactor(1)
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithId("scale"));
        WithOptions(ConfigOptions.DisableOptimizationsValidator);
    }
}

/// <summary>Estates the scale benchmarks share: generated with the generator's defaults (two hubs, one subnet per spoke, seed 1).</summary>
internal static class ScaleEstates
{
    /// <summary>
    /// The generated snapshot document, as <c>azspoke generate</c> writes it; <paramref name="networkSecurityGroups"/> is
    /// <c>--network-security-groups</c> (the hub's NSG on every spoke subnet; routing is the same as without it).
    /// </summary>
    public static byte[] Document(int spokes, int privateEndpointsPerSpoke = 0, bool contoso = false, bool networkSecurityGroups = false)
    {
        using var stream = new MemoryStream();
        var options = new SyntheticEstateOptions { Spokes = spokes, PrivateEndpointsPerSpoke = privateEndpointsPerSpoke, NetworkSecurityGroups = networkSecurityGroups };
        if (contoso)
        {
            // The Contoso hairpin case of the mesh benchmark: no mesh yet, dev/prod tags to plan by.
            options.MeshShare = 0;
            options.EnvironmentTags = true;
            options.Seed = 7;
        }
        SyntheticEstate.Write(options, stream);
        return stream.ToArray();
    }

    public static Topology Load(byte[] document, string name) => SnapshotLoader.Load(new MemoryStream(document, writable: false), name);

    /// <summary>A buffered UTF-8 file, as the CLI writes a redirected standard output.</summary>
    public static StreamWriter File(string path) => new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
}

/// <summary>
/// "5,000 / 8,192 / 20,000 spokes, all VNet pairs, summary": the matrix counted on every core, and the snapshot's load for
/// comparison (the whole process is load + matrix + start-up).
/// </summary>
[Config(typeof(ScaleJobConfig))]
[MemoryDiagnoser]
public class MatrixSummaryBenchmarks
{
    private byte[] _document = null!;
    private Topology _topology = null!;

    [Params(5000, 8192, 20000)]
    public int Spokes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _document = ScaleEstates.Document(Spokes);
        _topology = ScaleEstates.Load(_document, $"e{Spokes}.json");
    }

    /// <summary>Every ordered VNet pair counted (azspoke matrix --format summary without the load).</summary>
    [Benchmark]
    public long Summary() => new PathMatrix(_topology).Run(null).Pairs;

    /// <summary>Parsing the generated snapshot into a topology (the load part of the whole process).</summary>
    [Benchmark]
    public int Load() => ScaleEstates.Load(_document, $"e{Spokes}.json").VirtualNetworks.Count;
}

/// <summary>
/// Issue 15's "matrix with access within 2x routing only" on 5,000 spokes: the summary on every core without a flow (the
/// baseline) and with 443/tcp (<c>azspoke matrix --port 443</c>: every pair's access evaluated and counted by verdict), both
/// on one estate with NSGs on every spoke subnet, so the rules decide and only access differs; the Ratio column is the figure.
/// </summary>
[Config(typeof(ScaleJobConfig))]
[MemoryDiagnoser]
public class MatrixAccessBenchmarks
{
    private static readonly Flow Https = Flow.Parse("443/tcp");
    private Topology _topology = null!;

    [Params(5000)]
    public int Spokes { get; set; }

    [GlobalSetup]
    public void Setup() => _topology = ScaleEstates.Load(ScaleEstates.Document(Spokes, networkSecurityGroups: true), $"e{Spokes}-nsg.json");

    /// <summary>Every ordered VNet pair counted, routing only (azspoke matrix --format summary).</summary>
    [Benchmark(Baseline = true)]
    public long Summary() => new PathMatrix(_topology).Run(null).Pairs;

    /// <summary>The same pairs, each with its access for 443/tcp (azspoke matrix --format summary --port 443).</summary>
    [Benchmark]
    public long SummaryWithAccess() => new PathMatrix(_topology, new PathMatrixOptions { Flow = Https }).Run(null).Pairs;
}

/// <summary>Benchmarks that write matrix rows to a temporary file: the estate of <see cref="Spokes"/> spokes and the file.</summary>
public abstract class MatrixToFileBenchmarks
{
    private string? _path;

    /// <summary>The estate's spokes (each derived class gives its size as a parameter).</summary>
    public abstract int Spokes { get; set; }

    /// <summary>The generated estate.</summary>
    protected Topology Topology { get; private set; } = null!;

    /// <summary>The file's extension, e.g. "csv".</summary>
    protected abstract string Extension { get; }

    [GlobalSetup]
    public void Setup()
    {
        Topology = ScaleEstates.Load(ScaleEstates.Document(Spokes), $"e{Spokes}.json");
        _path = Path.Combine(Path.GetTempPath(), $"azspoke-bench-{Environment.ProcessId}.{Extension}");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (_path != null) File.Delete(_path);
    }

    /// <summary>The file, truncated, as a buffered UTF-8 writer.</summary>
    protected StreamWriter OpenFile() => ScaleEstates.File(_path!);
}

/// <summary>"5,000 spokes, all 25 M rows as CSV to a file": every row written through the CSV writer to a file.</summary>
[Config(typeof(ScaleJobConfig))]
public class MatrixCsvBenchmarks : MatrixToFileBenchmarks
{
    [Params(5000)]
    public override int Spokes { get; set; }

    protected override string Extension => "csv";

    [Benchmark]
    public long CsvToFile()
    {
        using var file = OpenFile();
        return PathMatrixCsvWriter.Write(file, new PathMatrix(Topology)).Pairs;
    }
}

/// <summary>
/// "Per-pair reasons for all pairs, ndjson: ≤ 3× the ndjson time without reasons": every row as NDJSON to a file, without
/// (the baseline) and with <c>--reasons</c>; the Ratio column is the figure.
/// </summary>
[Config(typeof(ScaleJobConfig))]
public class MatrixReasonsBenchmarks : MatrixToFileBenchmarks
{
    [Params(2000)]
    public override int Spokes { get; set; }

    protected override string Extension => "ndjson";

    private long Ndjson(bool reasons)
    {
        using var file = OpenFile();
        return PathMatrixNdjsonWriter.Write(file, new PathMatrix(Topology, new PathMatrixOptions { Reasons = reasons })).Pairs;
    }

    [Benchmark(Baseline = true)]
    public long NdjsonToFile() => Ndjson(reasons: false);

    [Benchmark]
    public long NdjsonWithReasonsToFile() => Ndjson(reasons: true);
}

/// <summary>"Plan + every wave's what-if, 1,000 spokes, 10,000 private endpoints" (10 per spoke, generated).</summary>
[Config(typeof(ScaleJobConfig))]
[MemoryDiagnoser]
public class WhatIfBenchmarks
{
    private Topology _topology = null!;

    [Params(1000)]
    public int Spokes { get; set; }

    [Params(10)]
    public int PrivateEndpointsPerSpoke { get; set; }

    [GlobalSetup]
    public void Setup() => _topology = ScaleEstates.Load(ScaleEstates.Document(Spokes, PrivateEndpointsPerSpoke, contoso: true), $"contoso-{Spokes}.json");

    [Benchmark]
    public int PlanWithEveryWavesWhatIf()
    {
        var plan = new MeshMigrationRequest { Topology = _topology, HighScale = true, HighScalePrivateEndpoints = true }.Execute(new RecordingEngineHost());
        return plan.WhatIf!.Waves.Count;
    }
}

/// <summary>"Vector vs scalar, same pairs, same run": the 1,000-spoke summary with the vector engine (baseline) and the scalar reference.</summary>
[Config(typeof(ScaleJobConfig))]
public class VectorScalarBenchmarks
{
    private Topology _topology = null!;

    [Params(1000)]
    public int Spokes { get; set; }

    [GlobalSetup]
    public void Setup() => _topology = ScaleEstates.Load(ScaleEstates.Document(Spokes), $"e{Spokes}.json");

    [Benchmark(Baseline = true)]
    public long Vector() => new PathMatrix(_topology).Run(null).Pairs;

    [Benchmark]
    public long Scalar() => new PathMatrix(_topology, new PathMatrixOptions { Engine = PathMatrixEngine.Scalar }).Run(null).Pairs;
}
