using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using AzSpokeTools.Engine.Hosting;
using AzSpokeTools.Engine.Intent;
using AzSpokeTools.Engine.Readiness;
using AzSpokeTools.Engine.Reports;
using AzSpokeTools.Engine.Requests;
using Xunit;

namespace AzSpokeTools.Engine.Tests.Reports;

/// <summary>
/// SARIF 2.1.0 and JUnit XML for the intent and readiness checks: each validates against its schema in docs/schemas (the SARIF
/// subset AzSpokeTools writes, and the JUnit XSD), is pinned by a golden file, and says what the JSON report says: the rules that
/// fail, at their severities, on their resources (AZSPOKE_UPDATE_GOLDEN=1 rewrites the golden files).
/// </summary>
public sealed partial class SarifAndJUnitTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("azspoke-sarif-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static RecordingEngineHost Host => new();

    private IntentReport FailingIntent() =>
        new IntentRequest { Snapshot = "sample:avnm-mesh", Intent = ReportFixtures.FailingIntent(_dir), MaxExamplesPerRule = 2 }.Execute(Host);

    private static ReadinessReport NotReady() => new MeshReadinessRequest { Snapshot = "sample:avnm-mesh" }.Execute(Host);

    [Fact]
    public void SarifOfAFailingIntentListsEveryRuleAndOneErrorPerFailingPairOnTheIntentFile()
    {
        var report = FailingIntent();
        var sarif = SarifLogWriter.Render(report, Path.Combine(_dir, "intent.yaml"), _dir);
        PinSarif("sarif.intent.avnm-mesh.json", sarif);
        var run = JsonNode.Parse(sarif)!["runs"]![0]!;
        var rules = run["tool"]!["driver"]!["rules"]!.AsArray().Select(r => (string)r!["id"]!).ToList();
        Assert.Equal(new[] { IntentChecks.CoverageRule }.Concat(report.Rules.Select(r => r.Name)), rules);
        var results = run["results"]!.AsArray();
        var failing = report.Rules.Single(r => !r.Passed);
        Assert.Equal(failing.Examples.Count, results.Count(r => (string)r!["ruleId"]! == failing.Name));
        Assert.All(results, r =>
        {
            Assert.Equal(rules[(int)r!["ruleIndex"]!], (string)r["ruleId"]!);
            Assert.Equal("intent.yaml", (string)r["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]!);
        });
        var spoke4 = report.Rules.Single(r => !r.Passed).Examples[0].Source.VirtualNetwork!.Id.Value;
        Assert.Contains(results, r => (string)r!["locations"]![0]!["logicalLocations"]![0]!["fullyQualifiedName"]! == spoke4);
        Assert.DoesNotContain(results, r => report.Rules.Where(x => x.Passed).Any(x => x.Name == (string)r!["ruleId"]!));
    }

    [Fact]
    public void SarifOfReadinessHasAResultPerFindingAtItsSeverityOnTheResource()
    {
        var report = NotReady();
        var sarif = SarifLogWriter.Render(report, "sample:avnm-mesh", _dir);
        PinSarif("sarif.readiness.avnm-mesh.json", sarif);
        var run = JsonNode.Parse(sarif)!["runs"]![0]!;
        Assert.Equal(ReadinessRules.Catalog.Keys, run["tool"]!["driver"]!["rules"]!.AsArray().Select(r => (string)r!["id"]!));
        var results = run["results"]!.AsArray();
        Assert.Equal(report.Findings.Count, results.Count);
        for (int i = 0; i < results.Count; i++)
        {
            var f = report.Findings[i];
            Assert.Equal(f.RuleId, (string)results[i]!["ruleId"]!);
            Assert.Equal(f.Severity switch { ReadinessSeverity.Error => "error", ReadinessSeverity.Warning => "warning", _ => "note" }, (string)results[i]!["level"]!);
            Assert.Equal(f.ResourceId, (string)results[i]!["locations"]![0]!["logicalLocations"]![0]!["fullyQualifiedName"]!);
            // A bundled sample is not a file of the repository: no physical location.
            Assert.Null(results[i]!["locations"]![0]!["physicalLocation"]);
        }
    }

    [Fact]
    public void ArtifactUrisAreRelativeInsideTheWorkingDirectoryAndFileUrisOutside()
    {
        Assert.Equal("snapshots/estate%20a.json", SarifLogWriter.ArtifactUri(Path.Combine(_dir, "snapshots", "estate a.json"), _dir));
        Assert.Equal("snapshots/estate.json", SarifLogWriter.ArtifactUri(Path.Combine("snapshots", "estate.json"), _dir));
        Assert.StartsWith("file:///", SarifLogWriter.ArtifactUri(Path.Combine(Path.GetTempPath(), "elsewhere.json"), _dir));
        Assert.Null(SarifLogWriter.ArtifactUri("sample:hub-firewall", _dir));
        Assert.Null(SarifLogWriter.ArtifactUri(null, _dir));
    }

    [Fact]
    public void JUnitOfAFailingIntentHasATestCasePerRuleAndAFailureForTheFailingOne()
    {
        var report = FailingIntent();
        var xml = JUnitXmlWriter.Render(report, Path.Combine(_dir, "intent.yaml"), _dir);
        PinJUnit("junit.intent.avnm-mesh.xml", xml);
        var suite = XDocument.Parse(xml).Root!.Element("testsuite")!;
        Assert.Equal(report.Rules.Count + 1, suite.Elements("testcase").Count());
        Assert.Equal(report.Rules.Count(r => !r.Passed).ToString(), (string)suite.Attribute("failures")!);
        var failure = suite.Elements("testcase").Single(t => t.Element("failure") != null);
        Assert.StartsWith(report.Rules.Single(r => !r.Passed).Name + ":", (string)failure.Attribute("name")!);
        Assert.Contains("spoke4 -> spoke2", failure.Element("failure")!.Value);
    }

    [Fact]
    public void JUnitOfReadinessFailsTheRulesWithErrorFindingsAndKeepsWarningsAsOutput()
    {
        var report = NotReady();
        var xml = JUnitXmlWriter.Render(report, "sample:avnm-mesh", _dir);
        PinJUnit("junit.readiness.avnm-mesh.xml", xml);
        var cases = XDocument.Parse(xml).Root!.Element("testsuite")!.Elements("testcase").ToList();
        Assert.Equal(ReadinessRules.Catalog.Count, cases.Count);
        var failed = report.Findings.Where(f => f.Severity == ReadinessSeverity.Error).Select(f => f.RuleId).Distinct().ToList();
        Assert.Equal(failed, cases.Where(c => c.Element("failure") != null).Select(c => ((string)c.Attribute("name")!)[..7]));
        var warned = report.Findings.Where(f => f.Severity != ReadinessSeverity.Error && !failed.Contains(f.RuleId)).Select(f => f.RuleId).Distinct();
        Assert.All(warned, id => Assert.NotNull(cases.Single(c => ((string)c.Attribute("name")!).StartsWith(id)).Element("system-out")));
    }

    [Fact]
    public void NamesWithControlCharactersStayValidXmlAndSarif()
    {
        var run = new CheckRun("intent", "azspoke intent", null, null);
        var rule = new CheckRule("bad\u0007rule\u202E", "t", "d", "https://example.invalid/", CheckLevel.Error);
        rule.Results.Add(new CheckResult(CheckLevel.Error, "a\u001b[31mred\u0000 name", new[] { "/subscriptions/x/vnet\u0001" }));
        run.Rules.Add(rule);
        var xml = JUnitXmlWriter.Render(run);
        ValidateJUnit(xml);
        Assert.Contains("bad\\u0007rule\\u202E", xml);
        ReportSchemas.AssertValid("sarif", SarifLogWriter.Render(run));
    }

    private static string GoldenDirectory => Path.Combine(TestPaths.RepoRoot, "tests", "AzSpokeTools.Engine.Tests", "Reports", "Golden");

    private static void PinSarif(string file, string sarif)
    {
        ReportSchemas.AssertValid("sarif", sarif);
        Golden(file, ToolVersion().Replace(sarif, "\"semanticVersion\": \"0.0.0\""));
    }

    private static void PinJUnit(string file, string xml)
    {
        ValidateJUnit(xml);
        Golden(file, xml);
    }

    internal static void ValidateJUnit(string xml)
    {
        var schemas = new XmlSchemaSet();
        schemas.Add(null, Path.Combine(TestPaths.RepoRoot, "docs", "schemas", "junit.xsd"));
        var errors = new List<string>();
        XDocument.Parse(xml).Validate(schemas, (_, e) => errors.Add(e.Message));
        Assert.True(errors.Count == 0, "junit.xsd: " + string.Join("\n", errors));
    }

    private static void Golden(string file, string content)
    {
        var path = Path.Combine(GoldenDirectory, file);
        if (Environment.GetEnvironmentVariable("AZSPOKE_UPDATE_GOLDEN") == "1") File.WriteAllText(path, content);
        Assert.True(File.Exists(path), $"golden file {path} is missing; run with AZSPOKE_UPDATE_GOLDEN=1");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), content.ReplaceLineEndings("\n"));
    }

    [GeneratedRegex("\"semanticVersion\": \"[0-9.]+\"")]
    private static partial Regex ToolVersion();
}
