using System;
using System.Collections.Generic;
using System.Linq;
using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Engine.Migration
{
    /// <summary>
    /// The plan applied to an in-memory copy of the topology: the network manager (when new), the network group with its
    /// static members up to a wave, the connectivity configuration, the region commits as a Deployed listDeploymentStatus
    /// result, and the route removals of those waves. The original topology is not changed; unchanged resources are shared.
    /// </summary>
    internal static class WhatIfTopology
    {
        public static Topology Apply(Topology before, MigrationPlan plan, int throughWave)
        {
            var t = new Topology { SchemaVersion = before.SchemaVersion, CapturedAt = before.CapturedAt, SourceDescription = "what-if: " + (before.SourceDescription ?? "") };
            t.Files.AddRange(before.Files);
            t.VirtualNetworks.AddRange(before.VirtualNetworks);
            t.NetworkInterfaces.AddRange(before.NetworkInterfaces);
            t.VirtualNetworkGateways.AddRange(before.VirtualNetworkGateways);
            t.LocalNetworkGateways.AddRange(before.LocalNetworkGateways);
            t.Connections.AddRange(before.Connections);
            t.ExpressRouteCircuits.AddRange(before.ExpressRouteCircuits);
            t.AzureFirewalls.AddRange(before.AzureFirewalls);
            t.LoadBalancers.AddRange(before.LoadBalancers);
            t.NetworkVirtualAppliances.AddRange(before.NetworkVirtualAppliances);
            t.PrivateEndpoints.AddRange(before.PrivateEndpoints);
            t.PublicIpAddresses.AddRange(before.PublicIpAddresses);
            t.VirtualWans.AddRange(before.VirtualWans);
            t.VirtualHubs.AddRange(before.VirtualHubs);
            foreach (var kv in before.CapturedEffectiveRoutes) t.CapturedEffectiveRoutes[kv.Key] = kv.Value;
            foreach (var kv in before.LearnedRoutes) t.LearnedRoutes[kv.Key] = kv.Value;
            t.Coverage.Denied.AddRange(before.Coverage.Denied);

            // Route tables: the removals of the applied waves.
            var removals = plan.RouteTableChanges.Where(c => c.Action == RouteTableAction.Remove && c.Wave <= throughWave)
                .GroupBy(c => c.RouteTable.Id).ToDictionary(g => g.Key, g => new HashSet<string>(g.Select(c => c.Route.Name), StringComparer.Ordinal));
            foreach (var rt in before.RouteTables)
            {
                if (!removals.TryGetValue(rt.Id, out var names)) { t.RouteTables.Add(rt); continue; }
                var copy = new RouteTable { Id = rt.Id, Name = rt.Name, Type = rt.Type, Location = rt.Location, Tags = rt.Tags, Source = rt.Source, DisableBgpRoutePropagation = rt.DisableBgpRoutePropagation };
                copy.Routes.AddRange(rt.Routes.Where(r => !names.Contains(r.Name)));
                t.RouteTables.Add(copy);
            }

            var nm = plan.NetworkManager;
            var config = plan.Configuration;
            var members = plan.NetworkGroup.Mode == MembershipMode.Existing
                ? null
                : plan.NetworkGroup.Mode == MembershipMode.Static
                    ? plan.NetworkGroup.StaticMembers.Where(m => m.Wave <= throughWave).Select(m => m.VirtualNetwork.Id).ToList()
                    : plan.Waves.Where(w => w.Number <= throughWave).SelectMany(w => w.Members).Select(m => m.Id).ToList();

            // Network manager (a copy carrying the new deployment status) and the plan's group and configuration.
            var regions = new HashSet<string>(plan.Waves.Where(w => w.Number <= throughWave).SelectMany(w => w.Regions), StringComparer.OrdinalIgnoreCase);
            NetworkManager? manager = null;
            foreach (var m in before.NetworkManagers)
            {
                if (m.Id != nm.Id) { t.NetworkManagers.Add(m); continue; }
                manager = CopyManager(m);
                t.NetworkManagers.Add(manager);
            }
            if (manager == null)
            {
                manager = new NetworkManager { Id = nm.Id, Name = nm.Name, Type = AvnmApi.NetworkManagerType, Location = nm.Location, ScopeSubscriptions = nm.ScopeSubscriptions };
                t.NetworkManagers.Add(manager);
            }
            // A region's commit replaces its Connectivity goal state (peers.md §3): the full set, Deployed.
            if (manager.Deployments != null || !nm.Exists)
            {
                var rows = (manager.Deployments ?? new List<AvnmDeployment>())
                    .Where(d => !(string.Equals(d.DeploymentType, "Connectivity", StringComparison.OrdinalIgnoreCase) && regions.Contains(d.Region))).ToList();
                foreach (var c in plan.Commits.Where(c => regions.Contains(c.Region)))
                    rows.Add(new AvnmDeployment { Region = c.Region, DeploymentType = "Connectivity", DeploymentStatus = "Deployed", ConfigurationIds = c.ConfigurationIds, CommitTime = "what-if" });
                manager.Deployments = rows;
            }

            t.NetworkGroups.AddRange(before.NetworkGroups);
            if (members != null)
            {
                var group = new NetworkGroup { Id = plan.NetworkGroup.Id, Name = plan.NetworkGroup.Name, Type = AvnmApi.NetworkGroupType, NetworkManagerId = nm.Id, MemberType = "VirtualNetwork" };
                group.StaticMemberIds.AddRange(members);
                t.NetworkGroups.RemoveAll(g => g.Id == group.Id);
                t.NetworkGroups.Add(group);
                manager.NetworkGroups.Add(group);
            }
            t.ConnectivityConfigurations.AddRange(before.ConnectivityConfigurations.Where(c => c.Id != config.Id));
            var cc = new ConnectivityConfiguration
            {
                Id = config.Id, Name = config.Name, Type = AvnmApi.ConnectivityConfigurationType, NetworkManagerId = nm.Id,
                Topology = "Mesh", IsGlobal = config.IsGlobal, DeleteExistingPeering = false,
                ConnectedGroupAddressOverlap = config.ConnectedGroupAddressOverlap, ConnectedGroupPrivateEndpointsScale = config.ConnectedGroupPrivateEndpointsScale,
                PeeringEnforcement = config.PeeringEnforcement,
            };
            cc.AppliesToGroups.Add(new ConnectivityGroupItem { NetworkGroupId = plan.NetworkGroup.Id, GroupConnectivity = "None", IsGlobal = config.IsGlobal });
            t.ConnectivityConfigurations.Add(cc);
            manager.ConnectivityConfigurations.Add(cc);

            // Captured effective connectivity, where present, now lists the new configuration for the members.
            var memberSet = new HashSet<ResourceId>(members ?? plan.Selection.Members.Select(m => m.Id).ToList());
            foreach (var kv in before.EffectiveConnectivity)
            {
                if (!memberSet.Contains(kv.Key)) { t.EffectiveConnectivity[kv.Key] = kv.Value; continue; }
                var e = new EffectiveConnectivity { VirtualNetworkId = kv.Value.VirtualNetworkId };
                e.ConfigurationIds.AddRange(kv.Value.ConfigurationIds);
                e.NetworkGroupIds.AddRange(kv.Value.NetworkGroupIds);
                if (!e.ConfigurationIds.Contains(config.Id)) e.ConfigurationIds.Add(config.Id);
                if (!e.NetworkGroupIds.Contains(plan.NetworkGroup.Id)) e.NetworkGroupIds.Add(plan.NetworkGroup.Id);
                t.EffectiveConnectivity[kv.Key] = e;
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
            return copy;
        }
    }
}
