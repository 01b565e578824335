using System.Collections.Generic;

namespace AzSpokeTools.Engine.Input
{
    /// <summary>Collects diagnostics while a snapshot loads.</summary>
    internal sealed class LoadContext
    {
        public List<LoadDiagnostic> Diagnostics { get; } = new List<LoadDiagnostic>();

        /// <summary>Member-name shapes learnt while reading this load's documents.</summary>
        public PropertyNameShapes Shapes { get; } = new PropertyNameShapes();

        public void Warn(SourceLocation at, string message) =>
            Diagnostics.Add(new LoadDiagnostic(DiagnosticSeverity.Warning, at, message));

        public void Error(SourceLocation at, string message) =>
            Diagnostics.Add(new LoadDiagnostic(DiagnosticSeverity.Error, at, message));
    }
}
