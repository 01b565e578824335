using System.Collections.Generic;
using System.Linq;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Paths;

namespace AzSpokeTools.Engine.Migration
{
    /// <summary>The path of one ordered pair, reduced to what the what-if compares.</summary>
    public sealed class PairPath
    {
        internal PairPath(PathOutcome outcome, PathKind kind, IReadOnlyList<PathKind> transits)
        {
            Outcome = outcome; Kind = kind; Transits = transits;
        }

        public PathOutcome Outcome { get; }
        public PathKind Kind { get; }
        public IReadOnlyList<PathKind> Transits { get; }
        public bool Delivered => Outcome == PathOutcome.Delivered;
        public bool Inspected => Transits.Contains(PathKind.Appliance);

        public override string ToString() => Outcome == PathOutcome.Delivered ? Kind.ToString() : Outcome + "/" + Kind;
    }

    /// <summary>One ordered member pair before and after the plan.</summary>
    public sealed class PairChange
    {
        internal PairChange(VirtualNetwork from, VirtualNetwork to, PairPath before, PairPath after)
        {
            From = from; To = to; Before = before; After = after;
        }

        public VirtualNetwork From { get; }
        public VirtualNetwork To { get; }
        public PairPath Before { get; }
        public PairPath After { get; }
        /// <summary>Delivered before, not after.</summary>
        public bool LosesConnectivity => Before.Delivered && !After.Delivered;
        /// <summary>An appliance (firewall / NVA) in the transits before and not after.</summary>
        public bool LosesInspection => Before.Inspected && !After.Inspected;
        public bool Changed => Before.Kind != After.Kind || Before.Outcome != After.Outcome;
    }

    /// <summary>
    /// The plan applied to an in-memory copy of the snapshot and the path of every ordered member pair recomputed:
    /// before and after, with the pairs that lose connectivity or inspection named.
    /// </summary>
    public sealed class MigrationWhatIf
    {
        internal MigrationWhatIf(IReadOnlyList<PairChange> pairs, long elapsedMs)
        {
            Pairs = pairs;
            ElapsedMs = elapsedMs;
            BeforeByKind = Count(pairs.Select(p => p.Before));
            AfterByKind = Count(pairs.Select(p => p.After));
            Transitions = pairs.GroupBy(p => p.Before + " -> " + p.After).OrderBy(g => g.Key, System.StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Count());
        }

        private static IReadOnlyDictionary<string, int> Count(IEnumerable<PairPath> paths) =>
            paths.GroupBy(p => p.ToString()).OrderBy(g => g.Key, System.StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count());

        /// <summary>Every ordered pair of members.</summary>
        public IReadOnlyList<PairChange> Pairs { get; }
        /// <summary>Pairs per kind before (undelivered pairs as Outcome/Kind).</summary>
        public IReadOnlyDictionary<string, int> BeforeByKind { get; }
        public IReadOnlyDictionary<string, int> AfterByKind { get; }
        /// <summary>"ExpressRouteHairpin -> Mesh": count.</summary>
        public IReadOnlyDictionary<string, int> Transitions { get; }
        public IEnumerable<PairChange> LosingConnectivity => Pairs.Where(p => p.LosesConnectivity);
        public IEnumerable<PairChange> LosingInspection => Pairs.Where(p => p.LosesInspection);
        /// <summary>Time to compute both matrices.</summary>
        public long ElapsedMs { get; }
    }
}
