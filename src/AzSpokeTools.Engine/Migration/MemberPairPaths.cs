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
        /// <summary>paths[i, j] is the path from members[i] to members[j]; null where the matrix has no endpoint for a member (no subnet).</summary>
        public static PairPath?[,] Compute(Topology topology, IReadOnlyList<VirtualNetwork> members, IEngineHost host)
        {
            var options = new PathMatrixOptions();
            var matrix = new PathMatrix(topology, options);
            var position = new Dictionary<ResourceId, int>(members.Count);
            for (int i = 0; i < members.Count; i++) position[members[i].Id] = i;
            var endpoints = matrix.Endpoints;
            var memberOf = new int[endpoints.Count];
            for (int e = 0; e < endpoints.Count; e++)
                memberOf[e] = position.TryGetValue(endpoints[e].VirtualNetwork.Id, out var p) ? p : -1;
            options.Sources = Enumerable.Range(0, endpoints.Count).Where(e => memberOf[e] >= 0).ToList();
            var bySummary = new Dictionary<int, PairPath>();
            var result = new PairPath?[members.Count, members.Count];
            foreach (var row in matrix.Rows(host))
            {
                int to = memberOf[row.Destination];
                if (to < 0) continue;
                if (!bySummary.TryGetValue(row.Summary.Id, out var path))
                    bySummary[row.Summary.Id] = path = new PairPath(row.Summary.Outcome, row.Summary.Kind, row.Summary.Transits.ToList());
                result[memberOf[row.Source], to] = path;
            }
            foreach (var s in matrix.Summary.Skipped) host.Warning("what-if: " + s);
            return result;
        }
    }
}
