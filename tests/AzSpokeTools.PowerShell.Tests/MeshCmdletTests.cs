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

/// <summary>Convert-HairpinToMesh -Apply -WhatIf inside PowerShell against a loopback Resource Manager.</summary>
[Collection(ModuleSessionCollection.Name)]
public sealed class MeshApplyWhatIfTests(ModuleSession session) : IAsyncLifetime
{
    private LoopbackArm _arm = null!;

    public async Task InitializeAsync() => _arm = await LoopbackArm.StartAsync(Path.Combine(session.Root, "module", "samples", "hub-firewall.json"));

    public async Task DisposeAsync() => await _arm.DisposeAsync();

    [Fact]
    public void ApplyWhatIfReadsButSendsNoWriteAndReturnsEveryPlannedWrite()
    {
        _arm.TrustFromModule();
        var (output, shell) = session.Invoke($"Convert-HairpinToMesh -Snapshot sample:contoso-hairpin -Apply -Wave 3 -WhatIf -ArmEndpoint '{_arm.Endpoint}' -AccessToken '{_arm.Token}'");
        using (shell)
        {
            Assert.Empty(shell.Streams.Error);
            Assert.Equal(2, output.Count);
            dynamic result = output[1].BaseObject;
            Assert.True((bool)result.WhatIfOnly);
            Assert.DoesNotContain(_arm.Requests, r => r.StartsWith("PUT ") || r.Contains("/commit?"));
            Assert.Contains(_arm.Requests, r => r.StartsWith("GET ") && r.Contains("/networkGroups/ng-azspoke-mesh?api-version="));
            Assert.Equal(2, _arm.Requests.Count(r => r.StartsWith("POST ") && r.Contains("/listDeploymentStatus?")));
            Assert.All(_arm.AuthorizationHeaders, h => Assert.Equal("Bearer " + _arm.Token, h));
            var writes = ((IEnumerable<object>)result.Requests).Cast<dynamic>().Where(r => (bool)r.IsWrite).ToList();
            Assert.Equal(8, writes.Count); // 6 PUTs and a commit per region
            Assert.All(writes, w => Assert.Equal("WhatIf", w.State.ToString()));
            Assert.All(writes, w => Assert.IsType<string>(w.State));
        }
    }
}
