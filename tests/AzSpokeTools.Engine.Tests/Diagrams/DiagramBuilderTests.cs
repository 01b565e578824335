using System.Text.RegularExpressions;
using AzSpokeTools.Engine.Diagrams;
using AzSpokeTools.Engine.Hosting;
using AzSpokeTools.Engine.Paths;
using AzSpokeTools.Engine.Requests;
using AzSpokeTools.Engine.Samples;
using AzSpokeTools.Engine.Snapshot;
using Xunit;

namespace AzSpokeTools.Engine.Tests.Diagrams;

public sealed class DiagramBuilderTests
{
    public static TheoryData<string> Samples() => new(SampleCatalog.Names);

    private static PathResult Trace(string sample, string from, string to) =>
        new PathRequest { Snapshot = "sample:" + sample, Source = from, Destination = to }.Execute(new RecordingEngineHost());

    [Theory]
    [MemberData(nameof(Samples))]
    public void EveryVnetOfEverySampleIsANodeInsideItsRegionCluster(string sample)
    {
        var topology = SnapshotLoader.Load("sample:" + sample);
        var diagram = DiagramLayout.Apply(DiagramBuilder.Build(topology));
        foreach (var v in topology.VirtualNetworks)
        {
            var node = Assert.Single(diagram.Nodes, n => n.ResourceId == v.Id.Value);
            Assert.Equal(v.Name, node.Label);
            var cluster = node.Cluster!;
            while (cluster.Parent != null) cluster = cluster.Parent;
            Assert.Equal(Model.Locations.Normalize(v.Location), cluster.Label);
            // Laid out inside its cluster's box.
            Assert.InRange(node.X, cluster.Left, cluster.Left + cluster.Width);
            Assert.InRange(node.Y, cluster.Top, cluster.Top + cluster.Height);
        }
    }

    [Fact]
    public void HairpinEstateShowsGatewaysCircuitFirewallAndConnectedGroupAsDistinctKindsWithLegend()
    {
        var diagram = DiagramBuilder.Build(SnapshotLoader.Load("sample:contoso-hairpin"));
        var kinds = diagram.NodeKinds().ToList();
        foreach (var k in new[] { DiagramNodeKind.HubVirtualNetwork, DiagramNodeKind.VirtualNetwork, DiagramNodeKind.ExpressRouteGateway,
                     DiagramNodeKind.ExpressRouteCircuit, DiagramNodeKind.AzureFirewall, DiagramNodeKind.ConnectedGroup })
            Assert.Contains(k, kinds);
        Assert.Equal(new[] { "hub hub-a", "hub hub-b" }, diagram.AllClusters().Where(c => c.Kind == DiagramClusterKind.Hub).Select(c => c.Label).OrderBy(x => x));
        var svg = SvgDiagramWriter.Write(diagram);
        foreach (var k in kinds) Assert.Contains($"data-legend=\"{k}\"", svg);
        foreach (var k in diagram.EdgeKinds()) Assert.Contains($"data-legend=\"{k}\"", svg);
        // Each kind has its own outline: drawn at the same place, size and colours, no two kinds give the same SVG.
        var shapes = Enum.GetValues<DiagramNodeKind>().Select(k => SvgDiagramWriter.Shape(k, 0, 0, 100, 40, "f", "s")).ToList();
        Assert.Equal(shapes.Count, shapes.Distinct().Count());
    }

    [Fact]
    public void ForwardStepsAreNumberedAlongTheHairpinAndTheReverseRunsBack()
    {
        var path = Trace("contoso-hairpin", "spoke-a1", "spoke-b1");
        var diagram = DiagramBuilder.Build(path.Topology!, null, path);
        Assert.Equal(new[] { "spoke-a1", "hub-a", "ergw-hub-a", "MSEE of erc-contoso-ams", "ergw-hub-b", "hub-b", "spoke-b1" }, diagram.ForwardNodes.Select(n => n.Label));
        Assert.Equal(diagram.ForwardNodes.AsEnumerable().Reverse().Select(n => n.Label), diagram.ReverseNodes.Select(n => n.Label));
        var steps = diagram.Edges.Where(e => e.Kind == DiagramEdgeKind.ForwardPath).ToList();
        Assert.Equal(Enumerable.Range(1, 6), steps.Select(e => e.Step));
        for (int i = 0; i < steps.Count; i++) Assert.Equal((diagram.ForwardNodes[i], diagram.ForwardNodes[i + 1]), (steps[i].From, steps[i].To));
        Assert.Contains("Outcome Delivered; kind ExpressRouteHairpin; transits: ExpressRouteHairpin", diagram.Caption);
        Assert.Contains("Through: ergw-hub-a -> MSEE of erc-contoso-ams -> ergw-hub-b", diagram.Caption);
        Assert.Contains(diagram.Caption, l => l.StartsWith("Intended: Mesh") && l.EndsWith("compliant: no"));
        var svg = SvgDiagramWriter.Write(diagram);
        Assert.Contains("data-forward-step=\"1\"", svg);
        Assert.Contains("data-forward-step=\"7\"", svg);
    }

