using System.Text.Json;
using AzSpokeTools.Cli;
using AzSpokeTools.Engine.Tests.Reports;
using Xunit;

using AzSpokeTools.Engine.Tests;

namespace AzSpokeTools.Cli.Tests;

/// <summary>The default plan of hairpin-uncommitted-mesh, written once for the verify-wave tests.</summary>
public sealed class UncommittedMeshPlanDirectory : IDisposable
{
    public UncommittedMeshPlanDirectory()
    {
        Dir = Directory.CreateTempSubdirectory("azspoke-verify-").FullName;
        var err = new StringWriter();
        Code = CliApp.Run(["plan", "--snapshot", "sample:hairpin-uncommitted-mesh", "--out", Dir, "--iac", "arm"], new StringWriter(), err);
        Error = err.ToString();
    }

    public string Dir { get; }
    public int Code { get; }
    public string Error { get; }
    public void Dispose() => Directory.Delete(Dir, recursive: true);
}

/// <summary>azspoke diff and azspoke verify-wave: output shapes, exit codes (0 / 1 on a difference from the plan / 2 bad input).</summary>
public sealed class DiffAndVerifyWaveCommandTests(UncommittedMeshPlanDirectory plan) : IClassFixture<UncommittedMeshPlanDirectory>
{
    private const string Before = "sample:hairpin-uncommitted-mesh";
    private const string AfterPilot = "sample:hairpin-uncommitted-mesh-after-pilot";

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code = CliApp.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    [Fact]
    public void DiffListsExactlyThePilotPairsThatBecameMeshAndExitsZero()
    {
        var (code, output, _) = Run("diff", "--before", Before, "--after", AfterPilot, "--format", "json");
        Assert.Equal(ExitCodes.Success, code);
        ReportSchemas.AssertValid("diff", output);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        using var planDoc = JsonDocument.Parse(File.ReadAllText(Path.Combine(plan.Dir, "plan.json")));
        var pilot = planDoc.RootElement.GetProperty("waves")[0].GetProperty("members").EnumerateArray().Select(m => m.GetString()!).ToHashSet();
        var differences = root.GetProperty("differences").EnumerateArray().ToList();
        Assert.Equal(differences.Count, root.GetProperty("differing").GetInt32());
        Assert.Equal(66L * 65, root.GetProperty("pairs").GetInt64()); // 64 spokes and 2 hubs, every ordered pair
        // Every difference is between two pilot members and ends as Mesh; the direct peering lz-ne-10 <-> lz-ne-11 stays Direct.
        Assert.All(differences, d =>
        {
            Assert.Contains(d.GetProperty("source").GetString()!, pilot);
            Assert.Contains(d.GetProperty("destination").GetString()!, pilot);
            Assert.Equal("Mesh", d.GetProperty("after").GetProperty("kind").GetString());
        });
        Assert.Equal(pilot.Count * (pilot.Count - 1) - 2, differences.Count);
        Assert.DoesNotContain(differences, d => d.GetProperty("source").GetString() == "lz-ne-10" && d.GetProperty("destination").GetString() == "lz-ne-11");
    }

    [Fact]
    public void DiffTableNamesTheCountsAndTheChangedFields()
    {
        var (code, output, _) = Run("diff", "--before", Before, "--after", AfterPilot);
        Assert.Equal(ExitCodes.Success, code);
        Assert.StartsWith("4290 ordered pairs compared; 2448 differ", output);
        Assert.Contains("ExpressRouteHairpin [ExpressRouteHairpin]", output);
        Assert.Contains("Mesh [Mesh]", output);
    }

    [Fact]
    public void DiffOfAMissingSnapshotIsBadInputNamingIt()
    {
        var (code, _, err) = Run("diff", "--before", Before, "--after", Path.Combine(plan.Dir, "nope.json"));
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("nope.json", err);
        Assert.Equal(ExitCodes.BadInput, Run("diff", "--before", Before).Code);
    }

    [Fact]
    public void VerifyWaveOfTheAppliedPilotIsVerifiedAndExitsZero()
    {
        Assert.True(plan.Code == ExitCodes.Success, plan.Error);
        var (code, output, _) = Run("verify-wave", "--plan", plan.Dir, "--wave", "1", "--snapshot", AfterPilot, "--format", "json");
        Assert.Equal(ExitCodes.Success, code);
        ReportSchemas.AssertValid("verify-wave", output);
        using var doc = JsonDocument.Parse(output);
        Assert.True(doc.RootElement.GetProperty("verified").GetBoolean());
        Assert.Equal("pilot", doc.RootElement.GetProperty("name").GetString());
        Assert.Equal(0, doc.RootElement.GetProperty("differing").GetInt32());
        Assert.True(doc.RootElement.GetProperty("pairs").GetInt32() > 4000);
    }

    [Fact]
    public void VerifyWaveExitsOneOnAnyDifferenceFromWhatThePlanPromised()
    {
        // Wave 2 promised Mesh for the light-production VNets; the snapshot only has the pilot applied.
        var (code, output, _) = Run("verify-wave", "--plan", plan.Dir, "--wave", "2", "--snapshot", AfterPilot);
        Assert.Equal(ExitCodes.Findings, code);
        Assert.Contains("NOT AS PROMISED", output);
        Assert.Contains("lz-we-03", output);
        // And the estate before any wave is not what wave 1 promised.
        Assert.Equal(ExitCodes.Findings, Run("verify-wave", "--plan", plan.Dir, "--wave", "1", "--snapshot", Before).Code);
    }

    [Theory]
    [InlineData("9", "--wave")]
    [InlineData("decommission", "--wave")]
    [InlineData("first", "--wave")]
    public void VerifyWaveOfAWaveThePlanDoesNotHaveIsBadInput(string wave, string named)
    {
        var (code, _, err) = Run("verify-wave", "--plan", plan.Dir, "--wave", wave, "--snapshot", AfterPilot);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains(named, err);
    }

    [Fact]
    public void VerifyWaveWithoutAPlanDirectoryIsBadInputNamingThePlan()
    {
        var (code, _, err) = Run("verify-wave", "--plan", Path.Combine(plan.Dir, "missing"), "--wave", "1", "--snapshot", AfterPilot);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("--plan", err);
        Assert.Contains("missing", err);
        // A directory without the plan's files names the file it needs.
        var empty = Directory.CreateDirectory(Path.Combine(plan.Dir, "empty")).FullName;
        var (emptyCode, _, emptyErr) = Run("verify-wave", "--plan", empty, "--wave", "1", "--snapshot", AfterPilot);
        Assert.Equal(ExitCodes.BadInput, emptyCode);
        Assert.Contains("plan.json", emptyErr);
    }
}
