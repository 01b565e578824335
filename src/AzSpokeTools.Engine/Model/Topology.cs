using System;
using System.Collections.Generic;
using System.Linq;
using AzSpokeTools.Engine.Input;

namespace AzSpokeTools.Engine.Model
{
    /// <summary>
    /// The neutral network model built from a snapshot (in Batfish's manner: vendor JSON, then this model,
    /// then the data plane). Lookups by resource id are case-insensitive.
    /// </summary>
    public sealed partial class Topology
    {
        /// <summary>The snapshot format version.</summary>
        public int SchemaVersion { get; internal set; } = 1;
        /// <summary>When the snapshot was captured, as it states.</summary>
        public string? CapturedAt { get; internal set; }
        /// <summary>Where the snapshot came from (its <c>source</c>).</summary>
        public string? SourceDescription { get; internal set; }
        /// <summary>The files the topology was read from.</summary>
        public IReadOnlyList<string> Files => EditableFiles;
        internal List<string> EditableFiles { get; } = new List<string>();

        /// <summary>The virtual networks in the snapshot.</summary>
        public IReadOnlyList<VirtualNetwork> VirtualNetworks => EditableVirtualNetworks;
        internal List<VirtualNetwork> EditableVirtualNetworks { get; } = new List<VirtualNetwork>();
        /// <summary>The route tables in the snapshot.</summary>
        public IReadOnlyList<RouteTable> RouteTables => EditableRouteTables;
        internal List<RouteTable> EditableRouteTables { get; } = new List<RouteTable>();
        /// <summary>The network interfaces in the snapshot.</summary>
        public IReadOnlyList<NetworkInterface> NetworkInterfaces => EditableNetworkInterfaces;
        internal List<NetworkInterface> EditableNetworkInterfaces { get; } = new List<NetworkInterface>();
        /// <summary>The virtual network gateways in the snapshot.</summary>
        public IReadOnlyList<VirtualNetworkGateway> VirtualNetworkGateways => EditableVirtualNetworkGateways;
        internal List<VirtualNetworkGateway> EditableVirtualNetworkGateways { get; } = new List<VirtualNetworkGateway>();
        /// <summary>The local network gateways in the snapshot.</summary>
        public IReadOnlyList<LocalNetworkGateway> LocalNetworkGateways => EditableLocalNetworkGateways;
        internal List<LocalNetworkGateway> EditableLocalNetworkGateways { get; } = new List<LocalNetworkGateway>();
        /// <summary>The gateway connections in the snapshot.</summary>
        public IReadOnlyList<GatewayConnection> Connections => EditableConnections;
        internal List<GatewayConnection> EditableConnections { get; } = new List<GatewayConnection>();
        /// <summary>The ExpressRoute circuits in the snapshot.</summary>
        public IReadOnlyList<ExpressRouteCircuit> ExpressRouteCircuits => EditableExpressRouteCircuits;
        internal List<ExpressRouteCircuit> EditableExpressRouteCircuits { get; } = new List<ExpressRouteCircuit>();
        /// <summary>The Azure Firewalls in the snapshot.</summary>
        public IReadOnlyList<AzureFirewall> AzureFirewalls => EditableAzureFirewalls;
        internal List<AzureFirewall> EditableAzureFirewalls { get; } = new List<AzureFirewall>();
        /// <summary>The load balancers in the snapshot.</summary>
        public IReadOnlyList<LoadBalancer> LoadBalancers => EditableLoadBalancers;
        internal List<LoadBalancer> EditableLoadBalancers { get; } = new List<LoadBalancer>();
        /// <summary>The network virtual appliances in the snapshot.</summary>
        public IReadOnlyList<NetworkVirtualAppliance> NetworkVirtualAppliances => EditableNetworkVirtualAppliances;
        internal List<NetworkVirtualAppliance> EditableNetworkVirtualAppliances { get; } = new List<NetworkVirtualAppliance>();
        /// <summary>The private endpoints in the snapshot.</summary>
        public IReadOnlyList<PrivateEndpoint> PrivateEndpoints => EditablePrivateEndpoints;
        internal List<PrivateEndpoint> EditablePrivateEndpoints { get; } = new List<PrivateEndpoint>();
        /// <summary>The public IP addresses in the snapshot.</summary>
        public IReadOnlyList<PublicIpAddress> PublicIpAddresses => EditablePublicIpAddresses;
        internal List<PublicIpAddress> EditablePublicIpAddresses { get; } = new List<PublicIpAddress>();
        /// <summary>The Virtual WANs in the snapshot.</summary>
        public IReadOnlyList<VirtualWan> VirtualWans => EditableVirtualWans;
        internal List<VirtualWan> EditableVirtualWans { get; } = new List<VirtualWan>();
        /// <summary>The virtual hubs (including Route Servers) in the snapshot.</summary>
        public IReadOnlyList<VirtualHub> VirtualHubs => EditableVirtualHubs;
        internal List<VirtualHub> EditableVirtualHubs { get; } = new List<VirtualHub>();
        /// <summary>The AVNM network managers in the snapshot.</summary>
        public IReadOnlyList<NetworkManager> NetworkManagers => EditableNetworkManagers;
        internal List<NetworkManager> EditableNetworkManagers { get; } = new List<NetworkManager>();
        /// <summary>The AVNM network groups in the snapshot.</summary>
        public IReadOnlyList<NetworkGroup> NetworkGroups => EditableNetworkGroups;
        internal List<NetworkGroup> EditableNetworkGroups { get; } = new List<NetworkGroup>();
        /// <summary>The AVNM connectivity configurations in the snapshot.</summary>
        public IReadOnlyList<ConnectivityConfiguration> ConnectivityConfigurations => EditableConnectivityConfigurations;
        internal List<ConnectivityConfiguration> EditableConnectivityConfigurations { get; } = new List<ConnectivityConfiguration>();

