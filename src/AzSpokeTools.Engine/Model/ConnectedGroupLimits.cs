namespace AzSpokeTools.Engine.Model
{
    /// <summary>The platform's limits on a connected group, in one place (docs/routing-model.md#connected-group-limits).</summary>
    internal static class ConnectedGroupLimits
    {
        /// <summary>
        /// VNets in one connected group without the high-scale feature: 250. Azure docs, "Limitations with Azure Virtual
        /// Network Manager" > "Connected group limitations".
        /// </summary>
        public const int VirtualNetworks = 250;
    }
}
