using System.Management.Automation;
using System.Text.Json;
using AzSpokeTools.Cli;
using AzSpokeTools.Cmdlets;
using AzSpokeTools.Engine.Hosting;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Requests;
using AzSpokeTools.Engine.Snapshot;
using AzSpokeTools.Errors;
using Xunit;
using AzSpokeTools.Engine;

namespace AzSpokeTools.Module.Tests;

/// <summary>Cmdlet parameters become the same engine requests the CLI builds, and failures become the documented ErrorRecords.</summary>
public sealed class CmdletRequestMappingTests
{
    private const string Sample = "sample:hub-firewall";
    private const string SpokeRg = "/subscriptions/8e4f2a1c-3b5d-4c7e-a9f0-2d1e3c4b5a69/resourceGroups/rg-spokes/providers/Microsoft.Network";
    private static readonly Lazy<Topology> HubFirewall = new(() => SnapshotLoader.Load(Sample));

    private static IReadOnlyList<string> CliRoutes(params string[] selector)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        Assert.Equal(ExitCodes.Success, CliApp.Run(["routes", "--snapshot", Sample, .. selector, "--format", "json"], output, error));
        using var json = JsonDocument.Parse(output.ToString());
        return json.RootElement.GetProperty("value").EnumerateArray().Select(r =>
            $"{r.GetProperty("source").GetString()} {r.GetProperty("state").GetString()} " +
            $"{string.Join(",", r.GetProperty("addressPrefix").EnumerateArray().Select(p => p.GetString()))} -> {r.GetProperty("nextHopType").GetString()} " +
            string.Join(",", r.GetProperty("nextHopIpAddress").EnumerateArray().Select(p => p.GetString()))).ToList();
    }

    private static IReadOnlyList<string> Routes(EffectiveRouteRequest request) =>
        request.Execute(new RecordingEngineHost()).Routes.Select(r =>
            $"{r.Source} {r.State} {string.Join(",", r.AddressPrefix)} -> {r.NextHopType} {string.Join(",", r.NextHopIpAddress)}").ToList();

    [Theory]
    [InlineData("spoke1/workload", "--subnet", "spoke1/workload")]
    [InlineData(SpokeRg + "/virtualNetworks/spoke1/subnets/workload", "--subnet", "spoke1/workload")]
    [InlineData("vm-spoke1-nic", "--nic", "vm-spoke1-nic")]
    [InlineData("VM-SPOKE1-NIC", "--nic", "vm-spoke1-nic")]
    public void TheTargetGivesTheRoutesOfAzspokeRoutesForWhatItNames(string target, string cliOption, string cliValue)
    {
        var request = GetSpokeEffectiveRouteCommand.ToRequest(HubFirewall.Value, target);
        Assert.Same(HubFirewall.Value, request.Topology);
        Assert.Equal(target, request.Target);
        Assert.Equal(CliRoutes(cliOption, cliValue), Routes(request));
    }

    [Fact]
    public void APipedNetworkInterfaceIdIsTheNetworkInterfaceWhateverItsCase()
    {
        var nic = HubFirewall.Value.NetworkInterfaces.Single(n => n.Name == "vm-spoke1-nic").Id.Value;
        Assert.Equal(CliRoutes("--nic", "vm-spoke1-nic"), Routes(GetSpokeEffectiveRouteCommand.ToRequest(HubFirewall.Value, nic.ToUpperInvariant())));
    }

    [Theory]
    [InlineData(SpokeRg + "/virtualNetworks/spoke1", "Microsoft.Network/virtualNetworks")]
    [InlineData("/subscriptions/8e4f2a1c-3b5d-4c7e-a9f0-2d1e3c4b5a69", "is not an Azure resource id")]
    public void ResourceIdOfAnotherKindIsAnInvalidResourceIdError(string resourceId, string message)
    {
        var e = Assert.ThrowsAny<EngineInputException>(() => Routes(GetSpokeEffectiveRouteCommand.ToRequest(HubFirewall.Value, resourceId)));
        Assert.Contains(message, e.Message);
        var record = SpokeErrors.From(e, resourceId)!;
        Assert.Equal("InvalidResourceId", record.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, record.CategoryInfo.Category);
        Assert.Equal(resourceId, record.TargetObject);
    }

    [Fact]
    public void SnapshotValueIsTheRequestOfImportSpokeTopologyAndOfTheCliSnapshotOption()
    {
        var host = new RecordingEngineHost();
        var topology = new TopologyRequest { Snapshot = Sample }.Execute(host);
        Assert.Equal(HubFirewall.Value.VirtualNetworks.Select(v => v.Id), topology.VirtualNetworks.Select(v => v.Id));
        Assert.Equal(HubFirewall.Value.Counts(), topology.Counts());
    }

    [Fact]
    public void SampleReferenceIsPassedToTheEngineUnresolved()
    {
        Assert.Equal("sample:hub-firewall", SnapshotArgument.Resolve("sample:hub-firewall", _ => throw new Xunit.Sdk.XunitException("sample:NAME must not be resolved as a path")));
    }

    [Fact]
    public void PathIsResolvedAgainstThePowerShellLocation()
    {
        Assert.Equal("/ps/location/estate.json", SnapshotArgument.Resolve("./estate.json", p => "/ps/location/" + p[2..]));
    }

    [Fact]
    public void UnknownSubnetIsSubnetNotFoundWithTheGivenValueAsTarget()
    {
        var e = Assert.Throws<EngineInputException>(() => Routes(GetSpokeEffectiveRouteCommand.ToRequest(HubFirewall.Value, "spoke9/workload")));
        Assert.IsType<ResourceNotFoundException>(e.InnerException);
        var record = SpokeErrors.From(e, "spoke9/workload")!;
        Assert.Equal("SubnetNotFound", record.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, record.CategoryInfo.Category);
        Assert.Equal("spoke9/workload", record.TargetObject);
    }

    [Fact]
    public void UnknownNetworkInterfaceIsNetworkInterfaceNotFound()
    {
        var e = Assert.Throws<EngineInputException>(() => Routes(GetSpokeEffectiveRouteCommand.ToRequest(HubFirewall.Value, "vm-nowhere-nic")));
        Assert.Equal("NetworkInterfaceNotFound", SpokeErrors.From(e, "vm-nowhere-nic")!.FullyQualifiedErrorId);
    }

    [Fact]
    public void AmbiguousSubnetNameListsTheCandidateIdsAsTheRecommendedAction()
    {
        var dir = Directory.CreateTempSubdirectory("ambiguous-").FullName;
        try
        {
            var path = Path.Combine(dir, "twins.json");
            File.WriteAllText(path, TwinVnets);
            var topology = SnapshotLoader.Load(path);
            var e = Assert.Throws<EngineInputException>(() => Routes(GetSpokeEffectiveRouteCommand.ToRequest(topology, "spoke/app")));
            var ambiguous = Assert.IsType<AmbiguousNameException>(e.InnerException);
            Assert.Equal(2, ambiguous.Candidates.Count);
            var record = SpokeErrors.From(e, "spoke/app")!;
            Assert.Equal("AmbiguousSubnetName", record.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, record.CategoryInfo.Category);
            Assert.Same(e, record.Exception);
            Assert.All(ambiguous.Candidates, c => Assert.Contains(c.Value, record.ErrorDetails.RecommendedAction));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void UnknownSampleIsSampleNotFoundListingTheSamples()
    {
        var e = Assert.Throws<SnapshotLoadException>(() => new TopologyRequest { Snapshot = "sample:no-such-sample" }.Execute(new RecordingEngineHost()));
        var record = SpokeErrors.From(e, "sample:no-such-sample")!;
        Assert.Equal("SampleNotFound", record.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, record.CategoryInfo.Category);
        Assert.Contains("hub-firewall", record.ErrorDetails.RecommendedAction);
    }

    [Fact]
    public void MissingSnapshotFileIsSnapshotNotFound()
    {
        var path = Path.Combine(Path.GetTempPath(), "azspoke-missing-" + Guid.NewGuid() + ".json");
        var e = Assert.Throws<SnapshotLoadException>(() => new TopologyRequest { Snapshot = path }.Execute(new RecordingEngineHost()));
        var record = SpokeErrors.From(e, path)!;
        Assert.Equal("SnapshotNotFound", record.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, record.CategoryInfo.Category);
        Assert.Equal(path, record.TargetObject);
    }

    [Fact]
    public void MalformedSnapshotIsSnapshotInvalidNamingTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), "azspoke-bad-" + Guid.NewGuid() + ".json");
        File.WriteAllText(path, "{ \"resources\": [ { \"id\": ");
        try
        {
            var e = Assert.Throws<SnapshotLoadException>(() => new TopologyRequest { Snapshot = path }.Execute(new RecordingEngineHost()));
            var record = SpokeErrors.From(e, path)!;
            Assert.Equal("SnapshotInvalid", record.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidData, record.CategoryInfo.Category);
            Assert.Contains(path, record.Exception.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ResolutionExceptionsThrownDirectlyByTheModelMapToTheSameErrorIds()
    {
        Assert.Equal("VirtualNetworkNotFound", SpokeErrors.From(new ResourceNotFoundException("virtual network", "spoke9", "no such VNet"), "spoke9")!.FullyQualifiedErrorId);
        Assert.Equal("AmbiguousVirtualNetworkName", SpokeErrors.From(new AmbiguousNameException("virtual network", "spoke", [ResourceId.Parse(SpokeRg + "/virtualNetworks/spoke")]), "spoke")!.FullyQualifiedErrorId);
    }

    [Fact]
    public void UnexpectedExceptionsAreInternalErrorsNotUnhandledExceptions()
    {
        // Issue 16: the cmdlets' error boundary reports every failure with a stable ErrorId and a specific category.
#pragma warning disable CA2201 // the runtime throws it when code has a bug, which is what the boundary must report
        var record = SpokeErrors.From(new NullReferenceException(), "x")!;
#pragma warning restore CA2201
        Assert.Equal("InternalError", record.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidOperation, record.CategoryInfo.Category);
        Assert.Contains("bug", record.ErrorDetails!.RecommendedAction);
        // An AggregateException is reported as its cause; PowerShell's own flow control is not ours to report.
        Assert.Equal("InvalidSubnet", SpokeErrors.From(new AggregateException(new AzSpokeTools.Engine.EngineInputException("Subnet", "bad")), "x")!.FullyQualifiedErrorId);
        Assert.Null(SpokeErrors.From(new PipelineStoppedException(), "x"));
        Assert.Null(SpokeErrors.From(new ActionPreferenceStopException(), "x"));
    }

    [Fact]
    public void ControlCharactersInMessagesAreEscapedInTheRecord()
    {
        var record = SpokeErrors.From(new AzSpokeTools.Engine.EngineInputException("Subnet", "'a\u001b[2Jb\u202ec' does not name a subnet"), "x")!;
        Assert.Equal("'a\\u001B[2Jb\\u202Ec' does not name a subnet", record.ErrorDetails!.Message);
        Assert.Contains("\u001b", record.Exception.Message); // the exception itself keeps the data as it was
    }

    [Theory]
    [InlineData("network interface", "NetworkInterface")]
    [InlineData("subnet", "Subnet")]
    [InlineData("ResourceId", "ResourceId")]
    [InlineData("virtual network", "VirtualNetwork")]
    public void ErrorIdWordsArePascalCase(string words, string expected) => Assert.Equal(expected, SpokeErrors.PascalCase(words));

    private const string TwinVnets = """
        [
          { "id": "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-a/providers/Microsoft.Network/virtualNetworks/spoke",
            "name": "spoke", "type": "Microsoft.Network/virtualNetworks", "location": "westeurope",
            "properties": { "addressSpace": { "addressPrefixes": ["10.1.0.0/16"] },
              "subnets": [ { "id": "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-a/providers/Microsoft.Network/virtualNetworks/spoke/subnets/app",
                             "name": "app", "properties": { "addressPrefix": "10.1.0.0/24" } } ] } },
          { "id": "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-b/providers/Microsoft.Network/virtualNetworks/spoke",
            "name": "spoke", "type": "Microsoft.Network/virtualNetworks", "location": "westeurope",
            "properties": { "addressSpace": { "addressPrefixes": ["10.2.0.0/16"] },
              "subnets": [ { "id": "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-b/providers/Microsoft.Network/virtualNetworks/spoke/subnets/app",
                             "name": "app", "properties": { "addressPrefix": "10.2.0.0/24" } } ] } }
        ]
        """;
}
