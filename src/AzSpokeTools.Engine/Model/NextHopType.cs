namespace AzSpokeTools.Engine.Model
{
    /// <summary>
    /// Next hop types exactly as Azure's effective-routes API returns them
    /// (docs/routing-model.md#effective-routes-and-next-hop-apis). <c>ToString()</c> gives the API string.
    /// </summary>
    public enum NextHopType
    {
        VnetLocal,
        VNetPeering,
        VNetGlobalPeering,
        ConnectedGroup,
        VirtualNetworkGateway,
        VirtualAppliance,
        Internet,
        None,
        VirtualNetworkServiceEndpoint,
        InterfaceEndpoint,
    }
}
