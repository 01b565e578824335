using System;
using System.Collections.Generic;
using System.Linq;
using AzSpokeTools.Engine.Addresses;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Paths;
using AzSpokeTools.Engine.Readiness;
using AzSpokeTools.Engine.Requests;
using AzSpokeTools.Engine.Routing;

namespace AzSpokeTools.Engine.Migration
{
    /// <summary>Builds a <see cref="MigrationPlan"/> from a topology, a selection and the readiness findings.</summary>
    internal sealed class MigrationPlanner
    {
        private readonly Topology _t;
        private readonly MeshSelection _selection;
        private readonly MigrationOptions _o;
        private readonly ReadinessChecker _checker;
        private readonly ReadinessReport _readiness;

        public MigrationPlanner(Topology topology, MeshSelection selection, MigrationOptions options, ReadinessReport readiness, ReadinessChecker checker)
        {
            _t = topology; _selection = selection; _o = options; _readiness = readiness; _checker = checker;
        }

        public MigrationPlan Build()
        {
            var plan = new MigrationPlan
            {
                SnapshotCapturedAt = _t.CapturedAt,
                SnapshotSource = _t.SourceDescription ?? string.Join(", ", _t.Files),
                Selection = _selection,
                Readiness = _readiness,
                Options = _o,
            };
            plan.Regions = _checker.Regions;
            var manager = ChooseManager();
            plan.NetworkManager = manager;
            var waves = PlanWaves();
            plan.NetworkGroup = PlanGroup(manager, waves);
            plan.Configuration = new PlannedConnectivityConfiguration(
                manager.Id.Child("connectivityConfigurations", _o.ConfigurationName),
                $"Mesh of {_selection.Members.Count} VNets replacing spoke-to-spoke hairpins ({_o.OwnerMarker})",
                _checker.Global,
                // azure-routing-rules.md §4.2: Disallowed rejects overlapping members at admission; keep Allowed only when the selection already overlaps.
                _readiness.Of(ReadinessRules.OverlapInGroup).Any() ? "Allowed" : "Disallowed",
                // azure-routing-rules.md §4.2: connectedGroupPrivateEndpointsScale Standard (2,000) or HighScale (20,000).
                _o.Readiness.HighScalePrivateEndpoints ? "HighScale" : "Standard");
            plan.Commits = PlanCommits(manager, plan.Configuration);
            plan.RouteTableChanges = PlanRouteChanges(waves);
            plan.GatewayToggles = PlanGatewayToggles();
            plan.Waves = BuildWaves(plan, waves);
            return plan;
        }

        // ------------------------------------------------------------ network manager and group

        private PlannedNetworkManager ChooseManager()
        {
            if (_selection.ExistingGroup is NetworkGroup g)
            {
                var owner = _t.NetworkManagers.FirstOrDefault(m => m.Id == g.NetworkManagerId);
                if (owner != null) return new PlannedNetworkManager(owner.Id, owner.Location, true, owner.ScopeSubscriptions);
            }
            if (!string.IsNullOrWhiteSpace(_o.NetworkManager))
            {
                var text = _o.NetworkManager!.Trim();
                var found = _t.NetworkManagers.Where(m => string.Equals(m.Name, text, StringComparison.OrdinalIgnoreCase) ||
                                                          (ResourceId.TryParse(text, out var id) && m.Id == id)).ToList();
                if (found.Count == 1) return new PlannedNetworkManager(found[0].Id, found[0].Location, true, found[0].ScopeSubscriptions);
                if (found.Count > 1) throw new EngineInputException("NetworkManager", $"{found.Count} network managers are named '{text}'; give its id");
                if (text.IndexOf("/providers/", StringComparison.OrdinalIgnoreCase) >= 0 && ResourceId.TryParse(text, out var newId))
                    return NewManager(newId);
                throw new EngineInputException("NetworkManager", $"no network manager named '{text}' in the snapshot; give a full resource id to create one");
            }
            if (_t.NetworkManagers.Count == 1)
            {
                var m = _t.NetworkManagers[0];
                return new PlannedNetworkManager(m.Id, m.Location, true, m.ScopeSubscriptions);
            }
            var hubs = HubClassification.Hubs(_t);
            var anchor = _t.VirtualNetworks.FirstOrDefault(v => hubs.Contains(v.Id)) ?? _selection.Members[0];
            var sub = anchor.SubscriptionId ?? _selection.Members[0].SubscriptionId ?? "00000000-0000-0000-0000-000000000000";
            var rg = anchor.ResourceGroup ?? "rg-avnm";
            return NewManager(ResourceId.Parse($"/subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.Network/networkManagers/{_o.NewNetworkManagerName}"));
        }