        /// <summary>Every hub virtual network connection read, also those whose hub is not in the snapshot (those are in no <see cref="VirtualHub.Connections"/>).</summary>
        public IReadOnlyList<HubVirtualNetworkConnection> HubVirtualNetworkConnections => EditableHubVirtualNetworkConnections;
        internal List<HubVirtualNetworkConnection> EditableHubVirtualNetworkConnections { get; } = new List<HubVirtualNetworkConnection>();
        /// <summary>Every hub route table read, also those whose hub is not in the snapshot.</summary>
        public IReadOnlyList<HubRouteTable> HubRouteTables => EditableHubRouteTables;
        internal List<HubRouteTable> EditableHubRouteTables { get; } = new List<HubRouteTable>();
        /// <summary>Every routing intent read, also those whose hub is not in the snapshot.</summary>
        public IReadOnlyList<RoutingIntent> RoutingIntents => EditableRoutingIntents;
        internal List<RoutingIntent> EditableRoutingIntents { get; } = new List<RoutingIntent>();
        /// <summary>Every virtual hub BGP connection (Route Server peer) read, also those whose hub is not in the snapshot.</summary>
        public IReadOnlyList<BgpConnection> BgpConnections => EditableBgpConnections;
        internal List<BgpConnection> EditableBgpConnections { get; } = new List<BgpConnection>();
        /// <summary>Every virtual hub IP configuration read, also those whose hub is not in the snapshot.</summary>
        public IReadOnlyList<HubIpConfiguration> HubIpConfigurations => EditableHubIpConfigurations;
        internal List<HubIpConfiguration> EditableHubIpConfigurations { get; } = new List<HubIpConfiguration>();
        /// <summary>Every AVNM static member read, also those whose network group is not in the snapshot.</summary>
        public IReadOnlyList<StaticMember> StaticMembers => EditableStaticMembers;
        internal List<StaticMember> EditableStaticMembers { get; } = new List<StaticMember>();

