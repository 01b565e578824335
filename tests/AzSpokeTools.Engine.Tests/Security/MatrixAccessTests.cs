using AzSpokeTools.Engine.Hosting;
using AzSpokeTools.Engine.Intent;
using AzSpokeTools.Engine.Paths;
using AzSpokeTools.Engine.Requests;
using AzSpokeTools.Engine.Security;
using AzSpokeTools.Engine.Snapshot;
using Xunit;

namespace AzSpokeTools.Engine.Tests.Security;

/// <summary>The matrix's access per pair is the path's, with either engine; intent rules' allow and deny flows decide compliance in both.</summary>
public class MatrixAccessTests
{
    private static readonly Lazy<Model.Topology> Secured = new(() => SnapshotLoader.Load("sample:secured-spokes"));

    public static TheoryData<string, PathMatrixLevel> Flows => new()
    {
        { "443/tcp", PathMatrixLevel.VirtualNetwork }, { "22/tcp", PathMatrixLevel.VirtualNetwork }, { "1433/tcp", PathMatrixLevel.Subnet },
        { "9100/tcp", PathMatrixLevel.VirtualNetwork }, { "80/any", PathMatrixLevel.Subnet }, { "icmp", PathMatrixLevel.VirtualNetwork },
    };

    [Theory]
    [MemberData(nameof(Flows))]
    public void EveryPairsAccessIsThePathsAccessWithEitherEngine(string flowText, PathMatrixLevel level)
    {
        var t = Secured.Value;
        var flow = Flow.Parse(flowText);
        var vector = new PathMatrix(t, new PathMatrixOptions { Flow = flow, Level = level }).Rows().ToList();
        var scalar = new PathMatrix(t, new PathMatrixOptions { Flow = flow, Level = level, Engine = PathMatrixEngine.Scalar }).Rows().ToList();
        Assert.Equal(vector.Select(r => (r.Access, r.AccessRule?.Name)), scalar.Select(r => (r.Access, r.AccessRule?.Name)));
        var matrix = new PathMatrix(t, new PathMatrixOptions { Level = level });
        var analyzer = new PathAnalyzer(t);
        foreach (var row in vector)
        {
            var a = matrix.Endpoints[row.Source];
            var b = matrix.Endpoints[row.Destination];
            var path = analyzer.Trace(new PathEndpoint(a.Name, a.Address, a.Subnet, a.VirtualNetwork, null, a.Name),
                new PathEndpoint(b.Name, b.Address, b.Subnet, b.VirtualNetwork, null, b.Name), null, flow);
            Assert.True(path.Access!.Verdict == row.Access && path.Access.DecidingRule?.Name == row.AccessRule?.Name,
                $"{a.Name} -> {b.Name} {flow}: matrix {row.Access} {row.AccessRule?.Name}, path {path.Access.Verdict} {path.Access.DecidingRule?.Name}");
        }
        Assert.Contains(vector, r => r.Access == AccessVerdict.Denied);
    }

    [Fact]
    public void TheSummaryCountsPairsByAccessOnlyWhenAFlowIsGiven()
    {
        var with = new PathMatrix(Secured.Value, new PathMatrixOptions { Flow = Flow.Parse("443/tcp") }).Run(null);
        Assert.Equal(with.Pairs, with.ByAccess.Values.Sum());
        Assert.Empty(new PathMatrix(Secured.Value).Run(null).ByAccess);
    }

