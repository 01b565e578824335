namespace AzSpokeTools.Engine.Diagrams
{
    /// <summary>A rendered diagram: the model, the format and the text to write.</summary>
    public sealed class DiagramDocument
    {
        internal DiagramDocument(Diagram diagram, DiagramFormat format, string text)
        {
            Diagram = diagram;
            Format = format;
            Text = text;
        }

        /// <summary>The diagram that was rendered.</summary>
        public Diagram Diagram { get; }
        /// <summary>The format of <see cref="Text"/> (svg, html, mermaid or dot).</summary>
        public DiagramFormat Format { get; }
        /// <summary>The rendered document.</summary>
        public string Text { get; }
    }
}
