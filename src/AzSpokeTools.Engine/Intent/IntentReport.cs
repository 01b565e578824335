using System.Collections.Generic;
using System.Linq;
using AzSpokeTools.Engine.Hosting;
using AzSpokeTools.Engine.Paths;

namespace AzSpokeTools.Engine.Intent
{
    /// <summary>The result of checking every VNet pair against intent, per rule (file rules, then AVNM configurations).</summary>
    public sealed class IntentReport
    {
        public List<IntentRuleResult> Rules { get; } = new List<IntentRuleResult>();
        public long Pairs { get; private set; }
        public long PairsWithoutIntent { get; private set; }
        public long ElapsedMs { get; private set; }
        /// <summary>True when no rule has a failing pair.</summary>
        public bool Passed => Rules.All(r => r.Failed == 0);

        internal static IntentReport Build(IntentSet intent, PathMatrix matrix, int maxExamples, IEngineHost host)
        {
            var report = new IntentReport();
            var byRule = new Dictionary<string, IntentRuleResult>();
            foreach (var r in intent.Rules)
            {
                var rr = new IntentRuleResult(r.Name, false, r.Expect, r.Require, r.Forbid);
                byRule[r.Name] = rr;
                report.Rules.Add(rr);
            }
            var failing = new List<(IntentRuleResult Rule, int Source, int Destination)>();
            foreach (var row in matrix.Rows(host))
            {
                report.Pairs++;
                if (row.Intent == null) { report.PairsWithoutIntent++; continue; }
                if (!byRule.TryGetValue(row.Intent.RuleName, out var rr))
                {
                    rr = new IntentRuleResult(row.Intent.RuleName, true, row.Intent.Expect, row.Intent.Require, row.Intent.Forbid);
                    byRule[row.Intent.RuleName] = rr;
                    report.Rules.Add(rr);
                }
                rr.Pairs++;
                if (row.Compliant == true) rr.PassedPairs++;
                else
                {
                    rr.Failed++;
                    rr.FailedByKind[row.Kind] = rr.FailedByKind.TryGetValue(row.Kind, out var c) ? c + 1 : 1;
                    if (rr.PendingExamples < maxExamples) { rr.PendingExamples++; failing.Add((rr, row.Source, row.Destination)); }
                }
            }
            report.ElapsedMs = matrix.Summary.ElapsedMs;
            // The evidence: a full trace, with the explanation, of the first failing pairs of each rule.
            var analyzer = new PathAnalyzer(matrix.Topology, matrix.ServiceTags);
            foreach (var (rule, s, d) in failing)
            {
                var a = matrix.Endpoints[s];
                var b = matrix.Endpoints[d];
                var path = analyzer.Trace(PathEndpoints.ForVnet(matrix.Topology, a.Name, a.VirtualNetwork, "Source"),
                    PathEndpoints.ForVnet(matrix.Topology, b.Name, b.VirtualNetwork, "Destination"), intent);
                rule.Examples.Add(path);
            }
            return report;
        }
    }

    /// <summary>One rule's verdict: pairs it applied to, how many failed and why (a few traced examples).</summary>
    public sealed class IntentRuleResult
    {
        internal IntentRuleResult(string name, bool fromAvnm, IReadOnlyList<PathKind> expect, IReadOnlyList<PathKind> require, IReadOnlyList<PathKind> forbid)
        {
            Name = name;
            FromAvnm = fromAvnm;
            Expect = expect;
            Require = require;
            Forbid = forbid;
        }

        public string Name { get; }
        /// <summary>True for intent derived from an AVNM connectivity configuration.</summary>
        public bool FromAvnm { get; }
        public IReadOnlyList<PathKind> Expect { get; }
        public IReadOnlyList<PathKind> Require { get; }
        public IReadOnlyList<PathKind> Forbid { get; }
        /// <summary>Pairs this rule was the first match for.</summary>
        public long Pairs { get; internal set; }
        public long PassedPairs { get; internal set; }
        public long Failed { get; internal set; }
        public Dictionary<PathKind, long> FailedByKind { get; } = new Dictionary<PathKind, long>();
        /// <summary>Traced failing pairs, with reasons (at most the request's MaxExamplesPerRule).</summary>
        public List<PathResult> Examples { get; } = new List<PathResult>();
        internal int PendingExamples;
        /// <summary>A rule that matched no pair passes trivially.</summary>
        public bool Passed => Failed == 0;
    }
}