    [Fact]
    public void IntentAllowAndDenyFlowsDecideComplianceInTheMatrixAndOnThePath()
    {
        const string text = """
            groups:
              prod: { tag: { env: prod } }
            rules:
              - name: web-open-ssh-closed
                from: prod
                to: prod
                allow: [443/tcp]
                deny: [22/tcp]
            """;
        var t = Secured.Value;
        var intent = IntentSet.Parse("intent.yaml", text, t);
        Assert.Equal(new[] { "443/Tcp" }, intent.Rules[0].Allow.Select(f => f.ToString()));
        var matrix = new PathMatrix(t, new PathMatrixOptions { Intent = intent });
        var analyzer = new PathAnalyzer(t);
        int checkedPairs = 0;
        foreach (var row in matrix.Rows())
        {
            if (row.Intent == null) continue;
            checkedPairs++;
            var a = matrix.Endpoints[row.Source];
            var b = matrix.Endpoints[row.Destination];
            var path = analyzer.Trace(PathEndpoints.ForVnet(t, a.Name, a.VirtualNetwork, "Source"), PathEndpoints.ForVnet(t, b.Name, b.VirtualNetwork, "Destination"), intent);
            Assert.Equal(path.Compliant, row.Compliant);
            var https = analyzer.Trace(PathEndpoints.ForVnet(t, a.Name, a.VirtualNetwork, "Source"), PathEndpoints.ForVnet(t, b.Name, b.VirtualNetwork, "Destination"), null, Flow.Parse("443/tcp")).Access!.Verdict;
            var ssh = analyzer.Trace(PathEndpoints.ForVnet(t, a.Name, a.VirtualNetwork, "Source"), PathEndpoints.ForVnet(t, b.Name, b.VirtualNetwork, "Destination"), null, Flow.Parse("22/tcp")).Access!.Verdict;
            Assert.Equal(https == AccessVerdict.Allowed && ssh == AccessVerdict.Denied, row.Compliant);
            if (row.Compliant == false) Assert.Contains(path.Reasons, r => r.Message.StartsWith("not compliant: ", StringComparison.Ordinal) && r.Message.Contains("must be"));
        }
        Assert.Equal(6, checkedPairs);
        var report = new IntentRequest { Topology = t, Intent = WriteTemp(text) }.Execute(new RecordingEngineHost());
        var rule = Assert.Single(report.Rules, r => r.Name == "web-open-ssh-closed");
        Assert.Equal(new[] { "22/Tcp" }, rule.Deny.Select(f => f.ToString()));
        Assert.True(rule.Failed > 0 && rule.PassedPairs > 0, $"failed {rule.Failed}, passed {rule.PassedPairs}");
    }

    [Fact]
    public void AnIntentFlowThatIsNotPortSlashProtocolNamesItsPlaceInTheFile()
    {
        var ex = Assert.Throws<IntentFileException>(() => IntentSet.Parse("i.yaml", "rules:\n  - from: '*'\n    to: '*'\n    allow: [443]\n", Secured.Value));
        Assert.Contains("i.yaml", ex.Message);
        Assert.Contains("$.rules[0].allow[0]", ex.Message);
    }

    [Fact]
    public void RequestsRefuseAFlowWithoutAPortAndIcmpWithOne()
    {
        Assert.Equal("Port", Assert.Throws<EngineInputException>(() => new PathRequest { Snapshot = "sample:secured-spokes", Source = "spoke1", Destination = "spoke2", Protocol = "Udp" }.Execute(new RecordingEngineHost())).Parameter);
        Assert.Equal("Port", Assert.Throws<EngineInputException>(() => new PathRequest { Snapshot = "sample:secured-spokes", Source = "spoke1", Destination = "spoke2", Protocol = "Icmp", Port = 7 }.Execute(new RecordingEngineHost())).Parameter);
        Assert.Equal("SourcePort", Assert.Throws<EngineInputException>(() => new PathMatrixRequest { Snapshot = "sample:secured-spokes", SourcePort = 7 }.Execute(new RecordingEngineHost())).Parameter);
        Assert.Equal("AssumeNva", Assert.Throws<EngineInputException>(() => new PathMatrixRequest { Snapshot = "sample:secured-spokes", Port = 443, AssumeNva = "maybe" }.Execute(new RecordingEngineHost())).Parameter);
        var icmp = new PathRequest { Snapshot = "sample:secured-spokes", Source = "spoke1", Destination = "spoke4", Protocol = "Icmp" }.Execute(new RecordingEngineHost());
        Assert.Equal(FlowProtocol.Icmp, icmp.Access!.Flow.Protocol);
    }

    private static string WriteTemp(string text)
    {
        var path = Path.Combine(Path.GetTempPath(), "azspoke-intent-" + Guid.NewGuid().ToString("N") + ".yaml");
        File.WriteAllText(path, text);
        return path;
    }
}
