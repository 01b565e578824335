namespace AzSpokeTools.Engine.Model
{
    /// <summary>Where an effective route comes from (EffectiveRouteSource in the REST spec).</summary>
    public enum RouteSource
    {
        /// <summary>A system route.</summary>
        Default,
        /// <summary>A user-defined route.</summary>
        User,
        /// <summary>A route a gateway programs (BGP, local network gateway, Route Server, Virtual WAN hub).</summary>
        VirtualNetworkGateway,
    }
}
