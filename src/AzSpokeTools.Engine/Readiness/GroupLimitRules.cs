using System.Linq;

namespace AzSpokeTools.Engine.Readiness
{
    /// <summary>Size and membership limits: group size, connected groups per VNet, peerings per VNet, unresolved members.</summary>
    internal static class GroupLimitRules
    {
        public static void Check(ReadinessChecker c)
        {
            var o = c.Options;
            var groupId = c.Selection.ExistingGroup?.Id.Value ?? (c.Members.Count > 0 ? c.Members[0].Id.Value : "");

            // Azure docs, "Limitations with Azure Virtual Network Manager" > "Connected group limitations": 250 VNets per connected group; high-scale 3,000 (feature + form) or 5,000 (scaling form).
            if (c.Members.Count > o.EffectiveGroupLimit)
            {
                c.Add(ReadinessRules.GroupSize, ReadinessSeverity.Error, groupId,
                    $"{c.Members.Count} VNets selected; a connected group holds at most {o.EffectiveGroupLimit}" + (o.HighScale ? " (high-scale)" : ""),
                    new Evidence().Add("members", c.Members.Count).Add("limit", o.EffectiveGroupLimit).Add("highScale", o.HighScale),
                    o.HighScale
                        ? "Split the selection into several meshes, or submit the scaling request form and raise the cap (HighScaleConnectedGroupLimit, up to 5,000)."
                        : $"Split the selection into groups of at most {o.ConnectedGroupLimit}, or use a high-scale connected group (-HighScale / --high-scale: register AllowHighScaleConnectedGroup and submit the enablement form).");
            }
            else if (o.HighScale)
            {
                c.Add(ReadinessRules.GroupSize, ReadinessSeverity.Info, groupId,
                    $"{c.Members.Count} VNets in a high-scale connected group (cap {o.HighScaleConnectedGroupLimit})",
                    new Evidence().Add("members", c.Members.Count).Add("limit", o.HighScaleConnectedGroupLimit).Add("highScale", true),
                    "Register the AllowHighScaleConnectedGroup preview feature and submit the high-scale enablement form before deploying; beyond 3,000 VNets submit the scaling request form.");
            }

            // Azure docs, "Limitations with Azure Virtual Network Manager" > "Connected group limitations": a VNet can be part of up to two connected groups (soft limit).
            var selectedGroup = c.Selection.ExistingGroup?.Id;
            foreach (var v in c.Members)
            {
                var groups = c.Routing.ConnectedGroups.Of(v.Id)
                    .Where(g => selectedGroup == null || !g.Configuration.AppliesToGroups.Any(i => i.NetworkGroupId == selectedGroup.Value))
                    .ToList();
                if (groups.Count < MeshReadinessOptions.ConnectedGroupsPerVnet) continue;
                c.Add(ReadinessRules.ConnectedGroupsPerVnet, ReadinessSeverity.Error, v.Id.Value,
                    $"{v.Name} is already in {groups.Count} connected groups; the new mesh would make {groups.Count + 1} (limit {MeshReadinessOptions.ConnectedGroupsPerVnet})",
                    new Evidence().Add("connectedGroups", groups.Count).Add("configurations", string.Join(", ", groups.Select(g => g.Configuration.Name)))
                        .Add("limit", MeshReadinessOptions.ConnectedGroupsPerVnet),
                    "Take the VNet out of one existing mesh (or merge the meshes), or request a higher connected-groups-per-VNet limit.",
                    groups.Select(g => g.Configuration.Id.Value).ToArray());
            }

            // Azure docs, "Azure subscription and service limits" > "Networking limits": 500 peerings per VNet; 500 with an ExpressRoute gateway; 1,000 with AVNM.
            var hubsOfMembers = c.Members.SelectMany(m => m.Peerings)
                .Select(p => c.Routing.Vnet(p.RemoteVirtualNetworkId)).Where(v => v != null && !c.MemberIds.Contains(v.Id)).Select(v => v!)
                .Distinct();
            foreach (var v in c.Members.Concat(hubsOfMembers))
            {
                int count = v.Peerings.Count;
                bool erGateway = c.Routing.GatewaysIn(v.Id).Any(g => g.IsExpressRoute);
                bool avnmHub = c.Topology.ConnectivityConfigurations.Any(cc => cc.IsHubAndSpoke && cc.HubIds.Contains(v.Id));
                int limit = erGateway ? MeshReadinessOptions.ExpressRouteGatewayPeeringLimit
                    : avnmHub ? MeshReadinessOptions.AvnmPeeringLimit : MeshReadinessOptions.PeeringLimit;
                if (count * 10 < limit * 9) continue;
                var severity = count > limit ? ReadinessSeverity.Error : ReadinessSeverity.Warning;
                c.Add(ReadinessRules.PeeringCount, severity, v.Id.Value,
                    $"{v.Name} has {count} peerings; the limit is {limit}" + (erGateway ? " (VNet with an ExpressRoute gateway)" : avnmHub ? " (AVNM hub)" : ""),
                    new Evidence().Add("peerings", count).Add("limit", limit).Add("expressRouteGateway", erGateway).Add("avnmHub", avnmHub),
                    "Move spoke-to-spoke connectivity onto the mesh (connected groups add no peerings) and remove direct peerings that the mesh replaces; keep hub peerings under the limit.");
            }

            // Azure docs, "Configuring Azure Policy with network groups in Azure Virtual Network Manager": policy-based membership is not visible offline.
            foreach (var u in c.Selection.Unresolved)
                c.Add(ReadinessRules.MembershipUnresolved, ReadinessSeverity.Warning, c.Selection.ExistingGroup?.Id.Value ?? groupId, u,
                    new Evidence().Add("networkGroup", c.Selection.ExistingGroup?.Name),
                    "Capture listNetworkManagerEffectiveConnectivityConfigurations for the VNets, or select the members by name or tag.");
        }
    }
}
