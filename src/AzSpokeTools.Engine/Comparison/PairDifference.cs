using System.Collections.Generic;
using System.Linq;
using AzSpokeTools.Engine.Migration;

namespace AzSpokeTools.Engine.Comparison
{
    /// <summary>
    /// One ordered VNet pair whose path differs between two states (two snapshots, or what a plan promised and a snapshot):
    /// outcome, kind, transits in order, and symmetry by transit (both directions delivered through the same kinds of transit).
    /// </summary>
    public sealed class PairDifference
    {
        internal PairDifference(string source, string destination, PairPath? before, PairPath? after, bool? beforeSymmetric, bool? afterSymmetric)
        {
            Source = source; Destination = destination; Before = before; After = after; BeforeSymmetric = beforeSymmetric; AfterSymmetric = afterSymmetric;
            var changed = new List<string>();
            if (before == null || after == null) changed.Add("presence");
            else
            {
                if (before.Outcome != after.Outcome) changed.Add("outcome");
                if (before.Kind != after.Kind) changed.Add("kind");
                if (!before.Transits.SequenceEqual(after.Transits)) changed.Add("transits");
            }
            // Symmetry is a property of delivered paths: a change of outcome already says what a dropped side means.
            if (beforeSymmetric != afterSymmetric && before is { Delivered: true } && after is { Delivered: true }) changed.Add("symmetry");
            Changed = changed;
        }

        /// <summary>The source VNet's name.</summary>
        public string Source { get; }
        /// <summary>The destination VNet of the pair.</summary>
        public string Destination { get; }
        /// <summary>The path before (or as promised); null when the pair does not exist on that side.</summary>
        public PairPath? Before { get; }
        /// <summary>The path after (or as found); null when the pair does not exist on that side.</summary>
        public PairPath? After { get; }
        /// <summary>Whether the path was symmetric in the first snapshot.</summary>
        public bool? BeforeSymmetric { get; }
        /// <summary>Whether the path is symmetric in the second snapshot.</summary>
        public bool? AfterSymmetric { get; }
        /// <summary>What differs: presence, outcome, kind, transits, symmetry.</summary>
        public IReadOnlyList<string> Changed { get; }
        /// <summary>True when outcome, kind, transits or symmetry differ between the snapshots.</summary>
        public bool Differs => Changed.Count > 0;

        /// <inheritdoc/>
        public override string ToString() =>
            $"{Source} -> {Destination}: {Before?.ToString() ?? "(absent)"} [{Before?.TransitText}] -> {After?.ToString() ?? "(absent)"} [{After?.TransitText}] ({string.Join(", ", Changed)})";
    }
}
