using System.Text.Json.Nodes;
using AzSpokeTools.Engine.Hosting;
using AzSpokeTools.Engine.Migration;
using AzSpokeTools.Engine.Requests;
using Xunit;

namespace AzSpokeTools.Engine.Tests.Migration;

public sealed class MeshApplyRunnerTests
{
    private const string Nm = "/subscriptions/5c1a0b3e-7d2f-4e6a-9b8c-1f2e3d4c5b6a/resourceGroups/rg-connectivity/providers/Microsoft.Network/networkManagers/nm-contoso";

    /// <summary>An ARM stand-in: resources by path, a Connectivity commit per region, every request recorded.</summary>
    private sealed class FakeArm : IArmRequestSender
    {
        public Dictionary<string, JsonNode> Resources { get; } = new(StringComparer.OrdinalIgnoreCase);
        public Dictionary<string, (List<string> Ids, string Status)> Commits { get; } = new(StringComparer.OrdinalIgnoreCase);
        public List<(string Method, string Path, string? Body)> Log { get; } = new();
        public int DeployingPolls { get; set; } = 1;
        public int FailCommitStatus { get; set; }
        private int _polls;

        public ArmReply Send(string method, string pathAndQuery, JsonObject? body)
        {
            Log.Add((method, pathAndQuery, body?.ToJsonString()));
            var path = pathAndQuery.Split('?')[0];
            Assert.EndsWith("api-version=" + AvnmApi.Version, pathAndQuery);
            switch (method)
            {
                case "GET":
                    return Resources.TryGetValue(path, out var r) ? new ArmReply(200, r.DeepClone()) : new ArmReply(404, null, "NotFound");
                case "PUT":
                    Resources[path] = body!.DeepClone();
                    return new ArmReply(201, body);
                case "POST" when path.EndsWith("/commit"):
                    if (FailCommitStatus != 0) return new ArmReply(FailCommitStatus, null, "InvalidCommit: configuration not found");
                    var region = body!["targetLocations"]![0]!.GetValue<string>();
                    Commits[region] = (body["configurationIds"]!.AsArray().Select(x => x!.GetValue<string>()).ToList(), "Deploying");
                    _polls = 0;
                    return new ArmReply(202, null);
                case "POST" when path.EndsWith("/listDeploymentStatus"):
                    var rows = new JsonArray();
                    foreach (var reg in body!["regions"]!.AsArray().Select(x => x!.GetValue<string>()))
                        if (Commits.TryGetValue(reg, out var c))
                        {
                            var status = c.Status;
                            if (status == "Deploying" && _polls++ >= DeployingPolls) { status = "Deployed"; Commits[reg] = (c.Ids, status); }
                            rows.Add(new JsonObject
                            {
                                ["region"] = reg, ["deploymentType"] = "Connectivity", ["deploymentStatus"] = status,
                                ["configurationIds"] = new JsonArray(c.Ids.Select(i => (JsonNode)JsonValue.Create(i)!).ToArray()),
                            });
                        }
                    return new ArmReply(200, new JsonObject { ["value"] = rows });
            }
            return new ArmReply(400, null, "unexpected " + method);
        }

        public void Wait(TimeSpan delay) { }
    }

    private sealed class Host(bool approve) : IEngineHost
    {
        public List<(string Target, string Action)> Asked { get; } = new();
        public List<string> Warnings { get; } = new();
        public void Warning(string message) => Warnings.Add(message);
        public void Verbose(string message) { }
        public void Progress(string activity, string status, int percent) { }
        public bool ShouldProcess(string target, string action) { Asked.Add((target, action)); return approve; }
    }

    private const string Own = Nm + "/connectivityConfigurations/cc-azspoke-mesh";
    private const string Adopted = Nm + "/connectivityConfigurations/cc-spokes-mesh";
    private const string Other = Nm + "/connectivityConfigurations/cc-other";

    /// <summary>Contoso with a pilot of two: three waves, the last one handing over to the never-deployed cc-spokes-mesh.</summary>
    private static MigrationPlan ContosoPlan() => new MeshMigrationRequest { Snapshot = "sample:contoso-hairpin", WhatIf = false, PilotSize = 2 }.Execute(new RecordingEngineHost());

    /// <summary>What the live estate shows: another team's cc-other Deployed in westeurope, the old mesh commit NotStarted in northeurope.</summary>
    private static FakeArm LiveContoso()
    {
        var arm = new FakeArm();
        arm.Commits["westeurope"] = (new List<string> { Other }, "Deployed");
        arm.Commits["northeurope"] = (new List<string> { Adopted }, "NotStarted");
        arm.Resources[Other] = new JsonObject { ["properties"] = new JsonObject { ["description"] = "made by the platform team" } };
        return arm;
    }

