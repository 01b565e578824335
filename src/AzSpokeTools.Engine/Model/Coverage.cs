using System.Collections.Generic;

namespace AzSpokeTools.Engine.Model
{
    /// <summary>What the capture could not read (README.md#snapshots, <c>coverage</c>), so answers can be Unknown instead of wrong.</summary>
    public sealed class Coverage
    {
        /// <summary>Scopes the capture could not read.</summary>
        public List<CoverageGap> Denied { get; } = new List<CoverageGap>();

        /// <summary>True when nothing is known to be missing.</summary>
        public bool IsComplete => Denied.Count == 0;
    }

    /// <summary>A scope (subscription, resource group or resource) and optionally a type that could not be read.</summary>
    public sealed class CoverageGap
    {
        /// <summary>The scope not read.</summary>
        public string Scope { get; internal set; } = "";
        /// <summary>The resource type not read.</summary>
        public string? Type { get; internal set; }
        /// <summary>The HTTP status or error code.</summary>
        public int? Status { get; internal set; }
        /// <summary>The error message.</summary>
        public string? Message { get; internal set; }

        /// <inheritdoc/>
        public override string ToString() =>
            (Type != null ? Type + " in " : "") + Scope + (Status != null ? $" ({Status})" : "") + (Message != null ? ": " + Message : "");
    }
}
