using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AzSpokeTools.Engine.Hosting;
using AzSpokeTools.Engine.Intent;
using AzSpokeTools.Engine.Migration;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Paths;
using AzSpokeTools.Engine.Reports;
using AzSpokeTools.Engine.Requests;
using AzSpokeTools.Engine.Samples;
using AzSpokeTools.Engine.Security;
using AzSpokeTools.Engine.Snapshot;
using AzSpokeTools.Engine.Tests.Reports;
using Xunit;

namespace AzSpokeTools.Engine.Tests.Paths;

/// <summary>
/// Access for a flow (--port) with the matrix's scale paths: on several threads each worker keeps its own access memo, and the
/// rows (access and deciding rule included), the counts by access and the what-if's opened flows are those of one thread;
/// NDJSON and --reasons rows carry access; shards with a port merge into the unsharded summary and CSV. The estate is the
/// generator's with --network-security-groups (every spoke subnet has its hub's NSG: 443 allowed, 22 denied from 10.0.0.0/8),
/// large enough for the matrix to use several threads (it gives each thread at least 8 sources).
/// </summary>
public sealed class MatrixAccessOnThreadsTests : IDisposable
{
    private static readonly Lazy<Topology> Secured = new(() =>
    {
        using var stream = new MemoryStream();
        SyntheticEstate.Write(new SyntheticEstateOptions { Spokes = 60, Hubs = 2, Seed = 3, MeshShare = 0.4, NetworkSecurityGroups = true }, stream);
        stream.Position = 0;
        return SnapshotLoader.Load(stream, "estate-60-nsg.json");
    });

