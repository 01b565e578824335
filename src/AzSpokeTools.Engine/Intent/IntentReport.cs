using System.Collections.Generic;
using System.Linq;
using AzSpokeTools.Engine.Hosting;
using AzSpokeTools.Engine.Paths;

namespace AzSpokeTools.Engine.Intent
{
    /// <summary>
    /// The result of checking every VNet pair against intent, per rule (file rules, then AVNM configurations). A gate never fails
    /// open (docs/guide/paths-and-intent.md, "Intent as a gate"): with <see cref="FailOnEmpty"/> (the default) a snapshot without
    /// VNets, a rule that matches no pair, or a coverage gap of the snapshot that affects a rule's pairs fails the check, each
    /// with a warning, because each means the check did not look at what the rule is about.
    /// </summary>
    public sealed class IntentReport
    {
        /// <summary>Each rule's result.</summary>
        public List<IntentRuleResult> Rules { get; } = new List<IntentRuleResult>();
        /// <summary>How many ordered pairs were traced.</summary>
        public long Pairs { get; private set; }
        /// <summary>How many of them no rule applies to.</summary>
        public long PairsWithoutIntent { get; private set; }
        /// <summary>How long the check took, in milliseconds.</summary>
        public long ElapsedMs { get; private set; }
        /// <summary>Whether an empty check fails (see the class remarks); the request's FailOnEmpty, default true.</summary>
        public bool FailOnEmpty { get; private set; }
        /// <summary>Why the check as a whole could not pass (no VNets); each was also a warning.</summary>
        public List<string> Problems { get; } = new List<string>();
        /// <summary>True when every rule passes and, with <see cref="FailOnEmpty"/>, nothing left the check empty.</summary>
        public bool Passed => Rules.All(r => r.Passed) && (!FailOnEmpty || Problems.Count == 0);

        internal static IntentReport Build(IntentSet intent, PathMatrix matrix, int maxExamples, IEngineHost host, bool failOnEmpty = true)
        {
            var report = new IntentReport { FailOnEmpty = failOnEmpty };
            var byRule = new Dictionary<string, IntentRuleResult>();
            foreach (var r in intent.Rules)
            {
                var rr = new IntentRuleResult(r.Name, false, r.Expect, r.Require, r.Forbid) { FailOnEmpty = failOnEmpty, Allow = r.Allow, Deny = r.Deny };
                byRule[r.Name] = rr;
                report.Rules.Add(rr);
            }
            var gaps = new CoverageGaps(matrix);
            var failing = new List<(IntentRuleResult Rule, int Source, int Destination)>();
            foreach (var row in matrix.Rows(host))
            {
                report.Pairs++;
                if (row.Intent == null) { report.PairsWithoutIntent++; continue; }
                if (!byRule.TryGetValue(row.Intent.RuleName, out var rr))
                {
                    rr = new IntentRuleResult(row.Intent.RuleName, true, row.Intent.Expect, row.Intent.Require, row.Intent.Forbid) { FailOnEmpty = failOnEmpty };
                    byRule[row.Intent.RuleName] = rr;
                    report.Rules.Add(rr);
                }
                rr.Pairs++;
                gaps.AddTo(rr, row.Source, row.Destination);
                if (row.Compliant == true) rr.PassedPairs++;
                else
                {
                    rr.Failed++;
                    rr.FailedByKind[row.Kind] = rr.FailedByKind.TryGetValue(row.Kind, out var c) ? c + 1 : 1;
                    if (rr.PendingExamples < maxExamples) { rr.PendingExamples++; failing.Add((rr, row.Source, row.Destination)); }
                }
            }
            report.ElapsedMs = matrix.Summary.ElapsedMs;
            // Fail closed: a check that looked at nothing, or not at everything a rule is about, must not pass a pipeline gate.
            if (matrix.Topology.VirtualNetworks.Count == 0)
                report.Problems.Add("the snapshot has no virtual networks, so no pair was checked (an empty export, or only resource types AzSpokeTools does not read)");
            else if (report.Pairs == 0)
                report.Problems.Add("no pair of virtual networks could be checked (no VNet has a subnet with an address prefix)");
            foreach (var rr in report.Rules)
            {
                if (rr.Pairs == 0)
                    rr.Problems.Add($"rule '{rr.Name}' matches no pair of virtual networks: check its groups (names, tags, resource groups, subscriptions) against the snapshot");
                gaps.AddGlobal(rr);
            }
            foreach (var p in report.Problems) host.Warning(p + (failOnEmpty ? "; the intent check fails (FailOnEmpty)" : ""));
            foreach (var rr in report.Rules)
                foreach (var p in rr.Problems) host.Warning(p + (failOnEmpty ? "; the rule fails (FailOnEmpty)" : ""));
            // The evidence: a full trace, with the explanation, of the first failing pairs of each rule.
            var analyzer = new PathAnalyzer(matrix.Topology, matrix.ServiceTags) { SecurityOptions = matrix.SecurityOptions };
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

        /// <summary>The rule's name.</summary>
        public string Name { get; }
        /// <summary>True for intent derived from an AVNM connectivity configuration.</summary>
        public bool FromAvnm { get; }
        /// <summary>The path kinds the rule expects.</summary>
        public IReadOnlyList<PathKind> Expect { get; }
        /// <summary>The transits the rule requires.</summary>
        public IReadOnlyList<PathKind> Require { get; }
        /// <summary>The transits the rule forbids.</summary>
        public IReadOnlyList<PathKind> Forbid { get; }
        /// <summary>Flows the rule's pairs must admit (<c>allow</c>).</summary>
        public IReadOnlyList<Security.Flow> Allow { get; internal set; } = System.Array.Empty<Security.Flow>();
        /// <summary>Flows the rule's pairs must not admit (<c>deny</c>).</summary>
        public IReadOnlyList<Security.Flow> Deny { get; internal set; } = System.Array.Empty<Security.Flow>();
        /// <summary>Pairs this rule was the first match for.</summary>
        public long Pairs { get; internal set; }
        /// <summary>How many pairs meet the rule.</summary>
        public long PassedPairs { get; internal set; }
        /// <summary>The pairs that do not meet it (up to the example limit), with the reasons.</summary>
        public long Failed { get; internal set; }
        /// <summary>Failing pairs by the path kind they reach.</summary>
        public Dictionary<PathKind, long> FailedByKind { get; } = new Dictionary<PathKind, long>();
        /// <summary>
        /// Why the rule cannot pass however its pairs went: it matched no pair, or the snapshot could not read something its pairs
        /// depend on (a coverage gap). Each fails the rule when the request's FailOnEmpty is on (the default).
        /// </summary>
        public List<string> Problems { get; } = new List<string>();
        internal bool FailOnEmpty;
        /// <summary>Traced failing pairs, with reasons (at most the request's MaxExamplesPerRule).</summary>
        public List<PathResult> Examples { get; } = new List<PathResult>();
        internal int PendingExamples;
        /// <summary>No failing pair and, with FailOnEmpty (the default), no <see cref="Problems"/>.</summary>
        public bool Passed => Failed == 0 && (!FailOnEmpty || Problems.Count == 0);
    }

