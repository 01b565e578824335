using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using AzSpokeTools.Engine.Addresses;
using AzSpokeTools.Engine.Hosting;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Paths;

namespace AzSpokeTools.Engine.Migration
{
    /// <summary>
    /// The per-wave what-if. The snapshot and the plan applied through each wave are states S0..SN; wave k can change only the
    /// pairs that touch its members (both directions) or the VNets whose route tables it changes, so each state's matrix
    /// computes just those pairs for the wave that ends there and the wave that starts there (the same compiled tables serve
    /// both). When a wave member can forward traffic for others (an NVA, firewall or gateway), its wave recomputes every pair.
    /// </summary>
    internal static class MigrationWhatIfCalculator
    {
        /// <summary>Timings of the last computation, per state (S0..SN, then the decommission state), for the benchmark.</summary>
        internal static List<(string State, long Ms, long Pairs)> LastStates { get; } = new List<(string, long, long)>();

        /// <summary>
        /// The what-if of every wave (and of the decommission phase when the plan has one): every pair a wave changes, before and
        /// after it. Each state's matrix evaluates its sources on <paramref name="threads"/> threads with the same result as on one.
        /// </summary>
        /// <param name="before">The estate before the migration.</param>
        /// <param name="plan">The plan whose waves are replayed.</param>
        /// <param name="host">Progress and warnings.</param>
        /// <param name="threads">Threads per state's matrix (plan --threads); null: every core.</param>
        /// <param name="flow">The flow whose access every pair carries before and after (plan --port); null: access is not evaluated.</param>
        /// <param name="security">How appliances whose rules are not visible are treated (--assume-nva).</param>
        public static MigrationWhatIf Compute(Topology before, MigrationPlan plan, IEngineHost host, int? threads = null, Security.Flow? flow = null,
            Security.SecurityOptions? security = null)
        {
            var total = Stopwatch.StartNew();
            LastStates.Clear();
            int waves = plan.Waves.Count;
            var baseMatrix = new PathMatrix(before);
            var endpoints = baseMatrix.Endpoints;
            int n = endpoints.Count;
            var covered = new HashSet<ResourceId>(endpoints.Select(e => e.VirtualNetwork.Id));
            foreach (var v in plan.Selection.Members.Where(v => !covered.Contains(v.Id))) host.Warning($"what-if: {v.Name} has no subnet with an address prefix; its pairs are not computed");
            var byVnet = new Dictionary<ResourceId, int>();
            for (int e = 0; e < n; e++) byVnet[endpoints[e].VirtualNetwork.Id] = e;
            // The VNet-level what-if traces only the representative addresses: private endpoints on none of them cannot change a pair.
            var traced = new HashSet<IpAddressValue>(endpoints.Select(e => e.Address));
            Func<PrivateEndpoint, bool> keep = pe => pe.IpAddresses.Any(traced.Contains);

            var waveOf = new int[n];
            foreach (var w in plan.Waves) foreach (var m in w.Members) if (byVnet.TryGetValue(m.Id, out var e)) waveOf[e] = w.Number;
            var focus = new bool[waves + 1][];
            for (int k = 1; k <= waves; k++) focus[k] = Focus(before, plan, plan.Waves[k - 1], byVnet, n);
            bool decommission = plan.Options.Decommission;
            var nonMembers = Enumerable.Range(0, n).Select(e => waveOf[e] == 0).ToArray();

            var beforeStores = new WavePairStore?[waves + 1];
            var afterStores = new WavePairStore?[waves + 1];
            for (int k = 1; k <= waves; k++) { beforeStores[k] = new WavePairStore(focus[k]); afterStores[k] = new WavePairStore(focus[k]); }
            var final = decommission ? new PairPath?[(long)n * n] : null;
            var interned = new Dictionary<string, PairPath>(StringComparer.Ordinal);
            var stateMs = new long[waves + 1];
            Topology? last = null;

            for (int j = 0; j <= waves; j++)
            {
                var watch = Stopwatch.StartNew();
                host.Progress("Mesh migration what-if", j == 0 ? "the snapshot" : $"after wave {j} of {waves}", (int)(100L * j / (waves + 1)));
                var topology = j == 0 ? before : WhatIfTopology.Apply(before, plan, j, keepPrivateEndpoint: keep);
                var union = new bool[n];
                for (int e = 0; e < n; e++)
                    union[e] = (j >= 1 && focus[j][e]) || (j < waves && focus[j + 1][e]) || (decommission && j == waves && nonMembers[e]);
                long pairs = Run(topology, union, endpoints, interned, host, threads, flow, security, (s, d, p) =>
                {
                    if (j >= 1 && afterStores[j]!.Contains(s, d)) afterStores[j]![s, d] = p;
                    if (j < waves && beforeStores[j + 1]!.Contains(s, d)) beforeStores[j + 1]![s, d] = p;
                    if (final != null && j == waves) final[(long)s * n + d] = p;
                });
                stateMs[j] = watch.ElapsedMilliseconds;
                LastStates.Add((j == 0 ? "S0 (snapshot)" : $"S{j} (after wave {j})", stateMs[j], pairs));
                if (j == waves) last = topology;
            }

            var vnets = endpoints.Select(e => e.VirtualNetwork).ToList();
            var result = new List<WaveWhatIf>();
            for (int k = 1; k <= waves; k++)
                result.Add(Changes(k, plan.Waves[k - 1].Name, beforeStores[k]!, afterStores[k]!, vnets, stateMs[k] + (k == 1 ? stateMs[0] : 0)));

            // Over the whole plan: a member pair is first in the focus of the earlier of its two waves and last in that of the later.
            var overall = new List<PairChange>();
            var members = Enumerable.Range(0, n).Where(e => waveOf[e] > 0).ToList();
            foreach (var i in members)
                foreach (var j in members)
                {
                    if (i == j) continue;
                    int first = Math.Min(waveOf[i], waveOf[j]), lastWave = Math.Max(waveOf[i], waveOf[j]);
                    var b = beforeStores[first]!; var a = afterStores[lastWave]!;
                    var bf = b[i, j]; var af = a[i, j];
                    if (bf == null || af == null) continue;
                    var br = b[j, i]!; var ar = a[j, i]!;
                    overall.Add(new PairChange(vnets[i], vnets[j], bf, af, PairPath.Symmetric(bf, br), PairPath.Symmetric(af, ar)) { ReverseDelivered = ar.Delivered });
                    if (final != null) final[(long)i * n + j] = af;
                }

            WaveWhatIf? decommissionWhatIf = null;
            if (decommission)
            {
                var watch = Stopwatch.StartNew();
                PairPath? Final(int s, int d) => final![(long)s * n + d];
                plan.Decommission = DecommissionPlanner.Plan(plan, before, last!, (s, d) => Final(s, d), endpoints);
                var focusD = DecommissionPlanner.Focus(plan, before, byVnet, n);
                var beforeD = new WavePairStore(focusD);
                var afterD = new WavePairStore(focusD);
                foreach (var (s, d) in beforeD.Pairs()) beforeD[s, d] = Final(s, d);
                var topology = WhatIfTopology.Apply(before, plan, waves, decommission: true, keepPrivateEndpoint: keep);
                long pairs = Run(topology, focusD, endpoints, interned, host, threads, flow, security, (s, d, p) => { if (afterD.Contains(s, d)) afterD[s, d] = p; });
                LastStates.Add(("decommission", watch.ElapsedMilliseconds, pairs));
                decommissionWhatIf = Changes(waves + 1, "decommission", beforeD, afterD, vnets, watch.ElapsedMilliseconds);
            }
            return new MigrationWhatIf(result, decommissionWhatIf, overall, total.ElapsedMilliseconds, flow);
        }

