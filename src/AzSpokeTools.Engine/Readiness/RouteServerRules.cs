using System.Collections.Generic;
using System.Linq;
using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Engine.Readiness
{
    /// <summary>Route Servers the selected VNets rely on (in a member, or in the hub a member uses through gateway transit).</summary>
    internal static class RouteServerRules
    {
        /// <summary>
        /// BGP peers per Route Server: the limit the issue states for current Route Servers (16 per instance) [INFER: the
        /// "Azure Route Server limits" include revision of 09/2023 says 8].
        /// </summary>
        internal const int BgpPeerLimit = 16;

        public static void Check(ReadinessChecker c)
        {
            var relevant = new List<VirtualNetwork>();
            foreach (var m in c.Members)
            {
                if (!relevant.Contains(m)) relevant.Add(m);
                foreach (var p in m.Peerings.Where(p => p.UseRemoteGateways == true && p.IsConnected))
                    if (c.Routing.Vnet(p.RemoteVirtualNetworkId) is VirtualNetwork hub && !relevant.Contains(hub)) relevant.Add(hub);
            }
            var vnetIds = new HashSet<ResourceId>(relevant.Select(v => v.Id));
            foreach (var rs in c.Topology.RouteServers.Where(r => r.VirtualNetworkId is ResourceId v && vnetIds.Contains(v)))
            {
                // Azure docs, "Azure Route Server limits" (included in "What is Azure Route Server?"): number of BGP peers.
                if (rs.BgpConnections.Count <= BgpPeerLimit) continue;
                c.Add(ReadinessRules.RouteServerPeers, ReadinessSeverity.Error, rs.Id.Value,
                    $"Route Server {rs.Name} has {rs.BgpConnections.Count} BGP peers; a Route Server supports at most {BgpPeerLimit}",
                    new Evidence().Add("bgpConnections", rs.BgpConnections.Count).Add("limit", BgpPeerLimit)
                        .Add("virtualNetwork", rs.VirtualNetworkId?.Value),
                    "Consolidate NVAs behind an internal load balancer (Route Server next hop IP support) or split them across hubs so each Route Server has at most " + BgpPeerLimit + " BGP peers.",
                    rs.BgpConnections.Select(b => b.Id.Value).ToArray());
            }
        }
    }
}
