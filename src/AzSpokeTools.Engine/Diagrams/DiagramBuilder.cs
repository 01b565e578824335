using System;
using System.Collections.Generic;
using System.Linq;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Paths;
using AzSpokeTools.Engine.Readiness;
using AzSpokeTools.Engine.Routing;

namespace AzSpokeTools.Engine.Diagrams
{
    /// <summary>
    /// Builds the <see cref="Diagram"/> of a topology: VNets grouped by region and by the hub they are peered to, devices in
    /// their VNet or Virtual WAN hub, ExpressRoute circuits (MSEE) outside the regions, AVNM connected groups, and optionally a
    /// path's forward and reverse steps. Everything is visited in snapshot order, so the same snapshot gives the same diagram.
    /// </summary>
    internal sealed class DiagramBuilder
    {
        private readonly Topology _topology;
        private readonly Diagram _diagram;
        private readonly Dictionary<ResourceId, DiagramNode> _byId = new Dictionary<ResourceId, DiagramNode>();
        private readonly Dictionary<string, DiagramCluster> _regions = new Dictionary<string, DiagramCluster>(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<ResourceId, DiagramCluster> _groupOf = new Dictionary<ResourceId, DiagramCluster>();
        private readonly HashSet<(string, string, DiagramEdgeKind)> _edgeKeys = new HashSet<(string, string, DiagramEdgeKind)>();
        private int _clusterCount;

        private DiagramBuilder(Topology topology, string title)
        {
            _topology = topology;
            _diagram = new Diagram(title, topology);
        }

        /// <summary>Above this many VNets a path is drawn with only the VNets it crosses and their hubs, unless VNets are chosen.</summary>
        public const int LargeEstate = 150;

        /// <summary>
        /// The diagram of <paramref name="topology"/>. <paramref name="virtualNetworks"/> (the selection of
        /// Test-MeshReadiness: names, wildcards, ids) limits it to those VNets and the hubs they are peered to; empty shows
        /// every VNet. With <paramref name="path"/> the VNets and devices on the path are always shown and its steps drawn.
        /// </summary>
        public static Diagram Build(Topology topology, IReadOnlyList<string>? virtualNetworks = null, PathResult? path = null)
        {
            if (topology == null) throw new ArgumentNullException(nameof(topology));
            var title = path != null
                ? $"{path.Source.Text} -> {path.Destination.Text}"
                : TopologyTitle(topology);
            var b = new DiagramBuilder(topology, title);
            b.Populate(Selected(topology, virtualNetworks, path));
            if (path != null) b.AddPath(path);
            return b._diagram;
        }

        /// <summary>What a picture of the whole topology is called: the snapshot file's name (sample:NAME gives NAME), else its source.</summary>
        internal static string TopologyTitle(Model.Topology topology)
        {
            if (topology.Files.Count == 1)
            {
                var file = topology.Files[0];
                if (Samples.SampleCatalog.IsSampleReference(file, out var sample)) return sample;
                return System.IO.Path.GetFileNameWithoutExtension(file);
            }
            return string.IsNullOrWhiteSpace(topology.SourceDescription) ? "Network topology" : topology.SourceDescription!;
        }

        private static HashSet<ResourceId> Selected(Topology topology, IReadOnlyList<string>? patterns, PathResult? path)
        {
            var hubs = new HubGroups(topology, Array.Empty<VirtualNetwork>()).Hubs;
            IReadOnlyList<VirtualNetwork> members;
            if (patterns != null && patterns.Count > 0) members = new MeshSelectionCriteria { VirtualNetwork = patterns }.Resolve(topology).Members;
            else if (path != null && topology.VirtualNetworks.Count > LargeEstate) members = Array.Empty<VirtualNetwork>();
            else return new HashSet<ResourceId>(topology.VirtualNetworks.Select(v => v.Id));
            var chosen = new HashSet<ResourceId>(members.Select(v => v.Id));
            // Context: the hubs the chosen VNets are peered to.
            foreach (var v in members)
                foreach (var p in v.Peerings)
                    if (p.RemoteVirtualNetworkId is ResourceId r && hubs.Contains(r)) chosen.Add(r);
            if (path != null)
                foreach (var h in path.Hops.Concat(path.Reverse?.Hops ?? Array.Empty<PathHop>()))
                    if (VnetOf(topology, h.ResourceId) is VirtualNetwork v)
                    {
                        chosen.Add(v.Id);
                        foreach (var p in v.Peerings)
                            if (p.RemoteVirtualNetworkId is ResourceId r && hubs.Contains(r)) chosen.Add(r);
                    }
            return chosen;
        }

        private void Populate(HashSet<ResourceId> selected)
        {
            var t = _topology;
            var vnets = t.VirtualNetworks.Where(v => selected.Contains(v.Id)).ToList();
            var vnetIds = new HashSet<ResourceId>(vnets.Select(v => v.Id));
            var groups = new HubGroups(t, vnets);
            var hubs = groups.Hubs;

            // Virtual WAN hubs and hub VNets get a box each in their region; a VNet joins the box of the hub it belongs to.
            foreach (var hub in t.VirtualHubs)
            {
                bool used = vnets.Any(v => groups.HubOf(v.Id) == hub.Id);
                if (!used && selected.Count != t.VirtualNetworks.Count) continue;
                var cluster = NewCluster(DiagramClusterKind.VirtualWanHub, "Virtual WAN hub " + hub.Name, Region(hub.Location));
                _groupOf[hub.Id] = cluster;
                var node = AddNode(hub.Id, DiagramNodeKind.VirtualWanHub, hub.Name, hub.Location, cluster);
                node.Detail = hub.AddressPrefix?.ToString() ?? "";
            }
            foreach (var v in vnets.Where(v => groups.HubOf(v.Id) == v.Id))
                _groupOf[v.Id] = NewCluster(DiagramClusterKind.Hub, "hub " + v.Name, Region(v.Location));

            foreach (var v in vnets)
            {
                var cluster = groups.HubOf(v.Id) is ResourceId h && _groupOf.TryGetValue(h, out var g) ? g : Region(v.Location);
                var node = AddNode(v.Id, hubs.Contains(v.Id) ? DiagramNodeKind.HubVirtualNetwork : DiagramNodeKind.VirtualNetwork, v.Name, v.Location, cluster);
                node.Detail = string.Join(", ", v.AddressSpace.Take(2)) + (v.AddressSpace.Count > 2 ? ", ..." : "");
            }

            AddDevices(vnetIds);
            AddPeerings(vnets);
            AddConnectedGroups(vnetIds);
            foreach (var hub in t.VirtualHubs)
                if (_byId.TryGetValue(hub.Id, out var hubNode))
                    foreach (var c in hub.Connections)
                        if (c.RemoteVirtualNetworkId is ResourceId r && _byId.TryGetValue(r, out var vnode))
                            AddEdge(vnode, hubNode, DiagramEdgeKind.HubConnection, "");
            // Hubs of one Virtual WAN are connected to each other (full mesh of hub routers).
            foreach (var wan in t.VirtualHubs.Where(h => _byId.ContainsKey(h.Id) && h.VirtualWanId != null).GroupBy(h => h.VirtualWanId!.Value))
            {
                var list = wan.ToList();
                for (int i = 0; i < list.Count; i++)
                    for (int j = i + 1; j < list.Count; j++)
                        AddEdge(_byId[list[i].Id], _byId[list[j].Id], DiagramEdgeKind.HubConnection, "Virtual WAN");
            }
            // Empty boxes (a hub group whose hub was filtered out cannot happen; regions without nodes can) are dropped.
            _diagram.Clusters.RemoveAll(c => Empty(c));
        }

        private static bool Empty(DiagramCluster c)
        {
            c.Children.RemoveAll(Empty);
            return c.Nodes.Count == 0 && c.Children.Count == 0;
        }

        private void AddDevices(HashSet<ResourceId> vnetIds)
        {
            var t = _topology;
            foreach (var gw in t.VirtualNetworkGateways)
                if (gw.VirtualNetworkId is ResourceId v && _byId.TryGetValue(v, out var vnode))
                {
                    var node = AddNode(gw.Id, gw.IsExpressRoute ? DiagramNodeKind.ExpressRouteGateway : DiagramNodeKind.VpnGateway, gw.Name, gw.Location, vnode.Cluster);
                    node.Detail = (gw.IsExpressRoute ? "ExpressRoute" : "VPN") + (gw.Sku != null ? " " + gw.Sku : "");
                    AddEdge(vnode, node, DiagramEdgeKind.Attachment, "");
                }
            foreach (var fw in t.AzureFirewalls)
            {
                DiagramNode? owner = fw.VirtualHubId is ResourceId h ? Find(h) : fw.SubnetId?.Parent is ResourceId v ? Find(v) : null;
                if (owner == null) continue;
                var node = AddNode(fw.Id, DiagramNodeKind.AzureFirewall, fw.Name, fw.Location, owner.Cluster);
                node.Detail = string.Join(", ", fw.PrivateIpAddresses.Take(1));
                AddEdge(owner, node, DiagramEdgeKind.Attachment, "");
            }
            foreach (var nva in t.NetworkVirtualAppliances)
                if (nva.VirtualHubId is ResourceId h && Find(h) is DiagramNode owner)
                {
                    var node = AddNode(nva.Id, DiagramNodeKind.NetworkVirtualAppliance, nva.Name, nva.Location, owner.Cluster);
                    AddEdge(owner, node, DiagramEdgeKind.Attachment, "");
                }
            foreach (var nic in t.NetworkInterfaces.Where(n => n.EnableIPForwarding))
            {
                var config = nic.IpConfigurations.FirstOrDefault(c => c.SubnetId != null);
                if (config?.SubnetId?.Parent is ResourceId v && Find(v) is DiagramNode owner)
                {
                    var node = AddNode(nic.Id, DiagramNodeKind.NetworkVirtualAppliance, nic.Name, nic.Location, owner.Cluster);
                    node.Detail = config.PrivateIpAddress?.ToString() ?? "";
                    AddEdge(owner, node, DiagramEdgeKind.Attachment, "");
                }
            }
            // Azure docs, "What is Azure Route Server?": Route Server is deployed into a subnet named RouteServerSubnet.
            foreach (var v in t.VirtualNetworks.Where(v => vnetIds.Contains(v.Id)))
                foreach (var s in v.Subnets.Where(s => string.Equals(s.Name, "RouteServerSubnet", StringComparison.OrdinalIgnoreCase)))
                {
                    var vnode = _byId[v.Id];
                    var node = AddNode(s.Id, DiagramNodeKind.RouteServer, "Route Server", v.Location, vnode.Cluster);
                    node.Detail = string.Join(", ", s.AddressPrefixes.Take(1));
                    AddEdge(vnode, node, DiagramEdgeKind.Attachment, "");
                }
            foreach (var c in t.Connections)
            {
                if (!(c.VirtualNetworkGateway1Id is ResourceId g1) || !_byId.TryGetValue(g1, out var gw1)) continue;
                if (c.IsExpressRoute && c.PeerId is ResourceId circuitId)
                {
                    var circuit = t.ExpressRouteCircuits.FirstOrDefault(x => x.Id == circuitId);
                    var node = Find(circuitId) ?? AddNode(circuitId, DiagramNodeKind.ExpressRouteCircuit, "MSEE of " + (circuit?.Name ?? circuitId.Name), circuit?.Location ?? "", null);
                    AddEdge(gw1, node, DiagramEdgeKind.GatewayConnection, c.ConnectionStatus == null || c.ConnectionStatus == "Connected" ? "" : c.ConnectionStatus);
                }
                else if (c.VirtualNetworkGateway2Id is ResourceId g2 && _byId.TryGetValue(g2, out var gw2))
                    AddEdge(gw1, gw2, DiagramEdgeKind.GatewayConnection, "VNet-to-VNet");
            }
        }

        private void AddPeerings(List<VirtualNetwork> vnets)
        {
            foreach (var v in vnets)
                foreach (var p in v.Peerings)
                {
                    if (!(p.RemoteVirtualNetworkId is ResourceId r) || !_byId.TryGetValue(r, out var remote)) continue;
                    var local = _byId[v.Id];
                    bool global = !string.Equals(local.Region, remote.Region, StringComparison.OrdinalIgnoreCase);
                    var label = p.IsConnected ? "" : (p.PeeringState ?? "state unknown");
                    AddEdge(local, remote, global ? DiagramEdgeKind.GlobalPeering : DiagramEdgeKind.Peering, label);
                }
        }

        private void AddConnectedGroups(HashSet<ResourceId> vnetIds)
        {
            var groups = new RoutingContext(_topology).ConnectedGroups.All;
            foreach (var g in groups)
            {
                var members = g.Members.Where(m => vnetIds.Contains(m.Id)).ToList();
                if (members.Count == 0) continue;
                var regions = members.Select(m => Locations.Normalize(m.Location)).Distinct().ToList();
                var cluster = regions.Count == 1 ? Region(members[0].Location) : null;
                var key = g.Configuration.Id.Child("connectedGroups", g.GroupNames);
                var node = AddNode(key, DiagramNodeKind.ConnectedGroup, g.Configuration.Name, members[0].Location, cluster);
                node.Detail = (g.Configuration.IsMesh ? "mesh" : "hub-and-spoke, direct") + (g.Global ? ", global" : "") + ": " + g.GroupNames;
                foreach (var m in members) AddEdge(_byId[m.Id], node, DiagramEdgeKind.ConnectedGroupMember, "");
            }
        }

        private void AddPath(PathResult path)
        {
            Steps(path, DiagramEdgeKind.ForwardPath, _diagram.ForwardNodes);
            if (path.Reverse != null) Steps(path.Reverse, DiagramEdgeKind.ReversePath, _diagram.ReverseNodes);
            _diagram.Path = path;
            var c = _diagram.Caption;
            c.Add($"Path {path.Source.Description} -> {path.Destination.Description}");
            c.Add($"Outcome {path.Outcome}; kind {path.Kind}; transits: {(path.Transits.Count == 0 ? "none" : string.Join(", ", path.Transits))}");
            var via = _diagram.ForwardNodes.Where(n => n.Kind != DiagramNodeKind.VirtualNetwork && n.Kind != DiagramNodeKind.HubVirtualNetwork).Select(n => n.Label).ToList();
            if (via.Count > 0) c.Add("Through: " + string.Join(" -> ", via));
            if (path.Intended != null)
                c.Add($"Intended: {string.Join(" or ", path.Intended)} ({path.IntentRule}); compliant: {(path.Compliant == true ? "yes" : "no")}");
            else c.Add("Intended: no intent applies");
            if (path.Symmetric is bool s)
                c.Add(s ? "Symmetric: the reverse path crosses the same devices" : "ASYMMETRIC: the reverse path crosses other devices (stateful firewalls drop such flows)");
        }

        private void Steps(PathResult path, DiagramEdgeKind kind, List<DiagramNode> order)
        {
            foreach (var hop in path.Hops)
            {
                var node = NodeFor(hop);
                if (node == null || (order.Count > 0 && order[order.Count - 1] == node)) continue;
                order.Add(node);
            }
            for (int i = 1; i < order.Count; i++)
                AddEdge(order[i - 1], order[i], kind, i.ToString(System.Globalization.CultureInfo.InvariantCulture), i);
        }

        /// <summary>The node a hop stands at: a subnet's VNet, or the device, gateway, circuit or hub; added when the view left it out.</summary>
        private DiagramNode? NodeFor(PathHop hop)
        {
            if (!(AnchorOf(_topology, hop) is string anchor) || !ResourceId.TryParse(anchor, out var id)) return null;
            if (Find(id) is DiagramNode known) return known;
            switch (hop.Role)
            {
                case PathHopRole.Subnet:
                case PathHopRole.Destination:
                case PathHopRole.VirtualNetwork:
                    var vnet = _topology.Find<VirtualNetwork>(id)!;
                    return AddNode(vnet.Id, DiagramNodeKind.VirtualNetwork, vnet.Name, vnet.Location, Region(vnet.Location));
                case PathHopRole.ExpressRouteEdge:
                    return AddNode(id, DiagramNodeKind.ExpressRouteCircuit, hop.Location, "", null);
                default:
                    var kind = hop.Role switch
                    {
                        PathHopRole.VpnGateway => DiagramNodeKind.VpnGateway,
                        PathHopRole.ExpressRouteGateway => DiagramNodeKind.ExpressRouteGateway,
                        PathHopRole.VirtualHubRouter => DiagramNodeKind.VirtualWanHub,
                        _ => string.Equals(id.ResourceType, "Microsoft.Network/azureFirewalls", StringComparison.OrdinalIgnoreCase)
                            ? DiagramNodeKind.AzureFirewall : DiagramNodeKind.NetworkVirtualAppliance,
                    };
                    var owner = VnetOf(_topology, hop.ResourceId);
                    var location = owner?.Location ?? (_topology.Find(id) as AzureResource)?.Location ?? "";
                    var cluster = owner != null && Find(owner.Id) is DiagramNode o ? o.Cluster : location.Length > 0 ? Region(location) : null;
                    return AddNode(id, kind, hop.Location, location, cluster);
            }
        }

        /// <summary>
        /// The resource id of the picture's node a hop stands at: the VNet of a subnet (or the VNet itself), else the hop's
        /// device, gateway, circuit or hub; null when the hop names nothing in the snapshot.
        /// </summary>
        internal static string? AnchorOf(Model.Topology topology, PathHop hop)
        {
            switch (hop.Role)
            {
                case PathHopRole.Subnet:
                case PathHopRole.Destination:
                case PathHopRole.VirtualNetwork:
                    return VnetOf(topology, hop.ResourceId)?.Id.Value;
                default:
                    return ResourceId.TryParse(hop.ResourceId, out _) ? hop.ResourceId : null;
            }
        }

        /// <summary>The VNet a subnet, VNet, NIC or gateway id belongs to, when it is in the snapshot.</summary>
        internal static VirtualNetwork? VnetOf(Topology topology, string resourceId)
        {
            if (!ResourceId.TryParse(resourceId, out var id)) return null;
            switch (topology.Find(id))
            {
                case VirtualNetwork v: return v;
                case Subnet s: return s.VirtualNetwork;
                case VirtualNetworkGateway g: return g.VirtualNetworkId is ResourceId gv ? topology.Find<VirtualNetwork>(gv) : null;
                case AzureFirewall f: return f.SubnetId?.Parent is ResourceId fv ? topology.Find<VirtualNetwork>(fv) : null;
                case NetworkInterface n: return n.IpConfigurations.Select(c => c.SubnetId?.Parent).OfType<ResourceId>().Select(x => topology.Find<VirtualNetwork>(x)).FirstOrDefault(v => v != null);
                default: return null;
            }
        }

        private DiagramNode? Find(ResourceId id) => _byId.TryGetValue(id, out var n) ? n : null;

        private DiagramNode AddNode(ResourceId id, DiagramNodeKind kind, string label, string location, DiagramCluster? cluster)
        {
            var node = new DiagramNode("n" + _diagram.Nodes.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), kind, label, id.Value,
                string.IsNullOrEmpty(location) ? null : Locations.Normalize(location));
            node.Cluster = cluster;
            cluster?.Nodes.Add(node);
            _diagram.Nodes.Add(node);
            _byId[id] = node;
            return node;
        }

