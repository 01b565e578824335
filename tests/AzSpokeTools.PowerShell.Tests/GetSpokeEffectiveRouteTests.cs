using System.Management.Automation;
using Xunit;

namespace AzSpokeTools.PowerShell.Tests;

/// <summary>Get-SpokeEffectiveRoute bound and run by PowerShell: parameter sets, pipeline binding, errors, streams.</summary>
[Collection(ModuleSessionCollection.Name)]
public sealed class GetSpokeEffectiveRouteTests(ModuleSession session)
{
    private const string Rg = "/subscriptions/8e4f2a1c-3b5d-4c7e-a9f0-2d1e3c4b5a69/resourceGroups/rg-spokes/providers/Microsoft.Network";

    private static IEnumerable<string> Rows(IEnumerable<PSObject> routes) => routes.Select(r =>
        $"{r.Properties["Source"].Value} {r.Properties["State"].Value} {string.Join(",", (IEnumerable<string>)r.Properties["AddressPrefix"].Value)} {r.Properties["NextHopType"].Value}");

    [Fact]
    public void SubnetRoutesAreEffectiveRouteObjects()
    {
        var routes = session.Run("Get-SpokeEffectiveRoute -Snapshot sample:hub-firewall -Subnet spoke1/workload");
        Assert.All(routes, r => Assert.Equal("AzSpokeTools.Routes.SpokeEffectiveRoute", r.BaseObject.GetType().FullName));
        Assert.All(routes, r => Assert.Equal("spoke1/workload", r.Properties["Subnet"].Value));
        Assert.Equal(
            ["Default Active 10.1.0.0/16 VnetLocal", "Default Invalid 0.0.0.0/0 Internet", "Default Active 10.0.0.0/16 VNetPeering",
             "User Active 0.0.0.0/0 VirtualAppliance", "User Active 10.0.0.0/8 VirtualAppliance"],
            Rows(routes));
    }

    [Fact]
    public void PipedTopologyBindsToTopology()
    {
        var piped = session.Run("Import-SpokeTopology sample:hub-firewall | Get-SpokeEffectiveRoute -Subnet spoke1/workload");
        var direct = session.Run("Get-SpokeEffectiveRoute -Snapshot sample:hub-firewall -Subnet spoke1/workload");
        Assert.Equal(Rows(direct), Rows(piped));
    }

    [Fact]
    public void SubnetIsThePositionalParameterAndNicIsAnAliasOfNetworkInterface()
    {
        Assert.Equal(5, session.Run("Get-SpokeEffectiveRoute spoke1/workload -Snapshot sample:hub-firewall").Count);
        var byAlias = session.Run("Get-SpokeEffectiveRoute -Snapshot sample:hub-firewall -Nic vm-spoke1-nic");
        var byName = session.Run("Get-SpokeEffectiveRoute -Snapshot sample:hub-firewall -NetworkInterface vm-spoke1-nic");
        Assert.NotEmpty(byName);
        Assert.Equal(Rows(byName), Rows(byAlias));
    }

