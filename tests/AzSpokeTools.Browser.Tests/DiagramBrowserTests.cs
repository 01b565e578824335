using System.Text.Json;
using AzSpokeTools.Engine.Hosting;
using AzSpokeTools.Engine.Paths;
using AzSpokeTools.Engine.Requests;
using AzSpokeTools.Engine.Snapshot;
using Microsoft.Playwright;
using Xunit;

namespace AzSpokeTools.Browser.Tests;

/// <summary>Diagrams of every sample, and of every path its expectation file names, rendered in Chromium.</summary>
[Collection(ChromiumCollection.Name)]
public sealed class DiagramBrowserTests : IDisposable
{
    private readonly Chromium _chromium;
    private readonly string _scratch = Repository.NewScratch();

    public DiagramBrowserTests(Chromium chromium) => _chromium = chromium;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    public static TheoryData<string> Samples() => new(Repository.Samples);

    /// <summary>Forward-path colour of the SVG writer, as the browser computes it.</summary>
    private const string ForwardRgb = "rgb(31, 111, 235)";

    /// <summary>Where each hop stands on the picture, worked out from the hop itself: a subnet's VNet, else the resource; repeats collapsed.</summary>
    private static List<string> ExpectedStops(PathResult path)
    {
        var stops = new List<string>();
        foreach (var h in path.Hops)
        {
            var id = h.Role is PathHopRole.Subnet or PathHopRole.Destination
                ? h.ResourceId.Substring(0, h.ResourceId.IndexOf("/subnets/", StringComparison.OrdinalIgnoreCase))
                : h.ResourceId;
            if (stops.Count == 0 || !string.Equals(stops[^1], id, StringComparison.OrdinalIgnoreCase)) stops.Add(id);
        }
        return stops;
    }