        private PlannedNetworkManager NewManager(ResourceId id)
        {
            var subs = _selection.Members.Select(m => m.SubscriptionId).Where(s => s != null).Select(s => "/subscriptions/" + s)
                .Append("/subscriptions/" + id.SubscriptionId).Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(s => s, StringComparer.Ordinal).ToList();
            var location = _selection.Members[0].Location;
            return new PlannedNetworkManager(id, location, false, subs);
        }

        private PlannedNetworkGroup PlanGroup(PlannedNetworkManager manager, List<(string Name, List<VirtualNetwork> Members, string Why)> waves)
        {
            if (_selection.ExistingGroup is NetworkGroup g)
                return new PlannedNetworkGroup(g.Id, "existing group " + g.Name + " (not changed by the plan)", MembershipMode.Existing, new List<PlannedStaticMember>(), null);
            var id = manager.Id.Child("networkGroups", _o.NetworkGroupName);
            var description = $"VNets of the azspoke mesh migration ({_o.OwnerMarker})";
            if (_o.DynamicMembership)
            {
                // azure-routing-rules.md §4.1: network groups also take Azure Policy-based (dynamic) members.
                var tags = MeshSelectionCriteria.ParseTags(_selectionTags);
                if (tags.Count != 1)
                    throw new EngineInputException("Tag", "dynamic membership needs the selection to be exactly one tag KEY=VALUE");
                return new PlannedNetworkGroup(id, description, MembershipMode.Policy, new List<PlannedStaticMember>(), tags[0]);
            }
            var members = new List<PlannedStaticMember>();
            var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (int w = 0; w < waves.Count; w++)
                foreach (var v in waves[w].Members)
                {
                    var name = "sm-" + v.Name;
                    if (name.Length > 64) name = name.Substring(0, 64);
                    var unique = name;
                    for (int k = 2; !used.Add(unique); k++) unique = name + "-" + k;
                    members.Add(new PlannedStaticMember(id.Child("staticMembers", unique), v, w + 1));
                }
            return new PlannedNetworkGroup(id, description, MembershipMode.Static, members, null);
        }

        private IReadOnlyList<string> _selectionTags = Array.Empty<string>();

        /// <summary>The tags of the selection criteria (for dynamic membership).</summary>
        public MigrationPlanner WithSelectionTags(IReadOnlyList<string> tags)
        {
            _selectionTags = tags;
            return this;
        }

        // ------------------------------------------------------------ waves

        private int PrivateEndpoints(VirtualNetwork v) =>
            _checker.Routing.PrivateEndpointsByVnet.TryGetValue(v.Id, out var l) ? l.Count : 0;

