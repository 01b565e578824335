using System.Collections.Generic;
using AzSpokeTools.Engine.Addresses;

namespace AzSpokeTools.Engine.Security
{
    /// <summary>Compiled rules in evaluation order, with the rules that can match a flow's protocol and ports kept per flow.</summary>
    internal sealed class RuleList
    {
        private readonly CompiledRule[] _rules;
        private readonly Dictionary<Flow, FlowRules> _byFlow = new Dictionary<Flow, FlowRules>();
        private Flow? _lastFlow;
        private FlowRules _last;

        public static readonly RuleList Empty = new RuleList(new List<CompiledRule>());

        public RuleList(List<CompiledRule> rules) => _rules = rules.ToArray();

        public int Count => _rules.Length;

        public IReadOnlyList<CompiledRule> All => _rules;

        /// <summary>The rules whose protocol and ports may match <paramref name="flow"/> (a concrete flow), in order, with how they match it.</summary>
        public FlowRules For(Flow flow)
        {
            // The matrix asks for the same flow pair after pair.
            if (ReferenceEquals(flow, _lastFlow)) return _last;
            if (!_byFlow.TryGetValue(flow, out var list))
            {
                var rules = new List<CompiledRule>();
                var matches = new List<Match>();
                foreach (var r in _rules)
                {
                    var m = r.FlowMatch(flow);
                    if (m == Match.No) continue;
                    rules.Add(r);
                    matches.Add(m);
                }
                _byFlow[flow] = list = new FlowRules(rules.ToArray(), matches.ToArray());
            }
            _lastFlow = flow;
            _last = list;
            return list;
        }

        /// <summary>
        /// <see cref="For(Flow)"/> with one address side already matched: <paramref name="side"/> holds <paramref name="address"/> for every
        /// evaluation that uses the result, so each rule's match on that side is folded into its flow match (match is an And, so the order of
        /// the sides does not change it) and rules it rules out are dropped. A host's own side is the same pair after pair in a matrix row
        /// (the source's outbound rules) or column (the destination's inbound rules); the last answer per side is kept, others in a bounded table.
        /// </summary>
        public FlowRules For(Flow flow, RuleSide side, IpAddressValue address)
        {
            ref var last = ref side == RuleSide.Source ? ref _lastSource : ref _lastDestination;
            if (ReferenceEquals(last.Flow, flow) && last.Address == address) return last.Rules;
            var key = (flow, side, address);
            if (_bySide == null || !_bySide.TryGetValue(key, out var rules))
            {
                var all = For(flow);
                var kept = new List<CompiledRule>(all.Rules.Length);
                var matches = new List<Match>(all.Rules.Length);
                for (int i = 0; i < all.Rules.Length; i++)
                {
                    var r = all.Rules[i];
                    var m = MatchLogic.And(all.FlowMatches[i], (side == RuleSide.Source ? r.Source : r.Destination).Match(address));
                    if (m == Match.No) continue;
                    kept.Add(r);
                    matches.Add(m);
                }
                rules = new FlowRules(kept.ToArray(), matches.ToArray(), side);
                _bySide ??= new Dictionary<(Flow, RuleSide, IpAddressValue), FlowRules>();
                if (_bySide.Count < MaxSideEntries) _bySide[key] = rules;
            }
            last = new SideEntry(flow, address, rules);
            return rules;
        }

        /// <summary>Bound on the answers kept per list beyond the last per side (a matrix asks a forwarding NVA for every destination).</summary>
        private const int MaxSideEntries = 1 << 14;

        private Dictionary<(Flow, RuleSide, IpAddressValue), FlowRules>? _bySide;
        private SideEntry _lastSource, _lastDestination;

        private readonly struct SideEntry
        {
            public SideEntry(Flow flow, IpAddressValue address, FlowRules rules)
            {
                Flow = flow;
                Address = address;
                Rules = rules;
            }

            public Flow? Flow { get; }
            public IpAddressValue Address { get; }
            public FlowRules Rules { get; }
        }
    }

    /// <summary>A side of a rule's address match.</summary>
    internal enum RuleSide : byte
    {
        /// <summary>Neither side is matched yet.</summary>
        None,
        Source,
        Destination,
    }

    /// <summary>The rules of a list that may match one flow, and each one's protocol-and-ports match.</summary>
    internal readonly struct FlowRules
    {
        public FlowRules(CompiledRule[] rules, Match[] flowMatches, RuleSide matched = RuleSide.None)
        {
            Rules = rules;
            FlowMatches = flowMatches;
            Matched = matched;
        }

        public CompiledRule[] Rules { get; }
        /// <summary>Each rule's match of the flow's protocol and ports, and of the <see cref="Matched"/> side's address.</summary>
        public Match[] FlowMatches { get; }
        /// <summary>The address side already folded into <see cref="FlowMatches"/> (see <see cref="RuleList.For(Flow, RuleSide, IpAddressValue)"/>).</summary>
        public RuleSide Matched { get; }
    }
}
