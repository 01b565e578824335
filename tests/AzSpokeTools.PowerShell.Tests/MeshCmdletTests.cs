using System.Management.Automation;
using Xunit;

namespace AzSpokeTools.PowerShell.Tests;

/// <summary>Test-MeshReadiness and Convert-HairpinToMesh bound and run by PowerShell.</summary>
[Collection(ModuleSessionCollection.Name)]
public sealed class MeshCmdletTests(ModuleSession session)
{
    private const string Rg = "/subscriptions/8e4f2a1c-3b5d-4c7e-a9f0-2d1e3c4b5a69/resourceGroups/rg-spokes/providers/Microsoft.Network";

    [Fact]
    public void ReadinessReportListsFindingsByRuleAndPipedVnetsFormOneGroup()
    {
        var report = Assert.Single(session.Run("Test-MeshReadiness -Snapshot sample:contoso-hairpin"));
        Assert.Equal("AzSpokeTools.Engine.Readiness.ReadinessReport", report.BaseObject.GetType().FullName);
        Assert.True((bool)report.Properties["Ready"].Value);
        var piped = Assert.Single(session.Run($"[pscustomobject]@{{ Id = '{Rg}/virtualNetworks/spoke-a1' }}, [pscustomobject]@{{ Id = '{Rg}/virtualNetworks/spoke-a2' }} | Test-MeshReadiness -Snapshot sample:contoso-hairpin"));
        dynamic r = piped.BaseObject;
        Assert.Equal(2, (int)r.Selection.Members.Count);
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
