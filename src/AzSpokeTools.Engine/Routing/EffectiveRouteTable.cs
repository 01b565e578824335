using System.Collections.Generic;
using System.Linq;
using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Engine.Routing
{
    /// <summary>
    /// The effective routes of one subnet or NIC, as Azure's effective-routes API would list them
    /// (EffectiveRouteListResult), with the assumptions made and the data the snapshot lacked.
    /// </summary>
    public sealed class EffectiveRouteTable
    {
        internal EffectiveRouteTable(ResourceId scope, Subnet subnet, IReadOnlyList<EffectiveRoute> routes,
            IReadOnlyList<string> assumptions, IReadOnlyList<string> unknowns)
        {
            Scope = scope;
            Subnet = subnet;
            Routes = routes;
            Assumptions = assumptions;
            Unknowns = unknowns;
        }

        /// <summary>The subnet or NIC the table was computed for.</summary>
        public ResourceId Scope { get; }
        /// <summary>The subnet the routes apply to.</summary>
        public Subnet Subnet { get; }
        /// <summary>The subnet's VNet.</summary>
        public VirtualNetwork VirtualNetwork => Subnet.VirtualNetwork;
        /// <summary>Every route, Active and Invalid, in the order Azure lists them.</summary>
        public IReadOnlyList<EffectiveRoute> Routes { get; }
        /// <summary>Assumptions the computation made where the snapshot is silent (e.g. AVNM deployment not captured).</summary>
        public IReadOnlyList<string> Assumptions { get; }
        /// <summary>Data the snapshot lacks that could change these routes (e.g. a route table not captured).</summary>
        public IReadOnlyList<string> Unknowns { get; }

        /// <summary>The routes that can carry traffic.</summary>
        public IEnumerable<EffectiveRoute> ActiveRoutes => Routes.Where(r => r.State == RouteState.Active);

        /// <summary>
        /// The rows that are the table's own (every route but the gateway and hub-router routes of a shared layer): user-defined,
        /// VNet, peering, connected-group and endpoint routes, without walking a layered table whole.
        /// </summary>
        internal IReadOnlyList<EffectiveRoute> OwnRoutes => Layers?.Own ?? Routes;

        /// <summary>The user-defined routes (Active or Invalid).</summary>
        internal IEnumerable<EffectiveRoute> UserRoutes => OwnRoutes.Where(r => r.Source == RouteSource.User);

        /// <summary>The table as own rows plus a shared layer, when it has one (for evaluators that compile the shared layer once).</summary>
        internal LayeredRouteList? Layers => Routes as LayeredRouteList;
    }
}
