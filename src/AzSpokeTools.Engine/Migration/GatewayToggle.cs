using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Engine.Migration
{
    /// <summary>
    /// An ExpressRoute gateway setting that enables the MSEE hairpin (allowRemoteVnetTraffic, azure-routing-rules.md §6.1),
    /// left in place while the hairpin remains the fallback, and the change to make once every wave is validated.
    /// </summary>
    public sealed class GatewayToggle
    {
        internal GatewayToggle(VirtualNetworkGateway gateway, bool? current)
        {
            Gateway = gateway; Current = current;
        }

        public VirtualNetworkGateway Gateway { get; }
        public string Property => "allowRemoteVnetTraffic";
        /// <summary>The value read (null: absent, legacy gateways behave as true).</summary>
        public bool? Current { get; }
        public string During => "leave as is: the hairpin stays the fallback (ConnectedGroup routes beat the BGP routes it brings; Azure docs: \"Virtual network traffic routing\" > \"How Azure selects a route\")";
        public string After => "set to false after the final wave is validated, if no VNet outside the mesh still needs VNet-to-VNet over ExpressRoute";
        public string Command => $"az network vnet-gateway update --ids {Gateway.Id.Value} --allow-remote-vnet-traffic false";
    }
}
