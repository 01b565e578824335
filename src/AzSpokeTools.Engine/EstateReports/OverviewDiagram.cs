using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using AzSpokeTools.Engine.Diagrams;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Routing;

namespace AzSpokeTools.Engine.EstateReports
{
    /// <summary>
    /// The aggregated picture of an estate for the report: one node per <see cref="EstateGroup"/> (a hub with its spokes, a
    /// Virtual WAN hub, a connected group, a region's remainder) in region clusters, AVNM connected groups linked to the groups
    /// holding their members, ExpressRoute circuits linked to the groups whose gateways connect to them, and peerings between
    /// groups counted on one edge per pair of groups. Its size depends on the number of groups, not of VNets.
    /// </summary>
    internal static class OverviewDiagram
    {
        public static Diagram Build(Topology topology, EstateReport report, Dictionary<ResourceId, int> groupOfVnet)
        {
            var d = new Diagram("Overview: " + report.Title, topology);
            var regions = new Dictionary<string, DiagramCluster>(StringComparer.OrdinalIgnoreCase);
            DiagramCluster Region(string name)
            {
                if (!regions.TryGetValue(name, out var c))
                {
                    c = new DiagramCluster("c" + regions.Count.ToString(CultureInfo.InvariantCulture), DiagramClusterKind.Region, name, null);
                    regions[name] = c;
                    d.Clusters.Add(c);
                }
                return c;
            }
            DiagramNode Add(string id, DiagramNodeKind kind, string label, string detail, string region)
            {
                var n = new DiagramNode("n" + d.Nodes.Count.ToString(CultureInfo.InvariantCulture), kind, label, id, region.Length == 0 ? null : region) { Detail = detail };
                if (region.Length > 0)
                {
                    n.Cluster = Region(region);
                    n.Cluster.Nodes.Add(n);
                }
                d.Nodes.Add(n);
                return n;
            }
            var edges = new HashSet<(string, string)>();
            void Edge(DiagramNode a, DiagramNode b, DiagramEdgeKind kind, string label)
            {
                if (a == b || !edges.Add(string.CompareOrdinal(a.Key, b.Key) < 0 ? (a.Key, b.Key) : (b.Key, a.Key))) return;
                d.Edges.Add(new DiagramEdge(a, b, kind, label, 0));
            }

            var groupNodes = new List<DiagramNode>();
            foreach (var g in report.Groups)
            {
                var kind = g.Kind switch
                {
                    EstateGroupKind.Hub => DiagramNodeKind.HubVirtualNetwork,
                    EstateGroupKind.VirtualWanHub => DiagramNodeKind.VirtualWanHub,
                    EstateGroupKind.ConnectedGroup => DiagramNodeKind.ConnectedGroup,
                    _ => DiagramNodeKind.VirtualNetwork,
                };
                var detail = g.Members.Count.ToString(CultureInfo.InvariantCulture) + (g.Members.Count == 1 ? " VNet" : " VNets");
                groupNodes.Add(Add(g.ResourceId, kind, g.Label, detail + " (click to expand)", g.Region));
            }

            // Peerings between groups, counted.
            var peerings = new SortedDictionary<(int, int), int>();
            foreach (var v in topology.VirtualNetworks)
            {
                if (!groupOfVnet.TryGetValue(v.Id, out var a)) continue;
                foreach (var p in v.Peerings)
                    if (p.RemoteVirtualNetworkId is ResourceId r && groupOfVnet.TryGetValue(r, out var b) && a != b)
                    {
                        var key = a < b ? (a, b) : (b, a);
                        peerings[key] = peerings.TryGetValue(key, out var n) ? n + 1 : 1;
                    }
            }
            foreach (var kv in peerings)
            {
                var (a, b) = kv.Key;
                bool global = !string.Equals(report.Groups[a].Region, report.Groups[b].Region, StringComparison.OrdinalIgnoreCase);
                // Each peering has two sides, both counted above.
                var count = (kv.Value + 1) / 2;
                Edge(groupNodes[a], groupNodes[b], global ? DiagramEdgeKind.GlobalPeering : DiagramEdgeKind.Peering, count.ToString(CultureInfo.InvariantCulture) + (count == 1 ? " peering" : " peerings"));
            }

            // AVNM connected groups that are not themselves a group of the report.
            var cgNodes = new Dictionary<string, DiagramNode>();
            foreach (var cg in new RoutingContext(topology).ConnectedGroups.All)
            {
                var id = cg.Configuration.Id.Child("connectedGroups", cg.GroupNames).Value;
                var byGroup = cg.Members.Where(m => groupOfVnet.ContainsKey(m.Id)).GroupBy(m => groupOfVnet[m.Id]).OrderBy(x => x.Key).ToList();
                if (byGroup.Count == 0) continue;
                var own = report.Groups.FirstOrDefault(g => g.Kind == EstateGroupKind.ConnectedGroup && string.Equals(g.ResourceId, id, StringComparison.OrdinalIgnoreCase));
                var node = own != null ? groupNodes[own.Index]
                    : cgNodes.TryGetValue(id, out var existing) ? existing
                    : Add(id, DiagramNodeKind.ConnectedGroup, cg.Configuration.Name, (cg.Configuration.IsMesh ? "mesh" : "direct") + ": " + cg.Members.Count.ToString(CultureInfo.InvariantCulture) + " VNets", "");
                cgNodes[id] = node;
                foreach (var g in byGroup)
                    if (groupNodes[g.Key] != node)
                        Edge(groupNodes[g.Key], node, DiagramEdgeKind.ConnectedGroupMember, g.Count().ToString(CultureInfo.InvariantCulture) + " members");
            }

            // ExpressRoute circuits, linked to the groups whose gateways connect to them.
            var circuits = new Dictionary<ResourceId, DiagramNode>();
            foreach (var c in topology.Connections.Where(c => c.IsExpressRoute))
            {
                if (!(c.PeerId is ResourceId circuitId) || !(c.VirtualNetworkGateway1Id is ResourceId gw)) continue;
                if (!report.DeviceGroups.TryGetValue(gw.Value, out var g)) continue;
                if (!circuits.TryGetValue(circuitId, out var node))
                {
                    var circuit = topology.ExpressRouteCircuits.FirstOrDefault(x => x.Id == circuitId);
                    circuits[circuitId] = node = Add(circuitId.Value, DiagramNodeKind.ExpressRouteCircuit, "MSEE of " + (circuit?.Name ?? circuitId.Name), "", "");
                }
                Edge(groupNodes[g], node, DiagramEdgeKind.GatewayConnection, "");
            }
            // Hubs of one Virtual WAN are connected to each other.
            var wanHubs = report.Groups.Where(g => g.Kind == EstateGroupKind.VirtualWanHub)
                .Select(g => (g, hub: topology.VirtualHubs.FirstOrDefault(h => string.Equals(h.Id.Value, g.ResourceId, StringComparison.OrdinalIgnoreCase))))
                .Where(x => x.hub?.VirtualWanId != null).GroupBy(x => x.hub!.VirtualWanId!.Value);
            foreach (var wan in wanHubs)
            {
                var list = wan.ToList();
                for (int i = 0; i < list.Count; i++)
                    for (int j = i + 1; j < list.Count; j++)
                        Edge(groupNodes[list[i].g.Index], groupNodes[list[j].g.Index], DiagramEdgeKind.HubConnection, "Virtual WAN");
            }
            d.Caption.Add($"{report.VirtualNetworks.Count} VNets in {report.Groups.Count} groups (hubs, Virtual WAN hubs, connected groups, other VNets per region); click a group to expand it.");
            return d;
        }
    }
}
