using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Engine.Migration
{
    /// <summary>
    /// An ExpressRoute gateway setting that enables the MSEE hairpin (allowRemoteVnetTraffic: Azure docs, "About ExpressRoute virtual
    /// network gateways"), left in place while the hairpin remains the fallback; the decommission phase decides whether it can go.
    /// </summary>
    public sealed class GatewayToggle
    {
        internal GatewayToggle(VirtualNetworkGateway gateway, bool? current)
        {
            Gateway = gateway; Current = current;
        }

        /// <summary>The gateway whose setting changes.</summary>
        public VirtualNetworkGateway Gateway { get; }
        /// <summary>The setting that changes.</summary>
        public string Property => "allowRemoteVnetTraffic";
        /// <summary>The value read (null: absent, legacy gateways behave as true).</summary>
        public bool? Current { get; }
        /// <summary>Its value during the migration.</summary>
        public string During => "leave as is: the hairpin stays the fallback (ConnectedGroup routes beat the BGP routes it brings; Azure docs: \"Virtual network traffic routing\" > \"How Azure selects a route\")";
        /// <summary>Its value after the migration.</summary>
        public string After => "set to false in the decommission phase, after the soak, when no pair goes through the MSEE hairpin any more";
        /// <summary>The command that makes the change.</summary>
        public string Command => $"az network vnet-gateway update --ids {Gateway.Id.Value} --allow-remote-vnet-traffic false";
    }
}
