using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Engine.Migration
{
    /// <summary>
    /// The plan applied to an in-memory copy of the topology up to a wave: the network manager (when new), the plan's group with
    /// its static members of those waves, its configuration (pointed at the end state's group at a group or policy handover),
    /// the wave's region commits as a Deployed listDeploymentStatus, and the gateway routes removed by then; optionally also the
    /// decommission phase's changes. The original topology is not changed; unchanged resources are shared.
    /// </summary>
    internal static class WhatIfTopology
    {
        private static readonly Func<object, object> ShallowCopy = (Func<object, object>)Delegate.CreateDelegate(typeof(Func<object, object>),
            typeof(object).GetMethod("MemberwiseClone", BindingFlags.Instance | BindingFlags.NonPublic)!);

        /// <param name="before">The snapshot's topology (not changed).</param>
        /// <param name="plan">The migration plan.</param>
        /// <param name="throughWave">The last wave applied.</param>
        /// <param name="decommission">Also apply the decommission phase's changes.</param>
        /// <param name="keepPrivateEndpoint">When given, only the private endpoints it keeps are copied (the VNet-level what-if traces
        /// no private endpoint address, so their /32 routes cannot change a pair; leaving them out keeps them from multiplying the work).</param>
        public static Topology Apply(Topology before, MigrationPlan plan, int throughWave, bool decommission = false, Func<PrivateEndpoint, bool>? keepPrivateEndpoint = null)
        {
            var t = new Topology { SchemaVersion = before.SchemaVersion, CapturedAt = before.CapturedAt, SourceDescription = "what-if: " + (before.SourceDescription ?? "") };
            t.EditableFiles.AddRange(before.Files);
            var steps = decommission && plan.Decommission != null ? plan.Decommission.Steps.Where(s => s.Change).ToList() : new List<DecommissionStep>();
            var stopTransit = new HashSet<string>(steps.Where(s => s.Action == DecommissionAction.StopUsingRemoteGateways).Select(s => s.ResourceId), StringComparer.OrdinalIgnoreCase);
            var disallow = new HashSet<string>(steps.Where(s => s.Action == DecommissionAction.DisallowRemoteVnetTraffic).Select(s => s.ResourceId), StringComparer.OrdinalIgnoreCase);
            foreach (var v in before.VirtualNetworks)
                t.EditableVirtualNetworks.Add(v.Peerings.Any(p => stopTransit.Contains(p.Id.Value)) ? CopyVnet(v, stopTransit) : v);
            t.EditableNetworkInterfaces.AddRange(before.NetworkInterfaces);
            foreach (var g in before.VirtualNetworkGateways)
            {
                if (!disallow.Contains(g.Id.Value)) { t.EditableVirtualNetworkGateways.Add(g); continue; }
                var copy = (VirtualNetworkGateway)ShallowCopy(g);
                copy.AllowRemoteVnetTraffic = false;
                t.EditableVirtualNetworkGateways.Add(copy);
            }
            t.EditableLocalNetworkGateways.AddRange(before.LocalNetworkGateways);
            t.EditableConnections.AddRange(before.Connections);
            t.EditableExpressRouteCircuits.AddRange(before.ExpressRouteCircuits);
            t.EditableAzureFirewalls.AddRange(before.AzureFirewalls);
            t.EditableLoadBalancers.AddRange(before.LoadBalancers);
            t.EditableNetworkVirtualAppliances.AddRange(before.NetworkVirtualAppliances);
            t.EditablePrivateEndpoints.AddRange(keepPrivateEndpoint == null ? before.PrivateEndpoints : before.PrivateEndpoints.Where(keepPrivateEndpoint));
            t.EditablePublicIpAddresses.AddRange(before.PublicIpAddresses);
            t.EditableVirtualWans.AddRange(before.VirtualWans);
            t.EditableVirtualHubs.AddRange(before.VirtualHubs);
            t.EditableHubVirtualNetworkConnections.AddRange(before.HubVirtualNetworkConnections);
            t.EditableHubRouteTables.AddRange(before.HubRouteTables);
            t.EditableRoutingIntents.AddRange(before.RoutingIntents);
            t.EditableStaticMembers.AddRange(before.StaticMembers);
            t.EditableDetachedSubnets.AddRange(before.DetachedSubnets);
            t.EditableDetachedPeerings.AddRange(before.DetachedPeerings);
            t.EditableDetachedRoutes.AddRange(before.DetachedRoutes);
            foreach (var kv in before.CapturedEffectiveRoutes) t.EditableCapturedEffectiveRoutes[kv.Key] = kv.Value;
            foreach (var kv in before.LearnedRoutes) t.EditableLearnedRoutes[kv.Key] = kv.Value;
            t.Coverage.Denied.AddRange(before.Coverage.Denied);
            before.ShareSecurityWith(t);

            // Route tables: the removals of the applied waves (and of the decommission phase).
            var removed = plan.RouteTableChanges.Where(c => c.Action == RouteTableAction.Remove && c.Wave <= throughWave)
                .Select(c => c.RouteTable.Id.Child("routes", c.Route.Name).Value)
                .Concat(steps.Where(s => s.Action == DecommissionAction.RemoveRoute).Select(s => s.ResourceId))
                .ToList();
            var removals = removed.GroupBy(p => ResourceId.Parse(p).Parent!.Value)
                .ToDictionary(g => g.Key, g => new HashSet<string>(g.Select(p => ResourceId.Parse(p).Name), StringComparer.OrdinalIgnoreCase));
            foreach (var rt in before.RouteTables)
            {
                if (!removals.TryGetValue(rt.Id, out var names)) { t.EditableRouteTables.Add(rt); continue; }
                var copy = new RouteTable { Id = rt.Id, Name = rt.Name, Type = rt.Type, Location = rt.Location, Tags = rt.Tags, Source = rt.Source, DisableBgpRoutePropagation = rt.DisableBgpRoutePropagation };
                copy.Routes.AddRange(rt.Routes.Where(r => !names.Contains(r.Name)));
                t.EditableRouteTables.Add(copy);
            }

            var nm = plan.NetworkManager;
            var cfg = plan.Configuration;
            var handover = plan.Handover;
            var wave = plan.Waves[throughWave - 1];
            bool handedOver = wave.IsHandover;
            var staticMembers = plan.NetworkGroup.StaticMembers.Where(m => m.Wave <= throughWave).Select(m => m.VirtualNetwork.Id).ToList();

            // Network manager: a copy carrying the wave's commits as Deployed rows.
            NetworkManager? manager = null;
            foreach (var m in before.NetworkManagers)
            {
                if (m.Id != nm.Id) { t.EditableNetworkManagers.Add(m); continue; }
                manager = CopyManager(m);
                t.EditableNetworkManagers.Add(manager);
            }
            if (manager == null)
            {
                manager = new NetworkManager { Id = nm.Id, Name = nm.Name, Type = AvnmApi.NetworkManagerType, Location = nm.Location, ScopeSubscriptions = nm.ScopeSubscriptions };
                t.EditableNetworkManagers.Add(manager);
            }
            // Azure docs, "Configuration deployments in Azure Virtual Network Manager" > "Goal state model": a region's commit replaces its goal state.
            var committed = new HashSet<string>(wave.Commits.Select(c => c.Region), StringComparer.OrdinalIgnoreCase);
            var rows = (manager.Deployments ?? new List<AvnmDeployment>())
                .Where(d => !(string.Equals(d.DeploymentType, "Connectivity", StringComparison.OrdinalIgnoreCase) && committed.Contains(d.Region))).ToList();
            foreach (var c in wave.Commits)
                rows.Add(new AvnmDeployment { Region = c.Region, DeploymentType = "Connectivity", DeploymentStatus = "Deployed", ConfigurationIds = c.ConfigurationIds, CommitTime = "what-if" });
            manager.Deployments = rows;

            t.EditableNetworkGroups.AddRange(before.NetworkGroups.Where(g => g.Id != plan.NetworkGroup.Id && !(handover.Kind == HandoverKind.PolicyGroup && g.Id == handover.GroupId)));
            if (plan.NetworkGroup.StaticMembers.Count > 0)
            {
                var group = new NetworkGroup { Id = plan.NetworkGroup.Id, Name = plan.NetworkGroup.Name, Type = AvnmApi.NetworkGroupType, NetworkManagerId = nm.Id, MemberType = "VirtualNetwork", Description = plan.NetworkGroup.Description };
                group.StaticMemberIds.AddRange(staticMembers);
                t.EditableNetworkGroups.Add(group);
                manager.NetworkGroups.Add(group);
            }
            ResourceId configGroup = plan.NetworkGroup.Id;
            if (handedOver && handover.Kind == HandoverKind.ExistingGroup) configGroup = handover.GroupId!.Value;
            if (handedOver && handover.Kind == HandoverKind.PolicyGroup)
            {
                // Azure Policy membership is not evaluated offline: the what-if takes the policy to add exactly the selection (the members carry its tag).
                var policyGroup = new NetworkGroup { Id = handover.GroupId!.Value, Name = handover.GroupId!.Value.Name, Type = AvnmApi.NetworkGroupType, NetworkManagerId = nm.Id, MemberType = "VirtualNetwork" };
                policyGroup.StaticMemberIds.AddRange(plan.Selection.Members.Select(m => m.Id));
                t.EditableNetworkGroups.Add(policyGroup);
                manager.NetworkGroups.Add(policyGroup);
                configGroup = policyGroup.Id;
            }
            t.EditableConnectivityConfigurations.AddRange(before.ConnectivityConfigurations.Where(c => c.Id != cfg.Id));
            var cc = new ConnectivityConfiguration
            {
                Id = cfg.Id, Name = cfg.Name, Type = AvnmApi.ConnectivityConfigurationType, NetworkManagerId = nm.Id, Description = cfg.Description,
                Topology = "Mesh", IsGlobal = cfg.IsGlobal, DeleteExistingPeering = false,
                ConnectedGroupAddressOverlap = cfg.ConnectedGroupAddressOverlap, ConnectedGroupPrivateEndpointsScale = cfg.ConnectedGroupPrivateEndpointsScale,
                PeeringEnforcement = cfg.PeeringEnforcement,
            };
            cc.AppliesToGroups.Add(new ConnectivityGroupItem { NetworkGroupId = configGroup, GroupConnectivity = "None", IsGlobal = cfg.IsGlobal });
            t.EditableConnectivityConfigurations.Add(cc);
            manager.ConnectivityConfigurations.Add(cc);

            // Captured effective connectivity, where present, now lists what applies to the members.
            var active = handedOver && handover.Kind == HandoverKind.ExistingConfiguration ? handover.ConfigurationId!.Value : cfg.Id;
            var activeGroup = handedOver && handover.Kind == HandoverKind.ExistingConfiguration ? handover.GroupId : configGroup;
            var memberSet = new HashSet<ResourceId>(handedOver ? plan.Selection.Members.Select(m => m.Id) : staticMembers);
            foreach (var kv in before.EffectiveConnectivity)
            {
                if (!memberSet.Contains(kv.Key)) { t.EditableEffectiveConnectivity[kv.Key] = kv.Value; continue; }
                var e = new EffectiveConnectivity { VirtualNetworkId = kv.Value.VirtualNetworkId };
                e.ConfigurationIds.AddRange(kv.Value.ConfigurationIds.Where(c => c != cfg.Id || active == cfg.Id));
                e.NetworkGroupIds.AddRange(kv.Value.NetworkGroupIds);
                if (!e.ConfigurationIds.Contains(active)) e.ConfigurationIds.Add(active);
                if (activeGroup is ResourceId ag && !e.NetworkGroupIds.Contains(ag)) e.NetworkGroupIds.Add(ag);
                t.EditableEffectiveConnectivity[kv.Key] = e;
            }
            return t;
        }

        private static NetworkManager CopyManager(NetworkManager m)
        {
            var copy = new NetworkManager
            {
                Id = m.Id, Name = m.Name, Type = m.Type, Location = m.Location, Tags = m.Tags, Source = m.Source,
                ScopeSubscriptions = m.ScopeSubscriptions, ScopeManagementGroups = m.ScopeManagementGroups,
                Deployments = m.Deployments?.ToList(),
            };
            copy.NetworkGroups.AddRange(m.NetworkGroups);
            copy.ConnectivityConfigurations.AddRange(m.ConnectivityConfigurations);
            copy.SecurityAdminConfigurations.AddRange(m.SecurityAdminConfigurations);
            return copy;
        }

        /// <summary>A copy of <paramref name="v"/> whose listed peerings stop using the remote gateways (subnets and peerings copied, pointing at the copy).</summary>
        private static VirtualNetwork CopyVnet(VirtualNetwork v, ISet<string> stopTransit)
        {
            var copy = new VirtualNetwork
            {
                Id = v.Id, Name = v.Name, Type = v.Type, Location = v.Location, Tags = v.Tags, Source = v.Source,
                AddressSpace = v.AddressSpace, PrivateEndpointVNetPolicies = v.PrivateEndpointVNetPolicies,
            };
            foreach (var s in v.Subnets)
            {
                var sc = (Subnet)ShallowCopy(s);
                sc.VirtualNetwork = copy;
                copy.Subnets.Add(sc);
            }
            foreach (var p in v.Peerings)
            {
                var pc = (VirtualNetworkPeering)ShallowCopy(p);
                pc.Local = copy;
                if (stopTransit.Contains(p.Id.Value)) pc.UseRemoteGateways = false;
                copy.Peerings.Add(pc);
            }
            return copy;
        }
    }
}