        /// <summary>The endpoints wave <paramref name="wave"/> can change the pairs of.</summary>
        private static bool[] Focus(Topology t, MigrationPlan plan, MigrationWave wave, Dictionary<ResourceId, int> byVnet, int n)
        {
            var focus = new bool[n];
            foreach (var m in wave.Members)
            {
                if (MayForward(t, m)) return Enumerable.Repeat(true, n).ToArray();
                if (byVnet.TryGetValue(m.Id, out var e)) focus[e] = true;
            }
            // A route table shared with VNets outside the wave changes their routes too.
            var tables = new HashSet<ResourceId>(plan.RouteTableChanges.Where(c => c.Action == RouteTableAction.Remove && c.Wave == wave.Number).Select(c => c.RouteTable.Id));
            if (tables.Count > 0)
                foreach (var v in t.VirtualNetworks)
                    if (v.Subnets.Any(s => s.RouteTableId is ResourceId r && tables.Contains(r)) && byVnet.TryGetValue(v.Id, out var e))
                        focus[e] = true;
            return focus;
        }

        /// <summary>True when traffic between other VNets may pass through <paramref name="v"/> (an NVA, firewall, gateway or load balancer in it).</summary>
        internal static bool MayForward(Topology t, VirtualNetwork v) =>
            t.NetworkInterfaces.Any(nic => nic.EnableIPForwarding && nic.IpConfigurations.Any(c => c.SubnetId?.Parent == v.Id)) ||
            t.AzureFirewalls.Any(f => f.SubnetId?.Parent == v.Id) ||
            t.VirtualNetworkGateways.Any(g => g.VirtualNetworkId == v.Id) ||
            t.LoadBalancers.Any(lb => lb.Frontends.Any(f => f.SubnetId?.Parent == v.Id));