        private List<(string Name, List<VirtualNetwork> Members, string Why)> PlanWaves()
        {
            var members = _selection.Members;
            var impacted = new HashSet<ResourceId>(_checker.RouteImpacts.Select(i => i.Source.Id)); // members whose own routes change behaviour
            var nonProd = members.Where(m => MemberCaveatRules.IsProduction(m) == false).ToList();
            var untagged = members.Where(m => MemberCaveatRules.IsProduction(m) == null).ToList();
            var prod = members.Where(m => MemberCaveatRules.IsProduction(m) == true).ToList();
            var waves = new List<(string, List<VirtualNetwork>, string)>();
            var taken = new HashSet<ResourceId>();

            int pilotSize = Math.Max(1, Math.Min(_o.PilotSize, Math.Max(2, members.Count / 20)));
            // Pilot: non-production first (environment tag), then untagged, simplest first (no route impacts, no private endpoints).
            var pilotPool = (nonProd.Count > 0 ? nonProd : untagged.Count > 0 ? untagged : prod)
                .OrderBy(m => impacted.Contains(m.Id) ? 1 : 0).ThenBy(m => PrivateEndpoints(m)).ThenBy(m => m.Name, StringComparer.OrdinalIgnoreCase).ToList();
            var pilot = pilotPool.Take(pilotSize).ToList();
            foreach (var m in pilot) taken.Add(m.Id);
            waves.Add(("pilot", pilot, nonProd.Count > 0
                ? $"{pilot.Count} non-production VNets (environment tag), fewest route-table and private-endpoint dependencies first"
                : untagged.Count > 0 ? $"{pilot.Count} VNets without an environment tag (no non-production tag found), fewest dependencies first"
                : $"{pilot.Count} production VNets (no non-production VNet in the selection), fewest dependencies first"));

            // Light production: the remaining non-production members and a small share of production ones without dependencies.
            var restNonProd = nonProd.Concat(untagged).Where(m => !taken.Contains(m.Id)).ToList();
            var prodPool = (prod.Count > 0 ? prod : restNonProd).Where(m => !taken.Contains(m.Id))
                .OrderBy(m => impacted.Contains(m.Id) ? 1 : 0).ThenBy(m => PrivateEndpoints(m)).ThenBy(m => m.Name, StringComparer.OrdinalIgnoreCase).ToList();
            int lightCount = Math.Max(1, (int)Math.Ceiling(prodPool.Count * _o.LightProductionShare));
            var light = new List<VirtualNetwork>();
            if (prod.Count > 0) light.AddRange(restNonProd);
            light.AddRange(prodPool.Take(lightCount).Where(m => !light.Contains(m)));
            foreach (var m in light) taken.Add(m.Id);
            if (light.Count > 0)
                waves.Add(("light-production", light, $"{light.Count} VNets: {light.Count(m => MemberCaveatRules.IsProduction(m) == true)} production VNets with the fewest dependencies" +
                    (prod.Count > 0 && restNonProd.Count > 0 ? $" and the remaining {restNonProd.Count} non-production or untagged VNets" : "")));

            var rest = members.Where(m => !taken.Contains(m.Id)).ToList();
            if (rest.Count > 0) waves.Add(("rest", rest, $"the remaining {rest.Count} VNets"));
            return waves;
        }

        private List<MigrationWave> BuildWaves(MigrationPlan plan, List<(string Name, List<VirtualNetwork> Members, string Why)> waves)
        {
            var result = new List<MigrationWave>();
            var cumulative = new List<VirtualNetwork>();
            int pe = 0;
            for (int i = 0; i < waves.Count; i++)
            {
                var (name, members, why) = waves[i];
                cumulative.AddRange(members);
                pe += members.Sum(PrivateEndpoints);
                var regions = members.Select(m => m.Location).Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(r => r, StringComparer.Ordinal).ToList();
                var wave = new MigrationWave(i + 1, name, members, cumulative.Count, pe, regions, why);
                var limits = _o.Readiness;
                // azure-routing-rules.md §4.2: VNets and private endpoints per connected group.
                if (cumulative.Count > limits.EffectiveGroupLimit)
                {
                    wave.WithinLimits = false;
                    wave.LimitNote = $"{cumulative.Count} VNets in the group after this wave; the connected-group limit is {limits.EffectiveGroupLimit}";
                }
                else if (pe > limits.EffectivePrivateEndpointLimit)
                {
                    wave.WithinLimits = false;
                    wave.LimitNote = $"{pe} private endpoints in the group after this wave; the limit is {limits.EffectivePrivateEndpointLimit}";
                }
                wave.Validation = Validate(plan, cumulative);
                wave.Rollback = Rollback(plan, wave, i == 0);
                result.Add(wave);
            }
            return result;
        }