    [Fact]
    public void PipedAzObjectsBindTheirIdAndAFailingItemDoesNotStopTheOthers()
    {
        // Shaped like Get-AzVirtualNetworkSubnetConfig, Get-AzVirtualNetwork and Get-AzNetworkInterface output.
        var script = $$"""
            [pscustomobject]@{ Name = 'workload'; Id = '{{Rg}}/virtualNetworks/spoke1/subnets/workload' },
            [pscustomobject]@{ Name = 'spoke2'; Id = '{{Rg}}/virtualNetworks/spoke2' },
            [pscustomobject]@{ Name = 'vm-spoke3-nic'; Id = (Import-SpokeTopology sample:hub-firewall).NetworkInterfaces.Where({ $_.Name -eq 'vm-spoke3-nic' })[0].Id.Value } |
              Get-SpokeEffectiveRoute -Snapshot sample:hub-firewall
            """;
        var (output, shell) = session.Invoke(script);
        using (shell)
        {
            var error = Assert.Single(shell.Streams.Error);
            Assert.Equal("InvalidResourceId,AzSpokeTools.Cmdlets.GetSpokeEffectiveRouteCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.Equal(Rg + "/virtualNetworks/spoke2", error.TargetObject);
            var spoke1 = session.Run("Get-SpokeEffectiveRoute -Snapshot sample:hub-firewall -Subnet spoke1/workload");
            var nic3 = session.Run("Get-SpokeEffectiveRoute -Snapshot sample:hub-firewall -NetworkInterface vm-spoke3-nic");
            Assert.Equal(Rows(spoke1).Concat(Rows(nic3)), Rows(output));
        }
    }

    [Fact]
    public void OneTargetParameterAndOneParameterSetPerSourceOfTheTopology()
    {
        var sets = session.Run("(Get-Command Get-SpokeEffectiveRoute).ParameterSets.Name").Select(o => o.ToString()).Order(StringComparer.Ordinal);
        Assert.Equal(new[] { "ManagementGroup", "Snapshot", "Subscription", "Topology" }, sets);
        var aliases = session.Run("(Get-Command Get-SpokeEffectiveRoute).Parameters['Target'].Aliases").Select(o => o.ToString()).ToList();
        Assert.Superset(new HashSet<string> { "Subnet", "NetworkInterface", "Nic", "ResourceId", "Id" }, aliases.ToHashSet());
    }

    [Fact]
    public void PipedStringsBindByValueAndEachIsASubnetOrANicByItsForm()
    {
        var piped = session.Run("'spoke1/workload', 'vm-spoke3-nic' | Get-SpokeEffectiveRoute -Snapshot sample:hub-firewall");
        var spoke1 = session.Run("Get-SpokeEffectiveRoute -Snapshot sample:hub-firewall -Subnet spoke1/workload");
        var nic3 = session.Run("Get-SpokeEffectiveRoute -Snapshot sample:hub-firewall -NetworkInterface vm-spoke3-nic");
        Assert.Equal(Rows(spoke1).Concat(Rows(nic3)), Rows(piped));
    }

    [Fact]
    public void RowsWithANetworkInterfaceColumnBindByNetworkInterface()
    {
        var output = session.Run("[pscustomobject]@{ NetworkInterface = 'vm-spoke1-nic' }, [pscustomobject]@{ NetworkInterface = 'vm-spoke3-nic' } | Get-SpokeEffectiveRoute -Snapshot sample:hub-firewall");
        var direct = session.Run("'vm-spoke1-nic', 'vm-spoke3-nic' | ForEach-Object { Get-SpokeEffectiveRoute -Snapshot sample:hub-firewall -Nic $_ }");
        Assert.Equal(Rows(direct), Rows(output));
    }

    [Fact]
    public void RowsWithASubnetColumnBindBySubnet()
    {
        // What Import-Csv of a file with a Subnet column writes.
        var output = session.Run("[pscustomobject]@{ Subnet = 'spoke1/workload' }, [pscustomobject]@{ Subnet = 'spoke2/workload' } | Get-SpokeEffectiveRoute -Snapshot sample:hub-firewall");
        Assert.Equal(10, output.Count);
    }

    [Fact]
    public void UnknownSubnetIsANonTerminatingSubnetNotFound()
    {
        var (output, shell) = session.Invoke("Get-SpokeEffectiveRoute -Snapshot sample:hub-firewall -Subnet spoke9/workload");
        using (shell)
        {
            Assert.Empty(output);
            var error = Assert.Single(shell.Streams.Error);
            Assert.Equal("SubnetNotFound,AzSpokeTools.Cmdlets.GetSpokeEffectiveRouteCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Equal("spoke9/workload", error.TargetObject);
        }
    }

    [Fact]
    public void UnknownSampleIsATerminatingSampleNotFound()
    {
        var (_, shell) = session.Invoke("try { Get-SpokeEffectiveRoute -Snapshot sample:no-such-sample -Subnet spoke1/workload; 'continued' } catch { $_ }");
        using (shell)
        {
            var output = shell.Invoke();
            var record = Assert.IsType<ErrorRecord>(Assert.Single(output).BaseObject);
            Assert.Equal("SampleNotFound,AzSpokeTools.Cmdlets.GetSpokeEffectiveRouteCommand", record.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, record.CategoryInfo.Category);
            Assert.Equal("sample:no-such-sample", record.TargetObject);
        }
    }

    [Fact]
    public void SnapshotAndTopologyTogetherCannotBeBound()
    {
        var (_, shell) = session.Invoke("Get-SpokeEffectiveRoute -Snapshot sample:hub-firewall -Topology (Import-SpokeTopology sample:hub-firewall) -Subnet spoke1/workload");
        using (shell)
            Assert.StartsWith("AmbiguousParameterSet,", Assert.Single(shell.Streams.Error).FullyQualifiedErrorId);
    }

    [Fact]
    public void ProgressIsWrittenAndCompleted()
    {
        var (_, shell) = session.Invoke("Get-SpokeEffectiveRoute -Snapshot sample:hub-firewall -Subnet spoke1/workload");
        using (shell)
        {
            Assert.Contains(shell.Streams.Progress, p => p.Activity == "Computing effective routes" && p.StatusDescription == "spoke1/workload");
            Assert.Equal(ProgressRecordType.Completed, shell.Streams.Progress.Last().RecordType);
        }
    }

    [Fact]
    public void VerboseStreamNamesTheScope()
    {
        var (_, shell) = session.Invoke("Get-SpokeEffectiveRoute -Snapshot sample:hub-firewall -Subnet spoke1/workload -Verbose");
        using (shell)
            Assert.Contains(shell.Streams.Verbose, v => v.Message.StartsWith("Effective routes of spoke1/workload", StringComparison.Ordinal));
    }
}