        /// <summary>
        /// Subnets read as separate resources whose virtual network is not in the snapshot. They are kept (with
        /// their route table reference) so that nothing read is lost; their <see cref="Subnet.VirtualNetwork"/> is a
        /// stand-in that carries only the id and name and is not in <see cref="VirtualNetworks"/>.
        /// </summary>
        public IReadOnlyList<Subnet> DetachedSubnets => EditableDetachedSubnets;
        internal List<Subnet> EditableDetachedSubnets { get; } = new List<Subnet>();
        /// <summary>Peerings read as separate resources whose local virtual network is not in the snapshot (<see cref="VirtualNetworkPeering.Local"/> is a stand-in).</summary>
        public IReadOnlyList<VirtualNetworkPeering> DetachedPeerings => EditableDetachedPeerings;
        internal List<VirtualNetworkPeering> EditableDetachedPeerings { get; } = new List<VirtualNetworkPeering>();
        /// <summary>Routes read as separate resources whose route table is not in the snapshot (<see cref="UserRoute.RouteTable"/> is a stand-in).</summary>
        public IReadOnlyList<UserRoute> DetachedRoutes => EditableDetachedRoutes;
        internal List<UserRoute> EditableDetachedRoutes { get; } = new List<UserRoute>();

        /// <summary>Captured NIC effective routes (results: effectiveRouteTable), the ground truth for verify.</summary>
        public IReadOnlyDictionary<ResourceId, IReadOnlyList<EffectiveRoute>> CapturedEffectiveRoutes => EditableCapturedEffectiveRoutes;
        internal Dictionary<ResourceId, IReadOnlyList<EffectiveRoute>> EditableCapturedEffectiveRoutes { get; } = new Dictionary<ResourceId, IReadOnlyList<EffectiveRoute>>();
        /// <summary>
        /// Captured learned routes (results: getLearnedRoutes) by scope: a virtual network gateway, or a Route Server BGP
        /// connection (virtualHubs/bgpConnections, whose instances' lists are merged).
        /// </summary>
        public IReadOnlyDictionary<ResourceId, IReadOnlyList<LearnedRoute>> LearnedRoutes => EditableLearnedRoutes;
        internal Dictionary<ResourceId, IReadOnlyList<LearnedRoute>> EditableLearnedRoutes { get; } = new Dictionary<ResourceId, IReadOnlyList<LearnedRoute>>();
        /// <summary>Captured advertised routes (results: getAdvertisedRoutes) by scope: a Route Server BGP connection.</summary>
        public IReadOnlyDictionary<ResourceId, IReadOnlyList<LearnedRoute>> AdvertisedRoutes => EditableAdvertisedRoutes;
        internal Dictionary<ResourceId, IReadOnlyList<LearnedRoute>> EditableAdvertisedRoutes { get; } = new Dictionary<ResourceId, IReadOnlyList<LearnedRoute>>();

        /// <summary>The Azure Route Servers (virtual hubs of kind RouteServer).</summary>
        public IEnumerable<VirtualHub> RouteServers => VirtualHubs.Where(h => h.IsRouteServer);
        /// <summary>Captured effective AVNM connectivity per VNet (results: listNetworkManagerEffectiveConnectivityConfigurations).</summary>
        public IReadOnlyDictionary<ResourceId, EffectiveConnectivity> EffectiveConnectivity => EditableEffectiveConnectivity;
        internal Dictionary<ResourceId, EffectiveConnectivity> EditableEffectiveConnectivity { get; } = new Dictionary<ResourceId, EffectiveConnectivity>();

        /// <summary>What the capture could not read.</summary>
        public Coverage Coverage { get; } = new Coverage();
        /// <summary>Warnings found while loading (errors abort the load).</summary>
        public IReadOnlyList<LoadDiagnostic> Diagnostics => EditableDiagnostics;
        internal List<LoadDiagnostic> EditableDiagnostics { get; } = new List<LoadDiagnostic>();
        /// <summary>Resource types the model does not use, with counts (kept, never an error).</summary>
        public IReadOnlyDictionary<string, int> UnknownTypes => EditableUnknownTypes;
        internal Dictionary<string, int> EditableUnknownTypes { get; } = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);

        private Dictionary<ResourceId, object>? _index;

        /// <summary>Any modelled resource, subnet or peering by id.</summary>
        public object? Find(ResourceId id)
        {
            _index ??= BuildIndex();
            return _index.TryGetValue(id, out var o) ? o : null;
        }

