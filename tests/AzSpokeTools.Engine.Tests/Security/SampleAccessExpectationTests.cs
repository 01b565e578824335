using System.Text.Json;
using AzSpokeTools.Engine.Addresses;
using AzSpokeTools.Engine.Intent;
using AzSpokeTools.Engine.Paths;
using AzSpokeTools.Engine.Routing;
using AzSpokeTools.Engine.Security;
using AzSpokeTools.Engine.Snapshot;
using AzSpokeTools.Engine.Tests.Paths;
using Xunit;

namespace AzSpokeTools.Engine.Tests.Security;

/// <summary>
/// Each bundled sample's expected access (module/samples/NAME.expect.json <c>access</c>, derived by hand from the public documentation
/// of NSG processing, security admin rules and Azure Firewall rule processing) against the access the engine evaluates on the path.
/// </summary>
public class SampleAccessExpectationTests
{
    public static IEnumerable<object[]> AccessCases() =>
        Directory.GetFiles(TestPaths.Samples, "*.expect.json").OrderBy(f => f)
            .SelectMany(f =>
            {
                var sample = Path.GetFileName(f).Replace(".expect.json", "");
                var root = JsonDocument.Parse(File.ReadAllText(f)).RootElement;
                return root.TryGetProperty("access", out var a)
                    ? a.EnumerateArray().Select((e, i) => new object[] { sample, i, $"{e.GetProperty("from").GetString()} -> {e.GetProperty("to").GetString()} {e.GetProperty("port")}" })
                    : Enumerable.Empty<object[]>();
            });

    [Theory]
    [MemberData(nameof(AccessCases))]
    public void EvaluatedAccessMatchesTheExpectedVerdictAndDecidingRule(string sample, int index, string label)
    {
        var e = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.Samples, sample + ".expect.json"))).RootElement.GetProperty("access")[index];
        var topology = SnapshotLoader.Load("sample:" + sample);
        ServiceTagCatalog? tags = null;
        if (e.TryGetProperty("serviceTags", out var st))
        {
            tags = new ServiceTagCatalog();
            foreach (var t in st.EnumerateObject()) tags.Add(t.Name, t.Value.EnumerateArray().Select(p => IpPrefix.Parse(p.GetString()!)));
        }
        var analyzer = new PathAnalyzer(topology, tags);
        var flow = new Flow(Flow.ParseProtocol(e.GetProperty("protocol").GetString()), e.GetProperty("port").GetInt32());
        var r = analyzer.Trace(PathEndpoints.Resolve(topology, e.GetProperty("from").GetString()!, "Source"),
            PathEndpoints.Resolve(topology, e.GetProperty("to").GetString()!, "Destination"), IntentSet.FromAvnm(topology), flow);
        var detail = $"{sample} {label} ({e.GetProperty("why").GetString()})\n{PathDump.Of(r)}\n" + string.Join("\n", r.Access!.Checks.Select(c => "  check: " + c));
        Assert.True(e.GetProperty("access").GetString() == r.Access.Verdict.ToString(), "access: " + detail);
        var expected = e.GetProperty("decidingRule");
        if (expected.ValueKind == JsonValueKind.Null)
        {
            Assert.True(r.Access.DecidingRule == null, "decidingRule should be null: " + detail);
            return;
        }
        var rule = r.Access.DecidingRule;
        Assert.True(rule != null, "decidingRule missing: " + detail);
        Assert.Equal(expected.GetProperty("name").GetString(), rule!.Name);
        Assert.Equal(expected.GetProperty("kind").GetString(), rule.Kind.ToString());
        if (expected.TryGetProperty("direction", out var d)) Assert.Equal(d.GetString(), rule.Direction);
        if (expected.TryGetProperty("priority", out var p)) Assert.Equal(p.GetInt32(), rule.Priority);
    }

    [Fact]
    public void EveryAccessExpectationCitesThePublicDocumentation()
    {
        foreach (var f in Directory.GetFiles(TestPaths.Samples, "*.expect.json"))
        {
            var root = JsonDocument.Parse(File.ReadAllText(f)).RootElement;
            if (!root.TryGetProperty("access", out var a)) continue;
            foreach (var e in a.EnumerateArray())
                Assert.Contains("Azure docs, \"", e.GetProperty("why").GetString()!);
        }
    }
}
