using System.Collections.Generic;
using AzSpokeTools.Engine.Addresses;
using AzSpokeTools.Engine.Input;

namespace AzSpokeTools.Engine.Model
{
    /// <summary>virtualHubs/hubVirtualNetworkConnections: a spoke VNet attached to a Virtual WAN hub (docs/routing-model.md#virtual-wan-hub-routing).</summary>
    public sealed class HubVirtualNetworkConnection : AzureResource
    {
        /// <summary>The virtual hub.</summary>
        public ResourceId HubId { get; internal set; }
        /// <summary>The connected VNet.</summary>
        public ResourceId? RemoteVirtualNetworkId { get; internal set; }
        /// <summary>True when the hub's default route is propagated to the VNet.</summary>
        public bool EnableInternetSecurity { get; internal set; }
        /// <summary>The hub route table the connection is associated with.</summary>
        public ResourceId? AssociatedRouteTableId { get; internal set; }
        /// <summary>The hub route tables the connection propagates to.</summary>
        public IReadOnlyList<ResourceId> PropagatedRouteTableIds { get; internal set; } = new List<ResourceId>();
        /// <summary>The labels the connection propagates to.</summary>
        public IReadOnlyList<string> PropagatedLabels { get; internal set; } = new List<string>();
        /// <summary>Static routes of the connection (to an NVA in the VNet).</summary>
        public List<HubStaticRoute> StaticRoutes { get; } = new List<HubStaticRoute>();

        internal static HubVirtualNetworkConnection Read(ArmValue n, ResourceId id, string type)
        {
            var c = new HubVirtualNetworkConnection();
            c.ReadCommon(n, id, type);
            c.HubId = id.Parent ?? id;
            c.RemoteVirtualNetworkId = n.Ref("remoteVirtualNetwork");
            c.EnableInternetSecurity = n.Bool("enableInternetSecurity") ?? true;
            if (n.Obj("routingConfiguration") is ArmValue rc)
            {
                c.AssociatedRouteTableId = rc.Ref("associatedRouteTable");
                if (rc.Obj("propagatedRouteTables") is ArmValue prt)
                {
                    var ids = new List<ResourceId>();
                    foreach (var item in prt.Array("ids"))
                        if (ResourceId.TryParse(item.Own("id")?.AsString(), out var rid)) ids.Add(rid);
                    c.PropagatedRouteTableIds = ids;
                    c.PropagatedLabels = prt.Strings("labels");
                }
                if (rc.Obj("vnetRoutes") is ArmValue vr)
                {
                    foreach (var sr in vr.Objects("staticRoutes", "a static route"))
                    {
                        c.StaticRoutes.Add(new HubStaticRoute
                        {
                            Name = sr.Str("name") ?? "",
                            AddressPrefixes = sr.Get("addressPrefixes") is ArmValue ap ? ap.Prefixes() : new List<IpPrefix>(),
                            NextHopIpAddress = sr.Str("nextHopIpAddress"),
                        });
                    }
                }
            }
            return c;
        }
    }

    /// <summary>A static route on a hub virtual network connection (next hop: an NVA IP in the spoke).</summary>
    public sealed class HubStaticRoute
    {
        /// <summary>The route's name.</summary>
        public string Name { get; internal set; } = "";
        /// <summary>The prefixes it routes.</summary>
        public IReadOnlyList<IpPrefix> AddressPrefixes { get; internal set; } = new List<IpPrefix>();
        /// <summary>The next hop IP address in the connected VNet.</summary>
        public string? NextHopIpAddress { get; internal set; }
    }
}
