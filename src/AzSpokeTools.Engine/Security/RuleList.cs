using System.Collections.Generic;
using System.Linq;

namespace AzSpokeTools.Engine.Security
{
    /// <summary>Compiled rules in evaluation order, with the rules that can match a flow's protocol and ports kept per flow.</summary>
    internal sealed class RuleList
    {
        private readonly CompiledRule[] _rules;
        private readonly Dictionary<Flow, CompiledRule[]> _byFlow = new Dictionary<Flow, CompiledRule[]>();

        public static readonly RuleList Empty = new RuleList(new List<CompiledRule>());

        public RuleList(List<CompiledRule> rules) => _rules = rules.ToArray();

        public int Count => _rules.Length;

        public IReadOnlyList<CompiledRule> All => _rules;

        /// <summary>The rules whose protocol and ports may match <paramref name="flow"/> (a concrete flow), in order.</summary>
        public CompiledRule[] For(Flow flow)
        {
            if (!_byFlow.TryGetValue(flow, out var list))
                _byFlow[flow] = list = _rules.Where(r => r.FlowMatch(flow) != Match.No).ToArray();
            return list;
        }
    }
}
