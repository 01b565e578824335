using System.Collections.Generic;

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
    }

    /// <summary>The rules of a list that may match one flow, and each one's protocol-and-ports match.</summary>
    internal readonly struct FlowRules
    {
        public FlowRules(CompiledRule[] rules, Match[] flowMatches)
        {
            Rules = rules;
            FlowMatches = flowMatches;
        }

        public CompiledRule[] Rules { get; }
        public Match[] FlowMatches { get; }
    }
}
