using System.Text.Json.Nodes;
using AzSpokeTools.Azure.Apply;
using AzSpokeTools.Azure.Tests.FakeArm;
using AzSpokeTools.Engine.Hosting;
using AzSpokeTools.Engine.Migration;
using AzSpokeTools.Engine.Requests;
using Xunit;

namespace AzSpokeTools.Azure.Tests;

/// <summary>The mesh apply step against the fake ARM server: every request recorded and asserted.</summary>
public class MeshApplyTests
{
    private const string Nm = "/subscriptions/5c1a0b3e-7d2f-4e6a-9b8c-1f2e3d4c5b6a/resourceGroups/rg-connectivity/providers/Microsoft.Network/networkManagers/nm-contoso";
    private const string Existing = Nm + "/connectivityConfigurations/cc-spokes-mesh";
    private const string Other = Nm + "/connectivityConfigurations/cc-other";

    private sealed class Host(bool approve) : IEngineHost
    {
        public List<string> Asked { get; } = new();
        public List<string> Warnings { get; } = new();
        public void Warning(string message) => Warnings.Add(message);
        public void Verbose(string message) { }
        public void Progress(string activity, string status, int percent) { }
        public bool ShouldProcess(string target, string action) { Asked.Add(target + ": " + action); return approve; }
    }

    private static MeshApplyPlan ContosoApply(int wave = 3) =>
        MeshApplyPlan.Create(new MeshMigrationRequest { Snapshot = "sample:contoso-hairpin", WhatIf = false }.Execute(new RecordingEngineHost()), wave);

    private static async Task<ExportHarness> StartAsync(Action<FakeAvnm>? seed = null)
    {
        var h = await ExportHarness.StartAsync(FakeEstate.Generate(20));
        var avnm = new FakeAvnm();
        foreach (var c in new[] { Existing, Other })
            avnm.Resources[c] = new JsonObject { ["properties"] = new JsonObject { ["connectivityTopology"] = "Mesh", ["description"] = "made by the platform team" } };
        avnm.Commits["westeurope"] = (new List<string> { Existing, Other }, "Deployed");
        seed?.Invoke(avnm);
        h.Server.Avnm = avnm;
        return h;
    }

    private static List<RecordedRequest> Recorded(ExportHarness h) => h.Server.Requests.OrderBy(r => r.Index).ToList();

    [Fact(Timeout = 60_000)]
    public async Task Apply_creates_the_owned_resources_commits_each_region_with_the_full_set_and_waits_for_Deployed()
    {
        await using var h = await StartAsync();
        var host = new Host(approve: true);
        var result = await Task.Run(() => MeshApplyRunner.Run(ContosoApply(), new ArmApplySender(h.Options(false)), host, TimeSpan.FromMilliseconds(10)));

        Assert.True(result.Succeeded, result.Failure ?? result.Refusal);
        var requests = Recorded(h).Where(r => !r.PathAndQuery.StartsWith("/avnm-operations/")).ToList();
        Assert.Equal(new[] { "GET", "GET", "PUT", "PUT", "PUT", "PUT", "PUT", "PUT" }, requests.Take(8).Select(r => r.Method));
        Assert.EndsWith("/networkGroups/ng-azspoke-mesh?api-version=" + AvnmApi.Version, requests[2].PathAndQuery);
        Assert.EndsWith("/connectivityConfigurations/cc-azspoke-mesh?api-version=" + AvnmApi.Version, requests[7].PathAndQuery);
        Assert.All(requests, r => Assert.Equal("Bearer " + h.Token, r.Authorization));
        Assert.Equal(new[] { AvnmApi.Version }, h.Server.Avnm!.ApiVersions.Distinct());

        var commits = requests.Where(r => r.PathAndQuery.StartsWith(Nm + "/commit?")).ToList();
        Assert.Equal(2, commits.Count);
        var we = JsonNode.Parse(commits.Single(c => c.Body.Contains("westeurope")).Body)!;
        Assert.Equal("Connectivity", (string?)we["commitType"]);
        // The region's live set (including cc-other, which the snapshot did not show) stays in the commit.
        Assert.Equal(new[] { Existing, Other, Nm + "/connectivityConfigurations/cc-azspoke-mesh" }, we["configurationIds"]!.AsArray().Select(x => (string)x!));
        var ne = JsonNode.Parse(commits.Single(c => c.Body.Contains("northeurope")).Body)!;
        Assert.Equal(new[] { Existing, Nm + "/connectivityConfigurations/cc-azspoke-mesh" }, ne["configurationIds"]!.AsArray().Select(x => (string)x!));
        // Each commit is preceded by a status read and followed by status reads until Deployed.
        int firstCommit = requests.IndexOf(commits[0]);
        Assert.EndsWith("/listDeploymentStatus?api-version=" + AvnmApi.Version, requests[firstCommit - 1].PathAndQuery.Split('&')[0]);
        Assert.True(requests.Skip(firstCommit + 1).TakeWhile(r => r.PathAndQuery.Contains("/listDeploymentStatus")).Count() >= 3);
        Assert.All(result.Regions, r => Assert.Equal("Deployed", r.Status));
        Assert.Equal(8, host.Asked.Count);
        Assert.Empty(h.Server.Violations);
        Assert.Contains("azspoke-owner=azspoke", (string?)h.Server.Avnm.Resources[Nm + "/networkGroups/ng-azspoke-mesh"]["properties"]!["description"]);
    }

