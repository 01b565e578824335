using System.Collections.Generic;
using System.Linq;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Paths;

namespace AzSpokeTools.Engine.Migration
{
    /// <summary>The path of one ordered pair, reduced to what the what-if compares.</summary>
    public sealed class PairPath
    {
        internal PairPath(PathOutcome outcome, PathKind kind, IReadOnlyList<PathKind> transits,
            Security.AccessVerdict? access = null, Security.SecurityRuleReference? accessRule = null)
        {
            Outcome = outcome; Kind = kind; Transits = transits; Access = access; AccessRule = accessRule;
        }

        /// <summary>How the path ends.</summary>
        public PathOutcome Outcome { get; }
        /// <summary>The path's kind.</summary>
        public PathKind Kind { get; }
        /// <summary>The transits, in path order.</summary>
        public IReadOnlyList<PathKind> Transits { get; }
        /// <summary>True when the packet is delivered.</summary>
        public bool Delivered => Outcome == PathOutcome.Delivered;
        /// <summary>True when an appliance inspects the path.</summary>
        public bool Inspected => Transits.Contains(PathKind.Appliance);
        /// <summary>The what-if flow's access on this path (plan --port); null when no flow was given.</summary>
        public Security.AccessVerdict? Access { get; }
        /// <summary>The rule that decided <see cref="Access"/>; null when default rules allowed it or nothing decided.</summary>
        public Security.SecurityRuleReference? AccessRule { get; }
        /// <summary>Denied by a firewall or network virtual appliance on the path (its rule or its default deny), not by an NSG or admin rule.</summary>
        public bool DeniedByDevice => Access == Security.AccessVerdict.Denied &&
            AccessRule?.Kind is Security.SecurityCheckKind.Firewall or Security.SecurityCheckKind.Appliance;

        /// <summary>
        /// Symmetric by transit: both directions delivered through the same kinds of transit (the reverse lists them in the
        /// opposite order). A stateful firewall on one direction only drops the flow.
        /// </summary>
        public static bool Symmetric(PairPath forward, PairPath reverse) =>
            forward.Delivered && reverse.Delivered &&
            forward.Transits.OrderBy(k => k).SequenceEqual(reverse.Transits.OrderBy(k => k));

        /// <summary>Transits as text, space-separated (the CSV form).</summary>
        public string TransitText => string.Join(" ", Transits);

        /// <inheritdoc/>
        public override string ToString() => Outcome == PathOutcome.Delivered ? Kind.ToString() : Outcome + "/" + Kind;
    }

    /// <summary>One ordered pair before and after a wave (or the whole plan), with symmetry both times.</summary>
    public sealed class PairChange
    {
        internal PairChange(VirtualNetwork from, VirtualNetwork to, PairPath before, PairPath after, bool beforeSymmetric, bool afterSymmetric)
        {
            From = from; To = to; Before = before; After = after; BeforeSymmetric = beforeSymmetric; AfterSymmetric = afterSymmetric;
        }

        /// <summary>The source VNet.</summary>
        public VirtualNetwork From { get; }
        /// <summary>The destination VNet.</summary>
        public VirtualNetwork To { get; }
        /// <summary>The path before.</summary>
        public PairPath Before { get; }
        /// <summary>The path after.</summary>
        public PairPath After { get; }
        /// <summary>Both directions delivered through the same transits before.</summary>
        public bool BeforeSymmetric { get; }
        /// <summary>Whether the path is symmetric after.</summary>
        public bool AfterSymmetric { get; }
        /// <summary>Delivered before, not after.</summary>
        public bool LosesConnectivity => Before.Delivered && !After.Delivered;
        /// <summary>An appliance (firewall / NVA) in the transits before and not after.</summary>
        public bool LosesInspection => Before.Inspected && !After.Inspected;
        /// <summary>Delivered both ways after, but through different transits: asymmetric after the change.</summary>
        public bool AsymmetricAfter => After.Delivered && !AfterSymmetric && !LosesConnectivity && ReverseDelivered;
        /// <summary>Asymmetric after and not before (symmetric, or not delivered, before).</summary>
        public bool LosesSymmetry => AsymmetricAfter && (BeforeSymmetric || !Before.Delivered);
        /// <summary>
        /// The what-if flow is denied today by the firewall (or an NVA) the pair passes through and allowed on the path after the
        /// change: a flow the mesh opens because it no longer crosses the device that blocked it.
        /// </summary>
        public bool OpensFlow => Before.DeniedByDevice && After.Access == Security.AccessVerdict.Allowed;
        /// <summary>True when the path changes.</summary>
        public bool Changed => Before.Kind != After.Kind || Before.Outcome != After.Outcome || !Before.Transits.SequenceEqual(After.Transits);
        internal bool ReverseDelivered { get; set; } = true;
    }

