using AzSpokeTools.Engine.Addresses;
using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Engine.Readiness
{
    /// <summary>What a mesh does to a user-defined route for one pair of members.</summary>
    internal enum RouteImpactKind
    {
        /// <summary>The UDR's prefix is equal to or longer than the destination's prefix: it wins over the ConnectedGroup route and keeps the pair (or part of it) off the mesh.</summary>
        KeepsPairOffMesh,
        /// <summary>The UDR is a summary (shorter prefix): the more specific ConnectedGroup route bypasses it, so the transit (and its inspection) is silently lost.</summary>
        BypassedByMesh,
    }

    /// <summary>One user-defined route's effect on traffic from one member subnet to another member's prefix.</summary>
    internal sealed class RouteImpact
    {
        internal RouteImpact(RouteImpactKind kind, VirtualNetwork source, Subnet subnet, RouteTable table, UserRoute route, IpPrefix routePrefix,
            VirtualNetwork destination, IpPrefix destinationPrefix)
        {
            Kind = kind; Source = source; Subnet = subnet; RouteTable = table; Route = route; RoutePrefix = routePrefix;
            Destination = destination; DestinationPrefix = destinationPrefix;
        }

        public RouteImpactKind Kind { get; }
        public VirtualNetwork Source { get; }
        public Subnet Subnet { get; }
        public RouteTable RouteTable { get; }
        public UserRoute Route { get; }
        public IpPrefix RoutePrefix { get; }
        public VirtualNetwork Destination { get; }
        public IpPrefix DestinationPrefix { get; }
    }
}
