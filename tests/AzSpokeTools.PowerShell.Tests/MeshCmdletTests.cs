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
        Assert.Equal("AzSpokeTools.Engine.Readiness.ReadinessReport", report.BaseObject.GetType().FullName);
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
        Assert.Equal("AzSpokeTools.Engine.Migration.MigrationPlan", plan.BaseObject.GetType().FullName);
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
