using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using AzSpokeTools.Engine.Diagrams;
using AzSpokeTools.Engine.Hosting;
using AzSpokeTools.Engine.Intent;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Paths;
using AzSpokeTools.Engine.Readiness;
using AzSpokeTools.Engine.Routing;

namespace AzSpokeTools.Engine.EstateReports
{
    /// <summary>
    /// Builds the <see cref="EstateReport"/> of a topology: runs the all-pairs matrix once (streamed, nothing kept per pair
    /// but one small integer), groups the VNets, encodes the matrix rows, counts the heatmaps and intent rules, traces the
    /// example paths, checks mesh readiness, and lays out the map views.
    /// </summary>
    internal static class EstateReportBuilder
    {
        /// <summary>Up to this many VNets every ordered pair is traced in full (hops, reverse path, reasons).</summary>
        public const int AllPairsUpTo = 40;
        /// <summary>Up to this many VNets the map has a view with every VNet and device.</summary>
        public const int FullMapUpTo = 150;
        /// <summary>A group's view shows at most this many of its VNets.</summary>
        public const int GroupViewMembers = 120;
        /// <summary>At most this many example paths (one per source group, destination group and result).</summary>
        public const int MaxExamples = 1500;
        /// <summary>Traced violating pairs per intent rule.</summary>
        public const int ViolationsPerRule = 20;

        public static EstateReport Build(Topology topology, IntentSet intent, string? intentFile, MigrationPlanSummary? plan, IEngineHost host, ServiceTagCatalog? serviceTags = null)
        {
            if (topology == null) throw new ArgumentNullException(nameof(topology));
            if (host == null) throw new ArgumentNullException(nameof(host));
            var report = new EstateReport
            {
                Title = DiagramBuilder.TopologyTitle(topology),
                CapturedAt = topology.CapturedAt,
                Source = topology.SourceDescription,
                Intent = intentFile,
                Plan = plan,
            };
            var matrix = new PathMatrix(topology, new PathMatrixOptions { Intent = intent }, serviceTags);
            var endpoints = matrix.Endpoints;
            var hubGroups = new HubGroups(topology, topology.VirtualNetworks);
            foreach (var e in endpoints)
                report.VirtualNetworks.Add(new EstateReportVnet(e.VirtualNetwork.Name, e.Id.Value, Locations.Normalize(e.VirtualNetwork.Location), hubGroups.Hubs.Contains(e.Id)));
            var groupOfVnet = AssignGroups(topology, report, endpoints, hubGroups);
            foreach (var g in report.Groups.Select(g => g.Region).Concat(report.VirtualNetworks.Select(v => v.Region)))
                if (g.Length > 0 && !report.Regions.Contains(g)) report.Regions.Add(g);

            host.Progress("Estate report", $"all pairs of {endpoints.Count} VNets", -1);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var examples = RunMatrix(matrix, report, host);
            host.Verbose($"report: matrix of {report.Pairs} pairs in {clock.ElapsedMilliseconds} ms");
            clock.Restart();
            report.Skipped.AddRange(matrix.Summary.Skipped);

            host.Progress("Estate report", "tracing example paths", -1);
            TracePaths(topology, report, endpoints, intent, serviceTags, examples);
            host.Verbose($"report: {report.Paths.Count} paths traced in {clock.ElapsedMilliseconds} ms");
            clock.Restart();

            host.Progress("Estate report", "mesh readiness", -1);
            try
            {
                report.Readiness = new ReadinessChecker(topology, new MeshSelectionCriteria().Resolve(topology), new MeshReadinessOptions()).Run();
            }
            catch (EngineInputException e)
            {
                report.ReadinessError = e.Message;
            }

            host.Verbose($"report: readiness in {clock.ElapsedMilliseconds} ms");
            clock.Restart();
            host.Progress("Estate report", "laying out the map", -1);
            AddViews(topology, report, groupOfVnet, host);
            host.Verbose($"report: {report.Views.Count} map views laid out in {clock.ElapsedMilliseconds} ms");
            return report;
        }

