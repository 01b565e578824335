using AzSpokeTools.Engine.Model;
using Xunit;

namespace AzSpokeTools.Engine.Tests.Architecture;

/// <summary>
/// The engine's namespaces form a directed acyclic graph: a lower layer (Addresses, Model, Routing, ...) never uses a
/// higher one (Paths, Readiness, Migration, Requests, ...). docs/architecture.md draws the layers.
/// </summary>
public sealed class NamespaceCycleTests
{
    private const string EnginePrefix = "AzSpokeTools.Engine";

    [Fact]
    public void EngineNamespacesHaveNoCycle()
    {
        var graph = NamespaceDependencies.Read(typeof(Topology).Assembly.Location, EnginePrefix);
        var cycles = graph.Cycles();
        Assert.True(cycles.Count == 0,
            "Namespace cycles in the engine:\n" + string.Join("\n\n", cycles.Select(c =>
                string.Join(" <-> ", c) + "\n  " + string.Join("\n  ", graph.DescribeEdges(c)))));
    }

    [Fact]
    public void EngineGraphIsReadFromTheAssembly()
    {
        // Guards the test above against passing on an empty graph: known one-way uses must be seen.
        var graph = NamespaceDependencies.Read(typeof(Topology).Assembly.Location, EnginePrefix);
        Assert.Contains("AzSpokeTools.Engine.Model", graph.Edges["AzSpokeTools.Engine.Paths"]);
        Assert.Contains("AzSpokeTools.Engine.Paths", graph.Edges["AzSpokeTools.Engine.Requests"]);
        Assert.True(graph.Edges.Count >= 10, "expected the engine's namespaces, saw " + string.Join(", ", graph.Edges.Keys));
    }

    [Fact]
    public void ACycleMadeOnlyByAThrowInAMethodBodyIsFound()
    {
        const string prefix = "AzSpokeTools.Engine.Tests.Architecture.Fixtures.Cyclic";
        var graph = NamespaceDependencies.Read(typeof(NamespaceCycleTests).Assembly.Location, prefix);

        var cycle = Assert.Single(graph.Cycles());
        Assert.Equal(new[] { prefix + ".Errors", prefix + ".Model", prefix + ".Routing" }, cycle);
        Assert.Contains(graph.DescribeEdges(cycle), line => line.StartsWith(prefix + ".Routing -> " + prefix + ".Errors (NextHop uses InputError", StringComparison.Ordinal));
    }

    [Fact]
    public void OneWayUsesAreNoCycle()
    {
        const string prefix = "AzSpokeTools.Engine.Tests.Architecture.Fixtures.Acyclic";
        var graph = NamespaceDependencies.Read(typeof(NamespaceCycleTests).Assembly.Location, prefix);

        Assert.Empty(graph.Cycles());
        Assert.Contains(prefix + ".Lower", graph.Edges[prefix + ".Upper"]);
    }
}
