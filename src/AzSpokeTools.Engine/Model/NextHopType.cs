namespace AzSpokeTools.Engine.Model
{
    /// <summary>
    /// Next hop types exactly as Azure's effective-routes API returns them
    /// (azure-routing-rules.md §1.4). <c>ToString()</c> gives the API string.
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
