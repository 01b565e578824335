namespace AzSpokeTools.Engine.Model
{
    /// <summary>Where an effective route comes from (EffectiveRouteSource in the REST spec).</summary>
    public enum RouteSource
    {
        Default,
        User,
        VirtualNetworkGateway,
    }
}
