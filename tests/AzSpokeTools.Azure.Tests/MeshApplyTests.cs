using System.Text.Json.Nodes;
using AzSpokeTools.Azure.Apply;
using AzSpokeTools.Azure.Tests.FakeArm;
using AzSpokeTools.Engine.Hosting;
using AzSpokeTools.Engine.Migration;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Paths;
using AzSpokeTools.Engine.Requests;
using AzSpokeTools.Engine.Samples;
using AzSpokeTools.Engine.Snapshot;
using AzSpokeTools.Tests.Shared;
using Xunit;

namespace AzSpokeTools.Azure.Tests;

/// <summary>The mesh apply step against the fake ARM server over HTTPS: every request recorded and asserted.</summary>
public class MeshApplyTests
{
    private const string Nm = "/subscriptions/5c1a0b3e-7d2f-4e6a-9b8c-1f2e3d4c5b6a/resourceGroups/rg-connectivity/providers/Microsoft.Network/networkManagers/nm-contoso";
    private const string Existing = Nm + "/connectivityConfigurations/cc-spokes-mesh";
    private const string Other = Nm + "/connectivityConfigurations/cc-other";
    private const string Temporary = Nm + "/connectivityConfigurations/cc-azspoke-mesh";
    private const string WaveGroup = Nm + "/networkGroups/ng-azspoke-mesh-waves";

    private sealed class Host(bool approve) : IEngineHost
    {
        public List<string> Asked { get; } = new();
        public List<string> Warnings { get; } = new();
        public void Warning(string message) => Warnings.Add(message);
        public void Verbose(string message) { }
        public void Progress(string activity, string status, int percent) { }
        public bool ShouldProcess(string target, string action) { Asked.Add(target + ": " + action); return approve; }
    }

    /// <summary>Contoso in three waves (pilot of two): the waves go through the temporary group; the third hands over to cc-spokes-mesh.</summary>
    private static MigrationPlan ContosoPlan(bool decommission = false) =>
        new MeshMigrationRequest { Snapshot = "sample:contoso-hairpin", PilotSize = 2, WhatIf = false, Decommission = decommission }.Execute(new RecordingEngineHost());

    private static MeshApplyPlan ContosoApply(int wave = 1) => MeshApplyPlan.Create(ContosoPlan(), wave);

