using System;
using System.Collections.Generic;
using System.Linq;
using AzSpokeTools.Engine.Addresses;
using AzSpokeTools.Engine.Evaluation;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Routing;

namespace AzSpokeTools.Engine.Paths
{
    /// <summary>
    /// A source subnet's routes as the vector matrix looks them up: its own rows compiled (tables with the same content share
    /// one compiled table), and the shared layer of gateway / hub-router routes compiled once for every VNet that receives it.
    /// </summary>
    internal sealed class FirstHops
    {
        private int[] _changed = Array.Empty<int>();
        private int[] _changedSets = Array.Empty<int>();

        public CompiledSubnetRoutes Own { get; private set; } = null!;
        public SharedLayerLookup? Shared { get; private set; }

        public static FirstHops For(VectorPairEvaluator e, IReadOnlyList<EffectiveRoute> routes)
        {
            if (routes is LayeredRouteList layered)
            {
                var shared = e.SharedLookup(layered.Shared);
                var changed = layered.ChangedSharedIndices.Distinct().OrderBy(i => i).ToArray();
                return new FirstHops
                {
                    Own = new CompiledSubnetRoutes(e.CompileSourceRows(layered.Own), layered.Own),
                    Shared = shared,
                    _changed = changed,
                    _changedSets = changed.SelectMany(shared.SetsHolding).Distinct().OrderBy(x => x).ToArray(),
                };
            }
            return new FirstHops { Own = new CompiledSubnetRoutes(e.CompileSourceRows(routes), routes) };
        }

        /// <summary>The layer's winners of <paramref name="set"/> that this table keeps Active.</summary>
        public IEnumerable<EffectiveRoute> Valid(SharedLayerLookup shared, int set)
        {
            var indices = shared.Table.GetWinners(set);
            var routes = shared.WinnersOf(set);
            for (int k = 0; k < indices.Count; k++)
                if (_changed.Length == 0 || Array.BinarySearch(_changed, indices[k]) < 0) yield return routes[k];
        }

        /// <summary>True when this table leaves out or invalidates one of the layer's winners of <paramref name="set"/>.</summary>
        public bool Changes(int set)
        {
            return _changedSets.Length != 0 && Array.BinarySearch(_changedSets, set) >= 0;
        }
    }

    /// <summary>A shared route layer compiled once, with its batch results per destination and the first-hop action of each winner set.</summary>
    internal sealed class SharedLayerLookup
    {
        private readonly CompiledSubnetRoutes _routes;
        private int[]? _setsByDestination;
        private int[] _actions = Array.Empty<int>();

        public SharedLayerLookup(SharedRouteLayer layer)
        {
            Layer = layer;
            _routes = new CompiledSubnetRoutes(CompiledRouteTable.Of(layer), layer.Routes);
        }

        public SharedRouteLayer Layer { get; }

        private Dictionary<int, List<int>>? _setsByRoute;

        /// <summary>The winner sets that hold the layer's route <paramref name="index"/>.</summary>
        public IEnumerable<int> SetsHolding(int index)
        {
            if (_setsByRoute == null)
            {
                _setsByRoute = new Dictionary<int, List<int>>();
                for (int set = 0; set < Table.WinnerSetCount; set++)
                    foreach (var i in Table.GetWinners(set))
                    {
                        if (!_setsByRoute.TryGetValue(i, out var l)) _setsByRoute[i] = l = new List<int>(1);
                        l.Add(set);
                    }
            }
            return _setsByRoute.TryGetValue(index, out var list) ? list : Enumerable.Empty<int>();
        }
        public CompiledRouteTable Table => _routes.Table;

        public List<EffectiveRoute> WinnersOf(int set) => _routes.WinnersOf(set);

        public int Length(int set, IpAddressValue dst) => _routes.Length(set, dst);

        /// <summary>The layer's winner set for every destination of the matrix, looked up once for all sources.</summary>
        public int[] SetsByDestination(VectorPairEvaluator e) => _setsByDestination ??= e.LookupAll(Table);

        /// <summary>
        /// An id for what the winners of <paramref name="set"/> do: next hop type, source, origin and next hop IPs of each.
        /// Gateway and hub-router routes act the same whatever their prefix, so one first-hop plan serves every set with the same action.
        /// </summary>
        public int ActionOf(VectorPairEvaluator e, int set)
        {
            if (set >= _actions.Length) Array.Resize(ref _actions, Math.Max(set + 1, Table.WinnerSetCount));
            int a = _actions[set];
            if (a > 0) return a;
            var key = string.Join(";", WinnersOf(set).Select(r => $"{r.NextHopType}|{r.Source}|{r.OriginId}|{string.Join(",", r.NextHopIpAddress)}"));
            return _actions[set] = e.ActionId(key);
        }
    }
}
