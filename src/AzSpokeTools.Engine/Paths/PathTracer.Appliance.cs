using System.Collections.Generic;
using System.Linq;
using AzSpokeTools.Engine.Addresses;
using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Engine.Paths
{
    /// <summary>VirtualAppliance next hops: the device that owns the IP, its reachability and IP forwarding (docs/routing-model.md#next-hop-types).</summary>
    internal sealed partial class PathTracer
    {
        private void ToAppliance(Subnet subnet, EffectiveRoute route, string? ipText, IpAddressValue dst, TraceBuilder b, List<TraceEnd> ends)
        {
            if (ipText == null || !IpAddressValue.TryParse(ipText, out var ip))
            {
                // docs/routing-model.md#next-hop-types: a VirtualAppliance route needs nextHopIpAddress.
                b.Reason(PathReasonSeverity.Error, route.OriginId, $"route '{route.Name}' in {route.Origin} has next hop VirtualAppliance without a valid next hop IP ('{ipText}')",
                    $"give route '{route.Name}' the appliance's private IP");
                ends.Add(new TraceEnd(PathOutcome.Dropped, b));
                return;
            }
            var device = Devices.ByIp(ip);
            if (device == null)
            {
                ToMissingNextHop(route, ip, dst, b, ends);
                return;
            }
            if (!ApplianceReachable(subnet.VirtualNetwork, device, route, ip, b))
            {
                ends.Add(new TraceEnd(PathOutcome.Dropped, b));
                return;
            }
            Walk(Location(TraceLocationKind.Appliance, device), dst, b, ends);
        }

        /// <summary>
        /// docs/routing-model.md#next-hop-types: the next hop must have direct connectivity: the same VNet or a directly peered one
        /// (not through an ExpressRoute gateway or Virtual WAN); a hub firewall is reached from the hub's connected VNets (docs/routing-model.md#spoke-to-spoke-through-a-hub).
        /// </summary>
        private bool ApplianceReachable(VirtualNetwork from, ForwardingDevice device, EffectiveRoute route, IpAddressValue ip, TraceBuilder b)
        {
            if (device.Hub != null)
            {
                if (_ctx.HubConnectionsByVnet.TryGetValue(from.Id, out var hc) && (hc.Hub == device.Hub || hc.Hub.VirtualWanId == device.Hub.VirtualWanId)) return true;
                b.Reason(PathReasonSeverity.Error, device.Id.Value, $"{device.Name} ({ip}) is in virtual hub {device.Hub.Name}, which {from.Name} is not connected to",
                    $"connect {from.Name} to virtual hub {device.Hub.Name}");
                return false;
            }
            var vnet = device.VirtualNetwork;
            if (vnet == null)
            {
                b.Reason(PathReasonSeverity.Error, device.Id.Value, $"the subnet of {device.Name} ({device.MissingSubnetId}) is not in the snapshot");
                return false;
            }
            if (vnet == from) return true;
            if (_ctx.Peerings.TryGetValue((from.Id, vnet.Id), out var p) && _ctx.IsEstablished(p, out _))
            {
                if (b.Forwarded) CheckForwardedIngress(from, vnet, b);
                return PeeringAllows(p, b);
            }
            foreach (var cg in _ctx.ConnectedGroups.Of(from.Id))
                if (cg.Members.Contains(vnet) && _ctx.ConnectedGroups.IsDeployed(cg.Configuration, from.Location, out _))
                {
                    // docs/routing-model.md#appliance-across-a-connected-group: a next hop in a connected-group member VNet is undocumented.
                    b.Reason(PathReasonSeverity.Assumption, cg.Configuration.Id.Value, $"{device.Name} is in {vnet.Name}, reached over connected group {cg.Configuration.Name}; taken as direct connectivity (not documented by Azure)");
                    return true;
                }
            b.Reason(PathReasonSeverity.Error, route.OriginId,
                $"next hop {ip} ({device.Name} in {vnet.Name}) of route '{route.Name}' in {route.Origin} is not in {from.Name} or a directly peered VNet: the user-defined route is invalid (Azure docs: \"Virtual network traffic routing\" > \"User-defined\")",
                $"peer {from.Name} with {vnet.Name}, or point route '{route.Name}' at an appliance in a directly peered VNet");
            return false;
        }

        /// <summary>At the device: it must forward (NIC enableIPForwarding; Azure Firewall always forwards), then its own subnet's routes decide (docs/routing-model.md#next-hop-types).</summary>
        private void AtAppliance(ForwardingDevice device, IpAddressValue dst, TraceBuilder b, List<TraceEnd> ends)
        {
            b.Transits.Add(PathKind.Appliance);
            b.Devices.Add(device);
            b.Hop(PathHopRole.Appliance, device.Name, device.Id.Value, null);
            switch (device.Kind)
            {
                case ForwardingDeviceKind.NetworkInterface:
                    // docs/routing-model.md#next-hop-types: a NIC forwarding traffic not addressed to it needs enableIPForwarding.
                    if (!device.Nic!.EnableIPForwarding)
                    {
                        b.Reason(PathReasonSeverity.Error, device.Id.Value, $"network interface {device.Name} has enableIPForwarding false: Azure drops the packets it would forward (Azure docs: \"Virtual network traffic routing\" > \"User-defined\")",
                            $"enable IP forwarding on {device.Name} (and in the appliance's operating system)");
                        ends.Add(new TraceEnd(PathOutcome.Dropped, b));
                        return;
                    }
                    break;
                case ForwardingDeviceKind.LoadBalancer:
                    if (device.Backends.Count == 0)
                    {
                        if (device.DeclaresEmptyBackends)
                        {
                            // Azure docs, "Azure Load Balancer health probes" > "Probe down behavior": with no healthy instance in the
                            // backend pool no new flows are sent to it; an empty pool has none [INFER], so the packet is dropped.
                            b.Reason(PathReasonSeverity.Error, device.Id.Value, $"the backend pools of internal load balancer {device.Name} are empty: the packets it receives are dropped",
                                $"add the appliance NICs to a backend pool of {device.Name} (with a load-balancing rule, e.g. HA ports)");
                            ends.Add(new TraceEnd(PathOutcome.Dropped, b));
                            return;
                        }
                        b.Reason(PathReasonSeverity.Error, device.Id.Value, $"the backend pool members of load balancer {device.Name} are not in the snapshot");
                        ends.Add(new TraceEnd(PathOutcome.Unknown, b));
                        return;
                    }
                    var off = device.Backends.Where(n => !n.EnableIPForwarding).ToList();
                    if (off.Count == device.Backends.Count)
                    {
                        b.Reason(PathReasonSeverity.Error, device.Id.Value, $"no backend of load balancer {device.Name} has enableIPForwarding ({string.Join(", ", off.Select(n => n.Name))}) (Azure docs: \"Virtual network traffic routing\" > \"User-defined\")",
                            "enable IP forwarding on " + string.Join(", ", off.Select(n => n.Name)));
                        ends.Add(new TraceEnd(PathOutcome.Dropped, b));
                        return;
                    }
                    foreach (var n in off)
                        b.Reason(PathReasonSeverity.Warning, n.Id.Value, $"backend {n.Name} of {device.Name} has enableIPForwarding false: flows the load balancer sends to it are dropped (Azure docs: \"Virtual network traffic routing\" > \"User-defined\")",
                            $"enable IP forwarding on {n.Name}");
                    break;
            }
            b.Forwarded = true;
            if (device.Hub != null)
            {
                // docs/routing-model.md#spoke-to-spoke-through-a-hub: the secured hub's firewall forwards by the hub's routing to the destination connection.
                Walk(Location(TraceLocationKind.VirtualHubRouter, device.Hub, device), dst, b, ends);
                return;
            }
            if (device.Subnet == null)
            {
                b.Reason(PathReasonSeverity.Error, device.Id.Value, $"the subnet of {device.Name} ({device.MissingSubnetId}) is not in the snapshot");
                ends.Add(new TraceEnd(PathOutcome.Unknown, b));
                return;
            }
            if (OverRouteServerOverlay(device, dst, b, ends)) return;
            Walk(Location(TraceLocationKind.Subnet, device.Subnet), dst, b, ends);
        }
    }
}
