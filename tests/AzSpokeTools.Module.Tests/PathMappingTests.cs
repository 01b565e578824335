using System.Management.Automation;
using System.Text.Json;
using AzSpokeTools.Cli;
using AzSpokeTools.Cmdlets;
using AzSpokeTools.Engine.Hosting;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Paths;
using AzSpokeTools.Engine.Snapshot;
using AzSpokeTools.Errors;
using AzSpokeTools.Paths;
using Xunit;

namespace AzSpokeTools.Module.Tests;

/// <summary>Get-SpokeEffectivePath, Get-SpokePathMatrix and Test-SpokeIntent build the requests 'azspoke path', 'matrix' and 'intent' build, and answer the same.</summary>
public sealed class PathMappingTests : IDisposable
{
    private const string Sample = "sample:hub-firewall";
    private static readonly Lazy<Topology> HubFirewall = new(() => SnapshotLoader.Load(Sample));
    private readonly string _directory = Directory.CreateTempSubdirectory("path-mapping-").FullName;
    private readonly string _intent;

    public PathMappingTests()
    {
        _intent = Path.Combine(_directory, "intent.yaml");
        File.WriteAllText(_intent, """
            groups:
              spokes: { name: "spoke*" }
              hubs: { name: "hub" }
            rules:
              - name: inspected
                from: spokes
                to: spokes
                expect: [Appliance]
              - name: no-direct-from-hub
                from: hubs
                to: spokes
                forbid: [Direct]
            """);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static JsonDocument Cli(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = CliApp.Run(args, output, error);
        Assert.True(exit is ExitCodes.Success or ExitCodes.Findings, error.ToString());
        return JsonDocument.Parse(output.ToString());
    }

    [Theory]
    [InlineData("spoke1", "spoke2")]
    [InlineData("hub", "spoke3")]
    [InlineData("spoke2/workload", "10.1.0.4")]
    public void PathIsTheOneAzspokePathGives(string source, string destination)
    {
        var request = GetSpokeEffectivePathCommand.ToRequest(HubFirewall.Value, source, destination, _intent);
        Assert.Same(HubFirewall.Value, request.Topology);
        Assert.Equal((source, destination, _intent), (request.Source, request.Destination, request.Intent));
        var result = request.Execute(new RecordingEngineHost());

        using var cli = Cli("path", "--snapshot", Sample, "--from", source, "--to", destination, "--intent", _intent, "--format", "json");
        var root = cli.RootElement;
        Assert.Equal(root.GetProperty("outcome").GetString(), result.Outcome.ToString());
        Assert.Equal(root.GetProperty("kind").GetString(), result.Kind.ToString());
        Assert.Equal(root.GetProperty("transits").EnumerateArray().Select(t => t.GetString()), result.Transits.Select(t => t.ToString()));
        Assert.Equal(root.GetProperty("hops").GetArrayLength(), result.Hops.Count);
        Assert.Equal(root.GetProperty("compliant").ValueKind == JsonValueKind.Null ? null : root.GetProperty("compliant").GetBoolean(), result.Compliant);
        Assert.Equal(root.GetProperty("reasons").GetArrayLength(), result.Reasons.Count);
    }

    [Fact]
    public void UnknownSourceIsInvalidSourceAndABadIntentIsInvalidIntent()
    {
        var unknown = Assert.ThrowsAny<Exception>(() => GetSpokeEffectivePathCommand.ToRequest(HubFirewall.Value, "spoke9", "spoke1", null).Execute(new RecordingEngineHost()));
        var record = SpokeErrors.From(unknown, "spoke9")!;
        Assert.Equal("InvalidSource", record.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, record.CategoryInfo.Category);
        Assert.Contains("spoke9", unknown.Message);

        var bad = Path.Combine(_directory, "bad.yaml");
        File.WriteAllText(bad, "rules:\n  - name: x\n    from: nowhere\n    to: '*'\n    expect: [Appliance]\n");
        var invalid = Assert.ThrowsAny<Exception>(() => GetSpokeEffectivePathCommand.ToRequest(HubFirewall.Value, "spoke1", "spoke2", bad).Execute(new RecordingEngineHost()));
        var intentRecord = SpokeErrors.From(invalid, bad)!;
        Assert.Equal("InvalidIntent", intentRecord.FullyQualifiedErrorId);
        Assert.Contains("bad.yaml", invalid.Message);
    }

    [Theory]
    [InlineData("VirtualNetwork", "vnet")]
    [InlineData("Subnet", "subnet")]
    public void MatrixRowsAreThePairsOfAzspokeMatrix(string level, string cliLevel)
    {
        var request = GetSpokePathMatrixCommand.ToRequest(HubFirewall.Value, _intent, level);
        Assert.Equal(level == "Subnet" ? PathMatrixLevel.Subnet : PathMatrixLevel.VirtualNetwork, request.Level);
        var matrix = request.Execute(new RecordingEngineHost());
        var rows = matrix.Rows().Select(r => new PathMatrixEntry(matrix, r))
            .Select(e => $"{e.Source}>{e.Destination} {e.Outcome} {e.Kind} [{string.Join(",", e.Transits)}] {e.Compliant}").ToList();

        using var cli = Cli("matrix", "--snapshot", Sample, "--intent", _intent, "--level", cliLevel, "--format", "json");
        var expected = cli.RootElement.GetProperty("pairs").EnumerateArray().Select(p =>
            $"{p.GetProperty("source").GetString()}>{p.GetProperty("destination").GetString()} {p.GetProperty("outcome").GetString()} {p.GetProperty("kind").GetString()} " +
            $"[{string.Join(",", p.GetProperty("transits").EnumerateArray().Select(t => t.GetString()))}] " +
            (p.GetProperty("compliant").ValueKind == JsonValueKind.Null ? "" : p.GetProperty("compliant").GetBoolean().ToString())).ToList();
        Assert.Equal(expected, rows);
        Assert.NotEmpty(rows);
        Assert.Equal(rows.Count, matrix.Summary.Pairs);
    }

    [Fact]
    public void IntentResultsAreTheRulesOfAzspokeIntent()
    {
        var request = TestSpokeIntentCommand.ToRequest(HubFirewall.Value, _intent, 5);
        Assert.Equal(5, request.MaxExamplesPerRule);
        var report = request.Execute(new RecordingEngineHost());
        using var cli = Cli("intent", "--snapshot", Sample, "--intent", _intent, "--format", "json");
        var expected = cli.RootElement.GetProperty("rules").EnumerateArray()
            .Select(r => $"{r.GetProperty("rule").GetString()} {r.GetProperty("passed").GetBoolean()} {r.GetProperty("pairs").GetInt64()} {r.GetProperty("failed").GetInt64()}").ToList();
        Assert.Equal(expected, report.Rules.Select(r => $"{r.Name} {r.Passed} {r.Pairs} {r.Failed}"));
        Assert.Equal(["inspected True 6 0", "no-direct-from-hub False 3 3"], expected);
        Assert.Equal(cli.RootElement.GetProperty("passed").GetBoolean(), report.Passed);
    }
}