        private WaveValidation Validate(MigrationPlan plan, List<VirtualNetwork> cumulative)
        {
            var set = new HashSet<ResourceId>(cumulative.Select(m => m.Id));
            // azure-routing-rules.md §4.2: overlapping space inside the group gets no ConnectedGroup route.
            var overlapping = new HashSet<IpPrefix>();
            var all = cumulative.SelectMany(m => m.AddressSpace.Select(p => (m, p))).OrderBy(x => x.p).ToList();
            for (int i = 0; i < all.Count; i++)
                for (int j = i + 1; j < all.Count && all[j].p.First <= all[i].p.Last; j++)
                    if (all[i].m != all[j].m && all[i].p.Overlaps(all[j].p)) { overlapping.Add(all[i].p); overlapping.Add(all[j].p); }
            var prefixes = all.Where(x => !overlapping.Contains(x.p)).Select(x => (x.m, x.p)).ToList();
            var excluded = all.Where(x => overlapping.Contains(x.p)).Select(x => (x.m, x.p, "overlaps another member: traffic to it is dropped (Azure docs: \"Connectivity configurations in Azure Virtual Network Manager\")")).ToList();

            var keep = new Dictionary<(ResourceId, ResourceId), RouteImpact>();
            foreach (var i in _checker.RouteImpacts)
                if (i.Kind == RouteImpactKind.KeepsPairOffMesh && i.Route.NextHopType == NextHopType.VirtualAppliance && set.Contains(i.Source.Id) && set.Contains(i.Destination.Id))
                    keep[(i.Source.Id, i.Destination.Id)] = i;
            var kinds = new Dictionary<PathKind, int>();
            var exceptions = new List<PairExpectation>();
            var overlapVnets = new HashSet<ResourceId>(excluded.Select(e => e.m.Id));
            foreach (var a in cumulative)
                foreach (var b in cumulative)
                {
                    if (a == b || !_checker.MeshConnects(a, b)) continue;
                    PathKind expected = PathKind.Mesh;
                    if (keep.TryGetValue((a.Id, b.Id), out var k))
                    {
                        expected = PathKind.Appliance;
                        exceptions.Add(new PairExpectation(a, b, expected, $"route {k.Route.Name} ({k.Route.AddressPrefix}) in {k.RouteTable.Name} is kept for inspection"));
                    }
                    else if (a.Peerings.Any(p => p.IsConnected && !p.IsSubnetPeering && p.RemoteVirtualNetworkId == b.Id))
                    {
                        // The engine keeps the existing peering's route for a directly peered pair (routing rules §4.1 give no precedence between the two).
                        expected = PathKind.Direct;
                        exceptions.Add(new PairExpectation(a, b, expected, $"{a.Name} and {b.Name} are directly peered; the pair keeps the peering"));
                    }
                    else if (b.AddressSpace.All(p => overlapping.Contains(p)))
                    {
                        expected = PathKind.None;
                        exceptions.Add(new PairExpectation(a, b, expected, $"{b.Name}'s address space overlaps another member"));
                    }
                    kinds[expected] = kinds.TryGetValue(expected, out var n) ? n + 1 : 1;
                }
            return new WaveValidation(prefixes, _checker.Global, excluded, kinds, exceptions);
        }

        private WaveRollback Rollback(MigrationPlan plan, MigrationWave wave, bool first)
        {
            var nm = plan.NetworkManager;
            var cmds = new List<string>();
            var restore = plan.RouteTableChanges.Where(c => c.Action == RouteTableAction.Remove && c.Wave == wave.Number).ToList();
            foreach (var c in restore)
                cmds.Add(IacText.RestoreRouteCommand(c));
            if (plan.NetworkGroup.Mode == MembershipMode.Static)
                foreach (var m in plan.NetworkGroup.StaticMembers.Where(s => s.Wave == wave.Number))
                    cmds.Add($"Remove-AzNetworkManagerStaticMember -ResourceGroupName '{nm.ResourceGroup}' -NetworkManagerName '{nm.Name}' -NetworkGroupName '{plan.NetworkGroup.Name}' -Name '{m.Name}' -Force");
            string description;
            if (first || plan.NetworkGroup.Mode != MembershipMode.Static)
            {
                foreach (var c in plan.Commits.Where(c => wave.Regions.Contains(c.Region)))
                    cmds.Add(IacText.CommitCommand(nm, c.Region, c.ExistingConfigurationIds));
                description = "Re-commit the previous configuration set in the wave's regions (the connected group disappears and the hairpin paths, still in place, take over again)" +
                              (plan.NetworkGroup.Mode == MembershipMode.Static ? ", then remove the wave's static members" : "") +
                              (restore.Count > 0 ? "; re-create the routes removed in this wave" : "") + ".";
            }
            else
                description = "Remove the wave's static members (the group's other members stay meshed; the removed VNets fall back to their hub paths)" +
                              (restore.Count > 0 ? "; re-create the routes removed in this wave" : "") + ".";
            return new WaveRollback(description, cmds);
        }

        // ------------------------------------------------------------ commits, routes, gateways

