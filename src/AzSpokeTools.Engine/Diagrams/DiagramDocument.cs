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

        public Diagram Diagram { get; }
        public DiagramFormat Format { get; }
        public string Text { get; }
    }
}
