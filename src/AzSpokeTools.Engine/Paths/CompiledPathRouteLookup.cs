using System.Collections.Generic;
using AzSpokeTools.Engine.Addresses;
using AzSpokeTools.Engine.Evaluation;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Routing;

namespace AzSpokeTools.Engine.Paths
{
    /// <summary>
    /// Lookups through <see cref="CompiledRouteTable"/>s, shared between subnets whose effective routes have the same content
    /// (<see cref="CompiledRouteTableCache"/>); winner sets are turned into routes once per subnet and set.
    /// </summary>
    internal sealed class CompiledPathRouteLookup : PathRouteLookup
    {
        private readonly CompiledRouteTableCache _cache = new CompiledRouteTableCache();
        private readonly Dictionary<Subnet, CompiledSubnetRoutes> _compiled = new Dictionary<Subnet, CompiledSubnetRoutes>();

        public CompiledPathRouteLookup(EffectiveRouteCalculator calculator) : base(calculator) { }

        public CompiledRouteTableCache Cache => _cache;

        /// <summary>Distinct compiled tables held (subnets with identical routes share one).</summary>
        public int DistinctTables => _cache.Count;

        private CompiledSubnetRoutes? _passingCompiled;

        protected override void OnPassingChanged() => _passingCompiled = null;

        public CompiledSubnetRoutes Compiled(Subnet subnet)
        {
            if (_compiled.TryGetValue(subnet, out var c)) return c;
            if (subnet == Passing)
            {
                // Compiled for the passing subnet alone: not shared through the cache, dropped with it.
                var own = TableOf(subnet).Routes;
                return _passingCompiled ??= new CompiledSubnetRoutes(RouteTableCompiler.Compile(own), own);
            }
            var routes = TableOf(subnet).Routes;
            _compiled[subnet] = c = new CompiledSubnetRoutes(_cache.GetOrCompile(routes), routes);
            return c;
        }

        public override void Winners(Subnet subnet, IpAddressValue destination, List<EffectiveRoute> winners)
        {
            var c = Compiled(subnet);
            winners.Clear();
            winners.AddRange(c.WinnersOf(c.Table.Lookup(destination)));
        }
    }

    /// <summary>A subnet's compiled table and its own route list (names and origins differ between subnets sharing a table).</summary>
    internal sealed class CompiledSubnetRoutes
    {
        private readonly IReadOnlyList<EffectiveRoute> _routes;
        private readonly List<EffectiveRoute>?[] _bySet;
        private static readonly List<EffectiveRoute> NoRoutes = new List<EffectiveRoute>();

        public CompiledSubnetRoutes(CompiledRouteTable table, IReadOnlyList<EffectiveRoute> routes)
        {
            Table = table;
            _routes = routes;
            _bySet = new List<EffectiveRoute>?[table.WinnerSetCount];
            _lengths = new int[table.WinnerSetCount];
        }

        private readonly int[] _lengths;

        /// <summary>The prefix length the winners of <paramref name="set"/> match with (the same for every address of the set's interval).</summary>
        public int Length(int set, IpAddressValue dst)
        {
            if (set == CompiledRouteTable.NoRoute) return -1;
            int l = _lengths[set];
            if (l > 0) return l - 1;
            // From the route indices, not WinnersOf: most sets are only ever asked for their length.
            int best = -1;
            foreach (var i in Table.WinnersArray(set))
                foreach (var p in _routes[i].PrefixArray)
                    if (p.Length > best && p.Contains(dst)) best = p.Length;
            _lengths[set] = best + 1;
            return best;
        }

        public CompiledRouteTable Table { get; }

        public List<EffectiveRoute> WinnersOf(int set)
        {
            if (set == CompiledRouteTable.NoRoute) return NoRoutes;
            var list = _bySet[set];
            if (list == null)
            {
                list = new List<EffectiveRoute>();
                foreach (var i in Table.WinnersArray(set)) list.Add(_routes[i]);
                _bySet[set] = list;
            }
            return list;
        }
    }
}
