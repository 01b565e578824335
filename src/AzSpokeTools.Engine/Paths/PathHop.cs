namespace AzSpokeTools.Engine.Paths
{
    /// <summary>One hop of a path: where the packet is, the resource, and the route that moved it on (null where no lookup happens).</summary>
    public sealed class PathHop
    {
        internal PathHop(PathHopRole role, string location, string resourceId, PathRoute? route)
        {
            Role = role;
            Location = location;
            ResourceId = resourceId;
            Route = route;
        }

        /// <summary>What the hop is (subnet, appliance, gateway ...).</summary>
        public PathHopRole Role { get; }
        /// <summary>A readable name: "vnet/subnet", a device or gateway name, "MSEE of circuit".</summary>
        public string Location { get; }
        /// <summary>The resource of the hop.</summary>
        public string ResourceId { get; }
        /// <summary>The route that moved the packet on, when one did.</summary>
        public PathRoute? Route { get; }

        /// <inheritdoc/>
        public override string ToString() => $"{Role} {Location}" + (Route != null ? $" [{Route}]" : "");
    }
}