        private IReadOnlyList<RegionCommit> PlanCommits(PlannedNetworkManager manager, PlannedConnectivityConfiguration config)
        {
            var existing = _t.NetworkManagers.FirstOrDefault(m => m.Id == manager.Id);
            var result = new List<RegionCommit>();
            foreach (var region in _checker.Regions)
            {
                var rows = existing?.Deployments?.Where(d => string.Equals(d.DeploymentType, "Connectivity", StringComparison.OrdinalIgnoreCase) &&
                                                             string.Equals(d.Region, region, StringComparison.OrdinalIgnoreCase)).ToList();
                var ids = new List<string>();
                foreach (var d in rows ?? new List<AvnmDeployment>())
                    foreach (var c in d.ConfigurationIds)
                    {
                        // Some captures list names; make them ids of the same manager.
                        var id = c.IndexOf('/') >= 0 ? c : manager.Id.Child("connectivityConfigurations", c).Value;
                        if (!ids.Any(x => string.Equals(x, id, StringComparison.OrdinalIgnoreCase)) && !string.Equals(id, config.Id.Value, StringComparison.OrdinalIgnoreCase)) ids.Add(id);
                    }
                // peers.md §3: a commit is the region's complete goal state, so the existing configurations stay in it.
                var full = ids.Concat(new[] { config.Id.Value }).ToList();
                result.Add(new RegionCommit(region, ids, full, rows?.Select(r => r.DeploymentStatus).FirstOrDefault(), existing?.Deployments != null));
            }
            return result;
        }

        private IReadOnlyList<RouteTableChange> PlanRouteChanges(List<(string Name, List<VirtualNetwork> Members, string Why)> waves)
        {
            var waveOf = new Dictionary<ResourceId, int>();
            for (int w = 0; w < waves.Count; w++) foreach (var m in waves[w].Members) waveOf[m.Id] = w + 1;
            var result = new List<RouteTableChange>();
            foreach (var g in _checker.RouteImpacts.GroupBy(i => (i.Kind, i.RouteTable.Id, i.Route.Name)))
            {
                var first = g.First();
                var pairs = g.Select(i => (i.Source, i.Destination)).Distinct().ToList();
                RouteTableAction action;
                string reason;
                if (first.Kind == RouteImpactKind.KeepsPairOffMesh && first.Route.NextHopType == NextHopType.VirtualNetworkGateway)
                {
                    action = RouteTableAction.Remove;
                    reason = "gateway route as specific as the member prefix: it would keep the pairs on the gateway instead of the mesh (Azure docs: \"Virtual network traffic routing\" > \"How Azure selects a route\")";
                }
                else if (first.Kind == RouteImpactKind.KeepsPairOffMesh)
                {
                    action = RouteTableAction.KeepForInspection;
                    reason = "appliance route as specific as the member prefix: kept so the pairs stay inspected (remove it to move them to the mesh)";
                }
                else
                {
                    action = RouteTableAction.KeepBypassed;
                    reason = "summary route still used for other destinations, but the more specific ConnectedGroup routes bypass it for these pairs: inspection is lost (Azure docs: \"Virtual network traffic routing\" > \"How Azure selects a route\")";
                }
                // A removal serves the pair once both ends are meshed: the wave of the later member.
                int wave = action == RouteTableAction.Remove ? pairs.Min(p => Math.Max(waveOf[p.Source.Id], waveOf[p.Destination.Id])) : 0;
                result.Add(new RouteTableChange(action, first.RouteTable, first.Route, pairs, reason) { Wave = wave });
            }
            return result.OrderBy(c => c.Action).ThenBy(c => c.RouteTable.Name, StringComparer.OrdinalIgnoreCase).ThenBy(c => c.Route.Name, StringComparer.Ordinal).ToList();
        }

        private IReadOnlyList<GatewayToggle> PlanGatewayToggles()
        {
            var hubIds = new HashSet<ResourceId>(_selection.Members.SelectMany(m => m.Peerings).Where(p => p.IsConnected && p.RemoteVirtualNetworkId != null)
                .Select(p => p.RemoteVirtualNetworkId!.Value));
            // azure-routing-rules.md §6.1: allowRemoteVnetTraffic on the ER gateways is what lets the MSEE hairpin carry VNet-to-VNet traffic.
            return _t.VirtualNetworkGateways
                .Where(g => g.IsExpressRoute && g.VirtualNetworkId is ResourceId v && hubIds.Contains(v) && g.AllowRemoteVnetTraffic != false)
                .OrderBy(g => g.Name, StringComparer.OrdinalIgnoreCase)
                .Select(g => new GatewayToggle(g, g.AllowRemoteVnetTraffic)).ToList();
        }
    }
}
