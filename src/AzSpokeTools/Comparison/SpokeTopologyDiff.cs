using System.Linq;
using AzSpokeTools.Engine.Comparison;
using AzSpokeTools.Output;

namespace AzSpokeTools.Comparison
{
    /// <summary>Compare-SpokeTopology: the ordered VNet pairs whose path differs between two snapshots.</summary>
    public sealed class SpokeTopologyDiff
    {
        internal SpokeTopologyDiff(TopologyDiff d)
        {
            BeforeSource = d.BeforeSource;
            AfterSource = d.AfterSource;
            Pairs = d.Pairs;
            Differences = Delimited.List(d.Differences.Select(x => new SpokePairDifference(x)));
            OnlyBefore = Delimited.Texts(d.OnlyBefore);
            OnlyAfter = Delimited.Texts(d.OnlyAfter);
            Transitions = Delimited.Map(d.Transitions);
        }

        /// <summary>Where the earlier snapshot came from.</summary>
        public string BeforeSource { get; }
        /// <summary>Where the later snapshot came from.</summary>
        public string AfterSource { get; }
        /// <summary>Ordered VNet pairs compared.</summary>
        public long Pairs { get; }
        /// <summary>Each pair whose outcome, kind, transits or symmetry differs.</summary>
        public DelimitedList<SpokePairDifference> Differences { get; }
        /// <summary>VNets only in the earlier snapshot.</summary>
        public DelimitedList<string> OnlyBefore { get; }
        /// <summary>VNets only in the later snapshot.</summary>
        public DelimitedList<string> OnlyAfter { get; }
        /// <summary>Differing pairs per change, e.g. "ExpressRouteHairpin -> Mesh".</summary>
        public DelimitedMap<int> Transitions { get; }

        /// <inheritdoc />
        public override string ToString() => $"{Differences.Count} of {Pairs} pair(s) differ" + (Transitions.Count > 0 ? $" ({Transitions})" : "");
    }

    /// <summary>Compare-SpokeTopology -Plan -Wave: whether a snapshot taken after a wave shows exactly what the plan promised.</summary>
    public sealed class SpokeWaveVerification
    {
        internal SpokeWaveVerification(WaveVerification v)
        {
            Wave = v.Wave;
            Name = v.Name;
            PairsChecked = v.PairsChecked;
            Differences = Delimited.List(v.Differences.Select(x => new SpokePairDifference(x)));
            Unresolved = Delimited.Texts(v.Unresolved);
            Verified = v.Verified;
        }

        /// <summary>The wave checked.</summary>
        public int Wave { get; }
        /// <summary>Its name.</summary>
        public string Name { get; }
        /// <summary>Pairs the plan made a promise about.</summary>
        public long PairsChecked { get; }
        /// <summary>Pairs whose path differs from the promise.</summary>
        public DelimitedList<SpokePairDifference> Differences { get; }
        /// <summary>VNets of the plan the snapshot does not hold.</summary>
        public DelimitedList<string> Unresolved { get; }
        /// <summary>True when every promised pair matches and nothing is unresolved.</summary>
        public bool Verified { get; }

        /// <inheritdoc />
        public override string ToString() => $"wave {Wave} ({Name}): " + (Verified ? "verified" : $"{Differences.Count} pair(s) differ, {Unresolved.Count} unresolved");
    }

    /// <summary>One ordered VNet pair whose path differs.</summary>
    public sealed class SpokePairDifference
    {
        internal SpokePairDifference(PairDifference d)
        {
            Source = d.Source;
            Destination = d.Destination;
            BeforeOutcome = d.Before?.Outcome.ToString();
            BeforeKind = d.Before?.Kind.ToString();
            BeforeTransits = Delimited.Texts(d.Before?.Transits);
            BeforeSymmetric = d.BeforeSymmetric;
            AfterOutcome = d.After?.Outcome.ToString();
            AfterKind = d.After?.Kind.ToString();
            AfterTransits = Delimited.Texts(d.After?.Transits);
            AfterSymmetric = d.AfterSymmetric;
            Changed = Delimited.Texts(d.Changed);
            _text = d.ToString();
        }

        private readonly string _text;

        /// <summary>The source VNet.</summary>
        public string Source { get; }
        /// <summary>The destination VNet.</summary>
        public string Destination { get; }
        /// <summary>Outcome before (or as promised); null when the pair did not exist.</summary>
        public string? BeforeOutcome { get; }
        /// <summary>Kind before.</summary>
        public string? BeforeKind { get; }
        /// <summary>Transits before, in path order.</summary>
        public DelimitedList<string> BeforeTransits { get; }
        /// <summary>Symmetry before.</summary>
        public bool? BeforeSymmetric { get; }
        /// <summary>Outcome after (or as found); null when the pair does not exist.</summary>
        public string? AfterOutcome { get; }
        /// <summary>Kind after.</summary>
        public string? AfterKind { get; }
        /// <summary>Transits after, in path order.</summary>
        public DelimitedList<string> AfterTransits { get; }
        /// <summary>Symmetry after.</summary>
        public bool? AfterSymmetric { get; }
        /// <summary>What differs: presence, outcome, kind, transits, symmetry.</summary>
        public DelimitedList<string> Changed { get; }

        /// <inheritdoc />
        public override string ToString() => _text;
    }
}
