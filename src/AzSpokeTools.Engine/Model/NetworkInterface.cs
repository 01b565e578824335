using System.Collections.Generic;
using AzSpokeTools.Engine.Addresses;
using AzSpokeTools.Engine.Input;

namespace AzSpokeTools.Engine.Model
{
    /// <summary>Microsoft.Network/networkInterfaces: IP configurations and IP forwarding.</summary>
    public sealed class NetworkInterface : AzureResource
    {
        /// <summary>docs/routing-model.md#next-hop-types: a NIC that forwards traffic for others must have enableIPForwarding.</summary>
        public bool EnableIPForwarding { get; internal set; }
        /// <summary>The NIC's IP configurations.</summary>
        public List<NicIpConfiguration> IpConfigurations { get; } = new List<NicIpConfiguration>();
        /// <summary>The VM the NIC is attached to.</summary>
        public ResourceId? VirtualMachineId { get; internal set; }
        /// <summary>The private endpoint that owns the NIC, when one does.</summary>
        public ResourceId? PrivateEndpointId { get; internal set; }
        /// <summary>The network security group associated with the NIC, if any.</summary>
        public ResourceId? NetworkSecurityGroupId { get; internal set; }

        internal static NetworkInterface Read(ArmValue n, ResourceId id, string type)
        {
            var nic = new NetworkInterface();
            nic.ReadCommon(n, id, type);
            nic.EnableIPForwarding = n.Bool("enableIPForwarding") ?? false;
            nic.VirtualMachineId = n.Ref("virtualMachine");
            nic.PrivateEndpointId = n.Ref("privateEndpoint");
            nic.NetworkSecurityGroupId = n.Ref("networkSecurityGroup");
            foreach (var c in n.Objects("ipConfigurations", "an IP configuration"))
            {
                var cfg = new NicIpConfiguration
                {
                    Name = c.Own("name")?.AsString() ?? "",
                    SubnetId = c.Ref("subnet"),
                    Primary = c.Bool("primary") ?? false,
                    Source = c.Location,
                };
                var ip = c.Str("privateIPAddress");
                if (ip != null)
                {
                    if (IpAddressValue.TryParse(ip, out var addr)) cfg.PrivateIpAddress = addr;
                    // An ipConfiguration with privateIPAddressPrefixLength carries a prefix ("172.20.2.16/28").
                    else if (IpPrefix.TryParse(ip, out var block))
                    {
                        cfg.PrivateIpAddress = block.Network;
                        cfg.PrivateIpAddressPrefix = block;
                    }
                    else n.Context.Error(c.Get("privateIPAddress")!.Value.Location, $"'{ip}' is not an IP address or a prefix in network form");
                }
                var pools = new List<ResourceId>();
                foreach (var pool in c.Array("loadBalancerBackendAddressPools"))
                    if (ResourceId.TryParse(pool.Own("id")?.AsString(), out var pid)) pools.Add(pid);
                cfg.LoadBalancerBackendAddressPoolIds = pools;
                cfg.ApplicationSecurityGroupIds = SecurityRule.Refs(c, "applicationSecurityGroups");
                nic.IpConfigurations.Add(cfg);
            }
            return nic;
        }
    }

    /// <summary>One IP configuration of a NIC.</summary>
    public sealed class NicIpConfiguration
    {
        /// <summary>The configuration's name.</summary>
        public string Name { get; internal set; } = "";
        /// <summary>The private IP address.</summary>
        public IpAddressValue? PrivateIpAddress { get; internal set; }
        /// <summary>The block an IP configuration with privateIPAddressPrefixLength holds (e.g. 172.20.2.16/28); null for a single address.</summary>
        public IpPrefix? PrivateIpAddressPrefix { get; internal set; }
        /// <summary>The subnet.</summary>
        public ResourceId? SubnetId { get; internal set; }
        /// <summary>True for the NIC's primary configuration.</summary>
        public bool Primary { get; internal set; }
        /// <summary>The load balancer backend pools the configuration is in.</summary>
        public IReadOnlyList<ResourceId> LoadBalancerBackendAddressPoolIds { get; internal set; } = new List<ResourceId>();
        /// <summary>The application security groups the IP configuration belongs to.</summary>
        public IReadOnlyList<ResourceId> ApplicationSecurityGroupIds { get; internal set; } = new List<ResourceId>();
        /// <summary>Where the IP configuration was read.</summary>
        public SourceLocation Source { get; internal set; }
    }
}