        private static Dictionary<ResourceId, int> AssignGroups(Topology topology, EstateReport report, IReadOnlyList<PathMatrixEndpoint> endpoints, HubGroups hubGroups)
        {
            var byKey = new Dictionary<string, EstateGroup>(StringComparer.OrdinalIgnoreCase);
            var groupOfVnet = new Dictionary<ResourceId, int>();
            var connected = new RoutingContext(topology).ConnectedGroups;
            EstateGroup Group(string key, EstateGroupKind kind, string label, string region)
            {
                if (!byKey.TryGetValue(key, out var g))
                {
                    g = new EstateGroup(report.Groups.Count, kind, label, region, key);
                    byKey[key] = g;
                    report.Groups.Add(g);
                }
                return g;
            }
            for (int i = 0; i < endpoints.Count; i++)
            {
                var v = endpoints[i].VirtualNetwork;
                EstateGroup g;
                if (hubGroups.HubOf(v.Id) is ResourceId hub)
                {
                    if (topology.Find(hub) is VirtualHub vh) g = Group(hub.Value, EstateGroupKind.VirtualWanHub, "Virtual WAN hub " + vh.Name, Locations.Normalize(vh.Location));
                    else
                    {
                        var hv = topology.Find<VirtualNetwork>(hub)!;
                        g = Group(hub.Value, EstateGroupKind.Hub, "hub " + hv.Name, Locations.Normalize(hv.Location));
                    }
                }
                else if (connected.Of(v.Id).FirstOrDefault() is var cg && cg != null)
                {
                    var regions = cg.Members.Select(m => Locations.Normalize(m.Location)).Distinct().ToList();
                    g = Group(cg.Configuration.Id.Child("connectedGroups", cg.GroupNames).Value, EstateGroupKind.ConnectedGroup,
                        "connected group " + cg.Configuration.Name, regions.Count == 1 ? regions[0] : "");
                }
                else
                {
                    var region = Locations.Normalize(v.Location);
                    g = Group("region:" + region, EstateGroupKind.Region, "other VNets in " + (region.Length == 0 ? "(no region)" : region), region);
                }
                g.Members.Add(i);
                report.VirtualNetworks[i].Group = g.Index;
                groupOfVnet[v.Id] = g.Index;
            }
            // Devices and hubs, so that paths through them can be shown on the overview.
            void Device(ResourceId id, ResourceId? vnet)
            {
                if (vnet is ResourceId v && groupOfVnet.TryGetValue(v, out var g)) report.DeviceGroups[id.Value] = g;
            }
            foreach (var gw in topology.VirtualNetworkGateways) Device(gw.Id, gw.VirtualNetworkId);
            foreach (var fw in topology.AzureFirewalls)
            {
                if (fw.VirtualHubId is ResourceId h && byKey.TryGetValue(h.Value, out var hg)) report.DeviceGroups[fw.Id.Value] = hg.Index;
                else Device(fw.Id, fw.SubnetId?.Parent);
            }
            foreach (var nva in topology.NetworkVirtualAppliances)
                if (nva.VirtualHubId is ResourceId h && byKey.TryGetValue(h.Value, out var hg)) report.DeviceGroups[nva.Id.Value] = hg.Index;
            foreach (var nic in topology.NetworkInterfaces.Where(n => n.EnableIPForwarding))
                Device(nic.Id, nic.IpConfigurations.Select(c => c.SubnetId?.Parent).FirstOrDefault(x => x != null));
            foreach (var hub in topology.VirtualHubs)
                if (byKey.TryGetValue(hub.Id.Value, out var hg)) report.DeviceGroups[hub.Id.Value] = hg.Index;
            report.Order = report.Groups.SelectMany(g => g.Members).ToArray();
            return groupOfVnet;
        }

