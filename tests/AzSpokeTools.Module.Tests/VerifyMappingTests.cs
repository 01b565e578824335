using System.Management.Automation;
using System.Text.Json;
using AzSpokeTools.Cli;
using AzSpokeTools.Cmdlets;
using AzSpokeTools.Engine.Hosting;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Requests;
using AzSpokeTools.Engine.Snapshot;
using AzSpokeTools.Engine.Verification;
using AzSpokeTools.Errors;
using Xunit;
using AzSpokeTools.Engine;

namespace AzSpokeTools.Module.Tests;

/// <summary>Get-SpokeEffectiveRoute -Verify runs the request 'azspoke verify' runs and selects NICs through it (VerifyRequest.Select) as the target names them.</summary>
public sealed class VerifyMappingTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("verify-mapping-").FullName;
    private readonly string _snapshot;
    private readonly Topology _topology;
    private readonly IReadOnlyList<NicVerification> _all;

    public VerifyMappingTests()
    {
        _snapshot = VerifySnapshot.Write(_directory);
        _topology = SnapshotLoader.Load(_snapshot);
        _all = GetSpokeEffectiveRouteCommand.ToVerifyRequest(_topology).Execute(new RecordingEngineHost());
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void VerifyRequestCarriesTheTopologyAndNoSnapshotPath()
    {
        var request = GetSpokeEffectiveRouteCommand.ToVerifyRequest(_topology);
        Assert.Same(_topology, request.Topology);
        Assert.Null(request.Snapshot);
    }

    [Fact]
    public void WildcardSelectsEveryCapturedNicWithTheVerdictsOfAzspokeVerify()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        CliApp.Run(["verify", "--snapshot", _snapshot, "--format", "json"], output, error);
        using var json = JsonDocument.Parse(output.ToString());
        var cli = json.RootElement.GetProperty("nics").EnumerateArray()
            .Select(n => $"{n.GetProperty("name").GetString()} {n.GetProperty("agrees").GetBoolean()} {n.GetProperty("matchedRoutes").GetInt32()}/{n.GetProperty("capturedRoutes").GetInt32()}")
            .Order(StringComparer.Ordinal).ToList();

        var cmdlet = VerifyRequest.Select(_topology, _all, "*")
            .Select(v => $"{v.Name} {v.Agrees} {v.Matched}/{v.CapturedRoutes}").Order(StringComparer.Ordinal).ToList();

        Assert.Equal(cli, cmdlet);
        Assert.Equal(2, cmdlet.Count);
        Assert.Contains(cmdlet, c => c.StartsWith(VerifySnapshot.Agreeing + " True", StringComparison.Ordinal));
        Assert.Contains(cmdlet, c => c.StartsWith(VerifySnapshot.Differing + " False", StringComparison.Ordinal));
    }

    [Fact]
    public void WildcardIsMatchedAgainstNicNamesCaseInsensitively()
    {
        var selected = VerifyRequest.Select(_topology, _all, "VM-SPOKE3-*");
        Assert.Equal(VerifySnapshot.Differing, Assert.Single(selected).Name);
        Assert.Empty(VerifyRequest.Select(_topology, _all, "no-such-*"));
    }

    [Fact]
    public void NameAndResourceIdSelectTheSameNic()
    {
        var byName = Assert.Single(VerifyRequest.Select(_topology, _all, VerifySnapshot.Differing));
        var byId = Assert.Single(VerifyRequest.Select(_topology, _all, byName.NetworkInterfaceId.Value.ToUpperInvariant()));
        Assert.Same(byName, byId);
        var difference = Assert.Single(byName.Differences);
        Assert.Equal(RouteDifferenceKind.DifferentNextHop, difference.Kind);
    }

    [Fact]
    public void NicWithoutCapturedTableIsCapturedEffectiveRouteTableNotFound()
    {
        var e = Assert.ThrowsAny<Exception>(() => VerifyRequest.Select(_topology, _all, VerifySnapshot.Uncaptured).ToList());
        var record = SpokeErrors.From(e, VerifySnapshot.Uncaptured)!;
        Assert.Equal("CapturedEffectiveRouteTableNotFound", record.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, record.CategoryInfo.Category);
        Assert.Contains("Export-SpokeTopology -IncludeEffectiveRoutes", e.Message);
    }

    [Fact]
    public void UnknownNicIsNetworkInterfaceNotFoundAndASubnetIdIsInvalidResourceId()
    {
        var unknown = Assert.ThrowsAny<Exception>(() => VerifyRequest.Select(_topology, _all, "vm-nowhere-nic").ToList());
        Assert.Equal("NetworkInterfaceNotFound", SpokeErrors.From(unknown, "vm-nowhere-nic")!.FullyQualifiedErrorId);
        var subnet = _topology.ResolveSubnet("spoke1/workload").Id.Value;
        var wrongType = Assert.ThrowsAny<Exception>(() => VerifyRequest.Select(_topology, _all, subnet).ToList());
        Assert.Equal("InvalidResourceId", SpokeErrors.From(wrongType, subnet)!.FullyQualifiedErrorId);
    }

    [Fact]
    public void SnapshotWithoutCapturesIsInvalidSnapshot()
    {
        var e = Assert.Throws<EngineInputException>(() => GetSpokeEffectiveRouteCommand.ToVerifyRequest(SnapshotLoader.Load("sample:hub-firewall")).Execute(new RecordingEngineHost()));
        Assert.Equal("InvalidSnapshot", SpokeErrors.From(e, "sample:hub-firewall")!.FullyQualifiedErrorId);
    }
}
