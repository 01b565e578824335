using System.Collections.Generic;
using System.Linq;
using AzSpokeTools.Engine.Addresses;
using AzSpokeTools.Engine.Evaluation;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Routing;

namespace AzSpokeTools.Engine.Paths
{
    /// <summary>
    /// How a trace finds the routes that carry a packet from a subnet: the Active routes with the longest prefix containing
    /// the destination (docs/routing-model.md#route-selection; ties were settled by route selection, so several winners are
    /// equal-cost alternatives). Effective route tables are computed once per subnet.
    /// </summary>
    internal abstract class PathRouteLookup
    {
        private readonly Dictionary<Subnet, EffectiveRouteTable> _tables = new Dictionary<Subnet, EffectiveRouteTable>();

        protected PathRouteLookup(EffectiveRouteCalculator calculator) => Calculator = calculator;

        public EffectiveRouteCalculator Calculator { get; }

        public EffectiveRouteTable TableOf(Subnet subnet)
        {
            if (_tables.TryGetValue(subnet, out var t)) return t;
            if (subnet == Passing) return _passingTable ??= Calculator.ForSubnetOnce(subnet);
            _tables[subnet] = t = Calculator.ForSubnet(subnet);
            return t;
        }

        private Subnet? _passing;
        private EffectiveRouteTable? _passingTable;

        /// <summary>
        /// The subnet whose table is held only until another one is set (null: none): the source whose row the matrix's
        /// <c>--reasons</c> is tracing. Keeping every source's table (and its compiled form) grew the run's memory by hundreds of
        /// kilobytes per source; a later trace that needs the subnet again computes its table again.
        /// </summary>
        public Subnet? Passing
        {
            get => _passing;
            set
            {
                if (value == _passing) return;
                _passing = value;
                _passingTable = null;
                OnPassingChanged();
            }
        }

        /// <summary>Drops what a derived lookup holds for the previous <see cref="Passing"/> subnet.</summary>
        protected virtual void OnPassingChanged() { }

        /// <summary>The routes of a matrix source: its kept table when a trace needed one, else computed without keeping them.</summary>
        public IReadOnlyList<EffectiveRoute> SourceRoutes(Subnet subnet) =>
            _tables.TryGetValue(subnet, out var t) ? t.Routes : Calculator.RoutesOnce(subnet);

        /// <summary>Fills <paramref name="winners"/> (cleared first) with the routes that carry <paramref name="destination"/>, in table order.</summary>
        public abstract void Winners(Subnet subnet, IpAddressValue destination, List<EffectiveRoute> winners);

        /// <summary>Whether a prefix of <paramref name="route"/> contains <paramref name="destination"/>; the longest such one.</summary>
        public static bool Covers(EffectiveRoute route, IpAddressValue destination, out IpPrefix prefix)
        {
            prefix = default;
            int len = -1;
            foreach (var p in route.PrefixArray)
                if (p.Length > len && p.Contains(destination)) { prefix = p; len = p.Length; }
            return len >= 0;
        }

        /// <summary>The longest prefix of <paramref name="route"/> containing <paramref name="destination"/> (for a route known to cover it).</summary>
        public static IpPrefix MatchingPrefix(EffectiveRoute route, IpAddressValue destination)
        {
            IpPrefix best = default;
            int len = -1;
            foreach (var p in route.PrefixArray)
                if (p.Length > len && p.Contains(destination)) { best = p; len = p.Length; }
            return best;
        }
    }

    /// <summary>The reference lookup: scans every Active route of the subnet for every destination.</summary>
    internal sealed class ScalarPathRouteLookup : PathRouteLookup
    {
        public ScalarPathRouteLookup(EffectiveRouteCalculator calculator) : base(calculator) { }

        private readonly List<int> _indices = new List<int>();
        private readonly Dictionary<Subnet, EffectiveRoute[]> _lists = new Dictionary<Subnet, EffectiveRoute[]>();

        public override void Winners(Subnet subnet, IpAddressValue destination, List<EffectiveRoute> winners)
        {
            // The table's rows in order, read once (a layered table's indexer is not constant-time).
            if (!_lists.TryGetValue(subnet, out var routes)) _lists[subnet] = routes = TableOf(subnet).Routes.ToArray();
            ScalarRouteLookup.Lookup(routes, destination, _indices);
            winners.Clear();
            foreach (var i in _indices) winners.Add(routes[i]);
        }
    }
}