        /// <summary>Runs the matrix over <paramref name="topology"/> for the focus pairs; the endpoints must be those of the snapshot.</summary>
        internal static long Run(Topology topology, bool[] focus, IReadOnlyList<PathMatrixEndpoint> endpoints, Dictionary<string, PairPath> interned, IEngineHost host,
            int? threads, Security.Flow? flow, Security.SecurityOptions? security, Action<int, int, PairPath> onPair)
        {
            // Rows come in source order on any number of threads, so the stores fill exactly as on one; access answers are the
            // same on every thread (each worker its own access memo), and paths are interned by value, not by a worker's summary.
            var matrix = new PathMatrix(topology, new PathMatrixOptions
            {
                Focus = focus, Threads = threads, StoredRows = true, Flow = flow, SecurityOptions = security ?? new Security.SecurityOptions(),
            });
            if (matrix.Endpoints.Count != endpoints.Count || matrix.Endpoints.Where((e, i) => e.Id != endpoints[i].Id).Any())
                throw new InvalidOperationException("the what-if topology has other matrix endpoints than the snapshot");
            var bySummary = new Dictionary<(PathSummary, Security.AccessVerdict?, Security.SecurityRuleReference?), PairPath>();
            long pairs = 0;
            foreach (var row in matrix.Rows(host))
            {
                var rowKey = (row.Summary, row.Access, row.AccessRule);
                if (!bySummary.TryGetValue(rowKey, out var path))
                {
                    var key = row.Summary.Outcome + "|" + string.Join(",", row.Summary.Transits) + "|" + row.Access + "|" +
                        row.AccessRule?.Kind + "|" + row.AccessRule?.ResourceId + "|" + row.AccessRule?.Name + "|" + row.AccessRule?.Direction;
                    if (!interned.TryGetValue(key, out path))
                        interned[key] = path = new PairPath(row.Summary.Outcome, row.Summary.Kind, row.Summary.Transits.ToList(), row.Access, row.AccessRule);
                    bySummary[rowKey] = path;
                }
                onPair(row.Source, row.Destination, path);
                pairs++;
            }
            return pairs;
        }

        private static WaveWhatIf Changes(int number, string name, WavePairStore before, WavePairStore after, List<VirtualNetwork> vnets, long ms)
        {
            var changes = new List<PairChange>();
            foreach (var (s, d) in before.Pairs())
            {
                var b = before[s, d]; var a = after[s, d];
                var br = before[d, s]; var ar = after[d, s];
                if (b == null || a == null || br == null || ar == null) continue;
                changes.Add(new PairChange(vnets[s], vnets[d], b, a, PairPath.Symmetric(b, br), PairPath.Symmetric(a, ar)) { ReverseDelivered = ar.Delivered });
            }
            return new WaveWhatIf(number, name, changes, ms);
        }
    }
}
