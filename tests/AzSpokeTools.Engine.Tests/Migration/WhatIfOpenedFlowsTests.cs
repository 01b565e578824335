using AzSpokeTools.Engine.Hosting;
using AzSpokeTools.Engine.Migration;
using AzSpokeTools.Engine.Reports;
using AzSpokeTools.Engine.Requests;
using AzSpokeTools.Engine.Security;
using Xunit;

namespace AzSpokeTools.Engine.Tests.Migration;

/// <summary>
/// plan --port: the what-if evaluates the flow's access for every pair before and after, and names the flows the hub firewall
/// denies today that the mesh path would allow (Azure docs, "Azure Firewall rule processing logic": traffic no rule allows is
/// denied; a mesh path between spokes no longer crosses the firewall, so only NSGs and admin rules decide).
/// </summary>
public class WhatIfOpenedFlowsTests
{
    private static MigrationPlan Plan(int? port, bool whatIf = true) =>
        new MeshMigrationRequest { Snapshot = "sample:secured-spokes", Port = port, WhatIf = whatIf }.Execute(new RecordingEngineHost());

    [Fact]
    public void SshTheFirewallDeniesByRuleIsOpenedByTheMeshForEverySpokePair()
    {
        var whatIf = Plan(22).WhatIf!;
        Assert.Equal("22/Tcp", whatIf.Flow!.ToString());
        var opened = whatIf.OpeningFlows.ToList();
        Assert.Equal(6, opened.Count);
        Assert.All(opened, p =>
        {
            Assert.Equal(AccessVerdict.Denied, p.Before.Access);
            Assert.Equal(SecurityCheckKind.Firewall, p.Before.AccessRule!.Kind);
            Assert.Equal("deny-ssh/no-ssh-between-spokes", p.Before.AccessRule.Name);
            Assert.Equal(100, p.Before.AccessRule.Priority);
            Assert.True(p.Before.Inspected);
            Assert.Equal(AccessVerdict.Allowed, p.After.Access);
            Assert.Equal(AzSpokeTools.Engine.Paths.PathKind.Mesh, p.After.Kind);
        });
    }

    [Fact]
    public void AFlowTheFirewallDeniesByDefaultCountsAsOpenedToo()
    {
        var opened = Plan(1433).WhatIf!.OpeningFlows.ToList();
        Assert.NotEmpty(opened);
        Assert.All(opened, p => Assert.True(p.Before.AccessRule!.IsDefault));
    }

    [Fact]
    public void AFlowTheFirewallAllowsOpensNothing()
    {
        var whatIf = Plan(443).WhatIf!;
        Assert.Empty(whatIf.OpeningFlows);
        Assert.Contains(whatIf.Pairs, p => p.Before.Access == AccessVerdict.Allowed && p.Before.Inspected);
    }

    [Fact]
    public void WithoutAPortAccessStaysAbsentFromTheWhatIfAndTheFileSet()
    {
        var plan = Plan(null);
        Assert.Null(plan.WhatIf!.Flow);
        Assert.All(plan.WhatIf.Pairs, p => { Assert.Null(p.Before.Access); Assert.Null(p.After.Access); });
        Assert.DoesNotContain(PlanOutputs.Render(plan, IacFormat.None).Select(f => f.Key), f => f == WhatIfOpenedFlowsCsvWriter.FileName);
        Assert.DoesNotContain("opensFlow", PlanJsonWriter.Render(plan));
    }

    [Fact]
    public void TheFileSetListsEveryOpenedFlowWithTheRuleThatDeniesItToday()
    {
        var files = PlanOutputs.Render(Plan(22), IacFormat.None).ToDictionary(f => f.Key, f => f.Value);
        var lines = files[WhatIfOpenedFlowsCsvWriter.FileName].Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(WhatIfOpenedFlowsCsvWriter.Header, lines[0]);
        Assert.Equal(7, lines.Length);
        Assert.All(lines.Skip(1), l => Assert.Contains(",22/Tcp,Appliance,Mesh,Firewall,", l));
        Assert.Contains("\"opensFlowCount\": 6", files["plan.json"]);
    }

    [Fact]
    public void APortWithoutTheWhatIfIsRefusedNamingTheParameter()
    {
        var ex = Assert.Throws<EngineInputException>(() => Plan(22, whatIf: false));
        Assert.Equal("Port", ex.Parameter);
    }
}
