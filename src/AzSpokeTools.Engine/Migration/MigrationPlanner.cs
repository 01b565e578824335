using System;
using System.Collections.Generic;
using System.Linq;
using AzSpokeTools.Engine.Addresses;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Paths;
using AzSpokeTools.Engine.Readiness;

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
        private IReadOnlyList<string> _selectionTags = Array.Empty<string>();

        public MigrationPlanner(Topology topology, MeshSelection selection, MigrationOptions options, ReadinessReport readiness, ReadinessChecker checker)
        {
            _t = topology; _selection = selection; _o = options; _readiness = readiness; _checker = checker;
        }

        /// <summary>The tags of the selection criteria (for dynamic membership).</summary>
        public MigrationPlanner WithSelectionTags(IReadOnlyList<string> tags)
        {
            _selectionTags = tags;
            return this;
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
                Regions = _checker.Regions,
                NetworkManager = _checker.Manager,
            };
            var impacted = new HashSet<ResourceId>(_checker.RouteImpacts.Select(i => i.Source.Id));
            var waves = WavePlanner.Plan(_selection.Members, _o, impacted, PrivateEndpoints);
            plan.Handover = PlanHandover(plan.NetworkManager);
            bool handover = plan.Handover.Kind != HandoverKind.None;
            plan.Configuration = PlanConfiguration(plan.NetworkManager, temporary: plan.Handover.Kind == HandoverKind.ExistingConfiguration);
            plan.NetworkGroup = PlanGroup(plan.NetworkManager, waves, handover);
            plan.WaveMembership = !handover
                ? $"static members of {plan.NetworkGroup.Name}, added wave by wave; {plan.Configuration.Name} applies to it and is committed in each wave's regions"
                : waves.Count == 1
                    ? $"one wave: it commits the end state at once ({plan.Handover.Description})"
                    : $"temporary static group {plan.NetworkGroup.Name} filled wave by wave (waves 1..{waves.Count - 1}) under {plan.Configuration.Name}; " +
                      $"the final wave hands over: {plan.Handover.Description}";
            plan.RouteTableChanges = PlanRouteChanges(waves);
            plan.GatewayToggles = PlanGatewayToggles();
            plan.Waves = BuildWaves(plan, waves);
            plan.Preparation = PlanPreparation();
            return plan;
        }

        private int PrivateEndpoints(VirtualNetwork v) =>
            _checker.Routing.PrivateEndpointsByVnet.TryGetValue(v.Id, out var l) ? l.Count : 0;

        // ------------------------------------------------------------ configuration, group, handover

        private MeshHandover PlanHandover(PlannedNetworkManager manager)
        {
            if (_checker.Adoption.Configuration is ConnectivityConfiguration adopted)
                return new MeshHandover(HandoverKind.ExistingConfiguration, adopted.Id, adopted.AppliesToGroups.FirstOrDefault()?.NetworkGroupId, null,
                    $"commit the existing configuration {adopted.Name} (never deployed, over {string.Join(", ", adopted.AppliesToGroups.Select(i => i.NetworkGroupId.Name))}) in place of {_o.ConfigurationName}; it is not changed");
            if (_selection.ExistingGroup is NetworkGroup g && !ExistingMeshRules.IsOwned(g.Tags, g.Description, _o.Owner))
                return new MeshHandover(HandoverKind.ExistingGroup, manager.Id.Child("connectivityConfigurations", _o.ConfigurationName), g.Id, null,
                    $"point {_o.ConfigurationName} at the existing group {g.Name} (it holds every member; it is not changed)");
            if (_o.DynamicMembership)
            {
                // Azure docs, "Use Azure Policy to define network group membership": a policy (mode Microsoft.Network.Data, effect addToNetworkGroup) adds tagged VNets.
                var tags = MeshSelectionCriteria.ParseTags(_selectionTags);
                if (tags.Count != 1) throw new EngineInputException("Tag", "dynamic membership needs the selection to be exactly one tag KEY=VALUE");
                var group = manager.Id.Child("networkGroups", _o.NetworkGroupName);
                return new MeshHandover(HandoverKind.PolicyGroup, manager.Id.Child("connectivityConfigurations", _o.ConfigurationName), group, tags[0],
                    $"point {_o.ConfigurationName} at {group.Name}, whose members an Azure Policy adds by the tag {tags[0].Key}={tags[0].Value} (policy evaluation can take a while after the commit)");
            }
            return MeshHandover.NoHandover;
        }

        private PlannedConnectivityConfiguration PlanConfiguration(PlannedNetworkManager manager, bool temporary)
        {
            var id = manager.Id.Child("connectivityConfigurations", _o.ConfigurationName);
            if (_checker.Adoption.Configuration is ConnectivityConfiguration adopted)
                // The waves must connect exactly what the adopted configuration will: same scope and capabilities.
                return new PlannedConnectivityConfiguration(id, $"Temporary mesh of the migration waves until {adopted.Name} takes over ({_o.OwnerMarker})", _checker.Global,
                    adopted.ConnectedGroupAddressOverlap ?? "Allowed", adopted.ConnectedGroupPrivateEndpointsScale ?? "Standard", temporary);
            return new PlannedConnectivityConfiguration(id, $"Mesh of {_selection.Members.Count} VNets replacing spoke-to-spoke hairpins ({_o.OwnerMarker})", _checker.Global,
                // Azure docs, "Limitations with Azure Virtual Network Manager": with Disallowed, AVNM rejects overlapping members; keep Allowed only when the selection already overlaps.
                _readiness.Of(ReadinessRules.OverlapInGroup).Any() ? "Allowed" : "Disallowed",
                // Azure docs, "Connectivity configurations in Azure Virtual Network Manager": Standard (2,000 private endpoints) or HighScale (20,000).
                _o.Readiness.HighScalePrivateEndpoints ? "HighScale" : "Standard", temporary);
        }

        private PlannedNetworkGroup PlanGroup(PlannedNetworkManager manager, List<PlannedWave> waves, bool handover)
        {
            var id = manager.Id.Child("networkGroups", handover ? _o.NetworkGroupName + "-waves" : _o.NetworkGroupName);
            var description = handover
                ? $"Temporary: VNets of the azspoke mesh migration waves until the handover ({_o.OwnerMarker})"
                : $"VNets of the azspoke mesh migration ({_o.OwnerMarker})";
            var members = new List<PlannedStaticMember>();
            var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            // With a handover the final wave's members join through the end state's group, not this one.
            int last = handover ? waves.Count - 1 : waves.Count;
            for (int w = 0; w < last; w++)
                foreach (var v in waves[w].Members)
                {
                    var name = "sm-" + v.Name;
                    if (name.Length > 64) name = name.Substring(0, 64);
                    var unique = name;
                    for (int k = 2; !used.Add(unique); k++) unique = name + "-" + k;
                    members.Add(new PlannedStaticMember(id.Child("staticMembers", unique), v, w + 1));
                }
            return new PlannedNetworkGroup(id, description, handover, members);
        }

        // ------------------------------------------------------------ waves

        private List<MigrationWave> BuildWaves(MigrationPlan plan, List<PlannedWave> waves)
        {
            var result = new List<MigrationWave>();
            var cumulative = new List<VirtualNetwork>();
            int pe = 0;
            for (int i = 0; i < waves.Count; i++)
            {
                var pw = waves[i];
                cumulative.AddRange(pw.Members);
                pe += pw.Members.Sum(PrivateEndpoints);
                var regions = pw.Members.Select(m => m.Location).Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(r => r, StringComparer.Ordinal).ToList();
                var wave = new MigrationWave(i + 1, pw.Name, pw.Members, cumulative.Count, pe, regions, pw.Why)
                {
                    IsHandover = plan.Handover.Kind != HandoverKind.None && i == waves.Count - 1,
                };
                var limits = _o.Readiness;
                // Azure docs, "Limitations with Azure Virtual Network Manager": VNets and private endpoints per connected group.
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
                var commitRegions = wave.IsHandover ? plan.Regions : cumulative.Select(m => m.Location).Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(r => r, StringComparer.Ordinal).ToList();
                wave.Commits = commitRegions.Select(r => PlanCommit(plan, r, wave.IsHandover, i > 0)).ToList();
                wave.Validation = Validate(cumulative);
                result.Add(wave);
            }
            foreach (var wave in result) wave.Rollback = Rollback(plan, wave, result);
            return result;
        }

        /// <summary>One region's commit: what is active there, minus the plan's configuration at the handover, plus the end state's.</summary>
        private RegionCommit PlanCommit(MigrationPlan plan, string region, bool handover, bool planConfigUsedBefore)
        {
            var state = _checker.Deployments;
            var own = plan.Configuration.Id.Value;
            var target = plan.Handover.Kind == HandoverKind.ExistingConfiguration ? plan.Handover.ConfigurationId!.Value.Value : own;
            // Azure docs, "Configuration deployments in Azure Virtual Network Manager" > "Goal state model": the commit is the region's
            // whole goal state, so the active configurations stay; those of a commit that is not Deployed are not active and stay out.
            var active = state.ActiveIn(region).Where(c => !Same(c, own) && !Same(c, target)).ToList();
            var inactive = state.InactiveIn(region);
            var add = new List<string> { handover ? target : own };
            var remove = handover && !Same(target, own) && planConfigUsedBefore ? new List<string> { own } : new List<string>();
            var full = active.Concat(add).ToList();
            return new RegionCommit(region, active, inactive, add, remove, full, state.StatusIn(region), state.Captured);
        }

        private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

        private WaveValidation Validate(List<VirtualNetwork> cumulative)
        {
            var set = new HashSet<ResourceId>(cumulative.Select(m => m.Id));
            // Azure docs, "Limitations with Azure Virtual Network Manager": overlapping address space in a connected group gets no route.
            var overlapping = new HashSet<IpPrefix>();
            var all = cumulative.SelectMany(m => m.AddressSpace.Select(p => (m, p))).OrderBy(x => x.p).ToList();
            for (int i = 0; i < all.Count; i++)
                for (int j = i + 1; j < all.Count && all[j].p.First <= all[i].p.Last; j++)
                    if (all[i].m != all[j].m && all[i].p.Overlaps(all[j].p)) { overlapping.Add(all[i].p); overlapping.Add(all[j].p); }
            var prefixes = all.Where(x => !overlapping.Contains(x.p)).Select(x => new MemberPrefix(x.m, x.p)).ToList();
            var excluded = all.Where(x => overlapping.Contains(x.p))
                .Select(x => new ExcludedPrefix(x.m, x.p, "overlaps another member: traffic to it is dropped (Azure docs, \"Limitations with Azure Virtual Network Manager\")")).ToList();

            var keep = new Dictionary<(ResourceId, ResourceId), RouteImpact>();
            foreach (var i in _checker.RouteImpacts)
                if (i.Kind == RouteImpactKind.KeepsPairOffMesh && i.Route.NextHopType == NextHopType.VirtualAppliance && set.Contains(i.Source.Id) && set.Contains(i.Destination.Id))
                    keep[(i.Source.Id, i.Destination.Id)] = i;
            var kinds = new Dictionary<PathKind, int>();
            var exceptions = new List<PairExpectation>();
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
                        // The engine keeps the existing peering's route for a directly peered pair (the documentation gives no precedence between the two).
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

        private WaveRollback Rollback(MigrationPlan plan, MigrationWave wave, IReadOnlyList<MigrationWave> waves)
        {
            var nm = plan.NetworkManager;
            var cmds = new List<string>();
            // Routes first: a restored gateway route takes its pairs back to the hairpin before the mesh goes.
            var restore = plan.RouteTableChanges.Where(c => c.Action == RouteTableAction.Remove && c.Wave == wave.Number).ToList();
            foreach (var c in restore) cmds.Add(IacText.RestoreRouteCommand(c));
            string description;
            if (wave.IsHandover)
            {
                // Back to the state after the previous wave: its commit sets, the plan's configuration on the temporary group again.
                var previous = waves.FirstOrDefault(w => w.Number == wave.Number - 1);
                if (plan.Handover.Kind != HandoverKind.ExistingConfiguration && previous != null)
                    cmds.Add(IacText.PutCommand(plan.Configuration.Id.Value, AvnmApi.Version, AvnmResourceBodies.Configuration(plan.Configuration, plan.NetworkGroup.Id.Value)));
                foreach (var c in wave.Commits)
                {
                    var before = previous?.Commits.FirstOrDefault(p => Same(p.Region, c.Region))?.ConfigurationIds ?? c.ExistingConfigurationIds;
                    cmds.Add(IacText.CommitCommand(nm, c.Region, before));
                }
                description = previous == null
                    ? "Re-commit each region's previous set (the mesh disappears and the hairpin paths, still in place, take over again)."
                    : "Re-commit each region's set of the previous wave" + (plan.Handover.Kind != HandoverKind.ExistingConfiguration ? $" after pointing {plan.Configuration.Name} back at {plan.NetworkGroup.Name}" : "") +
                      $": the members of waves 1..{previous.Number} stay meshed through {plan.NetworkGroup.Name}, the others fall back to their hub paths.";
            }
            else
            {
                foreach (var m in plan.NetworkGroup.StaticMembers.Where(s => s.Wave == wave.Number))
                    cmds.Add($"Remove-AzNetworkManagerStaticMember -ResourceGroupName {IacText.Ps(nm.ResourceGroup)} -NetworkManagerName {IacText.Ps(nm.Name)} -NetworkGroupName {IacText.Ps(plan.NetworkGroup.Name)} -Name {IacText.Ps(m.Name)} -Force");
                if (wave.Number == 1)
                {
                    foreach (var c in wave.Commits) cmds.Add(IacText.CommitCommand(nm, c.Region, c.ExistingConfigurationIds));
                    description = "Re-commit the previous configuration set in the wave's regions (the connected group disappears and the hairpin paths, still in place, take over again), then remove the wave's static members";
                }
                else
                    description = "Remove the wave's static members (the group's other members stay meshed; the removed VNets fall back to their hub paths)";
                description += restore.Count > 0 ? "; the routes removed in this wave are re-created first." : ".";
            }
            return new WaveRollback(description, cmds);
        }

        // ------------------------------------------------------------ routes, gateways, preparation

        private IReadOnlyList<RouteTableChange> PlanRouteChanges(List<PlannedWave> waves)
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
                // Azure docs, "Virtual network traffic routing" > "How Azure selects a route": longest prefix first, then user routes over system routes.
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
            // Azure docs, "About ExpressRoute virtual network gateways": allowRemoteVnetTraffic lets the gateway accept other VNets' prefixes from the MSEE (the hairpin).
            return _t.VirtualNetworkGateways
                .Where(g => g.IsExpressRoute && g.VirtualNetworkId is ResourceId v && hubIds.Contains(v) && g.AllowRemoteVnetTraffic != false)
                .OrderBy(g => g.Name, StringComparer.OrdinalIgnoreCase)
                .Select(g => new GatewayToggle(g, g.AllowRemoteVnetTraffic)).ToList();
        }

        private IReadOnlyList<PreparationStep> PlanPreparation()
        {
            var steps = new List<PreparationStep>();
            if (!_o.Readiness.HighScalePrivateEndpoints) return steps;
            // Azure docs, "How-to: Increase Private Endpoint virtual network limits": register the feature, route-table network policies on
            // private-endpoint subnets, privateEndpointVNetPolicies Basic on every VNet; enabling it resets connections once.
            var cmds = new List<string>();
            foreach (var sub in _selection.Members.Select(m => m.SubscriptionId).Where(s => s != null).Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(s => s, StringComparer.Ordinal))
                cmds.Add($"az feature register --namespace Microsoft.Network --name EnableMaxPrivateEndpointsVia64kPath --subscription {sub}");
            var peSubnets = _selection.Members.SelectMany(m => _checker.Routing.PrivateEndpointsByVnet.TryGetValue(m.Id, out var l) ? l : new List<PrivateEndpoint>())
                .Where(e => e.SubnetId != null).Select(e => e.SubnetId!.Value).Distinct();
            foreach (var sid in peSubnets)
                if (_checker.Routing.Subnets.TryGetValue(sid, out var s) && !string.Equals(s.PrivateEndpointNetworkPolicies, "Enabled", StringComparison.OrdinalIgnoreCase) &&
                    !string.Equals(s.PrivateEndpointNetworkPolicies, "RouteTableEnabled", StringComparison.OrdinalIgnoreCase))
                    cmds.Add($"az network vnet subnet update --ids {sid.Value} --private-endpoint-network-policies RouteTableEnabled");
            foreach (var v in _selection.Members.Where(v => !string.Equals(v.PrivateEndpointVNetPolicies, "Basic", StringComparison.OrdinalIgnoreCase)))
                cmds.Add($"az network vnet update --ids {v.Id.Value} --pe-vnet-policies Basic");
            steps.Add(new PreparationStep("enable-high-scale-private-endpoints",
                "Enable high-scale private endpoints before the first wave, in a maintenance window: it resets long-running private endpoint connections once, " +
                "per-endpoint Bytes In / Out metrics stop, and on-premises private endpoint traffic is billed as an aggregate on the gateway VNet. Apply does not run it.",
                cmds));
            return steps;
        }
    }
}
