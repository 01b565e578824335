using System.Collections.Generic;
using AzSpokeTools.Engine.Addresses;
using AzSpokeTools.Engine.Snapshot;

namespace AzSpokeTools.Engine.Model
{
    /// <summary>Microsoft.Network/virtualHubs with its connections, route tables and routing intent.</summary>
    public sealed class VirtualHub : AzureResource
    {
        public IpPrefix? AddressPrefix { get; internal set; }
        public ResourceId? VirtualWanId { get; internal set; }
        public IReadOnlyList<IpAddressValue> VirtualRouterIps { get; internal set; } = new List<IpAddressValue>();
        public ResourceId? AzureFirewallId { get; internal set; }
        public List<HubVirtualNetworkConnection> Connections { get; } = new List<HubVirtualNetworkConnection>();
        public List<HubRouteTable> RouteTables { get; } = new List<HubRouteTable>();
        public RoutingIntent? RoutingIntent { get; internal set; }

        internal static VirtualHub Read(JsonNode n, ResourceId id, string type)
        {
            var h = new VirtualHub();
            h.ReadCommon(n, id, type);
            if (n.Str("addressPrefix") is string p)
            {
                if (IpPrefix.TryParse(p, out var prefix)) h.AddressPrefix = prefix;
                else n.Context.Error(n.Get("addressPrefix")!.Value.Location, IpPrefix.Describe(p)!);
            }
            h.VirtualWanId = n.Ref("virtualWan");
            h.AzureFirewallId = n.Ref("azureFirewall");
            var ips = new List<IpAddressValue>();
            foreach (var ip in n.Strings("virtualRouterIps"))
                if (IpAddressValue.TryParse(ip, out var a)) ips.Add(a);
            h.VirtualRouterIps = ips;
            return h;
        }
    }
}
