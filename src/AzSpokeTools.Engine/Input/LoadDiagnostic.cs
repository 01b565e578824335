namespace AzSpokeTools.Engine.Input
{
    /// <summary>Severity of a snapshot loading problem.</summary>
    public enum DiagnosticSeverity
    {
        Warning,
        Error,
    }

    /// <summary>A problem found while loading a snapshot, with the file and JSON path it concerns.</summary>
    public sealed class LoadDiagnostic
    {
        public LoadDiagnostic(DiagnosticSeverity severity, SourceLocation location, string message)
        {
            Severity = severity;
            Location = location;
            Message = message;
        }

        public DiagnosticSeverity Severity { get; }
        public SourceLocation Location { get; }
        public string Message { get; }

        public override string ToString() => $"{Location.File}: {Location.JsonPath}: {Message}";
    }
}
