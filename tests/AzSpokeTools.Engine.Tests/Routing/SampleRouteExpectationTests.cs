using System.Collections.Concurrent;
using System.Text.Json;
using AzSpokeTools.Engine.Addresses;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Routing;
using AzSpokeTools.Engine.Snapshot;
using Xunit;

namespace AzSpokeTools.Engine.Tests.Routing;

/// <summary>
/// Each bundled sample's expected routes (module/samples/NAME.expect.json, derived by hand from the routing rules)
/// against the effective routes the engine computes from the sample snapshot.
/// </summary>
public class SampleRouteExpectationTests
{
    private static readonly ConcurrentDictionary<string, EffectiveRouteCalculator> Calculators = new();

    internal static EffectiveRouteCalculator For(string sample) =>
        Calculators.GetOrAdd(sample, s => new EffectiveRouteCalculator(SnapshotLoader.Load("sample:" + s)));

    private static IEnumerable<(string Sample, JsonElement Root)> ExpectFiles() =>
        Directory.GetFiles(TestPaths.Samples, "*.expect.json").OrderBy(f => f)
            .Select(f => (Path.GetFileName(f).Replace(".expect.json", ""), JsonDocument.Parse(File.ReadAllText(f)).RootElement));

    public static IEnumerable<object[]> RouteCases() =>
        ExpectFiles().SelectMany(x => x.Root.TryGetProperty("routes", out var r)
            ? r.EnumerateArray().Select((e, i) => new object[] { x.Sample, i, e.GetProperty("subnet").GetString()!, e.GetProperty("destination").GetString()! })
            : Enumerable.Empty<object[]>());

    public static IEnumerable<object[]> TableCases() =>
        ExpectFiles().SelectMany(x => x.Root.TryGetProperty("tables", out var t)
            ? t.EnumerateArray().Select((e, i) => new object[] { x.Sample, i, e.GetProperty("subnet").GetString()! })
            : Enumerable.Empty<object[]>());

    private static JsonElement Entry(string sample, string section, int index) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.Samples, sample + ".expect.json"))).RootElement.GetProperty(section)[index];

    [Theory]
    [MemberData(nameof(RouteCases))]
    public void WinningRouteForDestinationMatchesTheRules(string sample, int index, string subnet, string destination)
    {
        var e = Entry(sample, "routes", index);
        var calc = For(sample);
        var table = calc.ForSubnet(calc.Topology.ResolveSubnet(subnet));
        var winners = LongestPrefixMatch(table, IpAddressValue.Parse(destination));
        var why = e.TryGetProperty("why", out var w) ? w.GetString() : "";
        var expectedHop = e.GetProperty("nextHopType").GetString();
        if (winners.Count == 0)
        {
            Assert.True(expectedHop == "None", $"{sample} {subnet} -> {destination}: no route matched but expected {expectedHop} ({why})\n{Dump(table)}");
            return;
        }
        var route = winners[0];
        Assert.True(expectedHop == route.NextHopType.ToString(),
            $"{sample} {subnet} -> {destination}: expected {expectedHop}, got {route} ({why})\n{Dump(table)}");
        if (e.TryGetProperty("source", out var source))
            Assert.True(source.GetString() == route.Source.ToString(), $"{sample} {subnet} -> {destination}: expected source {source.GetString()}, got {route} ({why})");
        if (e.TryGetProperty("nextHopIpAddress", out var ips))
        {
            var expected = ips.EnumerateArray().Select(i => i.GetString()!).OrderBy(s => s).ToArray();
            var actual = winners.SelectMany(r => r.NextHopIpAddress).Distinct().OrderBy(s => s).ToArray();
            Assert.True(expected.SequenceEqual(actual), $"{sample} {subnet} -> {destination}: expected next hop IPs [{string.Join(",", expected)}], got [{string.Join(",", actual)}] ({why})");
        }
    }

    [Theory]
    [MemberData(nameof(TableCases))]
    public void TableRowsAppearWithTheirStateAndAbsentRowsDoNot(string sample, int index, string subnet)
    {
        var e = Entry(sample, "tables", index);
        var calc = For(sample);
        var table = calc.ForSubnet(calc.Topology.ResolveSubnet(subnet));
        if (e.TryGetProperty("contains", out var contains))
            foreach (var row in contains.EnumerateArray())
                Assert.True(table.Routes.Any(r => RowMatches(row, r)), $"{sample} {subnet}: expected a row {row}\n{Dump(table)}");
        if (e.TryGetProperty("absent", out var absent))
            foreach (var row in absent.EnumerateArray())
                Assert.False(table.Routes.Any(r => RowMatches(row, r)), $"{sample} {subnet}: expected no row {row}\n{Dump(table)}");
    }

    internal static List<EffectiveRoute> LongestPrefixMatch(EffectiveRouteTable table, IpAddressValue destination)
    {
        var matching = table.ActiveRoutes.Select(r => (r, len: r.Prefixes.Where(p => p.Contains(destination)).Select(p => p.Length).DefaultIfEmpty(-1).Max()))
            .Where(x => x.len >= 0).ToList();
        if (matching.Count == 0) return new List<EffectiveRoute>();
        int best = matching.Max(x => x.len);
        return matching.Where(x => x.len == best).Select(x => x.r).ToList();
    }

    private static bool RowMatches(JsonElement row, EffectiveRoute r)
    {
        foreach (var p in row.EnumerateObject())
        {
            switch (p.Name)
            {
                case "addressPrefix":
                    var prefixes = p.Value.ValueKind == JsonValueKind.Array ? p.Value.EnumerateArray().Select(x => x.GetString()!).ToArray() : new[] { p.Value.GetString()! };
                    if (!prefixes.All(x => r.AddressPrefix.Contains(x))) return false;
                    break;
                case "source": if (p.Value.GetString() != r.Source.ToString()) return false; break;
                case "state": if (p.Value.GetString() != r.State.ToString()) return false; break;
                case "nextHopType": if (p.Value.GetString() != r.NextHopType.ToString()) return false; break;
                case "name": if (p.Value.GetString() != r.Name) return false; break;
                case "nextHopIpAddress":
                    var ips = p.Value.EnumerateArray().Select(x => x.GetString()!).OrderBy(x => x);
                    if (!ips.SequenceEqual(r.NextHopIpAddress.OrderBy(x => x))) return false;
                    break;
            }
        }
        return true;
    }

    internal static string Dump(EffectiveRouteTable table) => string.Join("\n", table.Routes.Select(r => "  " + r + (r.InvalidReason != null ? "  [" + r.InvalidReason + "]" : "") + "  <" + r.Origin + ">"));
}