        /// <summary>The resource of type <typeparamref name="T"/> with id <paramref name="id"/>, or null.</summary>
        public T? Find<T>(ResourceId? id) where T : class => id is ResourceId r ? Find(r) as T : null;

        internal void InvalidateIndex() => _index = null;

        private Dictionary<ResourceId, object> BuildIndex()
        {
            var d = new Dictionary<ResourceId, object>();
            void Add(ResourceId id, object o) { if (!id.IsEmpty && !d.ContainsKey(id)) d[id] = o; }
            foreach (var v in VirtualNetworks)
            {
                Add(v.Id, v);
                foreach (var s in v.Subnets) Add(s.Id, s);
                foreach (var p in v.Peerings) Add(p.Id, p);
            }
            foreach (var r in AllResources()) Add(r.Id, r);
            foreach (var c in HubVirtualNetworkConnections) Add(c.Id, c);
            foreach (var t in HubRouteTables) Add(t.Id, t);
            foreach (var r in RoutingIntents) Add(r.Id, r);
            foreach (var m in StaticMembers) Add(m.Id, m);
            foreach (var b in BgpConnections) Add(b.Id, b);
            foreach (var c in HubIpConfigurations) Add(c.Id, c);
            return d;
        }

        /// <summary>Every top-level and child resource in the model (not subnets or peerings).</summary>
        public IEnumerable<AzureResource> AllResources() =>
            VirtualNetworks.Cast<AzureResource>()
                .Concat(RouteTables).Concat(NetworkInterfaces).Concat(VirtualNetworkGateways).Concat(LocalNetworkGateways)
                .Concat(Connections).Concat(ExpressRouteCircuits).Concat(AzureFirewalls).Concat(LoadBalancers)
                .Concat(NetworkVirtualAppliances).Concat(PrivateEndpoints).Concat(PublicIpAddresses).Concat(VirtualWans).Concat(VirtualHubs)
                .Concat(NetworkManagers).Concat(NetworkGroups).Concat(ConnectivityConfigurations).Concat(SecurityResources());

        /// <summary>Counts per modelled type, for summaries.</summary>
        public IReadOnlyDictionary<string, int> Counts()
        {
            var counts = RoutingCounts();
            foreach (var c in SecurityCounts()) counts[c.Key] = c.Value;
            return counts;
        }

        private Dictionary<string, int> RoutingCounts() => new Dictionary<string, int>
        {
            ["virtualNetworks"] = VirtualNetworks.Count,
            ["subnets"] = VirtualNetworks.Sum(v => v.Subnets.Count),
            ["virtualNetworkPeerings"] = VirtualNetworks.Sum(v => v.Peerings.Count),
            ["routeTables"] = RouteTables.Count,
            ["routes"] = RouteTables.Sum(t => t.Routes.Count),
            ["networkInterfaces"] = NetworkInterfaces.Count,
            ["virtualNetworkGateways"] = VirtualNetworkGateways.Count,
            ["localNetworkGateways"] = LocalNetworkGateways.Count,
            ["connections"] = Connections.Count,
            ["expressRouteCircuits"] = ExpressRouteCircuits.Count,
            ["azureFirewalls"] = AzureFirewalls.Count,
            ["loadBalancers"] = LoadBalancers.Count,
            ["networkVirtualAppliances"] = NetworkVirtualAppliances.Count,
            ["privateEndpoints"] = PrivateEndpoints.Count,
            ["publicIPAddresses"] = PublicIpAddresses.Count,
            ["virtualWans"] = VirtualWans.Count,
            ["virtualHubs"] = VirtualHubs.Count,
            ["networkManagers"] = NetworkManagers.Count,
            ["networkGroups"] = NetworkGroups.Count,
            ["connectivityConfigurations"] = ConnectivityConfigurations.Count,
            ["hubVirtualNetworkConnections"] = HubVirtualNetworkConnections.Count,
            ["hubRouteTables"] = HubRouteTables.Count,
            ["routingIntents"] = RoutingIntents.Count,
            ["staticMembers"] = StaticMembers.Count,
            ["bgpConnections"] = BgpConnections.Count,
            ["hubIpConfigurations"] = HubIpConfigurations.Count,
        };
    }
}
