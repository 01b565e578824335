namespace AzSpokeTools.Engine.Input
{
    /// <summary>Severity of a snapshot loading problem.</summary>
    public enum DiagnosticSeverity
    {
        /// <summary>Something was read with an assumption or skipped; the load goes on.</summary>
        Warning,
        /// <summary>The input is wrong; the load fails.</summary>
        Error,
    }

    /// <summary>A problem found while loading a snapshot, with the file and JSON path it concerns.</summary>
    public sealed class LoadDiagnostic
    {
        /// <summary>A diagnostic of <paramref name="severity"/> at <paramref name="location"/>.</summary>
        public LoadDiagnostic(DiagnosticSeverity severity, SourceLocation location, string message)
        {
            Severity = severity;
            Location = location;
            Message = message;
        }

        /// <summary>Warning or error.</summary>
        public DiagnosticSeverity Severity { get; }
        /// <summary>The file and JSON path the diagnostic is about.</summary>
        public SourceLocation Location { get; }
        /// <summary>What is wrong.</summary>
        public string Message { get; }

        /// <inheritdoc/>
        public override string ToString() => $"{Location.File}: {Location.JsonPath}: {Message}";
    }
}
