using System.Collections.Generic;
using System.Linq;
using AzSpokeTools.Engine.Paths;

namespace AzSpokeTools.Engine.Diagrams
{
    /// <summary>
    /// The neutral picture of a topology (and optionally one path): nodes for VNets and devices, regions and hub groups as
    /// clusters, topology edges, and the path's forward and reverse steps. Built by <see cref="DiagramBuilder"/>, placed by
    /// <see cref="DiagramLayout"/> and written as SVG, HTML, Mermaid or DOT; every output of the same snapshot is the same bytes.
    /// </summary>
    public sealed class Diagram
    {
        internal Diagram(string title, Model.Topology topology) { Title = title; Topology = topology; }

        /// <summary>The topology drawn.</summary>
        public Model.Topology Topology { get; }

        /// <summary>What the picture shows (the snapshot, or the path's endpoints).</summary>
        public string Title { get; }
        /// <summary>The nodes (VNets, hubs, gateways, appliances ...), laid out.</summary>
        public List<DiagramNode> Nodes { get; } = new List<DiagramNode>();
        /// <summary>The edges between nodes (peerings, connections, path legs).</summary>
        public List<DiagramEdge> Edges { get; } = new List<DiagramEdge>();
        /// <summary>Top-level clusters (regions); hub groups are their children.</summary>
        public List<DiagramCluster> Clusters { get; } = new List<DiagramCluster>();
        /// <summary>The path drawn on the picture, or null.</summary>
        public PathResult? Path { get; internal set; }
        /// <summary>Caption lines: the path's kind, outcome, transits, intent and symmetry (empty without a path).</summary>
        public List<string> Caption { get; } = new List<string>();
        /// <summary>Nodes of the forward path in order (consecutive hops in one node counted once).</summary>
        public List<DiagramNode> ForwardNodes { get; } = new List<DiagramNode>();
        /// <summary>Nodes of the reverse path in order.</summary>
        public List<DiagramNode> ReverseNodes { get; } = new List<DiagramNode>();

        /// <summary>Size of the laid-out picture (0 before layout).</summary>
        public double Width { get; internal set; }
        /// <summary>The height of the laid-out drawing, in the layout's units.</summary>
        public double Height { get; internal set; }

        /// <summary>Every cluster, parents before children.</summary>
        public IEnumerable<DiagramCluster> AllClusters()
        {
            var stack = new Stack<DiagramCluster>(Enumerable.Reverse(Clusters));
            while (stack.Count > 0)
            {
                var c = stack.Pop();
                yield return c;
                for (int i = c.Children.Count - 1; i >= 0; i--) stack.Push(c.Children[i]);
            }
        }

        /// <summary>The node kinds present, in legend order.</summary>
        public IEnumerable<DiagramNodeKind> NodeKinds() => Nodes.Select(n => n.Kind).Distinct().OrderBy(k => k);

        /// <summary>The edge kinds present, in legend order.</summary>
        public IEnumerable<DiagramEdgeKind> EdgeKinds() => Edges.Select(e => e.Kind).Distinct().OrderBy(k => k);
    }
}