    [Fact]
    public void RequestListCoversOwnedResourcesThenReadAndCommitPerRegion()
    {
        var plan = ContosoPlan();
        Assert.Equal(3, plan.Waves.Count);
        var pilot = MeshApplyPlan.Create(plan, 1);
        Assert.Equal(new[] { "PUT", "PUT", "PUT", "PUT", "POST", "POST", "POST", "POST" }, pilot.Requests.Select(r => r.Method));
        Assert.EndsWith("/networkGroups/ng-azspoke-mesh-waves", pilot.Requests[0].Path);
        Assert.Equal(2, pilot.Requests.Count(r => r.Path.Contains("/staticMembers/")));
        Assert.EndsWith("/connectivityConfigurations/cc-azspoke-mesh", pilot.Requests[3].Path);
        Assert.All(pilot.Requests, r => Assert.EndsWith("?api-version=" + AvnmApi.Version, r.PathAndQuery));
        // Before the handover the plan's configuration is committed, never the adopted one.
        Assert.All(pilot.Requests.Where(r => r.Kind == PlannedRequestKind.Commit), c =>
        {
            Assert.Equal(new[] { Own }, c.Add);
            Assert.Empty(c.Remove);
            Assert.Equal(new[] { Adopted }, c.MustNotBeActive);
        });
        // The final wave commits the adopted configuration in place of the plan's, in every region.
        var final = MeshApplyPlan.Create(plan, 3);
        Assert.Equal(new[] { "northeurope", "westeurope" }, final.Regions);
        Assert.All(final.Requests.Where(r => r.Kind == PlannedRequestKind.Commit), c =>
        {
            Assert.Equal(new[] { Adopted }, c.Add);
            Assert.Equal(new[] { Own }, c.Remove);
            Assert.Equal(Nm + "/commit", c.Path);
            Assert.Equal("Connectivity", c.Body!["commitType"]!.GetValue<string>());
        });
        Assert.Equal("Wave", Assert.Throws<EngineInputException>(() => MeshApplyPlan.Create(plan, 4)).Parameter);
    }

    [Fact]
    public void WhatIfShowsEveryWriteAndSendsNone()
    {
        var arm = LiveContoso();
        var host = new Host(approve: false);
        var result = MeshApplyRunner.Run(MeshApplyPlan.Create(ContosoPlan(), 1), arm, host);
        Assert.True(result.WhatIfOnly);
        Assert.DoesNotContain(arm.Log, l => l.Method == "PUT" || l.Path.Contains("/commit"));
        Assert.Equal(6, host.Asked.Count); // 4 PUTs and 2 commits
        Assert.Contains(host.Asked, a => a.Action.StartsWith("create or update network group: PUT "));
        var commitAsk = host.Asked.Single(a => a.Target == "nm-contoso in westeurope");
        Assert.Contains("cc-other", commitAsk.Action); // the region's live active configuration stays in the set
        Assert.Contains("cc-azspoke-mesh", commitAsk.Action);
        Assert.DoesNotContain("cc-spokes-mesh", commitAsk.Action);
    }

    [Fact]
    public void PreviewSendsNothingAtAllNotEvenReads()
    {
        var host = new Host(approve: false);
        var result = MeshApplyRunner.Preview(MeshApplyPlan.Create(ContosoPlan(), 3), host);
        Assert.True(result.WhatIfOnly);
        Assert.Equal(MeshApplyPlan.Create(ContosoPlan(), 3).Requests.Count(r => r.IsWrite), host.Asked.Count);
    }

    [Fact]
    public void ApplyCommitsOnlyActiveConfigurationsPlusThePlansAndWaitsForDeployed()
    {
        var arm = LiveContoso();
        var result = MeshApplyRunner.Run(MeshApplyPlan.Create(ContosoPlan(), 1), arm, new Host(approve: true));
        Assert.True(result.Succeeded, result.Failure ?? result.Refusal);
        Assert.Equal(4, arm.Log.Count(l => l.Method == "PUT"));
        Assert.Equal(new[] { "cc-other", "cc-azspoke-mesh" }, arm.Commits["westeurope"].Ids.Select(i => i.Split('/').Last()));
        // The NotStarted commit listing cc-spokes-mesh made nothing active: it is not carried into the pilot's commit.
        Assert.Equal(new[] { "cc-azspoke-mesh" }, arm.Commits["northeurope"].Ids.Select(i => i.Split('/').Last()));
        Assert.All(result.Regions, r => Assert.Equal("Deployed", r.Status));
        var rollback = result.Regions.Single(r => r.Region == "westeurope").RollbackCommand;
        Assert.Contains("cc-other", rollback);
        Assert.DoesNotContain("cc-azspoke-mesh", rollback);
        Assert.Contains("azspoke-owner=azspoke", arm.Resources.Single(r => r.Key.EndsWith("/networkGroups/ng-azspoke-mesh-waves")).Value["properties"]!["description"]!.GetValue<string>());
    }

    [Fact]
    public void AnAdoptedConfigurationAlreadyActiveLiveStopsTheWaveBeforeItsCommit()
    {
        var arm = LiveContoso();
        arm.Commits["northeurope"] = (new List<string> { Adopted }, "Deployed");
        var result = MeshApplyRunner.Run(MeshApplyPlan.Create(ContosoPlan(), 1), arm, new Host(approve: true));
        Assert.Contains("cc-spokes-mesh is active in northeurope now", result.Failure);
        Assert.Contains("export a new snapshot and plan again", result.Failure);
        Assert.DoesNotContain(arm.Log, l => l.Path.Contains("/commit"));
    }