    /// <summary>
    /// One wave's what-if: every ordered pair the wave can change (its members against every VNet, both directions), before
    /// (after the previous wave) and after, with the pairs that lose connectivity, inspection or symmetry named.
    /// </summary>
    public sealed class WaveWhatIf
    {
        internal WaveWhatIf(int wave, string name, IReadOnlyList<PairChange> pairs, long elapsedMs)
        {
            Wave = wave; Name = name; Pairs = pairs; ElapsedMs = elapsedMs;
            Transitions = pairs.Where(p => p.Changed).GroupBy(p => p.Before + " -> " + p.After).OrderBy(g => g.Key, System.StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Count());
        }

        /// <summary>The wave number; the decommission phase is numbered after the last wave.</summary>
        public int Wave { get; }
        /// <summary>The wave's name.</summary>
        public string Name { get; }
        /// <summary>The pairs whose path the wave changes.</summary>
        public IReadOnlyList<PairChange> Pairs { get; }
        /// <summary>"ExpressRouteHairpin -> Mesh": count, for the pairs whose path changes.</summary>
        public IReadOnlyDictionary<string, int> Transitions { get; }
        /// <summary>Pairs delivered before the wave and not after.</summary>
        public IEnumerable<PairChange> LosingConnectivity => Pairs.Where(p => p.LosesConnectivity);
        /// <summary>Pairs inspected before the wave and not after.</summary>
        public IEnumerable<PairChange> LosingInspection => Pairs.Where(p => p.LosesInspection);
        /// <summary>Pairs whose path is asymmetric after the wave.</summary>
        public IEnumerable<PairChange> AsymmetricAfter => Pairs.Where(p => p.AsymmetricAfter);
        /// <summary>Pairs symmetric before the wave and not after.</summary>
        public IEnumerable<PairChange> LosingSymmetry => Pairs.Where(p => p.LosesSymmetry);
        /// <summary>Pairs whose what-if flow a firewall denies before the wave and the path after it allows.</summary>
        public IEnumerable<PairChange> OpeningFlows => Pairs.Where(p => p.OpensFlow);
        /// <summary>Time to compute the wave's pairs (its share of the state runs).</summary>
        public long ElapsedMs { get; }
    }

    /// <summary>
    /// The plan applied wave by wave to in-memory copies of the snapshot: per wave the pairs it can change, before and after;
    /// the decommission phase the same way when planned; and over the whole plan every ordered member pair before the first
    /// wave and after the last.
    /// </summary>
    public sealed class MigrationWhatIf
    {
        internal MigrationWhatIf(IReadOnlyList<WaveWhatIf> waves, WaveWhatIf? decommission, IReadOnlyList<PairChange> pairs, long elapsedMs, Security.Flow? flow = null)
        {
            Flow = flow;
            Waves = waves;
            Decommission = decommission;
            Pairs = pairs;
            ElapsedMs = elapsedMs;
            BeforeByKind = Count(pairs.Select(p => p.Before));
            AfterByKind = Count(pairs.Select(p => p.After));
            Transitions = pairs.GroupBy(p => p.Before + " -> " + p.After).OrderBy(g => g.Key, System.StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Count());
        }

        private static IReadOnlyDictionary<string, int> Count(IEnumerable<PairPath> paths) =>
            paths.GroupBy(p => p.ToString()).OrderBy(g => g.Key, System.StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count());

        /// <summary>Per wave, in order.</summary>
        public IReadOnlyList<WaveWhatIf> Waves { get; }
        /// <summary>The decommission phase, when the plan has one.</summary>
        public WaveWhatIf? Decommission { get; }
        /// <summary>Every ordered pair of members, before the first wave and after the last.</summary>
        public IReadOnlyList<PairChange> Pairs { get; }
        /// <summary>Pairs per kind before (undelivered pairs as Outcome/Kind).</summary>
        public IReadOnlyDictionary<string, int> BeforeByKind { get; }
        /// <summary>Pairs by path kind after the last wave.</summary>
        public IReadOnlyDictionary<string, int> AfterByKind { get; }
        /// <summary>"ExpressRouteHairpin -> Mesh": count.</summary>
        public IReadOnlyDictionary<string, int> Transitions { get; }
        /// <summary>Member pairs delivered before the plan and not after it, or by any wave (or the decommission phase) on the way.</summary>
        public IEnumerable<PairChange> LosingConnectivity => Pairs.Where(p => p.LosesConnectivity)
            .Concat(Waves.SelectMany(w => w.LosingConnectivity)).Concat(Decommission?.LosingConnectivity ?? Enumerable.Empty<PairChange>())
            .GroupBy(p => (p.From.Id, p.To.Id)).Select(g => g.First());
        /// <summary>Pairs inspected before the migration and not after.</summary>
        public IEnumerable<PairChange> LosingInspection => Pairs.Where(p => p.LosesInspection);
        /// <summary>The flow whose access the what-if evaluated (plan --port); null: access was not evaluated.</summary>
        public Security.Flow? Flow { get; }
        /// <summary>Member pairs whose flow the hub firewall (or an NVA) denies before the plan and the mesh path allows after it.</summary>
        public IEnumerable<PairChange> OpeningFlows => Pairs.Where(p => p.OpensFlow);
        /// <summary>Time to compute every wave's pairs.</summary>
        public long ElapsedMs { get; }
    }
}