    private static string SampleText(string name)
    {
        Assert.True(SampleCatalog.TryOpen(name, out var stream));
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The fake's own AVNM store: cc-spokes-mesh (never deployed) and cc-other, which is deployed in westeurope.</summary>
    private static async Task<ExportHarness> StartAsync(Action<FakeAvnm>? seed = null)
    {
        var h = await ExportHarness.StartAsync(FakeEstate.Generate(20));
        var avnm = new FakeAvnm();
        foreach (var c in new[] { Existing, Other })
            avnm.Resources[c] = new JsonObject { ["properties"] = new JsonObject { ["connectivityTopology"] = "Mesh", ["description"] = "made by the platform team" } };
        avnm.Commits["westeurope"] = (new List<string> { Other }, "Deployed");
        seed?.Invoke(avnm);
        h.Server.Avnm = avnm;
        return h;
    }

    /// <summary>The fake answering every Microsoft.Network request from the ARM simulator over the sample's resources.</summary>
    private static async Task<(ExportHarness Harness, ArmWriteSimulator Arm)> StartSimulatedAsync(string sample)
    {
        var h = await ExportHarness.StartAsync(FakeEstate.Generate(20));
        var arm = new ArmWriteSimulator(SampleText(sample));
        h.Server.Avnm = new FakeAvnm { Simulator = arm };
        return (h, arm);
    }

    private static List<RecordedRequest> Recorded(ExportHarness h) =>
        h.Server.Requests.OrderBy(r => r.Index).Where(r => !r.PathAndQuery.StartsWith("/avnm-operations/", StringComparison.Ordinal)).ToList();

    private static Topology Load(ArmWriteSimulator arm) =>
        SnapshotLoader.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(arm.Snapshot())), "simulated.json");

    [Fact(Timeout = 60_000)]
    public async Task Apply_creates_the_owned_resources_commits_each_region_with_the_full_set_and_waits_for_Deployed()
    {
        await using var h = await StartAsync();
        var host = new Host(approve: true);
        var result = await Task.Run(() => MeshApplyRunner.Run(ContosoApply(), new ArmApplySender(h.Options(false)), host, TimeSpan.FromMilliseconds(10)));

        Assert.True(result.Succeeded, result.Failure ?? result.Refusal);
        var requests = Recorded(h);
        // Ownership reads of the group and the configuration, then the four PUTs (group, two static members, configuration).
        Assert.Equal(new[] { "GET", "GET", "PUT", "PUT", "PUT", "PUT" }, requests.Take(6).Select(r => r.Method));
        Assert.EndsWith("/networkGroups/ng-azspoke-mesh-waves?api-version=" + AvnmApi.Version, requests[2].PathAndQuery);
        Assert.EndsWith("/connectivityConfigurations/cc-azspoke-mesh?api-version=" + AvnmApi.Version, requests[5].PathAndQuery);
        Assert.All(requests, r => Assert.Equal("Bearer " + h.Token, r.Authorization));
        Assert.Equal(new[] { AvnmApi.Version }, h.Server.Avnm!.ApiVersions.Distinct());

        var commits = requests.Where(r => r.PathAndQuery.StartsWith(Nm + "/commit?")).ToList();
        Assert.Equal(2, commits.Count);
        var we = JsonNode.Parse(commits.Single(c => c.Body.Contains("westeurope")).Body)!;
        Assert.Equal("Connectivity", (string?)we["commitType"]);
        // The region's live active set (cc-other, which the snapshot did not show) stays in the commit; the never-deployed
        // cc-spokes-mesh is not committed by the pilot.
        Assert.Equal(new[] { Other, Temporary }, we["configurationIds"]!.AsArray().Select(x => (string)x!));
        var ne = JsonNode.Parse(commits.Single(c => c.Body.Contains("northeurope")).Body)!;
        Assert.Equal(new[] { Temporary }, ne["configurationIds"]!.AsArray().Select(x => (string)x!));
        // Each commit is preceded by a status read and followed by status reads until Deployed.
        int firstCommit = requests.IndexOf(commits[0]);
        Assert.EndsWith("/listDeploymentStatus?api-version=" + AvnmApi.Version, requests[firstCommit - 1].PathAndQuery.Split('&')[0]);
        Assert.True(requests.Skip(firstCommit + 1).TakeWhile(r => r.PathAndQuery.Contains("/listDeploymentStatus")).Count() >= 3);
        Assert.All(result.Regions, r => Assert.Equal("Deployed", r.Status));
        Assert.Equal(6, host.Asked.Count); // four PUTs and two commits
        // The question names the set the commit really carries, read live.
        Assert.Contains(host.Asked, a => a.StartsWith("nm-contoso in westeurope: commit 2 connectivity configuration(s) (cc-other, cc-azspoke-mesh): POST ", StringComparison.Ordinal));
        Assert.Empty(h.Server.Violations);
        Assert.Contains("azspoke-owner=azspoke", (string?)h.Server.Avnm.Resources[WaveGroup]["properties"]!["description"]);
    }

    [Fact(Timeout = 60_000)]
    public async Task Declining_every_write_sends_only_reads()
    {
        await using var h = await StartAsync();
        var host = new Host(approve: false);
        var result = await Task.Run(() => MeshApplyRunner.Run(ContosoApply(3), new ArmApplySender(h.Options(false)), host));
        Assert.True(result.WhatIfOnly);
        // Ownership reads and the deployment status each commit would be completed from; no PUT, no commit.
        Assert.All(Recorded(h), r => Assert.True(r.Method == "GET" || r.PathAndQuery.Contains("/listDeploymentStatus?"), r.Method + " " + r.PathAndQuery));
        Assert.Contains(host.Asked, a => a.Contains("PUT " + WaveGroup + "/staticMembers/sm-spoke-b2?api-version=" + AvnmApi.Version));
        Assert.Equal(new List<string> { Other }, h.Server.Avnm!.Commits["westeurope"].Ids);
    }

    [Fact(Timeout = 60_000)]
    public async Task Preview_sends_no_request_at_all_and_shows_every_write()
    {
        await using var h = await StartAsync();
        var host = new Host(approve: false);
        var result = MeshApplyRunner.Preview(ContosoApply(3), host);
        Assert.True(result.WhatIfOnly);
        Assert.Empty(h.Server.Requests);
        Assert.Contains(host.Asked, a => a.StartsWith("nm-contoso in westeurope: commit 1 connectivity configuration(s) (cc-spokes-mesh) in place of cc-azspoke-mesh: POST " + Nm + "/commit?api-version=", StringComparison.Ordinal));
        Assert.Contains(host.Asked, a => a.Contains("PUT " + WaveGroup + "/staticMembers/sm-spoke-b2?api-version=" + AvnmApi.Version));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_group_the_plan_did_not_create_is_never_changed()
    {
        await using var h = await StartAsync(a => a.Resources[WaveGroup] = new JsonObject { ["properties"] = new JsonObject { ["description"] = "someone else's" } });
        var result = await Task.Run(() => MeshApplyRunner.Run(ContosoApply(), new ArmApplySender(h.Options(false)), new Host(approve: true)));
        Assert.Contains("not created by this plan", result.Refusal);
        Assert.Equal(ApplyRefusal.NotOwned, result.RefusalKind);
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
        Assert.Equal(new List<string> { Other }, h.Server.Avnm!.Commits["westeurope"].Ids);
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

    /// <summary>
    /// The waves-that-hold proof over HTTPS: waves 1..k applied through ArmApplySender to the fake server backed by the ARM
    /// simulator leave exactly the members of waves 1..k meshed; the recorded commits carry only active configurations, and the
    /// adopted cc-spokes-mesh is committed by the final wave alone.
    /// </summary>
    [Fact(Timeout = 120_000)]
    public async Task Each_wave_applied_over_https_meshes_exactly_its_members_and_the_commits_read_back_as_planned()
    {
        var (h, arm) = await StartSimulatedAsync("contoso-hairpin");
        await using var _ = h;
        var plan = ContosoPlan();
        var cumulative = new HashSet<string>();
        int commitsBefore = 0;
        foreach (var wave in plan.Waves)
        {
            foreach (var m in wave.Members) cumulative.Add(m.Name);
            var result = await Task.Run(() => MeshApplyRunner.Run(MeshApplyPlan.Create(plan, wave.Number), new ArmApplySender(h.Options(false)), new Host(approve: true), TimeSpan.FromMilliseconds(5)));
            Assert.True(result.Succeeded, $"wave {wave.Number}: {result.Failure ?? result.Refusal}");

            var matrix = new PathMatrix(Load(arm));
            var meshed = matrix.Rows().Where(r => r.Summary.Transits.Contains(PathKind.Mesh))
                .SelectMany(r => new[] { matrix.Endpoints[r.Source].VirtualNetwork.Name, matrix.Endpoints[r.Destination].VirtualNetwork.Name }).ToHashSet();
            Assert.Equal(cumulative.Count > 1 ? cumulative.OrderBy(x => x) : Enumerable.Empty<string>(), meshed.OrderBy(x => x));

            // The commits this wave sent, read back from the simulator: one per region, only active configurations.
            var commits = arm.Commits.Skip(commitsBefore).ToList();
            commitsBefore = arm.Commits.Count;
            Assert.Equal(new[] { "northeurope", "westeurope" }, commits.Select(c => c.Region).OrderBy(r => r));
            var expected = wave.IsHandover ? Existing : Temporary;
            Assert.All(commits, c => Assert.Equal(new[] { expected }, c.ConfigurationIds));
        }
        Assert.Empty(h.Server.Violations);
        Assert.Contains(arm.Log, l => l == "PUT " + WaveGroup + "/staticMembers/sm-spoke-b2");
        Assert.DoesNotContain(arm.Log, l => l.StartsWith("PUT " + Existing, StringComparison.Ordinal)); // the adopted configuration is not changed
    }

    [Fact(Timeout = 120_000)]
    public async Task Decommission_over_https_waits_for_the_soak_then_deletes_the_temporary_resources()
    {
        var (h, arm) = await StartSimulatedAsync("contoso-hairpin");
        await using var _ = h;
        var plan = ContosoPlan(decommission: true);
        var sender = new ArmApplySender(h.Options(false));
        var done = await Task.Run(() => MeshApplyRunner.Run(MeshApplyPlan.Create(plan, plan.Waves.Count), sender, new Host(approve: true), TimeSpan.FromMilliseconds(5)));
        Assert.True(done.Succeeded, done.Failure ?? done.Refusal);

        // The simulator stamps commits with its clock; the soak is counted from there.
        var early = await Task.Run(() => MeshApplyRunner.Run(MeshApplyPlan.ForDecommission(plan), sender, new Host(approve: true), TimeSpan.FromMilliseconds(5), now: arm.Clock.AddDays(3)));
        Assert.Equal(ApplyRefusal.SoakNotOver, early.RefusalKind);
        Assert.DoesNotContain(arm.Log, l => l.StartsWith("DELETE", StringComparison.Ordinal));

        var later = await Task.Run(() => MeshApplyRunner.Run(MeshApplyPlan.ForDecommission(plan), sender, new Host(approve: true), TimeSpan.FromMilliseconds(5), now: arm.Clock.AddDays(15)));
        Assert.True(later.Succeeded, later.Failure ?? later.Refusal);
        // Configuration first, then the members and the group it applied to.
        var deletes = arm.Log.Where(l => l.StartsWith("DELETE", StringComparison.Ordinal)).ToList();
        Assert.Equal("DELETE " + Temporary, deletes[0]);
        Assert.Equal("DELETE " + WaveGroup, deletes[^1]);
        var after = Load(arm);
        Assert.DoesNotContain(after.NetworkGroups, g => g.Name == "ng-azspoke-mesh-waves");
        // Every spoke pair is still Mesh through the adopted configuration.
        var matrix = new PathMatrix(after);
        var spokes = plan.Selection.Members.Select(m => m.Name).ToHashSet();
        Assert.All(matrix.Rows().Where(r => spokes.Contains(matrix.Endpoints[r.Source].VirtualNetwork.Name) && spokes.Contains(matrix.Endpoints[r.Destination].VirtualNetwork.Name)),
            r => Assert.Equal(PathKind.Mesh, r.Summary.Kind));
        Assert.Empty(h.Server.Violations);
    }
}
