using System.Collections.Generic;
using AzSpokeTools.Engine.Input;

namespace AzSpokeTools.Engine.Model
{
    /// <summary>virtualHubs/hubRouteTables: labels, static routes, and the connections associated or propagating (docs/routing-model.md#virtual-wan-hub-routing).</summary>
    public sealed class HubRouteTable : AzureResource
    {
        /// <summary>The virtual hub.</summary>
        public ResourceId HubId { get; internal set; }
        /// <summary>The table's labels.</summary>
        public IReadOnlyList<string> Labels { get; internal set; } = new List<string>();
        /// <summary>The connections associated with the table.</summary>
        public IReadOnlyList<ResourceId> AssociatedConnections { get; internal set; } = new List<ResourceId>();
        /// <summary>The connections that propagate to the table.</summary>
        public IReadOnlyList<ResourceId> PropagatingConnections { get; internal set; } = new List<ResourceId>();
        /// <summary>The table's static routes.</summary>
        public List<HubRoute> Routes { get; } = new List<HubRoute>();

        internal static HubRouteTable Read(ArmValue n, ResourceId id, string type)
        {
            var t = new HubRouteTable();
            t.ReadCommon(n, id, type);
            t.HubId = id.Parent ?? id;
            t.Labels = n.Strings("labels");
            t.AssociatedConnections = Ids(n.Strings("associatedConnections"));
            t.PropagatingConnections = Ids(n.Strings("propagatingConnections"));
            foreach (var r in n.Objects("routes", "a route"))
            {
                t.Routes.Add(new HubRoute
                {
                    Name = r.Str("name") ?? "",
                    DestinationType = r.Str("destinationType") ?? "CIDR",
                    Destinations = r.Strings("destinations"),
                    NextHopType = r.Str("nextHopType") ?? "",
                    NextHop = r.Str("nextHop") is string nh && ResourceId.TryParse(nh, out var nhId) ? nhId : (ResourceId?)null,
                });
            }
            return t;
        }

        private static List<ResourceId> Ids(List<string> texts)
        {
            var list = new List<ResourceId>();
            foreach (var t in texts) if (ResourceId.TryParse(t, out var id)) list.Add(id);
            return list;
        }
    }

    /// <summary>A static route in a hub route table; destinations are CIDRs (or service tags).</summary>
    public sealed class HubRoute
    {
        /// <summary>The route's name.</summary>
        public string Name { get; internal set; } = "";
        /// <summary>CIDR, ResourceId or Service.</summary>
        public string DestinationType { get; internal set; } = "CIDR";
        /// <summary>The destinations.</summary>
        public IReadOnlyList<string> Destinations { get; internal set; } = new List<string>();
        /// <summary>ResourceId (a firewall, NVA or hub connection) or IPAddress.</summary>
        public string NextHopType { get; internal set; } = "";
        /// <summary>The next hop (a connection or firewall id, or an IP).</summary>
        public ResourceId? NextHop { get; internal set; }
    }
}
