using System.Text.RegularExpressions;
using AzSpokeTools.Cli;
using AzSpokeTools.Engine.Hosting;
using AzSpokeTools.Engine.Reports;
using AzSpokeTools.Engine.Requests;
using AzSpokeTools.Engine.Tests;
using AzSpokeTools.Engine.Tests.Reports;
using Xunit;

namespace AzSpokeTools.Cli.Tests;

/// <summary>
/// Every machine-readable format of the CLI is the writer of Engine/Reports, byte for byte: what azspoke prints for
/// --format json (and summary, csv, sarif, junit) equals the writer's rendering of the same request, which is also what the
/// cmdlets' -AsJson / -OutputFormat return (tests/AzSpokeTools.PowerShell.Tests/OutputFormatCmdletTests.cs).
/// </summary>
public sealed partial class OutputFormatCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("azspoke-formats-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        return (CliApp.Run(args, o, e), o.ToString());
    }

    private static RecordingEngineHost Host => new();

    [Fact]
    public void RoutesJsonIsTheEffectiveRouteListWriter()
    {
        var (code, output) = Run("routes", "--snapshot", "sample:hub-firewall", "--subnet", "spoke1/workload", "--format", "json");
        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal(EffectiveRouteListJsonWriter.Render(new EffectiveRouteRequest { Snapshot = "sample:hub-firewall", Subnet = "spoke1/workload" }.Execute(Host)), output);
    }

    [Fact]
    public void PathJsonIsThePathWriter()
    {
        var (code, output) = Run("path", "--snapshot", "sample:avnm-mesh", "--from", "spoke4", "--to", "spoke2", "--format", "json");
        Assert.Equal(ExitCodes.Findings, code);
        Assert.Equal(PathJsonWriter.Render(new PathRequest { Snapshot = "sample:avnm-mesh", Source = "spoke4", Destination = "spoke2" }.Execute(Host)), output);
    }

    [Fact]
    public void MatrixNdjsonWithFiltersIsTheNdjsonWriterOfTheSameSelection()
    {
        var request = new PathMatrixRequest
        {
            Snapshot = "sample:avnm-mesh",
            Selection = new AzSpokeTools.Engine.Paths.PathMatrixSelection { FromPattern = "spoke*", Kinds = new[] { AzSpokeTools.Engine.Paths.PathKind.Mesh, AzSpokeTools.Engine.Paths.PathKind.Direct } },
        };
        var ndjson = new StringWriter();
        PathMatrixNdjsonWriter.Write(ndjson, request.Execute(Host));
        var (code, output) = Run("matrix", "--snapshot", "sample:avnm-mesh", "--format", "ndjson", "--from-pattern", "spoke*", "--kind", "Mesh", "--kind", "Direct", "--threads", "2");
        Assert.Equal(ndjson.ToString(), output);
        Assert.NotEmpty(output);
        Assert.DoesNotContain("\"source\":\"hub", output, StringComparison.Ordinal);
        // The exit code follows the selected pairs' violations (the snapshot's AVNM intent), written or not.
        Assert.Equal(ExitCodes.Findings, code);
    }

    [Fact]
    public void MatrixReasonsAreTheWritersRowsWithReasonsAndOnlyJsonFormatsTakeThem()
    {
        var ndjson = new StringWriter();
        PathMatrixNdjsonWriter.Write(ndjson, new PathMatrixRequest { Snapshot = "sample:contoso-hairpin", Reasons = true }.Execute(Host));
        var (_, output) = Run("matrix", "--snapshot", "sample:contoso-hairpin", "--format", "ndjson", "--reasons", "--threads", "2");
        Assert.Equal(ndjson.ToString(), output);
        Assert.Contains("\"fix\":\"", output, StringComparison.Ordinal);
        foreach (var format in new[] { "csv", "summary" })
        {
            var e = new StringWriter();
            Assert.Equal(ExitCodes.BadInput, CliApp.Run(["matrix", "--snapshot", "sample:contoso-hairpin", "--format", format, "--reasons"], new StringWriter(), e));
            Assert.Contains("--reasons", e.ToString());
        }
    }

    [Fact]
    public void ShardOutputsMergeIntoTheUnshardedOutputAndMixedFormatsAreRefused()
    {
        foreach (var format in new[] { "csv", "ndjson" })
        {
            var files = new List<string>();
            for (int i = 1; i <= 3; i++)
            {
                files.Add(Path.Combine(_dir, $"shard-{i}.{format}"));
                File.WriteAllText(files[^1], Run("matrix", "--snapshot", "sample:avnm-mesh", "--format", format, "--shard", $"{i}/3").Out);
            }
            Assert.Equal(Run("matrix", "--snapshot", "sample:avnm-mesh", "--format", format).Out, Run(["merge", .. files]).Out);
        }
        var summaries = new List<string>();
        for (int i = 1; i <= 2; i++)
        {
            summaries.Add(Path.Combine(_dir, $"shard-{i}.json"));
            File.WriteAllText(summaries[^1], Run("matrix", "--snapshot", "sample:avnm-mesh", "--shard", $"{i}/2").Out);
        }
        Assert.Equal(Timeless(Run("matrix", "--snapshot", "sample:avnm-mesh").Out), Timeless(Run(["merge", .. summaries]).Out));
        var e = new StringWriter();
        Assert.Equal(ExitCodes.BadInput, CliApp.Run(["merge", summaries[0], Path.Combine(_dir, "shard-1.csv")], new StringWriter(), e));
        Assert.Contains("shard-1.csv", e.ToString());
        Assert.Equal(ExitCodes.BadInput, CliApp.Run(["matrix", "--snapshot", "sample:avnm-mesh", "--shard", "3/2"], new StringWriter(), e));
        Assert.Contains("3/2", e.ToString());
    }

    [Fact]
    public void MatrixWithAPortOnThreadsShardsAndMergeIsTheSingleThreadedUnshardedOutput()
    {
        // A generated estate with NSGs on every spoke subnet: enough sources for several threads, and rules that decide access.
        var estate = Path.Combine(_dir, "estate-nsg.json");
        Assert.Equal(ExitCodes.Success, Run("generate", "--spokes", "40", "--network-security-groups", "--out", estate).Code);
        var ndjson = new StringWriter();
        PathMatrixNdjsonWriter.Write(ndjson, new PathMatrixRequest { Snapshot = estate, Port = 443, Threads = 1 }.Execute(Host));
        var (_, output) = Run("matrix", "--snapshot", estate, "--format", "ndjson", "--port", "443", "--threads", "2");
        Assert.Equal(ndjson.ToString(), output);
        Assert.All(output.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => Assert.Contains("\"access\":\"", l, StringComparison.Ordinal));
        foreach (var format in new[] { "csv", "ndjson", "summary" })
        {
            var files = new List<string>();
            for (int i = 1; i <= 3; i++)
            {
                files.Add(Path.Combine(_dir, $"port-shard-{i}.{format}"));
                File.WriteAllText(files[^1], Run("matrix", "--snapshot", estate, "--format", format, "--port", "443", "--threads", "2", "--shard", $"{i}/3").Out);
            }
            var whole = Run("matrix", "--snapshot", estate, "--format", format, "--port", "443", "--threads", "1").Out;
            Assert.Equal(Timeless(whole), Timeless(Run(["merge", .. files]).Out));
            if (format == "summary") Assert.Contains("\"byAccess\"", whole, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void MatrixNdjsonWithAccessMatchesGoldenFile()
    {
        // What `azspoke matrix --format ndjson --port 443` prints for secured-spokes, byte for byte: every row carries the
        // pair's access verdict and deciding rule (null when no rule decides). The sample gives all three verdicts: NSG and
        // firewall rules allow or deny, the unresolved AzureCloud service tag and dropped paths leave access Unknown. The
        // golden file sits with the engine's output-shape golden files; AZSPOKE_UPDATE_GOLDEN=1 rewrites it (review the diff).
        var (code, output) = Run("matrix", "--snapshot", "sample:secured-spokes", "--format", "ndjson", "--port", "443", "--threads", "2");
        Assert.Equal(ExitCodes.Success, code);
        var golden = Path.Combine(TestPaths.RepoRoot, "tests", "AzSpokeTools.Engine.Tests", "Reports", "Golden", "matrix-row.secured-spokes-443.ndjson");
        if (Environment.GetEnvironmentVariable("AZSPOKE_UPDATE_GOLDEN") == "1") File.WriteAllText(golden, output);
        Assert.True(File.Exists(golden), $"golden file {golden} is missing; run with AZSPOKE_UPDATE_GOLDEN=1");
        Assert.Equal(File.ReadAllText(golden).ReplaceLineEndings("\n"), output.ReplaceLineEndings("\n"));
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(lines);
        foreach (var line in lines) ReportSchemas.AssertValid("matrix-row", line);
        var rows = lines.Select(l => System.Text.Json.Nodes.JsonNode.Parse(l)!.AsObject()).ToList();
        Assert.All(rows, row => Assert.True(row.ContainsKey("access") && row.ContainsKey("decidingRule"), row.ToJsonString()));
        Assert.Equal(new[] { "Allowed", "Denied", "Unknown" }, rows.Select(r => (string)r["access"]!).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void MatrixSummaryJsonAndCsvAreTheMatrixWriters()
    {
        var request = new PathMatrixRequest { Snapshot = "sample:avnm-mesh" };
        Assert.Equal(Timeless(PathMatrixJsonWriter.RenderSummary(request.Execute(Host).Run(null))), Timeless(Run("matrix", "--snapshot", "sample:avnm-mesh").Out));
        var json = new StringWriter();
        PathMatrixJsonWriter.WriteDocument(json, request.Execute(Host));
        Assert.Equal(Timeless(json.ToString()), Timeless(Run("matrix", "--snapshot", "sample:avnm-mesh", "--format", "json").Out));
        var csv = new StringWriter();
        PathMatrixCsvWriter.Write(csv, request.Execute(Host));
        Assert.Equal(csv.ToString(), Run("matrix", "--snapshot", "sample:avnm-mesh", "--format", "csv").Out);
    }

    [Fact]
    public void IntentJsonSarifAndJUnitAreTheirWriters()
    {
        var intent = ReportFixtures.FailingIntent(_dir);
        var report = new IntentRequest { Snapshot = "sample:avnm-mesh", Intent = intent }.Execute(Host);
        var json = Run("intent", "--snapshot", "sample:avnm-mesh", "--intent", intent, "--format", "json");
        Assert.Equal(ExitCodes.Findings, json.Code);
        Assert.Equal(IntentReportJsonWriter.Render(report), json.Out);
        var sarif = Run("intent", "--snapshot", "sample:avnm-mesh", "--intent", intent, "--format", "sarif");
        Assert.Equal(ExitCodes.Findings, sarif.Code);
        Assert.Equal(SarifLogWriter.Render(report, intent, Environment.CurrentDirectory), sarif.Out);
        ReportSchemas.AssertValid("sarif", sarif.Out);
        var junit = Run("intent", "--snapshot", "sample:avnm-mesh", "--intent", intent, "--format", "junit");
        Assert.Equal(ExitCodes.Findings, junit.Code);
        Assert.Equal(JUnitXmlWriter.Render(report, intent, Environment.CurrentDirectory), junit.Out);
    }

    [Fact]
    public void ReadinessJsonSarifAndJUnitAreTheirWritersAndKeepTheExitCode()
    {
        var report = new MeshReadinessRequest { Snapshot = "sample:avnm-mesh" }.Execute(Host);
        foreach (var (format, expected) in new[]
        {
            ("json", ReadinessReportJsonWriter.Render(report)),
            ("sarif", SarifLogWriter.Render(report, "sample:avnm-mesh", Environment.CurrentDirectory)),
            ("junit", JUnitXmlWriter.Render(report, "sample:avnm-mesh", Environment.CurrentDirectory)),
        })
        {
            var (code, output) = Run("readiness", "--snapshot", "sample:avnm-mesh", "--format", format);
            Assert.Equal(ExitCodes.Findings, code);
            Assert.Equal(expected, output);
        }
    }

    [Fact]
    public void VerifyJsonIsTheVerificationWriter()
    {
        var file = Path.Combine(_dir, "captured.json");
        File.WriteAllText(file, ReportFixtures.HubFirewallWithCapturedRoutes().ToJsonString());
        var (code, output) = Run("verify", "--snapshot", file, "--format", "json");
        Assert.Equal(ExitCodes.Findings, code);
        Assert.Equal(EffectiveRouteVerificationJsonWriter.Render(new VerifyRequest { Snapshot = file }.Execute(Host)), output);
        ReportSchemas.AssertValid("verify", output);
    }

    [Fact]
    public void NoCommandWritesJsonByHand()
    {
        // The writers live in Engine/Reports; a command (or cmdlet) that builds JSON itself would be a second writer of a shape.
        foreach (var dir in new[] { "src/AzSpokeTools.Cli", "src/AzSpokeTools" })
            foreach (var file in Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, dir), "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar)))
            {
                var text = File.ReadAllText(file);
                Assert.False(Regex.IsMatch(text, @"Utf8JsonWriter|WriteStartObject|new JsonObject|ToJsonString\("), $"{file} writes JSON itself; add a writer to Engine/Reports");
            }
    }

    private static string Timeless(string json) => ElapsedTime().Replace(json, "\"elapsedMs\":0");

    [GeneratedRegex("\"elapsedMs\": ?[0-9]+")]
    private static partial Regex ElapsedTime();
}
