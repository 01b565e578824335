using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using AzSpokeTools.Engine.Hosting;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Paths;

namespace AzSpokeTools.Engine.Migration
{
    /// <summary>Computes the what-if: the path of every ordered member pair on the snapshot and on the plan applied to a copy of it.</summary>
    internal static class MigrationWhatIfCalculator
    {
        public static MigrationWhatIf Compute(Topology before, MigrationPlan plan, IEngineHost host)
        {
            var watch = Stopwatch.StartNew();
            var after = WhatIfTopology.Apply(before, plan, plan.Waves.Count);
            var members = plan.Selection.Members;
            var b = MemberPairPaths.Compute(before, members, host);
            var a = MemberPairPaths.Compute(after, members, host);
            var pairs = new List<PairChange>(members.Count * Math.Max(0, members.Count - 1));
            for (int i = 0; i < members.Count; i++)
                for (int j = 0; j < members.Count; j++)
                {
                    if (i == j || b[i, j] is not PairPath pb || a[i, j] is not PairPath pa) continue;
                    pairs.Add(new PairChange(members[i], members[j], pb, pa));
                }
            return new MigrationWhatIf(pairs, watch.ElapsedMilliseconds);
        }
    }
}