    [Fact(Timeout = 60_000)]
    public async Task WhatIf_reads_but_sends_no_write_and_shows_every_request()
    {
        await using var h = await StartAsync();
        var host = new Host(approve: false);
        var result = await Task.Run(() => MeshApplyRunner.Run(ContosoApply(), new ArmApplySender(h.Options(false)), host));
        Assert.True(result.WhatIfOnly);
        Assert.DoesNotContain(Recorded(h), r => r.Method == "PUT" || r.PathAndQuery.Contains("/commit?"));
        Assert.Equal(8, host.Asked.Count);
        Assert.Contains(host.Asked, a => a.Contains("PUT " + Nm + "/networkGroups/ng-azspoke-mesh/staticMembers/sm-spoke-a1?api-version=" + AvnmApi.Version));
        Assert.Contains(host.Asked, a => a.StartsWith("nm-contoso in westeurope: commit 3 connectivity configuration(s): POST " + Nm + "/commit?api-version="));
        Assert.Equal(new List<string> { Existing, Other }, h.Server.Avnm!.Commits["westeurope"].Ids);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_group_the_plan_did_not_create_is_never_changed()
    {
        await using var h = await StartAsync(a => a.Resources[Nm + "/networkGroups/ng-azspoke-mesh"] = new JsonObject { ["properties"] = new JsonObject { ["description"] = "someone else's" } });
        var result = await Task.Run(() => MeshApplyRunner.Run(ContosoApply(), new ArmApplySender(h.Options(false)), new Host(approve: true)));
        Assert.Contains("not created by this plan", result.Refusal);
        Assert.All(Recorded(h), r => Assert.Equal("GET", r.Method));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_failed_deployment_leaves_a_clear_state_and_the_rollback_command()
    {
        await using var h = await StartAsync(a => a.DeploymentError = "VNet spoke-b1 is locked");
        var result = await Task.Run(() => MeshApplyRunner.Run(ContosoApply(), new ArmApplySender(h.Options(false)), new Host(approve: true), TimeSpan.FromMilliseconds(10)));
        Assert.False(result.Succeeded);
        Assert.Contains("deployment in northeurope ended Failed: VNet spoke-b1 is locked", result.Failure);
        Assert.Contains("Deploy-AzNetworkManagerCommit -ResourceGroupName 'rg-connectivity' -Name 'nm-contoso' -TargetLocation @('northeurope') -CommitType 'Connectivity'", result.Failure);
        Assert.Contains("Already done: PUT", result.Failure);
        // westeurope was not committed after the failure.
        Assert.Equal(new List<string> { Existing, Other }, h.Server.Avnm!.Commits["westeurope"].Ids);
        Assert.Equal(AppliedState.NotReached, result.Requests.Last().State);
        var ne = Assert.Single(result.Regions);
        Assert.Equal("Failed", ne.Status);
        Assert.Empty(ne.PreviousConfigurationIds);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_refused_put_stops_before_any_commit()
    {
        await using var h = await StartAsync(a => a.FailPutOf = "/connectivityConfigurations/cc-azspoke-mesh");
        var result = await Task.Run(() => MeshApplyRunner.Run(ContosoApply(), new ArmApplySender(h.Options(false)), new Host(approve: true)));
        Assert.Contains("create or update connectivity configuration) failed with HTTP 400", result.Failure);
        Assert.DoesNotContain(Recorded(h), r => r.PathAndQuery.Contains("/commit?"));
    }
}
