using System.Management.Automation;
using Xunit;

namespace AzSpokeTools.PowerShell.Tests;

/// <summary>Compare-SpokeTopology bound and run by PowerShell: two snapshots, two topologies, and a plan's wave.</summary>
[Collection(ModuleSessionCollection.Name)]
public sealed class CompareSpokeTopologyTests(ModuleSession session)
{
    [Fact]
    public void TwoSnapshotsGiveThePairsThatChangedWithTheirTransitions()
    {
        dynamic diff = Assert.Single(session.Run("Compare-SpokeTopology sample:hairpin-uncommitted-mesh sample:hairpin-uncommitted-mesh-after-pilot")).BaseObject;
        Assert.Equal(4290L, (long)diff.Pairs);
        Assert.Equal(2448, (int)diff.Differences.Count);
        var transitions = (IReadOnlyDictionary<string, int>)diff.Transitions;
        Assert.Equal(2448, transitions.Values.Sum());
        Assert.All(transitions.Keys, k => Assert.EndsWith("-> Mesh", k));
        // The differences can be filtered as objects.
        var hairpin = session.Run("@((Compare-SpokeTopology -Before sample:hairpin-uncommitted-mesh -After sample:hairpin-uncommitted-mesh-after-pilot).Differences.Where({ $_.BeforeKind -eq 'ExpressRouteHairpin' })).Count");
        Assert.Equal(transitions["ExpressRouteHairpin -> Mesh"], Assert.Single(hairpin).BaseObject);
    }

    [Fact]
    public void TwoImportedTopologiesCompareLikeTheirFiles()
    {
        dynamic diff = Assert.Single(session.Run(
            "Compare-SpokeTopology -BeforeTopology (Import-SpokeTopology sample:contoso-hairpin) -AfterTopology (Import-SpokeTopology sample:contoso-hairpin)")).BaseObject;
        Assert.Equal(0, (int)diff.Differences.Count);
        Assert.True((long)diff.Pairs > 0);
    }

    [Fact]
    public void AWaveThePlanDoesNotHaveIsAnInvalidWaveError()
    {
        var dir = Path.Combine(session.WorkDirectory, "compare-plan-" + Guid.NewGuid().ToString("N"));
        session.Run($"Convert-HairpinToMesh -Snapshot sample:contoso-hairpin -PilotSize 2 -OutputPath '{dir}' | Out-Null");
        var (_, shell) = session.Invoke($"Compare-SpokeTopology -Plan '{dir}' -Wave 7 -After sample:contoso-hairpin");
        using (shell)
        {
            var error = Assert.Single(shell.Streams.Error);
            Assert.Equal("InvalidWave,AzSpokeTools.Cmdlets.CompareSpokeTopologyCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        }
        dynamic notYet = Assert.Single(session.Run($"Compare-SpokeTopology -Plan '{dir}' -Wave 1 -After sample:contoso-hairpin")).BaseObject;
        Assert.False((bool)notYet.Verified);
    }
}