    [Fact]
    public void AsymmetricPathDrawsTheReverseThroughOtherDevicesAndSaysSo()
    {
        var path = Trace("udr-override", "spoke1", "spoke2");
        Assert.False(path.Symmetric);
        var diagram = DiagramBuilder.Build(path.Topology!, null, path);
        Assert.Contains(diagram.Caption, l => l.StartsWith("ASYMMETRIC"));
        var forwardDevices = diagram.ForwardNodes.Where(n => n.Kind != DiagramNodeKind.VirtualNetwork && n.Kind != DiagramNodeKind.HubVirtualNetwork).ToList();
        var reverseDevices = diagram.ReverseNodes.Where(n => n.Kind != DiagramNodeKind.VirtualNetwork && n.Kind != DiagramNodeKind.HubVirtualNetwork).ToList();
        Assert.NotEqual(forwardDevices, reverseDevices);
        Assert.Contains(diagram.Edges, e => e.Kind == DiagramEdgeKind.ReversePath);
    }

    [Fact]
    public void VirtualNetworkFilterKeepsTheChosenVnetsTheirHubsAndThePath()
    {
        var topology = SnapshotLoader.Load("sample:contoso-hairpin");
        var diagram = DiagramBuilder.Build(topology, new[] { "spoke-a*" });
        var vnets = diagram.Nodes.Where(n => n.Kind is DiagramNodeKind.VirtualNetwork or DiagramNodeKind.HubVirtualNetwork).Select(n => n.Label).OrderBy(x => x);
        Assert.Equal(new[] { "hub-a", "spoke-a1", "spoke-a2" }, vnets);
        var path = Trace("contoso-hairpin", "spoke-a1", "spoke-b1");
        var withPath = DiagramBuilder.Build(path.Topology!, new[] { "spoke-a1" }, path);
        Assert.Contains(withPath.Nodes, n => n.Label == "spoke-b1");
    }

    [Fact]
    public void SameSnapshotGivesTheSameBytesOnAnotherThreadAfterOtherWork()
    {
        string Svg() => new DiagramRequest { Snapshot = "sample:two-region-hubs", Source = "spoke-we1", Destination = "spoke-ne1", Format = "svg" }.Execute(new RecordingEngineHost()).Text;
        var first = Svg();
        string? second = null;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                // Hash codes of objects differ per thread and per allocation history; the layout must not depend on them.
                var noise = new HashSet<object>(Enumerable.Range(0, 10_000).Select(_ => new object()));
                second = Svg();
                GC.KeepAlive(noise);
            }
            catch (Exception e) { failure = e; }
        });
        thread.Start();
        thread.Join();
        Assert.Null(failure);
        Assert.Equal(first, second);
    }

    [Theory]
    [InlineData(null, "a.svg", DiagramFormat.Svg)]
    [InlineData(null, "a.HTML", DiagramFormat.Html)]
    [InlineData(null, "a.htm", DiagramFormat.Html)]
    [InlineData(null, "a.mmd", DiagramFormat.Mermaid)]
    [InlineData(null, "a.gv", DiagramFormat.Dot)]
    [InlineData("dot", "a.svg", DiagramFormat.Dot)]
    [InlineData("Mermaid", null, DiagramFormat.Mermaid)]
    public void FormatIsNamedOrFollowsTheExtension(string? format, string? path, DiagramFormat expected) =>
        Assert.Equal(expected, DiagramFormats.Resolve(format, path));

    [Theory]
    [InlineData("png", "a.png")]
    [InlineData(null, "a.png")]
    [InlineData(null, null)]
    public void UnknownFormatIsAnErrorNamingTheFormatParameter(string? format, string? path)
    {
        var e = Assert.Throws<EngineInputException>(() => DiagramFormats.Resolve(format, path));
        Assert.Equal("Format", e.Parameter);
    }

    [Fact]
    public void SourceWithoutDestinationIsAnErrorNamingDestination()
    {
        var e = Assert.Throws<EngineInputException>(() => new DiagramRequest { Snapshot = "sample:hub-firewall", Source = "spoke1", Format = "svg" }.Execute(new RecordingEngineHost()));
        Assert.Equal("Destination", e.Parameter);
    }

    [Fact]
    public void HtmlPageIsSelfContainedWithHopTablesAndReasons()
    {
        var html = new DiagramRequest { Snapshot = "sample:contoso-hairpin", Source = "spoke-a1", Destination = "spoke-b1", Format = "html" }.Execute(new RecordingEngineHost()).Text;
        SelfContained.AssertSelfContained(html);
        Assert.Contains("<table class=\"hops forward\">", html);
        Assert.Contains("<table class=\"hops reverse\">", html);
        Assert.Contains("<ul class=\"reasons\">", html);
    }
}

/// <summary>What "self-contained" means for generated pages: nothing is loaded from elsewhere.</summary>
internal static class SelfContained
{
    public static void AssertSelfContained(string html)
    {
        Assert.DoesNotContain("<script src", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("fetch(", html, StringComparison.Ordinal);
        Assert.DoesNotContain("XMLHttpRequest", html, StringComparison.Ordinal);
        // The only URLs are XML namespace names, which are never fetched.
        var urls = Regex.Matches(html, "https?://[^\"'\\s)<\\\\]+").Select(m => m.Value).Distinct().ToList();
        Assert.All(urls, u => Assert.Equal("http://www.w3.org/2000/svg", u));
    }
}
