using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Engine.Paths
{
    /// <summary>Where a packet is during a trace; interned per tracer so that memo tables can index by <see cref="Index"/>.</summary>
    internal sealed class TraceLocation
    {
        public TraceLocation(int index, TraceLocationKind kind, object target, object? via = null)
        {
            Index = index;
            Kind = kind;
            Target = target;
            Via = via;
        }

        public int Index { get; }
        public TraceLocationKind Kind { get; }
        /// <summary>Subnet, ForwardingDevice, VirtualNetworkGateway or VirtualHub.</summary>
        public object Target { get; }
        /// <summary>For a hub router: the ingress HubVirtualNetworkConnection (null after the hub firewall).</summary>
        public object? Via { get; }

        public Subnet Subnet => (Subnet)Target;
        public ForwardingDevice Device => (ForwardingDevice)Target;
        public VirtualNetworkGateway Gateway => (VirtualNetworkGateway)Target;
        public VirtualHub Hub => (VirtualHub)Target;

        public override string ToString() => Kind + " " + Target;
    }

    internal enum TraceLocationKind
    {
        /// <summary>A lookup in a subnet's effective routes.</summary>
        Subnet,
        /// <summary>At a forwarding device (NVA NIC, Azure Firewall, internal load balancer, secured-hub firewall).</summary>
        Appliance,
        /// <summary>At a VPN gateway, which forwards by its VNet's routes.</summary>
        VpnGateway,
        /// <summary>At an ExpressRoute gateway sending to the MSEE.</summary>
        ExpressRouteGateway,
        /// <summary>At a Virtual WAN hub router.</summary>
        VirtualHubRouter,
    }
}
