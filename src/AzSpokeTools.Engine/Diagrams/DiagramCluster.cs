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

        public string Key { get; }
        public DiagramClusterKind Kind { get; }
        public string Label { get; }
        public DiagramCluster? Parent { get; }
        public List<DiagramCluster> Children { get; } = new List<DiagramCluster>();
        public List<DiagramNode> Nodes { get; } = new List<DiagramNode>();

        /// <summary>Bounds after layout (SVG coordinates, y down).</summary>
        public double Left { get; internal set; }
        public double Top { get; internal set; }
        public double Width { get; internal set; }
        public double Height { get; internal set; }

        public override string ToString() => Kind + " " + Label;
    }
}
