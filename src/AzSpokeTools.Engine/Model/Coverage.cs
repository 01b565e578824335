using System.Collections.Generic;

namespace AzSpokeTools.Engine.Model
{
    /// <summary>What the capture could not read (README.md#snapshots, <c>coverage</c>), so answers can be Unknown instead of wrong.</summary>
    public sealed class Coverage
    {
        public List<CoverageGap> Denied { get; } = new List<CoverageGap>();

        /// <summary>True when nothing is known to be missing.</summary>
        public bool IsComplete => Denied.Count == 0;
    }

    /// <summary>A scope (subscription, resource group or resource) and optionally a type that could not be read.</summary>
    public sealed class CoverageGap
    {
        public string Scope { get; internal set; } = "";
        public string? Type { get; internal set; }
        public int? Status { get; internal set; }
        public string? Message { get; internal set; }

        public override string ToString() =>
            (Type != null ? Type + " in " : "") + Scope + (Status != null ? $" ({Status})" : "") + (Message != null ? ": " + Message : "");
    }
}
