namespace AzSpokeTools.Engine.Paths
{
    /// <summary>
    /// What a path traverses (docs/routing-model.md#vocabulary). A path's kind is its most significant
    /// transit in the order ExpressRouteHairpin, VpnGateway, Appliance, VirtualWanHub, Mesh, Direct, Local.
    /// </summary>
    public enum PathKind
    {
        Local,
        Direct,
        Mesh,
        Appliance,
        VpnGateway,
        ExpressRouteHairpin,
        VirtualWanHub,
        None,
    }
}
