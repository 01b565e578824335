using System.Collections.Generic;

namespace AzSpokeTools.Engine.Diagrams
{
    /// <summary>What a cluster groups.</summary>
    public enum DiagramClusterKind
    {
        /// <summary>An Azure region.</summary>
        Region,
        /// <summary>A hub VNet with its devices and the spokes peered to it.</summary>
        Hub,
        /// <summary>A Virtual WAN hub with its devices and connected VNets.</summary>
        VirtualWanHub,
    }

    /// <summary>A box of a <see cref="Diagram"/>: a region holding hub groups and VNets, or a hub group.</summary>
    public sealed class DiagramCluster
    {
        internal DiagramCluster(string key, DiagramClusterKind kind, string label, DiagramCluster? parent)
        {
            Key = key;
            Kind = kind;
            Label = label;
            Parent = parent;
        }

        /// <summary>A stable key of the cluster (region, hub group or VNet).</summary>
        public string Key { get; }
        /// <summary>What the cluster groups.</summary>
        public DiagramClusterKind Kind { get; }
        /// <summary>The caption drawn on the cluster.</summary>
        public string Label { get; }
        /// <summary>The enclosing cluster, or null at the top level.</summary>
        public DiagramCluster? Parent { get; }
        /// <summary>The clusters nested in this one.</summary>
        public List<DiagramCluster> Children { get; } = new List<DiagramCluster>();
        /// <summary>The nodes directly in this cluster.</summary>
        public List<DiagramNode> Nodes { get; } = new List<DiagramNode>();

        /// <summary>Bounds after layout (SVG coordinates, y down).</summary>
        public double Left { get; internal set; }
        /// <summary>The top edge of the laid-out cluster.</summary>
        public double Top { get; internal set; }
        /// <summary>The width of the laid-out cluster.</summary>
        public double Width { get; internal set; }
        /// <summary>The height of the laid-out cluster.</summary>
        public double Height { get; internal set; }

        /// <inheritdoc/>
        public override string ToString() => Kind + " " + Label;
    }
}