    /// <summary>
    /// Which coverage gaps of the snapshot affect which pairs: a gap whose scope holds one of the pair's VNets, or a gap whose scope
    /// holds no VNet of the snapshot at all (an unread subscription or management group: the VNets a rule would select there are
    /// missing, so every rule is affected).
    /// </summary>
    internal sealed class CoverageGaps
    {
        private readonly List<string> _gaps = new List<string>();
        private readonly List<int>?[] _byEndpoint;
        private readonly List<int> _unread = new List<int>();
        private readonly Dictionary<IntentRuleResult, HashSet<int>> _affected = new Dictionary<IntentRuleResult, HashSet<int>>();

        public CoverageGaps(PathMatrix matrix)
        {
            _byEndpoint = new List<int>?[matrix.Endpoints.Count];
            foreach (var gap in matrix.Topology.Coverage.Denied)
            {
                int g = _gaps.Count;
                _gaps.Add(gap.ToString());
                var scope = gap.Scope.TrimEnd('/');
                for (int i = 0; i < matrix.Endpoints.Count; i++)
                    if (Holds(scope, matrix.Endpoints[i].VirtualNetwork.Id.Value)) (_byEndpoint[i] ??= new List<int>()).Add(g);
                if (!matrix.Topology.VirtualNetworks.Any(v => Holds(scope, v.Id.Value))) _unread.Add(g);
            }
        }

        private static bool Holds(string scope, string id) =>
            id.StartsWith(scope, System.StringComparison.OrdinalIgnoreCase) && (id.Length == scope.Length || id[scope.Length] == '/');

        /// <summary>Notes the gaps that affect one pair of the rule (cheap when the snapshot is complete: most pairs).</summary>
        public void AddTo(IntentRuleResult rule, int source, int destination)
        {
            Note(rule, _byEndpoint[source]);
            Note(rule, _byEndpoint[destination]);
        }

        /// <summary>After the pairs: the unread scopes (which affect every rule) and every noted gap become the rule's problems.</summary>
        public void AddGlobal(IntentRuleResult rule)
        {
            Note(rule, _unread);
            if (!_affected.TryGetValue(rule, out var set)) return;
            foreach (var g in set.OrderBy(x => x)) rule.Problems.Add($"rule '{rule.Name}' depends on what the snapshot could not read: {_gaps[g]}");
        }

        private void Note(IntentRuleResult rule, List<int>? gaps)
        {
            if (gaps == null || gaps.Count == 0) return;
            if (!_affected.TryGetValue(rule, out var set)) _affected[rule] = set = new HashSet<int>();
            foreach (var g in gaps) set.Add(g);
        }
    }
}
