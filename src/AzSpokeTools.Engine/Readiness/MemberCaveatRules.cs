using System;
using System.Collections.Generic;
using System.Linq;
using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Engine.Readiness
{
    /// <summary>Per-member caveats: gateway transit, regions, environments, Virtual WAN and subnet peering.</summary>
    internal static class MemberCaveatRules
    {
        private static readonly string[] EnvironmentKeys = { "environment", "env", "stage" };
        private static readonly HashSet<string> Production = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "prod", "production", "prd", "live" };
        private static readonly HashSet<string> NonProduction = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            { "dev", "development", "test", "testing", "qa", "uat", "nonprod", "non-prod", "staging", "stage", "sandbox", "sbx" };

        /// <summary>The environment tag of a VNet: true production, false non-production, null untagged or unrecognised.</summary>
        public static bool? IsProduction(VirtualNetwork v)
        {
            foreach (var key in EnvironmentKeys)
                foreach (var t in v.Tags)
                    if (string.Equals(t.Key, key, StringComparison.OrdinalIgnoreCase))
                    {
                        if (Production.Contains(t.Value.Trim())) return true;
                        if (NonProduction.Contains(t.Value.Trim())) return false;
                    }
            return null;
        }

        public static void Check(ReadinessChecker c)
        {
            foreach (var m in c.Members)
            {
                // Azure docs, "Connectivity configuration in Azure Virtual Network Manager" > "Connected group": gateway routes are not propagated over a connected group; useRemoteGateways needs the hub peering.
                foreach (var p in m.Peerings.Where(p => p.UseRemoteGateways == true && p.IsConnected))
                {
                    var hub = c.Routing.Vnet(p.RemoteVirtualNetworkId);
                    c.Add(ReadinessRules.GatewayTransitDependency, ReadinessSeverity.Warning, m.Id.Value,
                        $"{m.Name} uses the gateway of {hub?.Name ?? p.RemoteVirtualNetworkId?.Name} (useRemoteGateways); gateway routes do not propagate over a connected group, so this hub peering must stay",
                        new Evidence().Add("peering", p.Name).Add("useRemoteGateways", true).Add("hub", p.RemoteVirtualNetworkId?.Value),
                        "Keep the hub peering (do not set deleteExistingPeering, or use hub-and-spoke with useHubGateway) so on-premises routes keep reaching the spoke.",
                        p.RemoteVirtualNetworkId?.Value ?? "");
                }

                // Azure docs, "Azure Virtual Network Manager FAQ": AVNM with a Virtual WAN hub is unsupported (FAQ) or preview (connection policy).
                if (c.Routing.HubConnectionsByVnet.TryGetValue(m.Id, out var vw))
                    c.Add(ReadinessRules.VirtualWanMember, ReadinessSeverity.Warning, m.Id.Value,
                        $"{m.Name} is connected to Virtual WAN hub {vw.Hub.Name}; AVNM connectivity with a Virtual WAN hub is documented as unsupported (FAQ) or preview only, and the mesh does not replace the hub routing",
                        new Evidence().Add("virtualHub", vw.Hub.Id.Value).Add("connection", vw.Connection.Name),
                        "Leave Virtual WAN spokes out of the mesh, or validate the preview behaviour first; spoke-to-spoke traffic between Virtual WAN spokes stays on the hub router.",
                        vw.Hub.Id.Value);

                // Azure docs, "Connectivity configuration in Azure Virtual Network Manager": with a connected group, subnet peering takes preference and traffic between non-peered subnets is dropped.
                foreach (var p in m.Peerings.Where(p => p.IsSubnetPeering))
                {
                    bool toMember = p.RemoteVirtualNetworkId is ResourceId r && c.MemberIds.Contains(r);
                    c.Add(ReadinessRules.SubnetPeering, toMember ? ReadinessSeverity.Error : ReadinessSeverity.Warning, m.Id.Value,
                        toMember
                            ? $"{m.Name} has a subnet peering ({p.Name}) with member {p.RemoteVirtualNetworkId!.Value.Name}; subnet peering takes preference over the connected group and traffic between the non-peered subnets is dropped"
                            : $"{m.Name} uses subnet peering ({p.Name}); AVNM cannot tell subnet peering from VNet peering",
                        new Evidence().Add("peering", p.Name).Add("peerCompleteVnets", false)
                            .Add("localSubnetNames", string.Join(", ", p.LocalSubnetNames)).Add("remoteSubnetNames", string.Join(", ", p.RemoteSubnetNames)),
                        toMember ? "Remove the subnet peering before adding both VNets to the mesh, or leave one out." : "Check that the subnet peering still gives the intended reachability once the VNet is in the mesh.",
                        p.RemoteVirtualNetworkId?.Value ?? "");
                }
            }

            // Azure docs, "Connectivity configuration in Azure Virtual Network Manager" > "Mesh network topology": a regional mesh connects only members in the same region.
            if (c.Regions.Count > 1)
            {
                var groupId = c.Selection.ExistingGroup?.Id.Value ?? c.Members[0].Id.Value;
                var counts = string.Join(", ", c.Regions.Select(r => r + "=" + c.Members.Count(m => string.Equals(m.Location, r, StringComparison.OrdinalIgnoreCase))));
                if (c.Options.Global == false)
                    c.Add(ReadinessRules.RegionsWithoutGlobalMesh, ReadinessSeverity.Warning, groupId,
                        $"members span {c.Regions.Count} regions but the mesh is regional: pairs across regions stay on their current path",
                        new Evidence().Add("regions", counts).Add("isGlobal", false),
                        "Enable global mesh (isGlobal = true) or accept that cross-region pairs keep their current path.");
                else
                    c.Add(ReadinessRules.RegionsWithoutGlobalMesh, ReadinessSeverity.Info, groupId,
                        $"members span {c.Regions.Count} regions: the mesh must be global (isGlobal = true) and committed in every region",
                        new Evidence().Add("regions", counts).Add("isGlobal", true),
                        "Commit the configuration in every member region with the full set of configurations active there.");
            }

            // Cloud Adoption Framework, landing-zone network segmentation: keep development and production in separate groups.
            var prod = c.Members.Where(m => IsProduction(m) == true).ToList();
            var dev = c.Members.Where(m => IsProduction(m) == false).ToList();
            if (prod.Count > 0 && dev.Count > 0)
                c.Add(ReadinessRules.EnvironmentsMixed, ReadinessSeverity.Warning, c.Selection.ExistingGroup?.Id.Value ?? dev[0].Id.Value,
                    $"the group mixes {prod.Count} production and {dev.Count} non-production VNets (environment tag); the architecture guidance advises separate groups",
                    new Evidence().Add("production", prod.Count).Add("nonProduction", dev.Count)
                        .Add("nonProductionVnets", ReadinessChecker.Names(dev.Take(50)) + (dev.Count > 50 ? ", ..." : "")),
                    "Select production and non-production VNets into separate meshes (for example --tag environment=prod), or accept the mixed group deliberately.");
        }
    }
}
