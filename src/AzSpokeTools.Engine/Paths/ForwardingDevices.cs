using System.Collections.Generic;
using System.Linq;
using AzSpokeTools.Engine.Addresses;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Routing;

namespace AzSpokeTools.Engine.Paths
{
    /// <summary>Which device owns a private IP (docs/routing-model.md#next-hop-types: a NIC or an internal load balancer; Azure Firewall; hub firewalls and NVAs).</summary>
    internal sealed class ForwardingDevices
    {
        private readonly Dictionary<IpAddressValue, ForwardingDevice> _byIp = new Dictionary<IpAddressValue, ForwardingDevice>();
        private readonly Dictionary<ResourceId, ForwardingDevice> _byId = new Dictionary<ResourceId, ForwardingDevice>();

        public ForwardingDevices(RoutingContext ctx)
        {
            var topology = ctx.Topology;
            foreach (var f in topology.AzureFirewalls)
            {
                var d = new ForwardingDevice { Id = f.Id, Name = f.Name };
                if (f.VirtualHubId is ResourceId hubId)
                {
                    d.Kind = ForwardingDeviceKind.HubFirewall;
                    d.Hub = topology.VirtualHubs.FirstOrDefault(h => h.Id == hubId);
                }
                else
                {
                    d.Kind = ForwardingDeviceKind.AzureFirewall;
                    if (f.SubnetId is ResourceId sid)
                    {
                        if (ctx.Subnets.TryGetValue(sid, out var s)) d.Subnet = s;
                        else d.MissingSubnetId = sid;
                    }
                }
                Add(d, f.PrivateIpAddresses);
            }
            foreach (var n in topology.NetworkVirtualAppliances)
            {
                var d = new ForwardingDevice { Id = n.Id, Name = n.Name, Kind = ForwardingDeviceKind.HubAppliance };
                if (n.VirtualHubId is ResourceId hubId) d.Hub = topology.VirtualHubs.FirstOrDefault(h => h.Id == hubId);
                Add(d, n.PrivateIpAddresses);
            }
            var backends = new Dictionary<ResourceId, List<NetworkInterface>>();
            foreach (var nic in topology.NetworkInterfaces)
            {
                foreach (var c in nic.IpConfigurations)
                {
                    foreach (var pool in c.LoadBalancerBackendAddressPoolIds)
                        if (pool.Parent is ResourceId lb)
                        {
                            if (!backends.TryGetValue(lb, out var list)) backends[lb] = list = new List<NetworkInterface>();
                            if (!list.Contains(nic)) list.Add(nic);
                        }
                    if (c.PrivateIpAddress is not IpAddressValue ip || _byIp.ContainsKey(ip)) continue;
                    var d = new ForwardingDevice { Id = nic.Id, Name = nic.Name, Kind = ForwardingDeviceKind.NetworkInterface, Nic = nic };
                    if (c.SubnetId is ResourceId sid)
                    {
                        if (ctx.Subnets.TryGetValue(sid, out var s)) d.Subnet = s;
                        else d.MissingSubnetId = sid;
                    }
                    _byIp[ip] = d;
                    _byId[nic.Id] = d;
                }
            }
            foreach (var lb in topology.LoadBalancers)
            {
                foreach (var fe in lb.Frontends)
                {
                    var d = new ForwardingDevice { Id = lb.Id, Name = lb.Name, Kind = ForwardingDeviceKind.LoadBalancer };
                    if (backends.TryGetValue(lb.Id, out var list)) d.Backends.AddRange(list);
                    d.DeclaresEmptyBackends = lb.BackendPoolMembers != null && lb.BackendPoolMembers.Values.All(n => n == 0);
                    // Backends forward by their own subnet's routes; the frontend's subnet stands in when none is known.
                    var backendSubnet = d.Backends.SelectMany(n => n.IpConfigurations).Select(c => c.SubnetId).FirstOrDefault(x => x != null);
                    var sid = backendSubnet ?? fe.SubnetId;
                    if (sid is ResourceId s2)
                    {
                        if (ctx.Subnets.TryGetValue(s2, out var s)) d.Subnet = s;
                        else d.MissingSubnetId = s2;
                    }
                    if (!_byIp.ContainsKey(fe.PrivateIpAddress)) _byIp[fe.PrivateIpAddress] = d;
                }
            }
        }

        private void Add(ForwardingDevice d, IEnumerable<IpAddressValue> ips)
        {
            _byId[d.Id] = d;
            foreach (var ip in ips)
                if (!_byIp.ContainsKey(ip)) _byIp[ip] = d;
        }

        public ForwardingDevice? ByIp(IpAddressValue ip) => _byIp.TryGetValue(ip, out var d) ? d : null;

        public ForwardingDevice? ById(ResourceId id) => _byId.TryGetValue(id, out var d) ? d : null;
    }
}