    [BrowserTheory]
    [MemberData(nameof(Samples))]
    public async Task TopologyDiagramShowsEveryVnetOfTheSampleWithoutErrors(string sample)
    {
        var topology = SnapshotLoader.Load("sample:" + sample);
        var file = Path.Combine(_scratch, sample + ".svg");
        File.WriteAllText(file, new DiagramRequest { Topology = topology, Format = "svg" }.Execute(new RecordingEngineHost()).Text);
        var errors = new List<string>();
        var page = await _chromium.NewPageAsync(errors);
        await page.GotoAsync("file://" + file);
        var drawn = await page.EvaluateAsync<JsonElement>(@"() => Array.from(document.querySelectorAll('g.node')).map(n => ({
            id: n.getAttribute('data-resource-id').toLowerCase(), name: n.getAttribute('data-name'), width: n.getBBox().width }))");
        await page.CloseAsync();
        Assert.Empty(errors);
        var nodes = drawn.EnumerateArray().ToDictionary(n => n.GetProperty("id").GetString()!, n => n);
        foreach (var v in topology.VirtualNetworks)
        {
            Assert.True(nodes.TryGetValue(v.Id.Value.ToLowerInvariant(), out var n), $"{sample}: VNet {v.Name} is not on the picture");
            Assert.Equal(v.Name, n.GetProperty("name").GetString());
            Assert.True(n.GetProperty("width").GetDouble() > 20, $"{sample}: VNet {v.Name} is drawn {n.GetProperty("width")} px wide");
        }
    }

    [BrowserTheory]
    [MemberData(nameof(Samples))]
    public async Task PathOfEachExpectationIsHighlightedHopByHopInOrder(string sample)
    {
        var topology = SnapshotLoader.Load("sample:" + sample);
        var errors = new List<string>();
        var page = await _chromium.NewPageAsync(errors);
        var paths = Repository.ExpectedPaths(sample);
        Assert.NotEmpty(paths);
        foreach (var (from, to) in paths)
        {
            var path = new PathRequest { Topology = topology, Source = from, Destination = to }.Execute(new RecordingEngineHost());
            var html = new DiagramRequest { Topology = topology, Path = path, Format = "html" }.Execute(new RecordingEngineHost()).Text;
            var file = Path.Combine(_scratch, $"{sample}-{from.Replace('/', '_')}-{to.Replace('/', '_')}.html");
            File.WriteAllText(file, html);
            await page.GotoAsync("file://" + file);
            var steps = await page.EvaluateAsync<JsonElement>(@"() => {
                const out = [];
                document.querySelectorAll('g.node[data-forward-step]').forEach(n => {
                    const shape = n.querySelector('.shape');
                    n.getAttribute('data-forward-step').split(' ').forEach(s => out.push({
                        step: +s, id: n.getAttribute('data-resource-id'), stroke: getComputedStyle(shape).stroke, width: n.getBBox().width }));
                });
                out.sort((a, b) => a.step - b.step);
                return { steps: out, numbered: document.querySelectorAll('g.step.forward').length, rows: document.querySelectorAll('table.hops.forward tr.hop').length };
            }");
            var expected = ExpectedStops(path);
            var drawn = steps.GetProperty("steps").EnumerateArray().ToList();
            Assert.Equal(expected.Select(x => x.ToLowerInvariant()), drawn.Select(d => d.GetProperty("id").GetString()!.ToLowerInvariant()));
            Assert.Equal(Enumerable.Range(1, expected.Count), drawn.Select(d => d.GetProperty("step").GetInt32()));
            Assert.All(drawn, d => Assert.Equal(ForwardRgb, d.GetProperty("stroke").GetString()));
            Assert.All(drawn, d => Assert.True(d.GetProperty("width").GetDouble() > 20));
            Assert.Equal(expected.Count - 1, steps.GetProperty("numbered").GetInt32());
            Assert.Equal(path.Hops.Count, steps.GetProperty("rows").GetInt32());
        }
        await page.CloseAsync();
        Assert.Empty(errors);
    }

    [BrowserFact]
    public async Task AsymmetricReturnIsDrawnInTheReverseColourThroughOtherDevices()
    {
        var path = new PathRequest { Snapshot = "sample:udr-override", Source = "spoke1", Destination = "spoke2" }.Execute(new RecordingEngineHost());
        var file = Path.Combine(_scratch, "asym.svg");
        File.WriteAllText(file, new DiagramRequest { Path = path, Topology = path.Topology, Format = "svg" }.Execute(new RecordingEngineHost()).Text);
        var errors = new List<string>();
        var page = await _chromium.NewPageAsync(errors);
        await page.GotoAsync("file://" + file);
        var result = await page.EvaluateAsync<JsonElement>(@"() => {
            const steps = kind => Array.from(document.querySelectorAll('g.step.' + kind)).map(s => ({
                from: s.getAttribute('data-from'), to: s.getAttribute('data-to'), stroke: getComputedStyle(s.querySelector('path')).stroke }));
            return { forward: steps('forward'), reverse: steps('reverse'),
                forwardOnly: Array.from(document.querySelectorAll('g.node[data-forward-step]:not([data-reverse-step])')).map(n => n.getAttribute('data-kind')),
                caption: Array.from(document.querySelectorAll('.caption text')).map(t => t.textContent) };
        }");
        await page.CloseAsync();
        Assert.Empty(errors);
        var forward = result.GetProperty("forward").EnumerateArray().Select(s => (s.GetProperty("from").GetString(), s.GetProperty("to").GetString())).ToList();
        var reverse = result.GetProperty("reverse").EnumerateArray().ToList();
        Assert.NotEmpty(reverse);
        Assert.All(reverse, s => Assert.Equal("rgb(217, 72, 15)", s.GetProperty("stroke").GetString()));
        // The return leg spoke2 -> spoke1 is direct: it is not the forward path walked backwards.
        Assert.Contains(reverse, s => !forward.Contains((s.GetProperty("to").GetString(), s.GetProperty("from").GetString())));
        Assert.Contains("NetworkVirtualAppliance", result.GetProperty("forwardOnly").EnumerateArray().Select(k => k.GetString()));
        Assert.Contains(result.GetProperty("caption").EnumerateArray(), t => t.GetString()!.StartsWith("ASYMMETRIC"));
    }
}