        /// <summary>Runs the matrix, encoding each source's row and counting; returns the first pair of each (groups, result) class and the violations to trace.</summary>
        private static List<(int From, int To, bool Example)> RunMatrix(PathMatrix matrix, EstateReport report, IEngineHost host)
        {
            int n = report.VirtualNetworks.Count, groups = report.Groups.Count, kinds = Enum.GetValues(typeof(PathKind)).Length;
            int regions = Math.Max(1, report.Regions.Count);
            var regionOf = report.VirtualNetworks.Select(v => Math.Max(0, report.Regions.IndexOf(v.Region))).ToArray();
            var groupOf = report.VirtualNetworks.Select(v => v.Group).ToArray();
            var position = new int[n];
            for (int p = 0; p < report.Order.Length; p++) position[report.Order[p]] = p;
            var groupHeat = new long[groups * groups * kinds * 2];
            var regionHeat = new long[regions * regions * kinds * 2];
            var summaryIndex = new Dictionary<int, int>();
            var rows = new Dictionary<string, int>(StringComparer.Ordinal);
            var rules = new Dictionary<string, IntentRuleCount>(StringComparer.Ordinal);
            var classes = new Dictionary<long, (int, int)>();
            var violations = new List<(int, int, bool)>();
            var violationCount = new Dictionary<string, int>(StringComparer.Ordinal);
            report.RowOf = Enumerable.Repeat(-1, n).ToArray();
            var values = new int[n];
            int current = -1;
            void Flush()
            {
                if (current < 0) return;
                // The diagonal takes its neighbour's value so that sources with the same results share one row.
                int p = position[current];
                values[current] = n < 2 ? 0 : p > 0 ? values[report.Order[p - 1]] : values[report.Order[1]];
                var row = Encode(values, report.Order);
                if (!rows.TryGetValue(row, out var id))
                {
                    id = report.Rows.Count;
                    rows[row] = id;
                    report.Rows.Add(row);
                }
                report.RowOf[current] = id;
            }
            foreach (var r in matrix.Rows(host))
            {
                if (r.Source != current) { Flush(); current = r.Source; }
                if (!summaryIndex.TryGetValue(r.Summary.Id, out var s))
                {
                    s = report.Summaries.Count;
                    summaryIndex[r.Summary.Id] = s;
                    report.Summaries.Add(r.Summary);
                }
                int c = r.Compliant == null ? 0 : r.Compliant.Value ? 1 : 2;
                values[r.Destination] = s * 3 + c;
                int gs = groupOf[r.Source], gd = groupOf[r.Destination], k = (int)r.Kind;
                int cell = ((gs * groups + gd) * kinds + k) * 2;
                groupHeat[cell]++;
                int rcell = ((regionOf[r.Source] * regions + regionOf[r.Destination]) * kinds + k) * 2;
                regionHeat[rcell]++;
                if (c == 2) { groupHeat[cell + 1]++; regionHeat[rcell + 1]++; }
                if (r.Intent != null)
                {
                    if (!rules.TryGetValue(r.Intent.RuleName, out var rule))
                    {
                        rules[r.Intent.RuleName] = rule = new IntentRuleCount(r.Intent.RuleName, r.Intent.Expect, r.Intent.FromAvnm);
                        report.Rules.Add(rule);
                    }
                    rule.Pairs++;
                    if (c == 2)
                    {
                        rule.Failed++;
                        violationCount.TryGetValue(rule.Name, out var seen);
                        if (seen < ViolationsPerRule) { violations.Add((r.Source, r.Destination, false)); violationCount[rule.Name] = seen + 1; }
                    }
                }
                long key = ((long)(gs * groups + gd) * 1_000_003L) + s * 3 + c;
                if (!classes.ContainsKey(key)) classes[key] = (r.Source, r.Destination);
            }
            Flush();
            var summary = matrix.Summary;
            report.Pairs = summary.Pairs;
            report.PairsWithIntent = summary.PairsWithIntent;
            report.Violations = summary.Violations;
            foreach (var kv in summary.ByKind.OrderBy(k => k.Key)) report.ByKind[kv.Key] = kv.Value;
            Heat(groupHeat, groups, kinds, report.GroupHeat);
            Heat(regionHeat, regions, kinds, report.RegionHeat);
            var traced = new List<(int, int, bool)>(violations);
            traced.AddRange(classes.OrderBy(kv => kv.Key).Take(MaxExamples).Select(kv => (kv.Value.Item1, kv.Value.Item2, true)));
            return traced;
        }

        private static void Heat(long[] counts, int size, int kinds, List<HeatCell> into)
        {
            for (int a = 0; a < size; a++)
                for (int b = 0; b < size; b++)
                    for (int k = 0; k < kinds; k++)
                    {
                        int cell = ((a * size + b) * kinds + k) * 2;
                        if (counts[cell] > 0) into.Add(new HeatCell(a, b, (PathKind)k, counts[cell], counts[cell + 1]));
                    }
        }

