using System;
using System.Collections.Generic;
using System.Linq;
using AzSpokeTools.Engine.Addresses;
using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Engine.Routing
{
    /// <summary>
    /// AVNM connected groups: which VNets a deployed mesh (or hub-and-spoke with direct connectivity)
    /// connects, and the ConnectedGroup routes each member gets (docs/routing-model.md#avnm-connectivity-configurations).
    /// </summary>
    internal sealed class ConnectedGroups
    {
        private readonly RoutingContext _ctx;
        private readonly Dictionary<ResourceId, List<ConnectedGroup>> _byVnet = new Dictionary<ResourceId, List<ConnectedGroup>>();
        private readonly List<string> _unknowns = new List<string>();

        public ConnectedGroups(RoutingContext ctx)
        {
            _ctx = ctx;
            Build();
        }

        /// <summary>Every connected group, deployed or not (the readiness and intent checks read undeployed ones too).</summary>
        public List<ConnectedGroup> All { get; } = new List<ConnectedGroup>();

        public IReadOnlyList<ConnectedGroup> Of(ResourceId vnet) =>
            _byVnet.TryGetValue(vnet, out var l) ? l : (IReadOnlyList<ConnectedGroup>)Array.Empty<ConnectedGroup>();

        public IReadOnlyList<string> Unknowns => _unknowns;

        private void Build()
        {
            var groups = _ctx.Topology.NetworkGroups.ToDictionary(g => g.Id);
            foreach (var config in _ctx.Topology.ConnectivityConfigurations)
            {
                // docs/routing-model.md#avnm-connectivity-configurations: a mesh connects every VNet of its groups (one connected group [INFER]);
                // hub-and-spoke creates a connected group per spoke group with groupConnectivity DirectlyConnected.
                var sets = new List<(List<ConnectivityGroupItem> Items, bool Global)>();
                if (config.IsMesh) sets.Add((config.AppliesToGroups.ToList(), config.IsGlobal || config.AppliesToGroups.Any(i => i.IsGlobal)));
                else if (config.IsHubAndSpoke)
                    foreach (var item in config.AppliesToGroups.Where(i => i.DirectlyConnected))
                        sets.Add((new List<ConnectivityGroupItem> { item }, item.IsGlobal || config.IsGlobal));
                foreach (var (items, global) in sets)
                {
                    var members = new List<VirtualNetwork>();
                    var groupNames = new List<string>();
                    foreach (var item in items)
                    {
                        if (!groups.TryGetValue(item.NetworkGroupId, out var g))
                        {
                            _unknowns.Add($"connectivity configuration {config.Name} applies to network group {item.NetworkGroupId} which is not in the snapshot");
                            continue;
                        }
                        groupNames.Add(g.Name);
                        foreach (var vnet in Members(g))
                            if (!members.Contains(vnet)) members.Add(vnet);
                    }
                    var cg = new ConnectedGroup(config, string.Join(", ", groupNames), global, members);
                    cg.OverlapsSet = cg.OverlappingPrefixes(_ctx);
                    All.Add(cg);
                    foreach (var m in members)
                    {
                        if (!_byVnet.TryGetValue(m.Id, out var list)) _byVnet[m.Id] = list = new List<ConnectedGroup>();
                        list.Add(cg);
                    }
                }
            }
        }

        private IEnumerable<VirtualNetwork> Members(NetworkGroup g)
        {
            bool any = false;
            foreach (var id in g.StaticMemberIds)
            {
                var v = _ctx.Vnet(id) ?? _ctx.Vnet(id.Parent); // subnet members belong to their VNet
                if (v != null) { any = true; yield return v; }
            }
            foreach (var e in _ctx.Topology.EffectiveConnectivity.Values)
                if (e.NetworkGroupIds.Contains(g.Id) && _ctx.Vnet(e.VirtualNetworkId) is VirtualNetwork v && !g.StaticMemberIds.Contains(v.Id))
                {
                    any = true;
                    yield return v;
                }
            if (!any)
                _unknowns.Add($"network group {g.Name} has no members in the snapshot (Azure Policy membership is not resolved offline; capture listNetworkManagerEffectiveConnectivityConfigurations)");
        }

        /// <summary>
        /// Whether the configuration is committed in the region; when the status was not captured it is taken
        /// as deployed and <paramref name="assumption"/> says so (README.md#snapshots).
        /// </summary>
        public bool IsDeployed(ConnectivityConfiguration config, string region, out string? assumption)
        {
            // Asked once per member pair by the route and path code: remember the answer per configuration and region.
            var key = (config, region ?? "");
            if (_deployed.TryGetValue(key, out var known))
            {
                assumption = known.Assumption;
                return known.Deployed;
            }
            bool deployed = ComputeIsDeployed(config, region ?? "", out assumption);
            _deployed[key] = (deployed, assumption);
            return deployed;
        }

        private readonly Dictionary<(ConnectivityConfiguration, string), (bool Deployed, string? Assumption)> _deployed = new Dictionary<(ConnectivityConfiguration, string), (bool, string?)>();

        private bool ComputeIsDeployed(ConnectivityConfiguration config, string region, out string? assumption)
        {
            assumption = null;
            var manager = _ctx.Topology.NetworkManagers.FirstOrDefault(m => m.Id == config.NetworkManagerId);
            if (manager?.Deployments == null)
            {
                assumption = $"AVNM deployment status was not captured: configuration {config.Name} is taken as deployed in {RegionText(region)}";
                return true;
            }
            // docs/routing-model.md#avnm-connectivity-configurations: configurations don't take effect until they're deployed (committed per region).
            return manager.Deployments.Any(d =>
                string.Equals(d.DeploymentType, "Connectivity", StringComparison.OrdinalIgnoreCase) &&
                string.Equals(d.Region, region, StringComparison.OrdinalIgnoreCase) && d.IsDeployed &&
                d.ConfigurationIds.Any(c => NamesConfig(c, config)));
        }

        private static bool NamesConfig(string text, ConnectivityConfiguration config) =>
            (ResourceId.TryParse(text, out var id) && id == config.Id) || string.Equals(text, config.Name, StringComparison.OrdinalIgnoreCase);

        private static string RegionText(string region) => string.IsNullOrEmpty(region) ? "its region" : region;

        /// <summary>The ConnectedGroup routes of <paramref name="vnet"/>.</summary>
        public void AddRoutes(VirtualNetwork vnet, RouteCandidates into)
        {
            foreach (var u in _unknowns) into.Unknown(u);
            foreach (var cg in Of(vnet.Id))
            {
                // docs/routing-model.md#avnm-connectivity-configurations: captured effective connectivity of the VNet says what applies to it.
                if (_ctx.Topology.EffectiveConnectivity.TryGetValue(vnet.Id, out var eff) && !eff.ConfigurationIds.Contains(cg.Configuration.Id))
                    continue;
                if (!IsDeployed(cg.Configuration, vnet.Location, out var note))
                    continue;
                if (note != null) into.Assume(note);
                foreach (var route in cg.RoutesFor(vnet, this, into)) into.Routes.Add(route);
            }
        }
    }

    /// <summary>One connected group: a configuration's set of directly connected VNets.</summary>
    internal sealed class ConnectedGroup
    {
        private HashSet<IpPrefix>? _overlapping;
        private readonly Dictionary<(ResourceId, IpPrefix), EffectiveRoute> _routes = new Dictionary<(ResourceId, IpPrefix), EffectiveRoute>();

        public ConnectedGroup(ConnectivityConfiguration configuration, string groupNames, bool global, List<VirtualNetwork> members)
        {
            Configuration = configuration;
            GroupNames = groupNames;
            Global = global;
            Members = members;
        }

        public ConnectivityConfiguration Configuration { get; }
        public string GroupNames { get; }
        public bool Global { get; }
        public List<VirtualNetwork> Members { get; }

        /// <summary>
        /// docs/routing-model.md#connected-group-limits: address space that overlaps between members, or with a VNet peered to a member
        /// from outside the group, is removed from the group.
        /// </summary>
        public HashSet<IpPrefix> OverlappingPrefixes(RoutingContext ctx)
        {
            if (_overlapping != null) return _overlapping;
            var result = new HashSet<IpPrefix>();
            var all = Members.SelectMany(m => m.AddressSpace.Select(p => (m, p))).OrderBy(x => x.p).ToList();
            for (int i = 0; i < all.Count; i++)
                for (int j = i + 1; j < all.Count && all[j].p.First <= all[i].p.Last; j++)
                    if (all[i].m != all[j].m && all[i].p.Overlaps(all[j].p)) { result.Add(all[i].p); result.Add(all[j].p); }
            var memberIds = new HashSet<ResourceId>(Members.Select(m => m.Id));
            foreach (var m in Members)
                foreach (var peering in m.Peerings)
                {
                    if (!peering.IsConnected || peering.RemoteVirtualNetworkId is not ResourceId r || memberIds.Contains(r)) continue;
                    var external = peering.RemoteAddressSpace.Count > 0 ? peering.RemoteAddressSpace : ctx.Vnet(r)?.AddressSpace ?? (IReadOnlyList<IpPrefix>)Array.Empty<IpPrefix>();
                    // Loops, not lambdas: this runs for every member's every peering over the whole group.
                    foreach (var (_, p) in all)
                        for (int e = 0; e < external.Count; e++)
                            if (external[e].Overlaps(p)) { result.Add(p); break; }
                }
            return _overlapping = result;
        }

        public IEnumerable<EffectiveRoute> RoutesFor(VirtualNetwork vnet, ConnectedGroups groups, RouteCandidates into)
        {
            foreach (var other in Members)
            {
                if (other == vnet) continue;
                // docs/routing-model.md#avnm-connectivity-configurations: without global mesh, connected-group routes exist only within one region.
                if (!Global && !string.Equals(other.Location, vnet.Location, StringComparison.OrdinalIgnoreCase)) continue;
                // Each region is committed on its own: the other member's region must have the configuration too.
                if (!groups.IsDeployed(Configuration, other.Location, out var note)) continue;
                if (note != null) into.Assume(note);
                for (int k = 0; k < other.AddressSpace.Count; k++)
                {
                    var p = other.AddressSpace[k];
                    if (OverlapsSet.Contains(p) || OverlapsAny(vnet.AddressSpace, p)) continue;
                    if (!_routes.TryGetValue((other.Id, p), out var route))
                    {
                        route = new EffectiveRoute(null, RouteSource.Default, EffectiveRoute.One(p), NextHopType.ConnectedGroup,
                            originId: Configuration.Id.Value, origin: $"connected group of {Configuration.Name} ({GroupNames}) to {other.Name}");
                        _routes[(other.Id, p)] = route;
                    }
                    yield return route;
                }
            }
        }

        private static bool OverlapsAny(IReadOnlyList<IpPrefix> space, IpPrefix p)
        {
            for (int k = 0; k < space.Count; k++) if (space[k].Overlaps(p)) return true;
            return false;
        }

        internal HashSet<IpPrefix> OverlapsSet { get; set; } = new HashSet<IpPrefix>();

        private List<VirtualNetwork>? _withPrivateEndpoints;

        /// <summary>The members that hold private endpoints (few), so members' /32 routes need not scan the whole group.</summary>
        public List<VirtualNetwork> MembersWithPrivateEndpoints(RoutingContext ctx) =>
            _withPrivateEndpoints ??= Members.Where(m => ctx.PrivateEndpointsByVnet.ContainsKey(m.Id)).ToList();
    }
}
