using System.Collections.Generic;
using AzSpokeTools.Engine.Paths;

namespace AzSpokeTools.Paths
{
    /// <summary>
    /// One ordered pair of the path matrix as Get-SpokePathMatrix writes it: the pair by name and id, the path's
    /// outcome, kind and transits, and the intent that applies (the columns of <c>azspoke matrix --format json</c>).
    /// The engine's enums are held boxed: a field of a value type from the engine would make the runtime load the
    /// engine when PowerShell lists this assembly's types, before the module's loader is registered.
    /// </summary>
    public sealed class PathMatrixEntry
    {
        internal PathMatrixEntry(PathMatrix matrix, PathMatrixRow row)
        {
            var source = matrix.Endpoints[row.Source];
            var destination = matrix.Endpoints[row.Destination];
            Source = source.Name;
            Destination = destination.Name;
            SourceId = source.Id.Value;
            DestinationId = destination.Id.Value;
            _outcome = row.Outcome;
            _kind = row.Kind;
            Transits = row.Summary.Transits;
            Alternatives = row.Alternatives;
            Intended = row.Intent?.Expect;
            IntentRule = row.Intent?.RuleName;
            Compliant = row.Compliant;
        }

        /// <summary>The source VNet (or VNET/SUBNET at subnet level).</summary>
        public string Source { get; }
        /// <summary>The destination VNet (or VNET/SUBNET).</summary>
        public string Destination { get; }
        public string SourceId { get; }
        public string DestinationId { get; }
        /// <summary>Delivered, Dropped, Loop or Unknown.</summary>
        public PathOutcome Outcome => (PathOutcome)_outcome;
        private readonly object _outcome;
        /// <summary>The most significant transit of the path.</summary>
        public PathKind Kind => (PathKind)_kind;
        private readonly object _kind;
        /// <summary>Every transit in path order.</summary>
        public IReadOnlyList<PathKind> Transits { get; }
        /// <summary>Equal-cost alternatives beyond the first path.</summary>
        public int Alternatives { get; }
        /// <summary>The kinds the intent allows, or null when no intent covers the pair.</summary>
        public IReadOnlyList<PathKind>? Intended { get; }
        /// <summary>The intent rule that applies, or null.</summary>
        public string? IntentRule { get; }
        /// <summary>True or false against the intent, null when no intent covers the pair.</summary>
        public bool? Compliant { get; }

        /// <inheritdoc />
        public override string ToString() => $"{Source} -> {Destination}: {Outcome} {Kind}";
    }
}
