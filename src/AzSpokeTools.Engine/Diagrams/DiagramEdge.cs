namespace AzSpokeTools.Engine.Diagrams
{
    /// <summary>One edge of a <see cref="Diagram"/>; path edges carry their step number.</summary>
    public sealed class DiagramEdge
    {
        internal DiagramEdge(DiagramNode from, DiagramNode to, DiagramEdgeKind kind, string label, int step)
        {
            From = from;
            To = to;
            Kind = kind;
            Label = label;
            Step = step;
        }

        /// <summary>The node the edge starts at.</summary>
        public DiagramNode From { get; }
        /// <summary>The node the edge ends at.</summary>
        public DiagramNode To { get; }
        /// <summary>What the edge stands for.</summary>
        public DiagramEdgeKind Kind { get; }
        /// <summary>Text drawn on the edge (the step number on a path edge; may be empty).</summary>
        public string Label { get; }
        /// <summary>1-based step on the forward or reverse path; 0 for a topology edge.</summary>
        public int Step { get; }
        /// <summary>The routed curve as SVG path data after layout.</summary>
        public string PathData { get; internal set; } = "";
        /// <summary>Where the label goes after layout.</summary>
        public double LabelX { get; internal set; }
        /// <summary>The vertical position of the edge's label in the layout.</summary>
        public double LabelY { get; internal set; }

        /// <summary>True when the edge is a leg of a traced path (drawn highlighted).</summary>
        public bool IsPath => Kind == DiagramEdgeKind.ForwardPath || Kind == DiagramEdgeKind.ReversePath;

        /// <inheritdoc/>
        public override string ToString() => $"{From.Label} -{Kind}- {To.Label}";
    }
}
