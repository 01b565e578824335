using System.Text.Json;
using System.Text.Json.Nodes;
using AzSpokeTools.Engine.EstateReports;
using AzSpokeTools.Engine.Hosting;
using AzSpokeTools.Engine.Intent;
using AzSpokeTools.Engine.Migration;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Paths;
using AzSpokeTools.Engine.Reports;
using AzSpokeTools.Engine.Requests;
using AzSpokeTools.Engine.Samples;
using AzSpokeTools.Engine.Snapshot;
using AzSpokeTools.Engine.Tests.Diagrams;
using Xunit;

namespace AzSpokeTools.Engine.Tests.EstateReports;

public sealed class EstateReportTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("azspoke-report-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static EstateReport Build(Topology topology, MigrationPlanSummary? plan = null) =>
        EstateReportBuilder.Build(topology, IntentSet.FromAvnm(topology), null, plan, new RecordingEngineHost());

    private static Topology Generated(int spokes)
    {
        var stream = new MemoryStream();
        SyntheticEstate.Write(new SyntheticEstateOptions { Spokes = spokes, Hubs = 2, Seed = 3 }, stream);
        stream.Position = 0;
        return SnapshotLoader.Load(stream, "generated.json");
    }

    /// <summary>The value of every cell, decoded from the report's run-length rows the way the page decodes them.</summary>
    private static int Cell(EstateReport r, int i, int j)
    {
        var tokens = r.Rows[r.RowOf[i]].Split(',');
        int position = Array.IndexOf(r.Order, j), at = 0;
        foreach (var t in tokens)
        {
            var parts = t.Split('*');
            int run = parts.Length > 1 ? Convert.ToInt32(Base36(parts[1])) : 1;
            if (position < at + run) return Base36(parts[0]);
            at += run;
        }
        throw new InvalidOperationException("row too short");
    }

    private static int Base36(string s) => s.Aggregate(0, (v, c) => v * 36 + (char.IsDigit(c) ? c - '0' : c - 'a' + 10));

    public static TheoryData<string> Estates() => new() { "sample:contoso-hairpin", "sample:avnm-mesh", "sample:vwan", "generated:70" };

    private static Topology Load(string name) => name.StartsWith("generated:") ? Generated(int.Parse(name.Split(':')[1])) : SnapshotLoader.Load(name);

    [Theory]
    [MemberData(nameof(Estates))]
    public void EncodedRowsDecodeToEveryPairOfTheMatrix(string estate)
    {
        var topology = Load(estate);
        var report = Build(topology);
        var matrix = new PathMatrix(topology, new PathMatrixOptions { Intent = IntentSet.FromAvnm(topology) });
        long pairs = 0;
        foreach (var row in matrix.Rows())
        {
            int v = Cell(report, row.Source, row.Destination);
            var s = report.Summaries[v / 3];
            Assert.Equal((row.Outcome, row.Kind), (s.Outcome, s.Kind));
            Assert.Equal(row.Summary.Transits, s.Transits);
            Assert.Equal(row.Compliant == null ? 0 : row.Compliant.Value ? 1 : 2, v % 3);
            pairs++;
        }
        Assert.Equal(pairs, report.Pairs);
        Assert.Equal(report.VirtualNetworks.Count, report.Order.Distinct().Count());
    }

    [Fact]
    public void SourcesWithTheSameResultsShareOneRow()
    {
        var report = Build(Generated(70));
        Assert.True(report.Rows.Count < report.VirtualNetworks.Count / 2, $"{report.Rows.Count} rows for {report.VirtualNetworks.Count} VNets");
    }

    [Theory]
    [MemberData(nameof(Estates))]
    public void HeatmapsCountEveryPairOnceAndEveryViolation(string estate)
    {
        var report = Build(Load(estate));
        Assert.Equal(report.Pairs, report.GroupHeat.Sum(c => c.Pairs));
        Assert.Equal(report.Pairs, report.RegionHeat.Sum(c => c.Pairs));
        Assert.Equal(report.Violations, report.GroupHeat.Sum(c => c.Violations));
        Assert.Equal(report.Violations, report.Rules.Sum(r => r.Failed));
        foreach (var kind in report.ByKind) Assert.Equal(kind.Value, report.GroupHeat.Where(c => c.Kind == kind.Key).Sum(c => c.Pairs));
    }

    [Fact]
    public void EveryVnetIsInExactlyOneGroupAndHubsGroupTheirSpokes()
    {
        var report = Build(SnapshotLoader.Load("sample:contoso-hairpin"));
        Assert.Equal(Enumerable.Range(0, report.VirtualNetworks.Count), report.Groups.SelectMany(g => g.Members).OrderBy(i => i));
        Assert.Equal(new[] { "hub hub-a", "hub hub-b" }, report.Groups.Select(g => g.Label));
        var a = report.Groups[0].Members.Select(i => report.VirtualNetworks[i].Name).OrderBy(x => x);
        Assert.Equal(new[] { "hub-a", "spoke-a1", "spoke-a2" }, a);
        Assert.All(report.Groups, g => Assert.NotNull(report.Views.SingleOrDefault(v => v.Key == g.View)));
        Assert.Contains(report.Views, v => v.Kind == "overview");
        Assert.Contains(report.Views, v => v.Kind == "full");
    }

    [Fact]
    public void SmallEstateTracesEveryPairAndLargeOneAnExamplePerClassAndTheViolations()
    {
        var small = Build(SnapshotLoader.Load("sample:contoso-hairpin"));
        Assert.True(small.AllPathsTraced);
        Assert.Equal(small.Pairs, small.Paths.Count);
        foreach (var p in small.Paths)
        {
            var s = small.Summaries[Cell(small, p.From, p.To) / 3];
            Assert.Equal((s.Outcome, s.Kind), (p.Path.Outcome, p.Path.Kind));
            Assert.Equal(p.Path.Hops.Count, p.ForwardAt.Count);
        }
        var large = Build(Generated(70));
        Assert.False(large.AllPathsTraced);
        var classes = new HashSet<(int, int, int)>();
        for (int i = 0; i < large.VirtualNetworks.Count; i++)
            for (int j = 0; j < large.VirtualNetworks.Count; j++)
                if (i != j) classes.Add((large.VirtualNetworks[i].Group, large.VirtualNetworks[j].Group, Cell(large, i, j)));
        // Every class has a traced path: its example, or a violation of a rule traced for itself.
        var traced = large.Paths.Select(p => (large.VirtualNetworks[p.From].Group, large.VirtualNetworks[p.To].Group, Cell(large, p.From, p.To))).ToHashSet();
        Assert.Equal(classes.OrderBy(c => c), traced.OrderBy(c => c));
        Assert.Contains(large.Paths, p => p.Example);
        Assert.All(large.Paths.Where(p => !p.Example), p => Assert.False(p.Path.Compliant));
    }

    [Fact]
    public void ReportDataMatchesItsSchemaWithAndWithoutAPlan()
    {
        var topology = SnapshotLoader.Load("sample:contoso-hairpin");
        var plan = WritePlan(topology, waveColumn: true);
        foreach (var report in new[] { Build(topology), Build(topology, MigrationPlanSummary.Load(plan)), Build(Generated(70)) })
        {
            // The registry of all docs/schemas resolves the path the estate report refers to (path.schema.json).
            Reports.ReportSchemas.AssertValid("estate-report", ReportJson.ToText(w => EstateReportJsonWriter.Write(w, report)));
        }
    }

    [Fact]
    public void ReportDataMatchesTheGoldenFile()
    {
        var text = ReportJson.ToText(w => EstateReportJsonWriter.Write(w, Build(SnapshotLoader.Load("sample:hub-firewall"))));
        var path = Path.Combine(TestPaths.RepoRoot, "tests", "AzSpokeTools.Engine.Tests", "EstateReports", "Golden", "hub-firewall.report.json");
        if (Environment.GetEnvironmentVariable("AZSPOKE_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }
        Assert.True(File.Exists(path), $"golden file {path} is missing; run with AZSPOKE_UPDATE_GOLDEN=1");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), text);
    }

    private string WritePlan(Topology topology, bool waveColumn)
    {
        var plan = new MeshMigrationRequest { Topology = topology }.Execute(new RecordingEngineHost());
        var dir = Directory.CreateDirectory(Path.Combine(_dir, "plan")).FullName;
        foreach (var (name, content) in PlanOutputs.Render(plan, IacFormat.All))
        {
            var text = content;
            if (!waveColumn && name == "whatif-pairs.csv")
            {
                // A plan folder written before whatif-pairs.csv had its wave column: the report reads it all the same.
                var lines = text.TrimEnd('\n').Split('\n');
                Assert.StartsWith("wave,", lines[0]);
                text = string.Join("\n", lines.Select(l => l.Substring(l.IndexOf(',') + 1))) + "\n";
            }
            File.WriteAllText(Path.Combine(dir, name), text);
        }
        return dir;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void PlanFolderGivesWavesWhatIfAndChangedPairsWithOrWithoutAWaveColumn(bool waveColumn)
    {
        var topology = SnapshotLoader.Load("sample:contoso-hairpin");
        var plan = MigrationPlanSummary.Load(WritePlan(topology, waveColumn));
        var full = new MeshMigrationRequest { Topology = topology }.Execute(new RecordingEngineHost());
        Assert.Equal(full.Waves.Select(w => (w.Number, w.Name, w.Members.Count)), plan.Waves.Select(w => (w.Number, w.Name, w.Members.Count)));
        Assert.Equal(full.WhatIf!.Pairs.Count, plan.WhatIfPairs);
        var changed = full.WhatIf.Pairs.Where(p => p.Before.ToString() != p.After.ToString()).ToList();
        Assert.Equal(changed.Count, plan.ChangedPairs);
        Assert.Equal(changed.Select(p => (p.From.Name, p.To.Name)), plan.Changes.Select(c => (c.From, c.To)));
        if (waveColumn) Assert.All(plan.Changes, c => Assert.InRange(c.Wave!.Value, 1, full.Waves.Count));
        else Assert.All(plan.Changes, c => Assert.Null(c.Wave));
    }

    [Fact]
    public void MissingOrMalformedPlanIsAnErrorNamingPlanAndTheFile()
    {
        var e = Assert.Throws<EngineInputException>(() => MigrationPlanSummary.Load(_dir));
        Assert.Equal("Plan", e.Parameter);
        Assert.Contains("plan.json", e.Message);
        File.WriteAllText(Path.Combine(_dir, "plan.json"), "{\"waves\": [{\"name\": \"x\"}]}");
        e = Assert.Throws<EngineInputException>(() => MigrationPlanSummary.Load(_dir));
        Assert.Contains("$.waves[0].number", e.Message);
        var missing = Assert.Throws<EngineInputException>(() => new EstateReportRequest { Snapshot = "sample:hub-firewall", Plan = Path.Combine(_dir, "nope") }.Execute(new RecordingEngineHost()));
        Assert.Equal("Plan", missing.Parameter);
    }

    [Fact]
    public void HtmlIsSelfContainedAndEmbedsTheDataSafely()
    {
        var html = new EstateReportRequest { Snapshot = "sample:contoso-hairpin" }.Execute(new RecordingEngineHost()).Html;
        SelfContained.AssertSelfContained(html);
        var start = html.IndexOf("<script type=\"application/json\" id=\"report-data\">", StringComparison.Ordinal);
        var end = html.IndexOf("</script>", start, StringComparison.Ordinal);
        var json = html.Substring(start, end - start).Substring(html.IndexOf('>', start) - start + 1);
        using var doc = JsonDocument.Parse(json);
        Assert.Equal(1, doc.RootElement.GetProperty("schemaVersion").GetInt32());
        Assert.Contains("</svg>", doc.RootElement.GetProperty("map").GetProperty("views")[0].GetProperty("svg").GetString());
    }

    [Fact]
    public void LongReadinessEvidenceIsCutWithAPointerToTheWholeEvidence()
    {
        var report = Build(Generated(70));
        var node = System.Text.Json.Nodes.JsonNode.Parse(ReportJson.ToText(w => EstateReportJsonWriter.Write(w, report)))!;
        var values = node["readiness"]!["findings"]!.AsArray().SelectMany(f => f!["evidence"]!.AsObject().Select(kv => kv.Value!.GetValue<string>())).ToList();
        Assert.NotEmpty(values);
        Assert.All(values, v => Assert.True(v.Length <= EstateReportJsonWriter.MaxEvidenceLength + 120, v));
    }
}
