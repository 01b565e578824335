using System;
using System.Collections.Generic;
using System.Linq;
using AzSpokeTools.Engine.Hosting;
using AzSpokeTools.Engine.Migration;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Paths;

namespace AzSpokeTools.Engine.Comparison
{
    /// <summary>
    /// Compare-SpokeTopology / <c>azspoke diff</c>: the path of every ordered VNet pair in two snapshots, and the pairs whose
    /// outcome, kind, transits or symmetry differ. VNets are matched by resource id; VNets in one snapshot only are listed.
    /// </summary>
    public sealed class TopologyDiff
    {
        internal TopologyDiff(string before, string after, long pairs, IReadOnlyList<PairDifference> differences, IReadOnlyList<string> onlyBefore, IReadOnlyList<string> onlyAfter)
        {
            BeforeSource = before; AfterSource = after; Pairs = pairs; Differences = differences; OnlyBefore = onlyBefore; OnlyAfter = onlyAfter;
            Transitions = differences.Where(d => d.Before != null && d.After != null).GroupBy(d => d.Before + " -> " + d.After)
                .OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count());
        }

        /// <summary>Where the first snapshot came from (file or sample).</summary>
        public string BeforeSource { get; }
        /// <summary>Where the second snapshot came from (file or sample).</summary>
        public string AfterSource { get; }
        /// <summary>Ordered pairs present in both snapshots and compared.</summary>
        public long Pairs { get; }
        /// <summary>The pairs that differ, source by source.</summary>
        public IReadOnlyList<PairDifference> Differences { get; }
        /// <summary>VNets (ids) in the before snapshot only; their pairs are not compared.</summary>
        public IReadOnlyList<string> OnlyBefore { get; }
        /// <summary>VNets present only in the second snapshot.</summary>
        public IReadOnlyList<string> OnlyAfter { get; }
        /// <summary>"ExpressRouteHairpin -> Mesh": count of differing pairs.</summary>
        public IReadOnlyDictionary<string, int> Transitions { get; }

        internal static TopologyDiff Compute(Topology before, Topology after, IEngineHost host)
        {
            var (bEnds, bPaths) = Matrix(before, host);
            var (aEnds, aPaths) = Matrix(after, host);
            var afterIndex = new Dictionary<ResourceId, int>();
            for (int i = 0; i < aEnds.Count; i++) afterIndex[aEnds[i].VirtualNetwork.Id] = i;
            var map = bEnds.Select(e => afterIndex.TryGetValue(e.VirtualNetwork.Id, out var i) ? i : -1).ToArray();
            int nb = bEnds.Count, na = aEnds.Count;
            var differences = new List<PairDifference>();
            long compared = 0;
            for (int s = 0; s < nb; s++)
            {
                if (map[s] < 0) continue;
                for (int d = 0; d < nb; d++)
                {
                    if (s == d || map[d] < 0) continue;
                    var b = bPaths[(long)s * nb + d]; var a = aPaths[(long)map[s] * na + map[d]];
                    if (b == null || a == null) continue;
                    compared++;
                    var bs = PairPath.Symmetric(b, bPaths[(long)d * nb + s]!);
                    var @as = PairPath.Symmetric(a, aPaths[(long)map[d] * na + map[s]]!);
                    var diff = new PairDifference(bEnds[s].Name, bEnds[d].Name, b, a, bs, @as);
                    if (diff.Differs) differences.Add(diff);
                }
            }
            var beforeIds = new HashSet<ResourceId>(bEnds.Select(e => e.VirtualNetwork.Id));
            return new TopologyDiff(before.SourceDescription ?? string.Join(", ", before.Files), after.SourceDescription ?? string.Join(", ", after.Files), compared, differences,
                bEnds.Where((e, i) => map[i] < 0).Select(e => e.VirtualNetwork.Id.Value).ToList(),
                aEnds.Where(e => !beforeIds.Contains(e.VirtualNetwork.Id)).Select(e => e.VirtualNetwork.Id.Value).ToList());
        }

        private static (IReadOnlyList<PathMatrixEndpoint> Endpoints, PairPath?[] Paths) Matrix(Topology t, IEngineHost host)
        {
            var matrix = new PathMatrix(t);
            int n = matrix.Endpoints.Count;
            var paths = new PairPath?[(long)n * n];
            MigrationWhatIfCalculator.Run(t, Enumerable.Repeat(true, n).ToArray(), matrix.Endpoints, new Dictionary<string, PairPath>(), host, null, null, null, (s, d, p) => paths[(long)s * n + d] = p);
            var covered = new HashSet<ResourceId>(matrix.Endpoints.Select(e => e.VirtualNetwork.Id));
            foreach (var v in t.VirtualNetworks.Where(v => !covered.Contains(v.Id))) host.Warning($"diff: {v.Name} has no subnet with an address prefix; its pairs are not compared");
            return (matrix.Endpoints, paths);
        }
    }
}
