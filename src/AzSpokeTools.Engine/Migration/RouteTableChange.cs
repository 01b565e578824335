using System.Collections.Generic;
using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Engine.Migration
{
    /// <summary>What the plan does with a user-defined route that the mesh affects.</summary>
    public enum RouteTableAction
    {
        /// <summary>Remove: a gateway route that would keep pairs on the hairpin (needed to move them to the mesh).</summary>
        Remove,
        /// <summary>Keep: an appliance route as specific as the member prefix, kept deliberately so the pairs stay inspected.</summary>
        KeepForInspection,
        /// <summary>Kept (it still serves other destinations) but the mesh bypasses it for the listed pairs: inspection is lost.</summary>
        KeepBypassed,
    }

    /// <summary>One route-table change (or deliberate non-change) of the plan.</summary>
    public sealed class RouteTableChange
    {
        internal RouteTableChange(RouteTableAction action, RouteTable table, UserRoute route, IReadOnlyList<(VirtualNetwork From, VirtualNetwork To)> pairs, string reason)
        {
            Action = action; RouteTable = table; Route = route; Pairs = pairs; Reason = reason;
        }

        /// <summary>Remove the route, keep it for inspection, or keep it although the mesh bypasses it.</summary>
        public RouteTableAction Action { get; }
        /// <summary>The route table holding the route.</summary>
        public RouteTable RouteTable { get; }
        /// <summary>The route.</summary>
        public UserRoute Route { get; }
        /// <summary>The member pairs the route affects.</summary>
        public IReadOnlyList<(VirtualNetwork From, VirtualNetwork To)> Pairs { get; }
        /// <summary>Why, citing the documentation.</summary>
        public string Reason { get; }
        /// <summary>The wave in which the change is made (removals happen with the wave that adds the later member of a pair).</summary>
        public int Wave { get; internal set; }
    }
}
