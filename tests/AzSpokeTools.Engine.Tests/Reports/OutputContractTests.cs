using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AzSpokeTools.Engine.Hosting;
using AzSpokeTools.Engine.Paths;
using AzSpokeTools.Engine.Reports;
using AzSpokeTools.Engine.Requests;
using AzSpokeTools.Engine.Tests.Samples;
using Xunit;

namespace AzSpokeTools.Engine.Tests.Reports;

/// <summary>
/// One golden file and one schema per output shape of the CLI and the cmdlets' -AsJson: each writer of Engine/Reports renders
/// a bundled sample, the document validates against docs/schemas/&lt;shape&gt;.schema.json, starts with "schemaVersion": 1, and
/// matches tests/AzSpokeTools.Engine.Tests/Reports/Golden byte for byte (elapsed times, which differ between runs, are set to 0
/// first). AZSPOKE_UPDATE_GOLDEN=1 rewrites the golden files; review the diff.
/// </summary>
public sealed partial class OutputContractTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("azspoke-contract-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static RecordingEngineHost Host => new();

    [Fact]
    public void EffectiveRoutesOfASubnet()
    {
        var table = new EffectiveRouteRequest { Snapshot = "sample:hub-firewall", Subnet = "spoke1/workload" }.Execute(Host);
        Pin("effective-routes", "effective-routes.hub-firewall.spoke1-workload.json", EffectiveRouteListJsonWriter.Render(table));
    }

    [Fact]
    public void PathWithItsReversePathAndIntent()
    {
        var path = new PathRequest { Snapshot = "sample:avnm-mesh", Source = "spoke4", Destination = "spoke2" }.Execute(Host);
        var json = PathJsonWriter.Render(path);
        Pin("path", "path.avnm-mesh.spoke4-spoke2.json", json);
        Assert.False((bool)JsonNode.Parse(json)!["compliant"]!);
    }

    [Fact]
    public void PathSchemaTakesOptionalPropertiesOnlyWhenDeclaredAndRejectsOthers()
    {
        var path = JsonNode.Parse(PathJsonWriter.Render(new PathRequest { Snapshot = "sample:hub-firewall", Source = "spoke1", Destination = "spoke2" }.Execute(Host)))!.AsObject();
        path["moreAlternatives"] = 3;
        ReportSchemas.AssertValid("path", path.ToJsonString());
        path["surprise"] = true;
        Assert.NotEmpty(ReportSchemas.Errors("path", path.ToJsonString()));
        var nested = JsonNode.Parse(path.ToJsonString())!.AsObject();
        nested.Remove("surprise");
        nested["reverse"]!["surprise"] = 1;
        Assert.NotEmpty(ReportSchemas.Errors("path", nested.ToJsonString()));
    }

    [Fact]
    public void MatrixSummaryAndTheStreamedMatrixDocumentAndCsv()
    {
        var request = new PathMatrixRequest { Snapshot = "sample:avnm-mesh" };
        var summary = request.Execute(Host).Run(null);
        Pin("matrix-summary", "matrix-summary.avnm-mesh.json", PathMatrixJsonWriter.RenderSummary(summary));

        var json = new StringWriter();
        PathMatrixJsonWriter.WriteDocument(json, request.Execute(Host));
        Pin("matrix", "matrix.avnm-mesh.json", json.ToString());
        var doc = JsonNode.Parse(json.ToString())!;
        Assert.Null(doc["summary"]!["schemaVersion"]);
        Assert.All(doc["pairs"]!.AsArray(), row => Assert.Null(row!["schemaVersion"]));

        var csv = new StringWriter();
        PathMatrixCsvWriter.Write(csv, request.Execute(Host));
        Golden("matrix.avnm-mesh.csv", csv.ToString());
        var lines = csv.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(PathMatrixCsvWriter.Header, lines[0]);
        Assert.Equal(doc["pairs"]!.AsArray().Count, lines.Length - 1);
    }

    [Fact]
    public void MatrixNdjsonIsTheJsonDocumentsRowsOnePerLineEachValidAgainstTheRowSchema()
    {
        var request = new PathMatrixRequest { Snapshot = "sample:avnm-mesh" };
        var ndjson = new StringWriter();
        PathMatrixNdjsonWriter.Write(ndjson, request.Execute(Host));
        Golden("matrix-row.avnm-mesh.ndjson", ndjson.ToString());
        var json = new StringWriter();
        PathMatrixJsonWriter.WriteDocument(json, request.Execute(Host));
        var rows = JsonNode.Parse(json.ToString())!["pairs"]!.AsArray().Select(r => r!.ToJsonString()).ToList();
        var lines = ndjson.ToString().Split('\n');
        Assert.Equal("", lines[^1]);
        Assert.Equal(rows, lines[..^1]);
        foreach (var line in lines[..^1]) ReportSchemas.AssertValid("matrix-row", line);
    }

    [Fact]
    public void MatrixRowsWithReasonsInNdjsonAndJsonValidAgainstBothSchemas()
    {
        // contoso-hairpin: drops at the default None route (cause and fix) and pairs its AVNM mesh intends that hairpin instead.
        var request = new PathMatrixRequest { Snapshot = "sample:contoso-hairpin", Reasons = true };
        var ndjson = new StringWriter();
        PathMatrixNdjsonWriter.Write(ndjson, request.Execute(Host));
        Golden("matrix-row.contoso-hairpin.reasons.ndjson", ndjson.ToString());
        var lines = ndjson.ToString().Split('\n')[..^1];
        foreach (var line in lines) ReportSchemas.AssertValid("matrix-row", line);
        Assert.Contains(lines, l => JsonNode.Parse(l)!["reasons"]!.AsArray().Any(r => r!["fix"] != null));
        Assert.Contains(lines, l => JsonNode.Parse(l)!["reasons"]!.AsArray().Any(r => r!["message"]!.GetValue<string>().StartsWith("not compliant: ", StringComparison.Ordinal)));
        var json = new StringWriter();
        PathMatrixJsonWriter.WriteDocument(json, request.Execute(Host));
        ReportSchemas.AssertValid("matrix", json.ToString());
        var pairs = JsonNode.Parse(json.ToString())!["pairs"]!.AsArray();
        Assert.Equal(lines.Length, pairs.Count);
        for (int k = 0; k < lines.Length; k++) Assert.True(JsonNode.DeepEquals(JsonNode.Parse(lines[k]), pairs[k]), lines[k]);
    }

    [Fact]
    public void IntentReportWithAFailingRuleAndItsExamples()
    {
        var report = new IntentRequest { Snapshot = "sample:avnm-mesh", Intent = ReportFixtures.FailingIntent(_dir), MaxExamplesPerRule = 2 }.Execute(Host);
        Assert.False(report.Passed);
        Pin("intent", "intent.avnm-mesh.json", IntentReportJsonWriter.Render(report));
    }

    [Fact]
    public void ReadinessReport()
    {
        var report = new MeshReadinessRequest { Snapshot = "sample:contoso-hairpin" }.Execute(Host);
        Pin("readiness", "readiness.contoso-hairpin.json", ReadinessReportJsonWriter.Render(report));
    }

    [Fact]
    public void VerifyOfCapturedNicEffectiveRoutes()
    {
        var doc = ReportFixtures.HubFirewallWithCapturedRoutes();
        var topology = AzSpokeTools.Engine.Snapshot.SnapshotLoader.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(doc.ToJsonString())), "hub-firewall-captured.json");
        var results = new VerifyRequest { Topology = topology }.Execute(Host);
        Assert.Equal(new[] { true, false }, results.Select(r => r.Agrees));
        Pin("verify", "verify.hub-firewall-captured.json", EffectiveRouteVerificationJsonWriter.Render(results));
    }

    [Fact]
    public void ExportSummary()
    {
        var json = ExportSummaryJsonWriter.Render("/tmp/estate.json", 42, 3, false, new[] { "/subscriptions/00000000-0000-0000-0000-000000000001" }, 2, 17, 1234);
        Pin("export-summary", "export-summary.json", json);
        Assert.Equal(1, json.Count(c => c == '\n'));
    }

    [Fact]
    public void EveryShapeHasASchemaAndEverySchemaAGoldenDocument()
    {
        var pinned = Directory.GetFiles(GoldenDirectory).Select(Path.GetFileName).ToList();
        var covered = new Dictionary<string, string>
        {
            // Pinned elsewhere: the migration and estate-report golden files.
            ["plan"] = "Migration/Golden/*/plan.json",
            ["apply-requests"] = "Migration/Golden/*/apply-requests.json",
            ["estate-report"] = "EstateReports/Golden/hub-firewall.report.json",
            ["learned-route-verification"] = "Verification/Golden/learned-route-verification.vpn-v2v-bgp-drifted.json",
            ["security-rule-verification"] = "Verification/Golden/security-rule-verification.secured-spokes-drifted.json",
        };
        foreach (var shape in ReportSchemas.Shapes)
            Assert.True(covered.ContainsKey(shape) || pinned.Any(f => f!.StartsWith(shape + ".", StringComparison.Ordinal) || f.StartsWith(shape + "-contoso", StringComparison.Ordinal)),
                $"docs/schemas/{shape}.schema.json has no golden document in Reports/Golden");
    }

    private static string GoldenDirectory => Path.Combine(TestPaths.RepoRoot, "tests", "AzSpokeTools.Engine.Tests", "Reports", "Golden");

    /// <summary>Validates against the schema, checks schemaVersion 1 comes first, and compares with the golden file.</summary>
    internal static void Pin(string shape, string file, string json)
    {
        ReportSchemas.AssertValid(shape, json);
        var first = JsonNode.Parse(json)!.AsObject().First();
        Assert.Equal(("schemaVersion", 1), (first.Key, (int)first.Value!));
        Assert.EndsWith("\n", json);
        Golden(file, ElapsedTime().Replace(json, "\"elapsedMs\":${space}0"));
    }

    internal static void Golden(string file, string content)
    {
        var path = Path.Combine(GoldenDirectory, file);
        if (Environment.GetEnvironmentVariable("AZSPOKE_UPDATE_GOLDEN") == "1") File.WriteAllText(path, content);
        Assert.True(File.Exists(path), $"golden file {path} is missing; run with AZSPOKE_UPDATE_GOLDEN=1");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), content.ReplaceLineEndings("\n"));
    }

    [GeneratedRegex("\"elapsedMs\":(?<space> ?)[0-9]+")]
    private static partial Regex ElapsedTime();
}
