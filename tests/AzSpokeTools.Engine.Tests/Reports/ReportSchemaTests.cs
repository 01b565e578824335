using System.Text.Json.Nodes;
using AzSpokeTools.Engine.Hosting;
using AzSpokeTools.Engine.Migration;
using AzSpokeTools.Engine.Reports;
using AzSpokeTools.Engine.Requests;
using AzSpokeTools.Engine.Tests.Migration;
using AzSpokeTools.Engine.Tests.Samples;
using Xunit;

namespace AzSpokeTools.Engine.Tests.Reports;

/// <summary>
/// The migration's output contracts: plan.json, apply-requests.json, diff and verify-wave JSON each validate against their
/// schema in docs/schemas, carry "schemaVersion": 1, and the diff / verify-wave documents of Contoso are pinned byte for byte
/// (AZSPOKE_UPDATE_GOLDEN=1 rewrites the golden files; review the diff).
/// </summary>
public sealed class ReportSchemaTests
{
    private static string GoldenPath(string file) => Path.Combine(TestPaths.RepoRoot, "tests", "AzSpokeTools.Engine.Tests", "Reports", "Golden", file);
    private static string MigrationGolden(string name, string file) =>
        Path.Combine(TestPaths.RepoRoot, "tests", "AzSpokeTools.Engine.Tests", "Migration", "Golden", name, file);

    public static TheoryData<string, string> PlanDocuments => new()
    {
        { "contoso-adopt", "plan" }, { "contoso-policy", "plan" }, { "contoso-new-mesh", "plan" }, { "secured-spokes-22", "plan" },
        { "contoso-adopt", "apply-requests" }, { "contoso-policy", "apply-requests" }, { "contoso-new-mesh", "apply-requests" },
    };

    [Theory]
    [MemberData(nameof(PlanDocuments))]
    public void GoldenPlanDocumentsMatchTheirSchema(string golden, string shape)
    {
        var json = File.ReadAllText(MigrationGolden(golden, shape + ".json"));
        ReportSchemas.AssertValid(shape, json);
        Assert.Equal(1, (int)JsonNode.Parse(json)!["schemaVersion"]!);
    }

    [Fact]
    public void PlanOfTheLargerSampleWithDecommissionMatchesTheSchemas()
    {
        var plan = new MeshMigrationRequest { Snapshot = "sample:hairpin-uncommitted-mesh", Decommission = true }.Execute(new RecordingEngineHost());
        ReportSchemas.AssertValid("plan", PlanJsonWriter.Render(plan));
        ReportSchemas.AssertValid("apply-requests", ApplyRequestsJsonWriter.Render(plan));
    }

    [Fact]
    public void SchemaRejectsADocumentWithoutARequiredPropertyOrWithAnUnknownOne()
    {
        var doc = JsonNode.Parse(File.ReadAllText(MigrationGolden("contoso-adopt", "plan.json")))!.AsObject();
        doc.Remove("handover");
        Assert.NotEmpty(ReportSchemas.Errors("plan", doc.ToJsonString()));
        var extra = JsonNode.Parse(File.ReadAllText(MigrationGolden("contoso-adopt", "apply-requests.json")))!.AsObject();
        extra["waves"]![0]!["requests"]![0]!["surprise"] = true;
        Assert.NotEmpty(ReportSchemas.Errors("apply-requests", extra.ToJsonString()));
    }

    /// <summary>Contoso with its mesh deployed in both regions: the "after" state of the whole migration.</summary>
    internal static AzSpokeTools.Engine.Model.Topology ContosoDeployed() => SampleFiles.LoadVariant("contoso-hairpin", doc =>
    {
        foreach (var r in doc["results"]!.AsArray().Where(r => (string?)r!["operation"] == "listDeploymentStatus"))
            foreach (var row in r!["body"]!["value"]!.AsArray()) row!["deploymentStatus"] = "Deployed";
    });

    [Fact]
    public void DiffOfContosoBeforeAndAfterItsMeshIsDeployedMatchesTheGoldenFileAndSchema()
    {
        var diff = new TopologyDiffRequest { Before = "sample:contoso-hairpin", AfterTopology = ContosoDeployed() }.Execute(new RecordingEngineHost());
        var json = TopologyDiffJsonWriter.Render(diff);
        ReportSchemas.AssertValid("diff", json);
        Golden("diff-contoso-deployed.json", json);
        // Every spoke pair becomes Mesh; hub pairs keep their paths.
        Assert.All(diff.Differences, d => Assert.Equal("Mesh", d.After!.ToString()));
        Assert.Equal(12, diff.Differences.Count);
    }

    [Fact]
    public void VerifyWaveOfAnEstateThatStoppedAfterWaveOneMatchesTheGoldenFileAndSchema()
    {
        var plan = new MeshMigrationRequest { Snapshot = "sample:contoso-hairpin", PilotSize = 2 }.Execute(new RecordingEngineHost());
        var dir = Directory.CreateTempSubdirectory("azspoke-verify-golden-").FullName;
        try
        {
            foreach (var (name, content) in PlanOutputs.Render(plan, IacFormat.None)) File.WriteAllText(Path.Combine(dir, name), content);
            var replay = new WaveReplay(SampleFiles.EditableSample("contoso-hairpin").ToJsonString());
            Assert.True(replay.Apply(plan, 1).Succeeded);
            var after = replay.Topology();
            var one = new WaveVerificationRequest { Plan = dir, Wave = "1", Topology = after }.Execute(new RecordingEngineHost());
            Assert.True(one.Verified);
            ReportSchemas.AssertValid("verify-wave", TopologyDiffJsonWriter.Render(one));
            // Claiming wave 2 was applied when only wave 1 was: the pairs wave 2 changes are not as promised.
            var two = new WaveVerificationRequest { Plan = dir, Wave = "2", Topology = after }.Execute(new RecordingEngineHost());
            Assert.False(two.Verified);
            var json = TopologyDiffJsonWriter.Render(two);
            ReportSchemas.AssertValid("verify-wave", json);
            Golden("verify-wave-contoso-wave2-after-wave1.json", json);
        }
        finally { Directory.Delete(dir, true); }
    }

    private static void Golden(string file, string content)
    {
        var path = GoldenPath(file);
        if (Environment.GetEnvironmentVariable("AZSPOKE_UPDATE_GOLDEN") == "1") File.WriteAllText(path, content);
        Assert.True(File.Exists(path), $"golden file {path} is missing; run with AZSPOKE_UPDATE_GOLDEN=1");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), content.ReplaceLineEndings("\n"));
    }
}
