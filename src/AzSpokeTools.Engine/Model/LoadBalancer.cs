using System.Collections.Generic;
using AzSpokeTools.Engine.Addresses;
using AzSpokeTools.Engine.Input;

namespace AzSpokeTools.Engine.Model
{
    /// <summary>Microsoft.Network/loadBalancers: internal frontends that can be a UDR next hop in front of NVAs.</summary>
    public sealed class LoadBalancer : AzureResource
    {
        /// <summary>The frontend IP configurations.</summary>
        public List<LoadBalancerFrontend> Frontends { get; } = new List<LoadBalancerFrontend>();
        /// <summary>
        /// Members each backend pool declares (backendIPConfigurations and loadBalancerBackendAddresses), by pool name; null when
        /// the input does not list backendAddressPools at all.
        /// </summary>
        public IReadOnlyDictionary<string, int>? BackendPoolMembers { get; internal set; }

        internal static LoadBalancer Read(ArmValue n, ResourceId id, string type)
        {
            var lb = new LoadBalancer();
            lb.ReadCommon(n, id, type);
            foreach (var fe in n.Array("frontendIPConfigurations"))
            {
                var ip = fe.Str("privateIPAddress");
                if (ip == null || !IpAddressValue.TryParse(ip, out var addr)) continue;
                lb.Frontends.Add(new LoadBalancerFrontend
                {
                    Name = fe.Own("name")?.AsString() ?? "",
                    PrivateIpAddress = addr,
                    SubnetId = fe.Ref("subnet"),
                });
            }
            if (n.Get("backendAddressPools") is ArmValue pools && !pools.IsNull)
            {
                var members = new Dictionary<string, int>();
                foreach (var pool in pools.Items())
                {
                    if (!pool.IsObject) continue;
                    var name = pool.Own("name")?.AsString() ?? pool.Own("id")?.AsString() ?? "";
                    int count = 0;
                    foreach (var _ in pool.Array("backendIPConfigurations")) count++;
                    foreach (var _ in pool.Array("loadBalancerBackendAddresses")) count++;
                    members[name] = count;
                }
                lb.BackendPoolMembers = members;
            }
            return lb;
        }
    }

    /// <summary>An internal frontend IP of a load balancer.</summary>
    public sealed class LoadBalancerFrontend
    {
        /// <summary>The frontend's name.</summary>
        public string Name { get; internal set; } = "";
        /// <summary>The frontend's private IP address.</summary>
        public IpAddressValue PrivateIpAddress { get; internal set; }
        /// <summary>The subnet of the frontend.</summary>
        public ResourceId? SubnetId { get; internal set; }
    }
}
