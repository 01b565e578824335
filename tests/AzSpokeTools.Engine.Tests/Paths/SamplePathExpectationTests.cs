using System.Collections.Concurrent;
using System.Text.Json;
using AzSpokeTools.Engine.Intent;
using AzSpokeTools.Engine.Paths;
using AzSpokeTools.Engine.Snapshot;
using Xunit;

namespace AzSpokeTools.Engine.Tests.Paths;

/// <summary>
/// Each bundled sample's expected paths (module/samples/NAME.expect.json, derived by hand from the routing rules)
/// against the paths the engine traces from the sample snapshot.
/// </summary>
public class SamplePathExpectationTests
{
    private static readonly ConcurrentDictionary<string, PathAnalyzer> Analyzers = new();

    internal static PathAnalyzer For(string sample) =>
        Analyzers.GetOrAdd(sample, s => new PathAnalyzer(SnapshotLoader.Load("sample:" + s)));

    public static IEnumerable<object[]> PathCases() =>
        Directory.GetFiles(TestPaths.Samples, "*.expect.json").OrderBy(f => f)
            .SelectMany(f =>
            {
                var sample = Path.GetFileName(f).Replace(".expect.json", "");
                var root = JsonDocument.Parse(File.ReadAllText(f)).RootElement;
                return root.TryGetProperty("paths", out var p)
                    ? p.EnumerateArray().Select((e, i) => new object[] { sample, i, e.GetProperty("from").GetString()!, e.GetProperty("to").GetString()! })
                    : Enumerable.Empty<object[]>();
            });

    [Theory]
    [MemberData(nameof(PathCases))]
    public void TracedPathMatchesTheExpectedOutcomeKindTransitsAndSymmetry(string sample, int index, string from, string to)
    {
        var e = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.Samples, sample + ".expect.json"))).RootElement.GetProperty("paths")[index];
        var analyzer = For(sample);
        var result = analyzer.Trace(from, to, IntentSet.FromAvnm(analyzer.Topology));
        var why = e.TryGetProperty("why", out var w) ? w.GetString() : "";
        var detail = $"{sample} {from} -> {to} ({why})\n{PathDump.Of(result)}";
        Assert.True(e.GetProperty("outcome").GetString() == result.Outcome.ToString(), "outcome: " + detail);
        Assert.True(e.GetProperty("kind").GetString() == result.Kind.ToString(), "kind: " + detail);
        var transits = e.GetProperty("transits").EnumerateArray().Select(x => x.GetString()).ToArray();
        Assert.True(transits.SequenceEqual(result.Transits.Select(t => t.ToString())), "transits: " + detail);
        if (e.TryGetProperty("symmetric", out var sym))
            Assert.True(sym.GetBoolean() == result.Symmetric, "symmetric: " + detail);
    }
}

internal static class PathDump
{
    public static string Of(PathResult r, string indent = "  ") =>
        $"{indent}{r}\n" + string.Join("\n", r.Hops.Select(h => indent + "  " + h)) + "\n" +
        string.Join("\n", r.Reasons.Select(x => indent + "  reason: " + x)) +
        (r.Reverse != null && indent.Length < 4 ? "\n" + indent + "reverse:\n" + Of(r.Reverse, indent + "  ") : "");
}
