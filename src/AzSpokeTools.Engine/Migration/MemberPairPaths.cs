using System.Collections.Generic;
using System.Linq;
using AzSpokeTools.Engine.Hosting;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Paths;

namespace AzSpokeTools.Engine.Migration
{
    /// <summary>The path of every ordered pair of members, from the all-pairs path matrix restricted to member sources.</summary>
    internal static class MemberPairPaths
    {
        public static Dictionary<(ResourceId From, ResourceId To), PairPath> Compute(Topology topology, IReadOnlyList<VirtualNetwork> members, IEngineHost host)
        {
            var options = new PathMatrixOptions();
            var matrix = new PathMatrix(topology, options);
            var memberIds = new HashSet<ResourceId>(members.Select(m => m.Id));
            var endpoints = matrix.Endpoints;
            var isMember = endpoints.Select(e => memberIds.Contains(e.VirtualNetwork.Id)).ToArray();
            options.Sources = endpoints.Where(e => isMember[e.Index]).Select(e => e.Index).ToList();
            var bySummary = new Dictionary<int, PairPath>();
            var result = new Dictionary<(ResourceId, ResourceId), PairPath>(members.Count * 4);
            foreach (var row in matrix.Rows(host))
            {
                if (!isMember[row.Destination]) continue;
                if (!bySummary.TryGetValue(row.Summary.Id, out var path))
                    bySummary[row.Summary.Id] = path = new PairPath(row.Summary.Outcome, row.Summary.Kind, row.Summary.Transits.ToList());
                result[(endpoints[row.Source].VirtualNetwork.Id, endpoints[row.Destination].VirtualNetwork.Id)] = path;
            }
            foreach (var s in matrix.Summary.Skipped) host.Warning("what-if: " + s);
            return result;
        }
    }
}
