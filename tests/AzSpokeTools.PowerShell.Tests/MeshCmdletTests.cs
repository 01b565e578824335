using System.Management.Automation;
using Xunit;

namespace AzSpokeTools.PowerShell.Tests;

/// <summary>Test-MeshReadiness and Convert-HairpinToMesh (plan only; -Apply talks to Azure) bound, run and formatted by PowerShell.</summary>
[Collection(ModuleSessionCollection.Name)]
public sealed class MeshCmdletTests(ModuleSession session)
{
    [Fact]
    public void ReadinessIsOneReportWithFindingsScriptsCanFilter()
    {
        var report = Assert.Single(session.Run("Test-MeshReadiness -Snapshot sample:contoso-hairpin"));
        Assert.Equal("AzSpokeTools.Readiness.SpokeReadinessReport", report.BaseObject.GetType().FullName);
        Assert.Equal(true, report.Properties["Ready"].Value);
        var gatewayFindings = session.Run("@((Test-MeshReadiness -Snapshot sample:contoso-hairpin).Findings.Where({ $_.RuleId -eq 'AVNM011' })).Count");
        Assert.Equal(4, Assert.Single(gatewayFindings).BaseObject);
    }

    [Fact]
    public void ReadinessViewShowsTheVerdictAndEveryFinding()
    {
        session.Host.Clear();
        session.Run("Test-MeshReadiness -Snapshot sample:contoso-hairpin | Out-Host");
        var text = session.Host.Text;
        Assert.Contains("Ready", text);
        Assert.Contains("True", text);
        Assert.Contains("Warning=5", text);
        Assert.Contains("AVNM011 Warning spoke-b2:", text);
    }

    [Fact]
    public void PlanWritesItsFilesAndTheViewSummarisesIt()
    {
        var directory = Path.Combine(session.WorkDirectory, "plan-" + Guid.NewGuid().ToString("N"));
        var plan = Assert.Single(session.Run($"Convert-HairpinToMesh -Snapshot sample:contoso-hairpin -OutputPath '{directory}'"));
        Assert.Equal("AzSpokeTools.Migration.SpokeMigrationPlan", plan.BaseObject.GetType().FullName);
        Assert.True(File.Exists(Path.Combine(directory, "plan.json")), string.Join(", ", Directory.GetFiles(directory).Select(Path.GetFileName)));
        session.Host.Clear();
        session.Run($"Convert-HairpinToMesh -Snapshot sample:contoso-hairpin | Out-Host");
        Assert.Contains("NetworkGroup", session.Host.Text);
        Assert.Contains("Waves", session.Host.Text);
    }

    [Fact]
    public void ApplyAsksForConfirmationAtHighImpact()
    {
        var metadata = Assert.Single(session.Run("Get-Command Convert-HairpinToMesh")).BaseObject as CmdletInfo;
        Assert.NotNull(metadata);
        var attribute = metadata!.ImplementingType.GetCustomAttributes(typeof(CmdletAttribute), false).Cast<CmdletAttribute>().Single();
        Assert.True(attribute.SupportsShouldProcess);
        Assert.Equal(ConfirmImpact.High, attribute.ConfirmImpact);
        Assert.Contains("WhatIf", metadata.Parameters.Keys);
    }
}

/// <summary>Test-MeshReadiness and Convert-HairpinToMesh: piped VNets, plan files and what-if, error ids.</summary>
[Collection(ModuleSessionCollection.Name)]
public sealed class MeshCmdletPipelineTests(ModuleSession session)
{
    private const string Rg = "/subscriptions/8e4f2a1c-3b5d-4c7e-a9f0-2d1e3c4b5a69/resourceGroups/rg-spokes/providers/Microsoft.Network";

    [Fact]
    public void ReadinessReportListsFindingsByRuleAndPipedVnetsFormOneGroup()
    {
        var report = Assert.Single(session.Run("Test-MeshReadiness -Snapshot sample:contoso-hairpin"));
        Assert.Equal("AzSpokeTools.Readiness.SpokeReadinessReport", report.BaseObject.GetType().FullName);
        Assert.True((bool)report.Properties["Ready"].Value);
        var piped = Assert.Single(session.Run($"[pscustomobject]@{{ Id = '{Rg}/virtualNetworks/spoke-a1' }}, [pscustomobject]@{{ Id = '{Rg}/virtualNetworks/spoke-a2' }} | Test-MeshReadiness -Snapshot sample:contoso-hairpin"));
        dynamic r = piped.BaseObject;
        Assert.Equal(2, (int)r.VirtualNetworks.Count);
    }

