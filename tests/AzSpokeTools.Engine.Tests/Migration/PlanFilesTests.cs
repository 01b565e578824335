using AzSpokeTools.Engine.Hosting;
using AzSpokeTools.Engine.Migration;
using AzSpokeTools.Engine.Reports;
using AzSpokeTools.Engine.Requests;
using Xunit;

namespace AzSpokeTools.Engine.Tests.Migration;

/// <summary>
/// The plan's file set is written in one place, the plan request, through the host's sink and after one ShouldProcess for all
/// of it: a declined question (-WhatIf) writes nothing at all, an approved one writes exactly what PlanOutputs renders.
/// </summary>
public sealed class PlanFilesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("azspoke-planfiles-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private sealed class Host(bool approve) : IEngineHost
    {
        public List<(string Target, string Action)> Asked { get; } = new();
        public void Warning(string message) { }
        public void Verbose(string message) { }
        public void Progress(string activity, string status, int percent) { }
        public bool ShouldProcess(string target, string action) { Asked.Add((target, action)); return approve; }
    }

    private MeshMigrationRequest Request(string folder, params string[] iac) =>
        new() { Snapshot = "sample:contoso-hairpin", PilotSize = 2, Output = new DirectoryFileSink(Path.Combine(_dir, folder)), InfrastructureAsCode = iac };

    [Fact]
    public void ADeclinedQuestionWritesNothingNotEvenTheDirectory()
    {
        var host = new Host(approve: false);
        Request("declined").Execute(host);
        var (target, action) = Assert.Single(host.Asked);
        Assert.Equal(Path.Combine(_dir, "declined"), target);
        Assert.StartsWith("write 7 plan files (plan.json, mesh.json, mesh.bicep, mesh.tf, mesh.ps1, apply-requests.json, whatif-pairs.csv)", action);
        Assert.False(Directory.Exists(Path.Combine(_dir, "declined")));
    }

    [Fact]
    public void AnApprovedQuestionWritesWhatPlanOutputsRenders()
    {
        var plan = Request("approved", "bicep").Execute(new Host(approve: true));
        var expected = PlanOutputs.Render(plan, IacFormat.Bicep).ToList();
        Assert.Equal(expected.Select(f => f.Key).Order(), Directory.GetFiles(Path.Combine(_dir, "approved")).Select(Path.GetFileName).Order());
        foreach (var (name, content) in expected) Assert.Equal(content, File.ReadAllText(Path.Combine(_dir, "approved", name)));
    }

    [Fact]
    public void AnUnknownIacFormatFailsBeforeThePlanIsComputed()
    {
        var host = new Host(approve: true);
        Assert.Equal("InfrastructureAsCode", Assert.Throws<EngineInputException>(() => Request("bad", "pulumi").Execute(host)).Parameter);
        Assert.Empty(host.Asked);
        Assert.False(Directory.Exists(Path.Combine(_dir, "bad")));
    }
}
