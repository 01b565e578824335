using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using AzSpokeTools.Engine.Addresses;
using AzSpokeTools.Engine.Input;
using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Engine.Snapshot
{
    /// <summary>Turns resource objects and action results into a linked <see cref="Topology"/>.</summary>
    internal sealed partial class TopologyBuilder
    {
        private readonly LoadContext _context;
        private readonly Topology _t = new Topology();
        private readonly HashSet<ResourceId> _seen = new HashSet<ResourceId>();
        private readonly List<(Subnet Subnet, ArmValue Node)> _standaloneSubnets = new List<(Subnet, ArmValue)>();
        private readonly List<(ResourceId Parent, ArmValue Node)> _standalonePeerings = new List<(ResourceId, ArmValue)>();
        private readonly List<(ResourceId Parent, ArmValue Node)> _standaloneRoutes = new List<(ResourceId, ArmValue)>();
        private readonly List<(ArmValue Node, ResourceId Scope)> _deploymentResults = new List<(ArmValue, ResourceId)>();

        private readonly List<JsonDocument> _documents = new List<JsonDocument>();

        public TopologyBuilder(LoadContext context) => _context = context;

        public void Keep(JsonDocument document) => _documents.Add(document);

        public List<string> Files => _t.EditableFiles;
        public string? CapturedAt { get => _t.CapturedAt; set => _t.CapturedAt = value; }
        public string? SourceDescription { get => _t.SourceDescription; set => _t.SourceDescription = value; }

        public void AddResource(ArmValue n)
        {
            if (!n.IsObject)
            {
                _context.Error(n.Location, "expected an ARM resource object");
                return;
            }
            var idText = n.Own("id")?.AsString();
            var typeText = n.Own("type")?.AsString();
            if (!ResourceId.TryParse(idText, out var id))
            {
                _context.Warn(n.Location, "object without an id is not an ARM resource; ignored");
                return;
            }
            // az CLI and ARM give "type"; some flattened outputs omit it, and the id always names it.
            var type = typeText != null && typeText.IndexOf('/') > 0 ? typeText : id.ResourceType;
            if (type == null)
            {
                _context.Warn(n.Location, $"cannot tell the resource type of '{id}'; ignored");
                return;
            }
            if (!_seen.Add(id))
            {
                _context.Warn(n.Location, $"{id} appears more than once; the first copy is used");
                return;
            }
            switch (type.ToLowerInvariant())
            {
                case "microsoft.network/virtualnetworks": _t.EditableVirtualNetworks.Add(VirtualNetwork.Read(n, id, type)); break;
                case "microsoft.network/virtualnetworks/subnets":
                    if (id.Parent is ResourceId vnetId)
                    {
                        var holder = new VirtualNetwork { Id = vnetId, Name = vnetId.Name };
                        var s = Subnet.Read(n, holder);
                        if (s != null) _standaloneSubnets.Add((s, n));
                    }
                    break;
                case "microsoft.network/virtualnetworks/virtualnetworkpeerings":
                    if (id.Parent is ResourceId pv) _standalonePeerings.Add((pv, n));
                    break;
                case "microsoft.network/routetables": _t.EditableRouteTables.Add(RouteTable.Read(n, id, type)); break;
                case "microsoft.network/routetables/routes":
                    if (id.Parent is ResourceId rt) _standaloneRoutes.Add((rt, n));
                    break;
                case "microsoft.network/networkinterfaces": _t.EditableNetworkInterfaces.Add(NetworkInterface.Read(n, id, type)); break;
                case "microsoft.network/virtualnetworkgateways": _t.EditableVirtualNetworkGateways.Add(VirtualNetworkGateway.Read(n, id, type)); break;
                case "microsoft.network/localnetworkgateways": _t.EditableLocalNetworkGateways.Add(LocalNetworkGateway.Read(n, id, type)); break;
                case "microsoft.network/connections": _t.EditableConnections.Add(GatewayConnection.Read(n, id, type)); break;
                case "microsoft.network/expressroutecircuits": _t.EditableExpressRouteCircuits.Add(ExpressRouteCircuit.Read(n, id, type)); break;
                case "microsoft.network/azurefirewalls": _t.EditableAzureFirewalls.Add(AzureFirewall.Read(n, id, type)); break;
                case "microsoft.network/loadbalancers": _t.EditableLoadBalancers.Add(LoadBalancer.Read(n, id, type)); break;
                case "microsoft.network/networkvirtualappliances": _t.EditableNetworkVirtualAppliances.Add(NetworkVirtualAppliance.Read(n, id, type)); break;
                case "microsoft.network/publicipaddresses": _t.EditablePublicIpAddresses.Add(PublicIpAddress.Read(n, id, type)); break;
                case "microsoft.network/privateendpoints": _t.EditablePrivateEndpoints.Add(PrivateEndpoint.Read(n, id, type)); break;
                case "microsoft.network/virtualwans": _t.EditableVirtualWans.Add(VirtualWan.Read(n, id, type)); break;
                case "microsoft.network/virtualhubs": _t.EditableVirtualHubs.Add(VirtualHub.Read(n, id, type)); break;
                case "microsoft.network/virtualhubs/hubvirtualnetworkconnections": _t.EditableHubVirtualNetworkConnections.Add(HubVirtualNetworkConnection.Read(n, id, type)); break;
                case "microsoft.network/virtualhubs/hubroutetables": _t.EditableHubRouteTables.Add(HubRouteTable.Read(n, id, type)); break;
                case "microsoft.network/virtualhubs/routingintent": _t.EditableRoutingIntents.Add(RoutingIntent.Read(n, id, type)); break;
                case "microsoft.network/virtualhubs/bgpconnections": _t.EditableBgpConnections.Add(BgpConnection.Read(n, id, type)); break;
                case "microsoft.network/virtualhubs/ipconfigurations": _t.EditableHubIpConfigurations.Add(HubIpConfiguration.Read(n, id, type)); break;
                case "microsoft.network/networkmanagers": _t.EditableNetworkManagers.Add(NetworkManager.Read(n, id, type)); break;
                case "microsoft.network/networkmanagers/networkgroups": _t.EditableNetworkGroups.Add(NetworkGroup.Read(n, id, type)); break;
                case "microsoft.network/networkmanagers/networkgroups/staticmembers": _t.EditableStaticMembers.Add(StaticMember.Read(n, id, type)); break;
                case "microsoft.network/networkmanagers/connectivityconfigurations": _t.EditableConnectivityConfigurations.Add(ConnectivityConfiguration.Read(n, id, type)); break;
                default:
                    if (AddSecurityResource(type.ToLowerInvariant(), n, id, type)) break;
                    _t.UnknownTypes.TryGetValue(type, out var count);
                    _t.EditableUnknownTypes[type] = count + 1;
                    break;
            }
        }

        public void AddResult(ArmValue n)
        {
            var operation = n.Own("operation")?.AsString();
            var scopeText = n.Own("scope")?.AsString();
            var body = n.Own("body");
            if (string.IsNullOrEmpty(operation) || body == null)
            {
                _context.Error(n.Location, "a result needs operation, scope and body");
                return;
            }
            if (!ResourceId.TryParse(scopeText, out var scope))
            {
                _context.Error(n.Location, $"result '{operation}' has no valid scope (the resource id it was called on)");
                return;
            }
            switch (operation!.ToLowerInvariant())
            {
                case "effectiveroutetable":
                    _t.EditableCapturedEffectiveRoutes[scope] = ReadEffectiveRoutes(body.Value);
                    break;
                case "getlearnedroutes":
                case "learnedroutes":
                    _t.EditableLearnedRoutes[scope] = ReadLearnedRoutes(body.Value);
                    break;
                case "getadvertisedroutes":
                case "advertisedroutes":
                    _t.EditableAdvertisedRoutes[scope] = ReadLearnedRoutes(body.Value);
                    break;
                case "listdeploymentstatus":
                    _deploymentResults.Add((body.Value, scope));
                    break;
                case "listnetworkmanagereffectiveconnectivityconfigurations":
                    _t.EditableEffectiveConnectivity[scope] = ReadEffectiveConnectivity(body.Value, scope);
                    break;
                case "effectivenetworksecuritygroups":
                    _t.EditableCapturedEffectiveSecurityGroups[scope] = ReadEffectiveSecurityGroups(body.Value);
                    break;
                case "expressroutecircuitroutestable":
                    break; // kept in the file; circuit route tables are not needed to compute VNet routes
                default:
                    _context.Warn(n.Location, $"unknown result operation '{operation}'; ignored");
                    break;
            }
        }

        public void AddCoverage(ArmValue n)
        {
            if (!n.IsObject)
            {
                _context.Error(n.Location, "coverage must be an object such as {\"denied\": [{\"scope\": ..., \"type\": ..., \"status\": 403}]}");
                return;
            }
            foreach (var gap in n.Objects("denied", "a coverage gap"))
            {
                var scope = gap.Own("scope")?.AsString();
                if (string.IsNullOrEmpty(scope))
                {
                    _context.Warn(gap.Location, "coverage gap without scope; ignored");
                    continue;
                }
                _t.Coverage.Denied.Add(new CoverageGap
                {
                    Scope = scope!,
                    Type = gap.Own("type")?.AsString(),
                    Status = gap.Own("status")?.AsInt(),
                    Message = gap.Own("message")?.AsString(),
                });
            }
        }

        public void AddUnscopedActionBody(ArmValue n)
        {
            _context.Warn(n.Location, "this document is not an ARM resource or resource list (an action result without the resource it was called on); " +
                                      "put it under a snapshot's results with operation and scope to use it");
        }

        private IReadOnlyList<EffectiveRoute> ReadEffectiveRoutes(ArmValue body)
        {
            var list = new List<EffectiveRoute>();
            foreach (var r in body.Array("value"))
            {
                var hopText = r.Str("nextHopType");
                if (!NextHopTypeNames.TryParse(hopText, out var hop))
                {
                    _context.Warn(r.Location, $"unknown nextHopType '{hopText}'; route ignored");
                    continue;
                }
                var sourceText = r.Str("source");
                RouteSource source = string.Equals(sourceText, "User", StringComparison.OrdinalIgnoreCase) ? RouteSource.User
                    : string.Equals(sourceText, "VirtualNetworkGateway", StringComparison.OrdinalIgnoreCase) ? RouteSource.VirtualNetworkGateway
                    : RouteSource.Default;
                var route = new EffectiveRoute(r.Str("name"), source, r.Strings("addressPrefix"), hop, r.Strings("nextHopIpAddress"));
                route.State = string.Equals(r.Str("state"), "Invalid", StringComparison.OrdinalIgnoreCase) ? RouteState.Invalid : RouteState.Active;
                list.Add(route);
            }
            return list;
        }

        /// <summary>
        /// A gateway's GatewayRouteListResult (<c>{"value": [...]}</c>) or a Route Server BGP connection's PeerRouteList (one
        /// array per Route Server instance, e.g. <c>{"RouteServiceRole_IN_0": [...], "RouteServiceRole_IN_1": [...]}</c>);
        /// rows repeated by several instances are kept once.
        /// </summary>
        private IReadOnlyList<LearnedRoute> ReadLearnedRoutes(ArmValue body)
        {
            var list = new List<LearnedRoute>();
            var seen = new HashSet<(IpPrefix, string?, string?, string?)>();
            foreach (var r in body.Get("value") != null ? ValueRows(body) : PeerRouteListRows(body))
            {
                var network = r.Str("network");
                if (!IpPrefix.TryParse(network, out var prefix))
                {
                    _context.Warn(r.Location, $"learned route network {IpPrefix.Describe(network)}; route ignored");
                    continue;
                }
                if (!seen.Add((prefix, r.Str("nextHop"), r.Str("asPath"), r.Str("sourcePeer")))) continue;
                list.Add(new LearnedRoute
                {
                    Network = prefix,
                    NextHop = r.Str("nextHop"),
                    SourcePeer = r.Str("sourcePeer"),
                    Origin = r.Str("origin"),
                    AsPath = r.Str("asPath"),
                    LocalAddress = r.Str("localAddress"),
                });
            }
            return list;
        }

        private static IEnumerable<ArmValue> ValueRows(ArmValue body)
        {
            foreach (var r in body.Array("value")) yield return r;
        }

        private static IEnumerable<ArmValue> PeerRouteListRows(ArmValue body)
        {
            if (!body.IsObject) yield break;
            foreach (var instance in body.Element.EnumerateObject())
            {
                if (instance.Value.ValueKind != JsonValueKind.Array) continue;
                var items = body.Own(instance.Name);
                if (items == null) continue;
                foreach (var row in items.Value.Items()) yield return row;
            }
        }

        private EffectiveConnectivity ReadEffectiveConnectivity(ArmValue body, ResourceId vnet)
        {
            var e = new EffectiveConnectivity { VirtualNetworkId = vnet };
            foreach (var c in body.Array("value"))
            {
                if (ResourceId.TryParse(c.Own("id")?.AsString(), out var cid)) e.ConfigurationIds.Add(cid);
                foreach (var g in c.Array("configurationGroups"))
                    if (ResourceId.TryParse(g.Own("id")?.AsString(), out var gid) && !e.NetworkGroupIds.Contains(gid)) e.NetworkGroupIds.Add(gid);
            }
            return e;
        }

        public Topology Finish()
        {
            try
            {
                Link();
                LinkSecurity();
                Validate();
                ValidateSecurity();
            }
            finally
            {
                foreach (var d in _documents) d.Dispose();
                _documents.Clear();
            }
            var errors = _context.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            if (errors.Count > 0) throw new SnapshotLoadException(errors);
            _t.EditableDiagnostics.AddRange(_context.Diagnostics);
            _t.InvalidateIndex();
            return _t;
        }

        private void Link()
        {
            var vnets = _t.VirtualNetworks.ToDictionary(v => v.Id);
            foreach (var (subnet, node) in _standaloneSubnets)
            {
                if (!vnets.TryGetValue(subnet.Id.Parent!.Value, out var vnet))
                {
                    _context.Warn(node.Location, $"subnet {subnet.Id} belongs to virtual network {subnet.Id.Parent} that is not in the snapshot; " +
                                                 "the subnet is kept (DetachedSubnets) but its routes cannot be computed");
                    _t.EditableDetachedSubnets.Add(subnet);
                    continue;
                }
                subnet.VirtualNetwork = vnet;
                int existing = vnet.Subnets.FindIndex(s => s.Id == subnet.Id);
                if (existing >= 0) vnet.Subnets[existing] = subnet; else vnet.Subnets.Add(subnet);
            }
            foreach (var (parent, node) in _standalonePeerings)
            {
                if (!vnets.TryGetValue(parent, out var vnet))
                {
                    var standIn = new VirtualNetwork { Id = parent, Name = parent.Name, Type = "Microsoft.Network/virtualNetworks" };
                    var detached = VirtualNetworkPeering.Read(node, standIn);
                    if (detached == null) continue;
                    _context.Warn(node.Location, $"peering {detached.Id} belongs to virtual network {parent} that is not in the snapshot; " +
                                                 "the peering is kept (DetachedPeerings) but no routes can be computed for it");
                    _t.EditableDetachedPeerings.Add(detached);
                    continue;
                }
                var p = VirtualNetworkPeering.Read(node, vnet);
                if (p == null) continue;
                int existing = vnet.Peerings.FindIndex(x => x.Id == p.Id);
                if (existing >= 0) vnet.Peerings[existing] = p; else vnet.Peerings.Add(p);
            }
            var tables = _t.RouteTables.ToDictionary(r => r.Id);
            foreach (var (parent, node) in _standaloneRoutes)
            {
                if (!tables.TryGetValue(parent, out var table))
                {
                    var standIn = new RouteTable { Id = parent, Name = parent.Name, Type = "Microsoft.Network/routeTables" };
                    var detached = UserRoute.Read(node, standIn);
                    if (detached == null) continue;
                    _context.Warn(node.Location, $"route {parent.Name}/{detached.Name} belongs to route table {parent} that is not in the snapshot; " +
                                                 "the route is kept (DetachedRoutes) but no subnet can be shown to use it");
                    _t.EditableDetachedRoutes.Add(detached);
                    continue;
                }
                var r = UserRoute.Read(node, table);
                if (r == null) continue;
                int existing = table.Routes.FindIndex(x => string.Equals(x.Name, r.Name, StringComparison.OrdinalIgnoreCase));
                if (existing >= 0) table.Routes[existing] = r; else table.Routes.Add(r);
            }
            var hubs = _t.VirtualHubs.ToDictionary(h => h.Id);
            foreach (var c in _t.HubVirtualNetworkConnections)
            {
                if (hubs.TryGetValue(c.HubId, out var hub)) hub.Connections.Add(c);
                else _context.Warn(c.Source, $"hub connection {c.Name} belongs to virtual hub {c.HubId} that is not in the snapshot; kept in HubVirtualNetworkConnections only");
            }
            foreach (var rt in _t.HubRouteTables)
            {
                if (hubs.TryGetValue(rt.HubId, out var hub)) hub.RouteTables.Add(rt);
                else _context.Warn(rt.Source, $"hub route table {rt.Name} belongs to virtual hub {rt.HubId} that is not in the snapshot; kept in HubRouteTables only");
            }
            foreach (var b in _t.BgpConnections)
            {
                if (hubs.TryGetValue(b.HubId, out var hub)) hub.BgpConnections.Add(b);
                else _context.Warn(b.Source, $"BGP connection {b.Name} belongs to virtual hub {b.HubId} that is not in the snapshot; kept in BgpConnections only");
            }
            foreach (var c in _t.HubIpConfigurations)
            {
                if (!hubs.TryGetValue(c.HubId, out var hub))
                    _context.Warn(c.Source, $"IP configuration {c.Name} belongs to virtual hub {c.HubId} that is not in the snapshot; kept in HubIpConfigurations only");
                else if (!hub.IpConfigurations.Any(x => x.Id == c.Id)) hub.IpConfigurations.Add(c);
            }
            foreach (var ri in _t.RoutingIntents)
            {
                if (!hubs.TryGetValue(ri.HubId, out var hub))
                    _context.Warn(ri.Source, $"routing intent {ri.Name} belongs to virtual hub {ri.HubId} that is not in the snapshot; kept in RoutingIntents only");
                else if (hub.RoutingIntent != null)
                    _context.Warn(ri.Source, $"virtual hub {hub.Name} has more than one routing intent; {hub.RoutingIntent.Name} is used");
                else hub.RoutingIntent = ri;
            }
            var managers = _t.NetworkManagers.ToDictionary(m => m.Id);
            var groups = _t.NetworkGroups.ToDictionary(g => g.Id);
            foreach (var g in _t.NetworkGroups)
            {
                if (managers.TryGetValue(g.NetworkManagerId, out var m)) m.NetworkGroups.Add(g);
                else _context.Warn(g.Source, $"network group {g.Name} belongs to network manager {g.NetworkManagerId} that is not in the snapshot");
            }
            foreach (var c in _t.ConnectivityConfigurations)
            {
                if (managers.TryGetValue(c.NetworkManagerId, out var m)) m.ConnectivityConfigurations.Add(c);
                else _context.Warn(c.Source, $"connectivity configuration {c.Name} belongs to network manager {c.NetworkManagerId} that is not in the snapshot");
            }
            foreach (var s in _t.StaticMembers)
            {
                if (s.MemberResourceId == null) continue;
                if (groups.TryGetValue(s.NetworkGroupId, out var g)) { if (!g.StaticMemberIds.Contains(s.MemberResourceId.Value)) g.StaticMemberIds.Add(s.MemberResourceId.Value); }
                else _context.Warn(s.Source, $"static member {s.Name} belongs to network group {s.NetworkGroupId} that is not in the snapshot; kept in StaticMembers only");
            }
            foreach (var (body, scope) in _deploymentResults)
            {
                if (!managers.TryGetValue(scope, out var m))
                {
                    _context.Warn(body.Location, $"deployment status for network manager {scope} that is not in the snapshot; ignored");
                    continue;
                }
                m.Deployments ??= new List<AvnmDeployment>();
                foreach (var d in body.Array("value"))
                {
                    m.Deployments.Add(new AvnmDeployment
                    {
                        Region = Locations.Normalize(d.Str("region")),
                        DeploymentType = d.Str("deploymentType") ?? "",
                        DeploymentStatus = d.Str("deploymentStatus") ?? "",
                        ConfigurationIds = d.Strings("configurationIds"),
                        CommitTime = d.Str("commitTime"),
                        ErrorMessage = d.Str("errorMessage"),
                    });
                }
            }
            // Private endpoint IPs live on their NICs.
            var nics = _t.NetworkInterfaces.ToDictionary(n => n.Id);
            foreach (var pe in _t.PrivateEndpoints)
                foreach (var nicId in pe.NetworkInterfaceIds)
                    if (nics.TryGetValue(nicId, out var nic))
                        foreach (var c in nic.IpConfigurations)
                            if (c.PrivateIpAddress is IpAddressValue ip && !pe.IpAddresses.Contains(ip)) pe.IpAddresses.Add(ip);
        }

        private void Validate()
        {
            var tables = new HashSet<ResourceId>(_t.RouteTables.Select(r => r.Id));
            var vnetIds = new HashSet<ResourceId>(_t.VirtualNetworks.Select(v => v.Id));
            var subnets = new HashSet<ResourceId>(_t.VirtualNetworks.SelectMany(v => v.Subnets).Select(s => s.Id));
            foreach (var v in _t.VirtualNetworks)
            {
                if (v.AddressSpace.Count == 0) _context.Warn(v.Source, $"virtual network {v.Name} has no address space");
                foreach (var s in v.Subnets)
                    if (s.RouteTableId is ResourceId rt && !tables.Contains(rt))
                        _context.Warn(s.Source, $"subnet {s.DisplayName} uses route table {rt} that is not in the snapshot; its user-defined routes are unknown");
                foreach (var p in v.Peerings)
                {
                    if (p.RemoteVirtualNetworkId is ResourceId r && !vnetIds.Contains(r))
                        _context.Warn(p.Source, $"peering {p} points to virtual network {r} that is not in the snapshot; routes use the peering's remoteAddressSpace");
                    if (p.IsConnected && p.RemoteAddressSpace.Count == 0 && p.RemoteVirtualNetworkAddressSpace.Count == 0 &&
                        (p.RemoteVirtualNetworkId == null || !vnetIds.Contains(p.RemoteVirtualNetworkId.Value)))
                        _context.Warn(p.Source, $"peering {p} has no remote address space and its remote virtual network is not in the snapshot; its routes are unknown");
                }
            }
            foreach (var nic in _t.NetworkInterfaces)
                foreach (var c in nic.IpConfigurations)
                    if (c.SubnetId is ResourceId s && !subnets.Contains(s))
                        _context.Warn(c.Source, $"network interface {nic.Name} ({c.Name}) is in subnet {s} that is not in the snapshot");
            foreach (var g in _t.VirtualNetworkGateways)
                if (g.SubnetId is ResourceId s && !subnets.Contains(s))
                    _context.Warn(g.Source, $"gateway {g.Name} is in subnet {s} that is not in the snapshot");
            var gateways = new HashSet<ResourceId>(_t.VirtualNetworkGateways.Select(g => g.Id));
            var circuits = new HashSet<ResourceId>(_t.ExpressRouteCircuits.Select(c => c.Id));
            foreach (var c in _t.Connections)
            {
                if (c.VirtualNetworkGateway1Id is ResourceId g && !gateways.Contains(g))
                    _context.Warn(c.Source, $"connection {c.Name} uses gateway {g} that is not in the snapshot");
                if (c.IsExpressRoute && c.PeerId is ResourceId p && !circuits.Contains(p))
                    _context.Warn(c.Source, $"connection {c.Name} uses ExpressRoute circuit {p} that is not in the snapshot");
            }
            foreach (var g in _t.NetworkGroups)
                foreach (var m in g.StaticMemberIds)
                    if (!vnetIds.Contains(m) && !subnets.Contains(m))
                        _context.Warn(g.Source, $"network group {g.Name} has member {m} that is not in the snapshot");
            foreach (var h in _t.VirtualHubs.Where(h => h.IsRouteServer))
            {
                if (h.VirtualNetworkId is not ResourceId rsVnet)
                    _context.Warn(h.Source, $"Route Server {h.Name} has no IP configuration in the snapshot (virtualHubs/ipConfigurations): its virtual network is unknown and the routes it programs cannot be placed");
                else if (!vnetIds.Contains(rsVnet))
                    _context.Warn(h.Source, $"Route Server {h.Name} is in virtual network {rsVnet} that is not in the snapshot");
            }
            foreach (var h in _t.VirtualHubs)
                foreach (var c in h.Connections)
                    if (c.RemoteVirtualNetworkId is ResourceId r && !vnetIds.Contains(r))
                        _context.Warn(c.Source, $"hub connection {c.Name} points to virtual network {r} that is not in the snapshot");
        }
    }
}