    [Fact]
    public void ConvertWritesThePlanFilesAndReturnsThePlanWithItsWhatIf()
    {
        var dir = Directory.CreateTempSubdirectory("azspoke-ps-plan-").FullName;
        try
        {
            var plan = Assert.Single(session.Run($"Convert-HairpinToMesh -Snapshot sample:contoso-hairpin -OutputPath '{dir}'"));
            dynamic p = plan.BaseObject;
            Assert.Equal(8, (int)p.WhatIf.Transitions["ExpressRouteHairpin -> Mesh"]);
            Assert.Contains("mesh.json", Directory.GetFiles(dir).Select(Path.GetFileName));
            Assert.Contains("plan.json", Directory.GetFiles(dir).Select(Path.GetFileName));
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void AnUnknownNetworkGroupIsAnInvalidNetworkGroupError()
    {
        var (_, shell) = session.Invoke("Test-MeshReadiness -Snapshot sample:contoso-hairpin -NetworkGroup nope");
        using (shell)
        {
            var error = Assert.Single(shell.Streams.Error);
            Assert.Equal("InvalidNetworkGroup,AzSpokeTools.Cmdlets.TestMeshReadinessCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        }
    }
}

/// <summary>
/// Convert-HairpinToMesh -Apply inside PowerShell against a loopback Resource Manager whose Microsoft.Network side is the ARM
/// simulator: -WhatIf writes nothing and sends nothing, -Confirm asks once for the file set and once per ARM write, and waves
/// 1..k applied by the cmdlet mesh exactly the members of waves 1..k, as Compare-SpokeTopology -Plan confirms.
/// </summary>
[Collection(ModuleSessionCollection.Name)]
public sealed class MeshApplyCmdletTests(ModuleSession session) : IAsyncLifetime
{
    private LoopbackArm _arm = null!;

    public async Task InitializeAsync() =>
        _arm = await LoopbackArm.StartAsync(Path.Combine(session.Root, "module", "samples", "hairpin-uncommitted-mesh.json"), simulateWrites: true);

    public async Task DisposeAsync()
    {
        session.Host.Answer = null;
        await _arm.DisposeAsync();
    }

    private string Live => $"-ArmEndpoint '{_arm.Endpoint}' -AccessToken '{_arm.Token}'";

    [Fact]
    public void WhatIfWritesNoFileAndSendsNoRequestButListsEveryWrite()
    {
        var dir = Path.Combine(session.WorkDirectory, "whatif-" + Guid.NewGuid().ToString("N"));
        _arm.TrustFromModule();
        session.Host.Clear();
        var (output, shell) = session.Invoke($"Convert-HairpinToMesh -Snapshot sample:hairpin-uncommitted-mesh -SkipWhatIf -OutputPath '{dir}' -Apply -Wave 3 -WhatIf {Live}");
        using (shell)
        {
            Assert.Empty(shell.Streams.Error);
            Assert.Equal(2, output.Count);
            dynamic result = output[1].BaseObject;
            Assert.True((bool)result.WhatIfOnly);
            Assert.Empty(_arm.Requests);
            Assert.False(Directory.Exists(dir));
            var writes = ((IEnumerable<object>)result.Requests).Cast<dynamic>().Where(r => (bool)r.IsWrite).ToList();
            Assert.All(writes, w => Assert.Equal("WhatIf", w.State.ToString()));
            Assert.Equal(2, writes.Count(w => w.Kind.ToString() == "Commit"));
            Assert.Contains("What if: Performing the operation \"write 6 plan files (plan.json", session.Host.Text);
            Assert.Contains("commit 1 connectivity configuration(s) (cc-all-spokes-mesh) in place of cc-azspoke-mesh", session.Host.Text);
        }
    }

    [Fact]
    public void ConfirmAsksOnceForTheFileSetAndOncePerArmWrite()
    {
        var dir = Path.Combine(session.WorkDirectory, "confirm-" + Guid.NewGuid().ToString("N"));
        session.Host.Questions.Clear();
        session.Host.Answer = (_, choices) => choices.ToList().FindIndex(c => c.Label.Replace("&", "") == "No");
        _arm.TrustFromModule();
        var (output, shell) = session.Invoke($"Convert-HairpinToMesh -Snapshot sample:hairpin-uncommitted-mesh -SkipWhatIf -OutputPath '{dir}' -Apply -Wave 1 -Confirm {Live}");
        using (shell)
        {
            Assert.Empty(shell.Streams.Error);
            dynamic result = output[1].BaseObject;
            int writes = ((IEnumerable<object>)result.Requests).Cast<dynamic>().Count(r => (bool)r.IsWrite);
            // The file set, then every PUT (group, 50 static members, configuration) and each region's commit.
            Assert.Equal(1 + 50 + 2 + 2, session.Host.Questions.Count);
            Assert.Equal(writes + 1, session.Host.Questions.Count);
            Assert.Contains("write 6 plan files (plan.json", session.Host.Questions[0]);
            Assert.False(Directory.Exists(dir));
            // Declined: only reads went out (ownership reads and the deployment status each commit would start from).
            Assert.All(_arm.Requests, r => Assert.True(r.StartsWith("GET ") || r.Contains("/listDeploymentStatus?"), r));
            Assert.Empty(_arm.Simulator!.Commits);
        }
    }

    [Theory]
    [InlineData("hairpin-uncommitted-mesh", 50)]
    [InlineData("contoso-hairpin", 2)]
    public async Task EachWaveAppliedByTheCmdletMeshesExactlyItsMembersAndIsVerified(string sample, int pilot)
    {
        await using var arm = sample == "hairpin-uncommitted-mesh" ? null : await LoopbackArm.StartAsync(Path.Combine(session.Root, "module", "samples", sample + ".json"), simulateWrites: true);
        var server = arm ?? _arm;
        var live = $"-ArmEndpoint '{server.Endpoint}' -AccessToken '{server.Token}'";
        var dir = Path.Combine(session.WorkDirectory, "waves-" + Guid.NewGuid().ToString("N"));
        dynamic plan = Assert.Single(session.Run($"Convert-HairpinToMesh -Snapshot sample:{sample} -PilotSize {pilot} -OutputPath '{dir}' -Confirm:$false")).BaseObject;
        var waves = ((IEnumerable<object>)plan.Waves).Cast<dynamic>().Select(w => ((IEnumerable<object>)w.VirtualNetworks).Cast<string>().ToList()).ToList();
        string adopted = (string)plan.Handover.ConfigurationId;
        string temporary = (string)plan.NetworkManagerId + "/connectivityConfigurations/cc-azspoke-mesh";
        Assert.Equal(3, waves.Count);
        var cumulative = new HashSet<string>();
        int commitsBefore = 0;
        for (int k = 1; k <= waves.Count; k++)
        {
            cumulative.UnionWith(waves[k - 1]);
            server.TrustFromModule();
            var (output, shell) = session.Invoke($"Convert-HairpinToMesh -Snapshot sample:{sample} -PilotSize {pilot} -SkipWhatIf -Apply -Wave {k} -Confirm:$false {live}");
            using (shell)
            {
                Assert.True(shell.Streams.Error.Count == 0, string.Join("; ", shell.Streams.Error));
                Assert.True((bool)((dynamic)output[1].BaseObject).Succeeded);
            }
            var after = Path.Combine(session.WorkDirectory, $"after-wave-{k}-{Guid.NewGuid():N}.json");
            File.WriteAllText(after, server.Simulator!.Snapshot());

            var meshed = session.Run($"Get-SpokePathMatrix -Snapshot '{after}'").Select(o => (dynamic)o.BaseObject)
                .Where(e => ((System.Collections.IEnumerable)e.Transits).Cast<object>().Any(t => t.ToString() == "Mesh"))
                .SelectMany(e => new[] { (string)e.Source, (string)e.Destination }).Distinct().ToList();
            Assert.Equal(cumulative.OrderBy(x => x, StringComparer.OrdinalIgnoreCase), meshed.OrderBy(x => x, StringComparer.OrdinalIgnoreCase));
            dynamic verified = Assert.Single(session.Run($"Compare-SpokeTopology -Plan '{dir}' -Wave {k} -After '{after}'")).BaseObject;
            Assert.True((bool)verified.Verified, $"wave {k}: {verified.Differences.Count} pair(s) differ from the plan");

            // The commits this wave sent, read back: one per region, only active configurations; the adopted one by the final wave alone.
            var commits = server.Simulator.Commits.Skip(commitsBefore).ToList();
            commitsBefore = server.Simulator.Commits.Count;
            Assert.Equal(2, commits.Count);
            var expected = k == waves.Count ? adopted : temporary;
            Assert.All(commits, c => Assert.Equal(new[] { expected }, c.ConfigurationIds));
        }
    }
}