    private readonly string _dir = Directory.CreateTempSubdirectory("azspoke-access-threads-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static RecordingEngineHost Host => new();

    /// <summary>Kinds as intended, and flows: HTTPS must pass (the hub firewall's default deny fails it on hairpinned pairs).</summary>
    private IntentSet Intent(Topology t)
    {
        var path = Path.Combine(_dir, "intent.yaml");
        File.WriteAllText(path, "groups:\n  spokes: { name: \"spoke*\" }\nrules:\n  - name: spokes-https\n    from: spokes\n    to: spokes\n    expect: [Direct, Mesh, Appliance]\n    allow: [443/tcp]\n");
        return IntentSet.Load(path, t);
    }

    private static Flow Tcp(int port) => FlowOptions.From(null, port, null)!;

    private static List<string> Rows(PathMatrix m) => m.Rows().Select(r => Describe(m, r)).ToList();

    private static string Describe(PathMatrix m, PathMatrixRow r) =>
        $"{m.Endpoints[r.Source].Name}>{m.Endpoints[r.Destination].Name} {r.Summary} x{r.Alternatives} {r.Compliant} " +
        $"{r.Access} {r.AccessRule?.Kind} {r.AccessRule?.ResourceId} {r.AccessRule?.Name} {r.AccessRule?.Priority} {r.AccessRule?.Direction} {r.AccessRule?.IsDefault}";

    [Fact]
    public void ThreadsShareTheEndpointsRouteTablesInsteadOfEachKeepingAllOfThem()
    {
        // Every thread's access reads every endpoint's routes (its hosts' VirtualNetwork tags): computed once per run and shared,
        // not computed and kept by each thread's calculator.
        var t = Secured.Value;
        var m = new PathMatrix(t, new PathMatrixOptions { Threads = 2, Flow = Tcp(443) });
        var summary = m.Run(null);
        Assert.Equal(62L * 61, summary.Pairs);
        Assert.InRange(m.KeptTables, 1, 12);
        Assert.Equal(summary.ByAccess.OrderBy(k => k.Key), new PathMatrix(t, new PathMatrixOptions { Threads = 1, Flow = Tcp(443) }).Run(null).ByAccess.OrderBy(k => k.Key));
    }

    [Theory]
    [InlineData(2, 443)]
    [InlineData(3, 443)]
    [InlineData(2, 22)]
    public void RowsWithAccessOnSeveralThreadsAreTheSingleThreadedRows(int threads, int port)
    {
        var t = Secured.Value;
        var intent = Intent(t);
        PathMatrix Matrix(int n) => new(t, new PathMatrixOptions { Threads = n, Intent = intent, Flow = Tcp(port) });
        var single = Matrix(1);
        var several = Matrix(threads);
        Assert.Equal(Rows(single), Rows(several));
        var counted = Matrix(threads).Run(null);
        foreach (var s in new[] { several.Summary, counted })
        {
            Assert.Equal(single.Summary.Pairs, s.Pairs);
            Assert.Equal(single.Summary.Violations, s.Violations);
            Assert.Equal(single.Summary.ByKind.OrderBy(k => k.Key), s.ByKind.OrderBy(k => k.Key));
            Assert.Equal(single.Summary.ByAccess.OrderBy(k => k.Key), s.ByAccess.OrderBy(k => k.Key));
        }
        Assert.Equal(single.Summary.Pairs, single.Summary.ByAccess.Values.Sum());
        // Both answers occur, so the rows compare verdicts and rules rather than one constant.
        Assert.True(single.Summary.ByAccess[AccessVerdict.Allowed] > 0 || port == 22);
        Assert.True(single.Summary.ByAccess[AccessVerdict.Denied] > 0);
        Assert.True(single.Summary.Violations > 0, "the intent's flow should fail somewhere, so that compliance through access is compared too");
    }

    [Fact]
    public void NdjsonWithAPortCarriesAccessOnEveryLineAndIsTheSameOnOneAndTwoThreads()
    {
        string Ndjson(int threads)
        {
            var o = new StringWriter();
            PathMatrixNdjsonWriter.Write(o, new PathMatrix(Secured.Value, new PathMatrixOptions { Threads = threads, Flow = Tcp(443) }));
            return o.ToString();
        }
        var single = Ndjson(1);
        Assert.Equal(single, Ndjson(2));
        var lines = single.Split('\n')[..^1];
        Assert.NotEmpty(lines);
        foreach (var line in lines)
        {
            var row = JsonNode.Parse(line)!.AsObject();
            Assert.True(row.ContainsKey("access"), line);
            Assert.True(row.ContainsKey("decidingRule"), line);
        }
        Assert.Contains(lines, l => l.Contains("\"access\":\"Denied\"", StringComparison.Ordinal));
        foreach (var line in lines.Take(200)) ReportSchemas.AssertValid("matrix-row", line);
    }

    [Fact]
    public void ReasonsRowsWithAPortCarryAccessAndAreTheSameOnOneAndTwoThreads()
    {
        var t = Secured.Value;
        var intent = Intent(t);
        string Ndjson(int threads)
        {
            var o = new StringWriter();
            PathMatrixNdjsonWriter.Write(o, new PathMatrix(t, new PathMatrixOptions { Threads = threads, Flow = Tcp(443), Intent = intent, Reasons = true }));
            return o.ToString();
        }
        var single = Ndjson(1);
        Assert.Equal(single, Ndjson(2));
        var lines = single.Split('\n')[..^1];
        Assert.All(lines, l =>
        {
            var row = JsonNode.Parse(l)!.AsObject();
            Assert.True(row.ContainsKey("access") && row.ContainsKey("reasons"), l);
        });
        foreach (var line in lines.Take(200)) ReportSchemas.AssertValid("matrix-row", line);
    }

    [Fact]
    public void ReasonsNameAnIntentFlowThePairDoesNotAdmitAsPathDoes()
    {
        // SSH is denied by every spoke's NSG: an intent that allows it fails on every spoke pair whose path is as intended, and
        // the row's reasons say so in path's words (PathAnalyzer), not only that the row is not compliant.
        var t = Secured.Value;
        var path = Path.Combine(_dir, "ssh.yaml");
        File.WriteAllText(path, "groups:\n  spokes: { name: \"spoke*\" }\nrules:\n  - name: spokes-ssh\n    from: spokes\n    to: spokes\n    allow: [22/tcp]\n");
        var intent = IntentSet.Load(path, t);
        var m = new PathMatrix(t, new PathMatrixOptions { Intent = intent, Reasons = true, Threads = 2 });
        var failed = m.Rows().Where(r => r.Compliant == false).ToList();
        Assert.NotEmpty(failed);
        Assert.All(failed, r => Assert.Contains(r.Reasons!, x => x.Message.StartsWith("not compliant: 22/Tcp must be allowed but is ", StringComparison.Ordinal)));
        var analyzer = new PathAnalyzer(t);
        var first = failed[0];
        var traced = analyzer.Trace(m.Endpoints[first.Source].Name, m.Endpoints[first.Destination].Name, intent);
        Assert.Equal(traced.Reasons.Where(x => x.Message.Contains("must be allowed", StringComparison.Ordinal)).Select(x => (x.Message, x.Fix)),
            first.Reasons!.Where(x => x.Message.Contains("must be allowed", StringComparison.Ordinal)).Select(x => (x.Message, x.Fix)));
    }

    [Fact]
    public void ShardsWithAPortMergeIntoTheUnshardedSummaryAndCsv()
    {
        var t = Secured.Value;
        var intent = Intent(t);
        PathMatrix Matrix(int shard, int count, int threads = 2) => new(t, new PathMatrixOptions
        {
            Threads = threads, Intent = intent, Flow = Tcp(443), Selection = new PathMatrixSelection { Shard = shard, ShardCount = count },
        });
        var whole = Matrix(1, 1, threads: 1);
        var wholeCsv = new StringWriter();
        PathMatrixCsvWriter.Write(wholeCsv, whole);
        var summaries = new List<(string, string)>();
        var csv = new List<(string, TextReader)>();
        for (int i = 1; i <= 3; i++)
        {
            summaries.Add(($"shard-{i}.json", PathMatrixJsonWriter.RenderSummary(Matrix(i, 3).Run(null))));
            var text = new StringWriter();
            PathMatrixCsvWriter.Write(text, Matrix(i, 3));
            csv.Add(($"shard-{i}.csv", new StringReader(text.ToString())));
        }
        var merged = PathMatrixShardMerge.MergeSummaries(summaries);
        Assert.Equal(whole.Summary.Pairs, merged.Pairs);
        Assert.Equal(whole.Summary.Violations, merged.Violations);
        Assert.Equal(whole.Summary.ByKind.OrderBy(k => k.Key), merged.ByKind.OrderBy(k => k.Key));
        Assert.Equal(whole.Summary.ByAccess.OrderBy(k => k.Key), merged.ByAccess.OrderBy(k => k.Key));
        Assert.Equal(3, merged.ByAccess.Count);
        Assert.Equal(
            Regex.Replace(PathMatrixJsonWriter.RenderSummary(whole.Summary), "\"elapsedMs\": [0-9]+", ""),
            Regex.Replace(PathMatrixJsonWriter.RenderSummary(merged), "\"elapsedMs\": [0-9]+", ""));
        var mergedCsv = new StringWriter();
        Assert.Equal(whole.Summary.Pairs, PathMatrixShardMerge.MergeRows(csv, PathMatrixShardFormat.Csv, mergedCsv));
        Assert.Equal(wholeCsv.ToString(), mergedCsv.ToString());
        Assert.StartsWith(PathMatrixCsvWriter.Header + PathMatrixCsvWriter.AccessColumns + "\n", mergedCsv.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ShardsRunWithAndWithoutAPortAreNotMerged()
    {
        var t = Secured.Value;
        PathMatrix Matrix(int shard, Flow? flow) => new(t, new PathMatrixOptions { Flow = flow, Selection = new PathMatrixSelection { Shard = shard, ShardCount = 2 } });
        var summaries = new[]
        {
            ("shard-1.json", PathMatrixJsonWriter.RenderSummary(Matrix(1, Tcp(443)).Run(null))),
            ("shard-2.json", PathMatrixJsonWriter.RenderSummary(Matrix(2, null).Run(null))),
        };
        var ex = Assert.Throws<EngineInputException>(() => PathMatrixShardMerge.MergeSummaries(summaries));
        Assert.Contains("shard-2.json", ex.Message);
        Assert.Contains("byAccess", ex.Message);
        var with = new StringWriter();
        PathMatrixCsvWriter.Write(with, Matrix(1, Tcp(443)));
        var without = new StringWriter();
        PathMatrixCsvWriter.Write(without, Matrix(2, null));
        var csv = new (string, TextReader)[] { ("shard-1.csv", new StringReader(with.ToString())), ("shard-2.csv", new StringReader(without.ToString())) };
        ex = Assert.Throws<EngineInputException>(() => PathMatrixShardMerge.MergeRows(csv, PathMatrixShardFormat.Csv, new StringWriter()));
        Assert.Contains("shard-2.csv", ex.Message);
    }

    [Fact]
    public void TheWhatIfsOpenedFlowsAreTheSameOnOneAndTwoThreads()
    {
        // The hub firewalls allow nothing (default deny) and the NSGs allow 443, so every pair the mesh takes off the firewall
        // opens: per-wave what-if on two threads must name the same pairs, rules and counts as on one.
        var t = Secured.Value;
        (MigrationPlan Plan, string Opened, string Json) Run(int threads)
        {
            var plan = new MeshMigrationRequest { Topology = t, Port = 443, PilotSize = 10, WaveSize = 20, Threads = threads }.Execute(Host);
            var opened = new StringWriter();
            WhatIfOpenedFlowsCsvWriter.Write(opened, plan.WhatIf!);
            return (plan, opened.ToString(), Regex.Replace(PlanJsonWriter.Render(plan), "\"elapsedMs\": [0-9]+", "\"elapsedMs\": 0"));
        }
        var single = Run(1);
        var two = Run(2);
        Assert.True(single.Plan.WhatIf!.OpeningFlows.Count() > 0, "the estate should open flows, so that they are compared");
        Assert.Equal(single.Opened, two.Opened);
        Assert.Equal(single.Json, two.Json);
        Assert.Equal(
            single.Plan.WhatIf.OpeningFlows.Select(p => $"{p.From.Name}>{p.To.Name} {p.Before.Access} {p.Before.AccessRule?.ResourceId} {p.After.Access}"),
            two.Plan.WhatIf!.OpeningFlows.Select(p => $"{p.From.Name}>{p.To.Name} {p.Before.Access} {p.Before.AccessRule?.ResourceId} {p.After.Access}"));
    }
}
