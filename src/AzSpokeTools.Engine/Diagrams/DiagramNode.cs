namespace AzSpokeTools.Engine.Diagrams
{
    /// <summary>One node of a <see cref="Diagram"/>: a VNet or a device, with its place once laid out.</summary>
    public sealed class DiagramNode
    {
        internal DiagramNode(string key, DiagramNodeKind kind, string label, string resourceId, string? region)
        {
            Key = key;
            Kind = kind;
            Label = label;
            ResourceId = resourceId;
            Region = region;
        }

        /// <summary>A short identifier, stable for the same snapshot ("n0", "n1", ... in model order), used in every output.</summary>
        public string Key { get; }
        /// <summary>What the node stands for.</summary>
        public DiagramNodeKind Kind { get; }
        /// <summary>The resource name (a circuit's label names its MSEE).</summary>
        public string Label { get; }
        /// <summary>The Azure resource the node draws, when it draws one.</summary>
        public string ResourceId { get; }
        /// <summary>The Azure region of the resource, when known.</summary>
        public string? Region { get; }
        /// <summary>The innermost cluster holding the node, or null for a node at the top level.</summary>
        public DiagramCluster? Cluster { get; internal set; }
        /// <summary>Address space or other detail shown under the label (may be empty).</summary>
        public string Detail { get; internal set; } = "";

        /// <summary>Centre and size after layout (SVG coordinates, y down).</summary>
        public double X { get; internal set; }
        /// <summary>The vertical position of the laid-out node.</summary>
        public double Y { get; internal set; }
        /// <summary>The width of the laid-out node.</summary>
        public double Width { get; internal set; }
        /// <summary>The height of the laid-out node.</summary>
        public double Height { get; internal set; }

        /// <inheritdoc/>
        public override string ToString() => Kind + " " + Label;
    }
}