    [Fact]
    public void ExistingGroupWithoutTheOwnershipMarkerIsNeverTouched()
    {
        var arm = LiveContoso();
        arm.Resources[Nm + "/networkGroups/ng-azspoke-mesh-waves"] = new JsonObject { ["properties"] = new JsonObject { ["description"] = "made by hand" } };
        var result = MeshApplyRunner.Run(MeshApplyPlan.Create(ContosoPlan(), 2), arm, new Host(approve: true));
        Assert.NotNull(result.Refusal);
        Assert.Equal(ApplyRefusal.NotOwned, result.RefusalKind);
        Assert.Contains("not created by this plan", result.Refusal);
        Assert.DoesNotContain(arm.Log, l => l.Method != "GET");
        Assert.All(result.Requests, r => Assert.Equal(AppliedState.NotReached, r.State));
    }

    [Fact]
    public void FailedCommitStopsAndNamesThePreviousSetAndTheRollback()
    {
        var arm = LiveContoso();
        arm.FailCommitStatus = 400;
        var host = new Host(approve: true);
        var result = MeshApplyRunner.Run(MeshApplyPlan.Create(ContosoPlan(), 3), arm, host);
        Assert.False(result.Succeeded);
        Assert.Contains("commit in northeurope failed with HTTP 400", result.Failure);
        Assert.Contains("Deploy-AzNetworkManagerCommit", result.Failure);
        Assert.Contains("Already done: PUT", result.Failure);
        Assert.Equal(AppliedState.NotReached, result.Requests.Last().State);
        Assert.Contains(host.Warnings, w => w.Contains("failed"));
    }

    [Fact]
    public void RegionWithACommitStillDeployingIsNotCommittedOver()
    {
        var arm = LiveContoso();
        arm.Commits["northeurope"] = (new List<string> { Other }, "Deploying");
        arm.DeployingPolls = int.MaxValue;
        var result = MeshApplyRunner.Run(MeshApplyPlan.Create(ContosoPlan(), 3), arm, new Host(approve: true));
        Assert.Contains("still Deploying", result.Failure);
        Assert.DoesNotContain(arm.Log, l => l.Path.Contains("/commit"));
    }

    // MeshApplyRequest: what both hosts call (Convert-HairpinToMesh -Apply, azspoke plan --apply).

    [Fact]
    public void RequestRefusesAPlanWithReadinessErrorsWithoutConnecting()
    {
        var plan = new MeshMigrationRequest { Snapshot = "sample:avnm-mesh", WhatIf = false }.Execute(new RecordingEngineHost());
        Assert.NotEmpty(plan.Blockers);
        var connects = 0;
        var result = new MeshApplyRequest { Plan = plan, Connect = () => { connects++; return new FakeArm(); } }.Execute(new Host(approve: true));
        Assert.Equal(ApplyRefusal.NotReady, result.RefusalKind);
        Assert.Contains(plan.Blockers[0], result.Refusal);
        Assert.Empty(result.Requests);
        Assert.Null(result.Applied);
        Assert.Equal(0, connects);
    }

    [Fact]
    public void RequestPreviewNeverConnectsAndListsEveryWrite()
    {
        var host = new Host(approve: false);
        var result = new MeshApplyRequest { Plan = ContosoPlan(), Wave = 2, Preview = true, Connect = () => throw new InvalidOperationException("must not connect") }.Execute(host);
        Assert.True(result.WhatIfOnly);
        Assert.Equal(2, result.Applied!.ThroughWave);
        Assert.Equal(result.Requests.Count(r => r.Request.IsWrite), host.Asked.Count);
    }

    [Fact]
    public void RequestConnectsOnceAndRunsTheWavesAsTheRunnerDoes()
    {
        var arm = LiveContoso();
        var connects = 0;
        var viaRequest = new MeshApplyRequest { Plan = ContosoPlan(), Connect = () => { connects++; return arm; } }.Execute(new Host(approve: true));
        var direct = MeshApplyRunner.Run(MeshApplyPlan.Create(ContosoPlan(), 1), LiveContoso(), new Host(approve: true));
        Assert.Equal(1, connects);
        Assert.True(viaRequest.Succeeded);
        Assert.Equal(direct.Requests.Select(r => (r.Request.Method, r.Request.PathAndQuery, r.State, r.SentBody)), viaRequest.Requests.Select(r => (r.Request.Method, r.Request.PathAndQuery, r.State, r.SentBody)));
        Assert.False(viaRequest.Applied!.IsDecommission);
    }

    [Fact]
    public void RequestNamesAWaveThePlanHasNotAsBadInput()
    {
        var e = Assert.Throws<EngineInputException>(() => new MeshApplyRequest { Plan = ContosoPlan(), Wave = 9, Connect = () => new FakeArm() }.Execute(new Host(approve: true)));
        Assert.Equal("Wave", e.Parameter);
        Assert.Equal("Plan", Assert.Throws<EngineInputException>(() => new MeshApplyRequest().Execute(new Host(approve: true))).Parameter);
    }
}
