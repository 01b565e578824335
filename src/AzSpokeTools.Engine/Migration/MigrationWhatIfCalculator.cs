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
            foreach (var from in members)
                foreach (var to in members)
                {
                    if (from == to) continue;
                    if (!b.TryGetValue((from.Id, to.Id), out var pb) || !a.TryGetValue((from.Id, to.Id), out var pa)) continue;
                    pairs.Add(new PairChange(from, to, pb, pa));
                }
            return new MigrationWhatIf(pairs, watch.ElapsedMilliseconds);
        }
    }
}
