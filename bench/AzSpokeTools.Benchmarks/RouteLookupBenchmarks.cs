using AzSpokeTools.Engine.Addresses;
using AzSpokeTools.Engine.Evaluation;
using BenchmarkDotNet.Attributes;
using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Benchmarks;

/// <summary>Scalar reference vs compiled lookups per table shape; results are per destination looked up.</summary>
[MemoryDiagnoser]
public class RouteLookupBenchmarks
{
    public const int DestinationCount = 4096;

    private List<EffectiveRoute> _routes = null!;
    private CompiledRouteTable _table = null!;
    private uint[] _destinations = null!;
    private IpAddressValue[] _addresses = null!;
    private readonly int[] _results = new int[DestinationCount];
    private readonly List<int> _winners = new();

    [Params(TableShape.Spoke, TableShape.Hub5000, TableShape.Mesh250, TableShape.Corpus10K)]
    public TableShape Shape { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _routes = TableShapes.Build(Shape);
        _table = CompiledRouteTable.Compile(_routes);
        _destinations = TableShapes.Destinations(_routes, DestinationCount);
        _addresses = _destinations.Select(IpAddressValue.FromV4).ToArray();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = DestinationCount)]
    public int Scalar()
    {
        int sum = 0;
        foreach (var d in _addresses)
        {
            ScalarRouteLookup.Lookup(_routes, d, _winners);
            sum += _winners.Count;
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = DestinationCount)]
    public int CompiledSingle()
    {
        int sum = 0;
        foreach (var d in _addresses) sum += _table.Lookup(d);
        return sum;
    }

    [Benchmark(OperationsPerInvoke = DestinationCount)]
    public int CompiledBatchV4()
    {
        _table.LookupBatch(_destinations, _results);
        return _results[0];
    }

    [Benchmark(OperationsPerInvoke = DestinationCount)]
    public int CompiledBatchAddresses()
    {
        _table.LookupBatch(_addresses, _results);
        return _results[0];
    }
}

/// <summary>What compiling a table, and finding it again in the cache, costs.</summary>
[MemoryDiagnoser]
public class RouteTableCompileBenchmarks
{
    private List<EffectiveRoute> _routes = null!;
    private readonly CompiledRouteTableCache _cache = new();

    [Params(TableShape.Spoke, TableShape.Hub5000, TableShape.Mesh250, TableShape.Corpus10K)]
    public TableShape Shape { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _routes = TableShapes.Build(Shape);
        _cache.GetOrCompile(_routes);
    }

    [Benchmark]
    public CompiledRouteTable Compile() => CompiledRouteTable.Compile(_routes);

    [Benchmark]
    public CompiledRouteTable CacheHit() => _cache.GetOrCompile(_routes);
}
