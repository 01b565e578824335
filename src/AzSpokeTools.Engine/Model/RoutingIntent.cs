using System;
using System.Collections.Generic;
using System.Linq;
using AzSpokeTools.Engine.Input;

namespace AzSpokeTools.Engine.Model
{
    /// <summary>virtualHubs/routingIntent: at most one Internet and one PrivateTraffic policy (docs/routing-model.md#spoke-to-spoke-through-a-hub).</summary>
    public sealed class RoutingIntent : AzureResource
    {
        /// <summary>The virtual hub.</summary>
        public ResourceId HubId { get; internal set; }
        /// <summary>The routing policies.</summary>
        public List<RoutingPolicy> Policies { get; } = new List<RoutingPolicy>();

        /// <summary>The next hop (firewall/NVA id) for private traffic, if a PrivateTraffic policy exists.</summary>
        public ResourceId? PrivateTrafficNextHop =>
            Policies.FirstOrDefault(p => p.Destinations.Any(d => string.Equals(d, "PrivateTraffic", StringComparison.OrdinalIgnoreCase)))?.NextHop;

        /// <summary>The next hop of internet traffic, when a policy sets one.</summary>
        public ResourceId? InternetNextHop =>
            Policies.FirstOrDefault(p => p.Destinations.Any(d => string.Equals(d, "Internet", StringComparison.OrdinalIgnoreCase)))?.NextHop;

        internal static RoutingIntent Read(ArmValue n, ResourceId id, string type)
        {
            var ri = new RoutingIntent();
            ri.ReadCommon(n, id, type);
            ri.HubId = id.Parent ?? id;
            foreach (var p in n.Objects("routingPolicies", "a routing policy"))
            {
                ri.Policies.Add(new RoutingPolicy
                {
                    Name = p.Str("name") ?? "",
                    Destinations = p.Strings("destinations"),
                    NextHop = p.Str("nextHop") is string nh && ResourceId.TryParse(nh, out var nhId) ? nhId : (ResourceId?)null,
                });
            }
            return ri;
        }
    }

    /// <summary>One routing policy: destinations (Internet, PrivateTraffic) and a next hop resource.</summary>
    public sealed class RoutingPolicy
    {
        /// <summary>The policy's name.</summary>
        public string Name { get; internal set; } = "";
        /// <summary>PrivateTraffic and/or Internet.</summary>
        public IReadOnlyList<string> Destinations { get; internal set; } = new List<string>();
        /// <summary>The firewall or NVA that receives the traffic.</summary>
        public ResourceId? NextHop { get; internal set; }
    }
}
