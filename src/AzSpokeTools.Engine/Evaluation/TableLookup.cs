using System;
using System.Collections.Generic;
using AzSpokeTools.Engine.Addresses;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Routing;

namespace AzSpokeTools.Engine.Evaluation
{
    /// <summary>
    /// Longest-prefix-match lookups on one effective route table, answering exactly as
    /// <see cref="ScalarRouteLookup"/> does over <see cref="EffectiveRouteTable.Routes"/>. A table whose gateway or
    /// hub-router routes are a shared layer is compiled as its own rows plus the layer, which is compiled once for
    /// every table that shares it: a spoke behind an ExpressRoute hub does not recompile the thousands of routes
    /// it learns.
    /// </summary>
    internal sealed class TableLookup
    {
        private readonly IReadOnlyList<EffectiveRoute> _routes;
        private readonly CompiledRouteTable _own;
        private readonly LayeredRouteList? _layers;
        private readonly CompiledRouteTable? _shared;

        private TableLookup(IReadOnlyList<EffectiveRoute> routes, CompiledRouteTable own, LayeredRouteList? layers, CompiledRouteTable? shared)
        {
            _routes = routes;
            _own = own;
            _layers = layers;
            _shared = shared;
        }

        /// <summary>Compiles <paramref name="table"/>, sharing compiled tables with identical content through <paramref name="cache"/>.</summary>
        public static TableLookup For(EffectiveRouteTable table, CompiledRouteTableCache cache)
        {
            if (table == null) throw new ArgumentNullException(nameof(table));
            if (cache == null) throw new ArgumentNullException(nameof(cache));
            var layers = table.Layers;
            if (layers == null) return new TableLookup(table.Routes, cache.GetOrCompile(table.Routes), null, null);
            return new TableLookup(table.Routes, cache.GetOrCompile(layers.Own), layers, CompiledRouteTable.Of(layers.Shared));
        }

        /// <summary>The routes the returned indices refer to.</summary>
        public IReadOnlyList<EffectiveRoute> Routes => _routes;

        /// <summary>Fills <paramref name="winners"/> (cleared first) with the indices into <see cref="Routes"/> of the routes carrying a packet to <paramref name="destination"/>; empty when none does.</summary>
        public void Lookup(IpAddressValue destination, List<int> winners)
        {
            winners.Clear();
            int ownId = _own.Lookup(destination);
            if (_layers == null)
            {
                if (ownId != CompiledRouteTable.NoRoute) winners.AddRange(_own.GetWinners(ownId));
                return;
            }
            int ownLength = ownId == CompiledRouteTable.NoRoute ? -1 : MatchLength(_layers.Own[_own.GetWinners(ownId)[0]], destination);
            int sharedId = _shared!.Lookup(destination);
            int sharedLength = -1;
            IReadOnlyList<int>? shared = null;
            if (sharedId != CompiledRouteTable.NoRoute)
            {
                shared = _shared.GetWinners(sharedId);
                foreach (var i in shared)
                    if (!Usable(i))
                    {
                        // The layer's best match is excluded or overridden in this table: probe the shorter prefixes that contain the destination.
                        shared = NextUsable(destination, MatchLength(_layers.Shared.Routes[i], destination) - 1);
                        break;
                    }
                if (shared != null) sharedLength = MatchLength(_layers.Shared.Routes[shared[0]], destination);
            }
            if (ownLength >= sharedLength && ownId != CompiledRouteTable.NoRoute) winners.AddRange(_own.GetWinners(ownId));
            if (sharedLength >= ownLength && shared != null)
                foreach (var i in shared) winners.Add(_layers.ListIndexOfShared(i));
        }

        /// <summary>The indices of the winning routes (a new list); see <see cref="Lookup(IpAddressValue, List{int})"/>.</summary>
        public List<int> Lookup(IpAddressValue destination)
        {
            var winners = new List<int>();
            Lookup(destination, winners);
            return winners;
        }

        private bool Usable(int sharedIndex) => !_layers!.IsExcluded(sharedIndex) && _layers.SharedAt(sharedIndex).State == RouteState.Active;

        /// <summary>The usable shared routes with the longest prefix of at most <paramref name="maxLength"/> bits that contains the destination, or null.</summary>
        private IReadOnlyList<int>? NextUsable(IpAddressValue destination, int maxLength)
        {
            for (int length = maxLength; length >= 0; length--)
            {
                var found = new List<int>();
                foreach (var i in _layers!.Shared.Exactly(new IpPrefix(destination, length)))
                    if (Usable(i)) found.Add(i);
                if (found.Count > 0) return found;
            }
            return null;
        }

        private static int MatchLength(EffectiveRoute route, IpAddressValue destination)
        {
            int best = -1;
            foreach (var p in route.Prefixes)
                if (p.Contains(destination) && p.Length > best) best = p.Length;
            return best;
        }
    }
}