        private void AddEdge(DiagramNode a, DiagramNode b, DiagramEdgeKind kind, string label, int step = 0)
        {
            if (a == b) return;
            // Topology edges are undirected: one per pair. Path steps are all kept.
            if (step == 0)
            {
                var key = string.CompareOrdinal(a.Key, b.Key) < 0 ? (a.Key, b.Key, kind) : (b.Key, a.Key, kind);
                if (!_edgeKeys.Add(key)) return;
            }
            _diagram.Edges.Add(new DiagramEdge(a, b, kind, label, step));
        }

        private DiagramCluster Region(string location)
        {
            var name = Locations.Normalize(location);
            if (name.Length == 0) name = "(no region)";
            if (!_regions.TryGetValue(name, out var c))
            {
                c = new DiagramCluster("c" + (_clusterCount++).ToString(System.Globalization.CultureInfo.InvariantCulture), DiagramClusterKind.Region, name, null);
                _regions[name] = c;
                _diagram.Clusters.Add(c);
            }
            return c;
        }

        private DiagramCluster NewCluster(DiagramClusterKind kind, string label, DiagramCluster region)
        {
            var c = new DiagramCluster("c" + (_clusterCount++).ToString(System.Globalization.CultureInfo.InvariantCulture), kind, label, region);
            region.Children.Add(c);
            return c;
        }
    }
}
