using System.Collections.Generic;
using AzSpokeTools.Engine.Addresses;
using AzSpokeTools.Engine.Input;

namespace AzSpokeTools.Engine.Model
{
    /// <summary>A subnet of a virtual network.</summary>
    public sealed class Subnet
    {
        /// <summary>The subnet's resource id.</summary>
        public ResourceId Id { get; internal set; }
        /// <summary>The subnet's name.</summary>
        public string Name { get; internal set; } = "";
        /// <summary>The VNet the subnet is in.</summary>
        public VirtualNetwork VirtualNetwork { get; internal set; } = null!;
        /// <summary>The subnet's prefixes.</summary>
        public IReadOnlyList<IpPrefix> AddressPrefixes { get; internal set; } = new List<IpPrefix>();
        /// <summary>The route table associated with the subnet.</summary>
        public ResourceId? RouteTableId { get; internal set; }
        /// <summary>The network security group associated with the subnet, if any.</summary>
        public ResourceId? NetworkSecurityGroupId { get; internal set; }
        /// <summary>Service endpoints: service name (e.g. Microsoft.Storage) and locations.</summary>
        public IReadOnlyList<ServiceEndpoint> ServiceEndpoints { get; internal set; } = new List<ServiceEndpoint>();
        /// <summary>privateEndpointNetworkPolicies: Disabled, Enabled, NetworkSecurityGroupEnabled, RouteTableEnabled.</summary>
        public string? PrivateEndpointNetworkPolicies { get; internal set; }
        /// <summary>The services the subnet is delegated to.</summary>
        public IReadOnlyList<string> Delegations { get; internal set; } = new List<string>();
        /// <summary>Where the subnet was read.</summary>
        public SourceLocation Source { get; internal set; }

        /// <summary>"vnet/subnet".</summary>
        public string DisplayName => VirtualNetwork.Name + "/" + Name;

        internal static Subnet? Read(ArmValue n, VirtualNetwork vnet)
        {
            var name = n.Own("name")?.AsString();
            var idText = n.Own("id")?.AsString();
            ResourceId id;
            if (!ResourceId.TryParse(idText, out id))
            {
                if (string.IsNullOrEmpty(name))
                {
                    n.Context.Error(n.Location, "subnet has neither id nor name");
                    return null;
                }
                id = vnet.Id.Child("subnets", name!);
            }
            var s = new Subnet { Id = id, Name = name ?? id.Name, VirtualNetwork = vnet, Source = n.Location };
            var prefixes = new List<IpPrefix>();
            if (n.Get("addressPrefix") is ArmValue single) prefixes.AddRange(single.Prefixes());
            if (n.Get("addressPrefixes") is ArmValue many)
                foreach (var p in many.Prefixes()) if (!prefixes.Contains(p)) prefixes.Add(p);
            if (prefixes.Count == 0) n.Context.Warn(n.Location, $"subnet {s.DisplayName} has no address prefix");
            s.AddressPrefixes = prefixes;
            s.RouteTableId = n.Ref("routeTable");
            s.NetworkSecurityGroupId = n.Ref("networkSecurityGroup");
            s.PrivateEndpointNetworkPolicies = n.Str("privateEndpointNetworkPolicies");
            var ses = new List<ServiceEndpoint>();
            foreach (var se in n.Array("serviceEndpoints"))
            {
                var service = se.Str("service");
                if (string.IsNullOrEmpty(service)) continue;
                ses.Add(new ServiceEndpoint(service!, se.Strings("locations")));
            }
            s.ServiceEndpoints = ses;
            var delegations = new List<string>();
            foreach (var d in n.Array("delegations"))
            {
                var sn = d.Str("serviceName");
                if (!string.IsNullOrEmpty(sn)) delegations.Add(sn!);
            }
            s.Delegations = delegations;
            return s;
        }

        /// <inheritdoc/>
        public override string ToString() => DisplayName;
    }

    /// <summary>A service endpoint enabled on a subnet.</summary>
    public sealed class ServiceEndpoint
    {
        /// <summary>A service endpoint for <paramref name="service"/> in <paramref name="locations"/>.</summary>
        public ServiceEndpoint(string service, IReadOnlyList<string> locations)
        {
            Service = service;
            Locations = locations;
        }

        /// <summary>The service, such as Microsoft.Storage.</summary>
        public string Service { get; }
        /// <summary>The regions the endpoint covers.</summary>
        public IReadOnlyList<string> Locations { get; }
    }
}
