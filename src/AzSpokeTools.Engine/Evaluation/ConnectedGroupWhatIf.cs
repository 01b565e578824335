using System.Collections.Generic;
using AzSpokeTools.Engine.Addresses;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Routing;

namespace AzSpokeTools.Engine.Evaluation
{
    /// <summary>
    /// One subnet's route selection today and with the ConnectedGroup routes a mesh would add, so that a question
    /// such as "does this user-defined route keep the pair off the mesh?" is answered by the same selection the
    /// engine uses everywhere (<see cref="RouteSelection"/> and the compiled longest-prefix lookup) instead of by
    /// re-deriving the precedence. docs/routing-model.md#route-selection.
    /// </summary>
    internal sealed class ConnectedGroupWhatIf
    {
        private readonly List<int> _winners = new List<int>();

        /// <param name="today">The subnet's effective routes as the calculator computed them.</param>
        /// <param name="meshPrefixes">Every address prefix the mesh would connect the subnet's VNet to.</param>
        /// <param name="context">The routing context of the topology (for the selection's documented exceptions).</param>
        /// <param name="cache">Compiled tables shared between subnets with the same routes.</param>
        public ConnectedGroupWhatIf(EffectiveRouteTable today, IEnumerable<IpPrefix> meshPrefixes, RoutingContext context, CompiledRouteTableCache cache)
        {
            Today = TableLookup.For(today, cache);
            var combined = new List<EffectiveRoute>(today.Routes);
            foreach (var p in meshPrefixes)
                // docs/routing-model.md#connected-group-routes: a connected group programs each member's address space as a ConnectedGroup system route.
                combined.Add(new EffectiveRoute(null, RouteSource.Default, EffectiveRoute.One(p), NextHopType.ConnectedGroup, origin: "mesh what-if"));
            var selected = RouteSelection.Select(combined, context);
            WithMesh = selected;
            _withMesh = CompiledRouteTable.Compile(selected);
        }

        private readonly CompiledRouteTable _withMesh;

        /// <summary>Today's lookup.</summary>
        public TableLookup Today { get; }

        /// <summary>The routes with the mesh's ConnectedGroup routes added and selection run again.</summary>
        public IReadOnlyList<EffectiveRoute> WithMesh { get; }

        /// <summary>The route selected today for <paramref name="address"/>, or null when none is.</summary>
        public EffectiveRoute? SelectedToday(IpAddressValue address)
        {
            Today.Lookup(address, _winners);
            return _winners.Count == 0 ? null : Today.Routes[_winners[0]];
        }

        /// <summary>The route selected for <paramref name="address"/> once the mesh's routes exist, or null when none is.</summary>
        public EffectiveRoute? SelectedWithMesh(IpAddressValue address)
        {
            var set = _withMesh.Lookup(address);
            return set == CompiledRouteTable.NoRoute ? null : WithMesh[_withMesh.GetWinners(set)[0]];
        }

        /// <summary>The address the questions ask about for <paramref name="prefix"/>: inside it, clear of the addresses Azure reserves at the start of a subnet.</summary>
        public static IpAddressValue Probe(IpPrefix prefix) => prefix.Network.Add(prefix.IsV6 || prefix.Length >= 30 ? 0UL : 4UL);
    }
}
