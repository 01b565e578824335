using System.Text.Json;
using AzSpokeTools.Cli;
using Xunit;

using AzSpokeTools.Engine.Tests;
using AzSpokeTools.Engine.Tests.Reports;

namespace AzSpokeTools.Cli.Tests;

public sealed class ReadinessAndPlanCommandTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("azspoke-mesh-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code = CliApp.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    [Fact]
    public void ReadinessJsonHasExactlyTheContractShapeAndExitsZeroWhenReady()
    {
        var (code, output, _) = Run("readiness", "--snapshot", "sample:contoso-hairpin", "--format", "json");
        Assert.Equal(ExitCodes.Success, code);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal(new[] { "schemaVersion", "ready", "findings" }, doc.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.True(doc.RootElement.GetProperty("ready").GetBoolean());
        var findings = doc.RootElement.GetProperty("findings").EnumerateArray().ToList();
        Assert.NotEmpty(findings);
        Assert.All(findings, f => Assert.Equal(new[] { "ruleId", "severity", "resourceId", "message", "evidence", "fix" }, f.EnumerateObject().Select(p => p.Name)));
        Assert.Contains(findings, f => f.GetProperty("ruleId").GetString() == "AVNM010" && f.GetProperty("evidence").GetProperty("addressPrefix").GetString() == "10.0.0.0/8");
    }

    [Fact]
    public void ReadinessExitsOneWhenAnErrorFindingMakesTheGroupNotReady()
    {
        var (code, output, _) = Run("readiness", "--snapshot", "sample:contoso-hairpin", "--group-limit", "3");
        Assert.Equal(ExitCodes.Findings, code);
        Assert.Contains("NOT READY", output);
        Assert.Contains("AVNM001", output);
    }

    [Fact]
    public void ReadinessBadSelectionIsBadInputNamingTheOption()
    {
        var (code, _, err) = Run("readiness", "--snapshot", "sample:contoso-hairpin", "--group", "nope");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("--group", err);
        Assert.Equal(ExitCodes.BadInput, Run("readiness", "--snapshot", "sample:contoso-hairpin", "--tag", "novalue").Code);
        Assert.Equal(ExitCodes.BadInput, Run("readiness", "--snapshot", "sample:contoso-hairpin", "--global", "--regional").Code);
    }

    [Fact]
    public void PlanWritesThePlanAndTheRequestedIacIntoTheDirectory()
    {
        var outDir = Path.Combine(dir, "plan");
        var (code, output, err) = Run("plan", "--snapshot", "sample:contoso-hairpin", "--out", outDir, "--iac", "arm,terraform", "--pilot-size", "2", "--no-what-if");
        Assert.True(code == ExitCodes.Success, err);
        Assert.Equal(new[] { "apply-requests.json", "mesh.json", "mesh.tf", "plan.json" }, Directory.GetFiles(outDir).Select(Path.GetFileName).OrderBy(f => f));
        Assert.Contains("Waves:", output);
        using var plan = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "plan.json")));
        Assert.Equal(1, plan.RootElement.GetProperty("schemaVersion").GetInt32());
        Assert.Equal(4, plan.RootElement.GetProperty("selection").GetProperty("members").GetInt32());
        Assert.Equal("AdoptConfiguration", plan.RootElement.GetProperty("adoption").GetProperty("decision").GetString());
        Assert.Equal(3, plan.RootElement.GetProperty("waves").GetArrayLength());
    }

    [Fact]
    public void PlanBesideAnExistingMeshOverOtherVnetsIsRefusedWithTheFix()
    {
        // cc-spokes-mesh (never deployed) covers all four spokes; a plan over two of them would be a second mesh over the same VNets.
        var outDir = Path.Combine(dir, "refused");
        var (code, output, err) = Run("plan", "--snapshot", "sample:contoso-hairpin", "--out", outDir, "--vnet", "spoke-a*", "--no-what-if");
        Assert.Equal(ExitCodes.Findings, code);
        Assert.Contains("AVNM022", err);
        Assert.Contains("Refused", output);
        Assert.Contains("fix: select exactly its members (--group ng-hairpin-spokes)", output);
        var (applyCode, _, applyErr) = Run("plan", "--snapshot", "sample:contoso-hairpin", "--out", outDir, "--vnet", "spoke-a*", "--no-what-if", "--apply", "--dry-run");
        Assert.Equal(ExitCodes.Findings, applyCode);
        Assert.Contains("--apply refused", applyErr);
    }

    [Fact]
    public void PlanWithUnknownIacFormatIsBadInputAndWritesNothing()
    {
        var outDir = Path.Combine(dir, "bad");
        var (code, _, err) = Run("plan", "--snapshot", "sample:contoso-hairpin", "--out", outDir, "--iac", "pulumi");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("--iac", err);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void PlanJsonFormatPrintsThePlanDocument()
    {
        var (code, output, _) = Run("plan", "--snapshot", "sample:contoso-hairpin", "--out", Path.Combine(dir, "j"), "--format", "json", "--no-what-if");
        Assert.Equal(ExitCodes.Success, code);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal(1, doc.RootElement.GetProperty("waves").GetArrayLength()); // four spokes fit the default pilot of 50
        Assert.Equal(2, doc.RootElement.GetProperty("waves")[0].GetProperty("commits").GetArrayLength());
    }
}