        /// <summary>
        /// A row as runs along <paramref name="order"/>: comma-separated base-36 values, each followed by <c>*</c> and the
        /// base-36 run length when the run is longer than one (docs/schemas/estate-report.schema.json).
        /// </summary>
        internal static string Encode(int[] values, int[] order)
        {
            var sb = new StringBuilder();
            int i = 0;
            while (i < order.Length)
            {
                int v = values[order[i]], run = 1;
                while (i + run < order.Length && values[order[i + run]] == v) run++;
                if (sb.Length > 0) sb.Append(',');
                sb.Append(Base36(v));
                if (run > 1) sb.Append('*').Append(Base36(run));
                i += run;
            }
            return sb.ToString();
        }

        private static string Base36(int v)
        {
            if (v == 0) return "0";
            var chars = new Stack<char>();
            while (v > 0) { chars.Push("0123456789abcdefghijklmnopqrstuvwxyz"[v % 36]); v /= 36; }
            return new string(chars.ToArray());
        }

        private static void TracePaths(Topology topology, EstateReport report, IReadOnlyList<PathMatrixEndpoint> endpoints, IntentSet intent,
            ServiceTagCatalog? serviceTags, List<(int From, int To, bool Example)> chosen)
        {
            var analyzer = new PathAnalyzer(topology, serviceTags);
            var pairs = new List<(int From, int To, bool Example)>();
            if (endpoints.Count <= AllPairsUpTo)
            {
                report.AllPathsTraced = true;
                for (int i = 0; i < endpoints.Count; i++)
                    for (int j = 0; j < endpoints.Count; j++)
                        if (i != j) pairs.Add((i, j, false));
            }
            else
            {
                var seen = new HashSet<(int, int)>();
                foreach (var p in chosen)
                    if (seen.Add((p.From, p.To))) pairs.Add(p);
            }
            var at = new Dictionary<int, PathEndpoint>();
            PathEndpoint Endpoint(int i) => at.TryGetValue(i, out var e) ? e
                : at[i] = PathEndpoints.ForVnet(topology, endpoints[i].Name, endpoints[i].VirtualNetwork, "Source");
            foreach (var (from, to, example) in pairs)
            {
                var path = analyzer.Trace(Endpoint(from), Endpoint(to), intent);
                report.Paths.Add(new ReportPath(from, to, path, Anchors(topology, path), path.Reverse == null ? new string[0] : Anchors(topology, path.Reverse)) { Example = example });
            }
        }

        private static string[] Anchors(Topology topology, PathResult path) =>
            path.Hops.Select(h => DiagramBuilder.AnchorOf(topology, h) ?? "").ToArray();

        private static void AddViews(Topology topology, EstateReport report, Dictionary<ResourceId, int> groupOfVnet, IEngineHost host)
        {
            var overview = OverviewDiagram.Build(topology, report, groupOfVnet);
            report.Views.Add(new MapView("overview", "Overview", "overview", -1, SvgDiagramWriter.Write(DiagramLayout.Apply(overview))));
            if (topology.VirtualNetworks.Count <= FullMapUpTo)
                report.Views.Add(new MapView("full", "Every VNet", "full", -1, SvgDiagramWriter.Write(DiagramLayout.Apply(DiagramBuilder.Build(topology)))));
            foreach (var g in report.Groups)
            {
                host.Progress("Estate report", "laying out " + g.Label, -1);
                var members = g.Members.Take(GroupViewMembers).Select(i => report.VirtualNetworks[i].Id).ToList();
                var diagram = DiagramBuilder.Build(topology, members);
                var key = "group-" + g.Index.ToString(CultureInfo.InvariantCulture);
                var view = new MapView(key, g.Label, "group", g.Index, SvgDiagramWriter.Write(DiagramLayout.Apply(diagram)))
                {
                    Omitted = Math.Max(0, g.Members.Count - GroupViewMembers),
                };
                g.View = key;
                report.Views.Add(view);
            }
        }
    }
}
