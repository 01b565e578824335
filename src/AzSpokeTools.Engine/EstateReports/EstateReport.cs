using System.Collections.Generic;
using AzSpokeTools.Engine.Paths;
using AzSpokeTools.Engine.Readiness;

namespace AzSpokeTools.Engine.EstateReports
{
    /// <summary>
    /// Everything the estate report shows, aggregated so that it stays small at thousands of spokes: VNets in groups, every
    /// ordered pair's path summary (run-length encoded rows in group order, identical rows shared), heatmaps of pair counts by
    /// group and by region and kind, intent rules with traced examples and their reasons, readiness findings, map views laid out
    /// by MSAGL, and optionally the migration plan's waves and what-if. Built by <see cref="EstateReportBuilder"/>; written by
    /// <see cref="Reports.EstateReportJsonWriter"/> and <see cref="Reports.EstateReportHtmlWriter"/>.
    /// </summary>
    public sealed class EstateReport
    {
        /// <summary>The report's title.</summary>
        public string Title { get; internal set; } = "";
        /// <summary>When the snapshot was captured, as the snapshot states it.</summary>
        public string? CapturedAt { get; internal set; }
        /// <summary>Where the snapshot came from.</summary>
        public string? Source { get; internal set; }
        /// <summary>The intent file used, or null for the snapshot's AVNM configurations.</summary>
        public string? Intent { get; internal set; }

        /// <summary>Every VNet in the report.</summary>
        public List<EstateReportVnet> VirtualNetworks { get; } = new List<EstateReportVnet>();
        /// <summary>VNets left out of the matrix, with the reason.</summary>
        public List<string> Skipped { get; } = new List<string>();
        /// <summary>The VNets grouped by hub, mesh or region.</summary>
        public List<EstateGroup> Groups { get; } = new List<EstateGroup>();
        /// <summary>The regions of the estate.</summary>
        public List<string> Regions { get; } = new List<string>();

        /// <summary>How many ordered VNet pairs were traced.</summary>
        public long Pairs { get; internal set; }
        /// <summary>How many of those pairs an intent rule or AVNM configuration applies to.</summary>
        public long PairsWithIntent { get; internal set; }
        /// <summary>How many pairs do not meet their intent.</summary>
        public long Violations { get; internal set; }
        /// <summary>Pairs by path kind.</summary>
        public Dictionary<PathKind, long> ByKind { get; } = new Dictionary<PathKind, long>();

        /// <summary>The distinct pair results; a matrix cell refers to one by index.</summary>
        public List<PathSummary> Summaries { get; } = new List<PathSummary>();
        /// <summary>The VNet indexes in matrix column order (grouped).</summary>
        public int[] Order { get; internal set; } = new int[0];
        /// <summary>Distinct encoded rows (see docs/schemas/estate-report.schema.json, matrix.rows).</summary>
        public List<string> Rows { get; } = new List<string>();
        /// <summary>The row of each VNet (by VNet index; -1 when skipped).</summary>
        public int[] RowOf { get; internal set; } = new int[0];

        /// <summary>Pair counts by (source group, destination group, kind).</summary>
        public List<HeatCell> GroupHeat { get; } = new List<HeatCell>();
        /// <summary>Pair counts by (source region, destination region, kind).</summary>
        public List<HeatCell> RegionHeat { get; } = new List<HeatCell>();

        /// <summary>Each intent rule with its pair and failure counts.</summary>
        public List<IntentRuleCount> Rules { get; } = new List<IntentRuleCount>();
        /// <summary>Traced paths: every pair of a small estate, else one example per (groups, result) and the first violations per rule.</summary>
        public List<ReportPath> Paths { get; } = new List<ReportPath>();
        /// <summary>True when <see cref="Paths"/> holds every ordered pair.</summary>
        public bool AllPathsTraced { get; internal set; }

        /// <summary>The mesh readiness findings, when readiness was run.</summary>
        public ReadinessReport? Readiness { get; internal set; }
        /// <summary>Why readiness was not checked, when it was not.</summary>
        public string? ReadinessError { get; internal set; }

        /// <summary>The pictures of the report (overview and per-group maps).</summary>
        public List<MapView> Views { get; } = new List<MapView>();
        /// <summary>Group index of each device or hub resource id drawn on the map (for highlighting paths on the overview).</summary>
        public SortedDictionary<string, int> DeviceGroups { get; } = new SortedDictionary<string, int>(System.StringComparer.OrdinalIgnoreCase);

        /// <summary>The summary of a migration plan, when one was given.</summary>
        public MigrationPlanSummary? Plan { get; internal set; }
    }

    /// <summary>Pair counts of one (from, to, kind) cell of a heatmap.</summary>
    public sealed class HeatCell
    {
        internal HeatCell(int from, int to, PathKind kind, long pairs, long violations)
        {
            From = from; To = to; Kind = kind; Pairs = pairs; Violations = violations;
        }

        /// <summary>The source group of the cell.</summary>
        public int From { get; }
        /// <summary>The destination group of the cell.</summary>
        public int To { get; }
        /// <summary>The most frequent path kind between the groups.</summary>
        public PathKind Kind { get; }
        /// <summary>How many VNet pairs the cell counts.</summary>
        public long Pairs { get; }
        /// <summary>How many of them do not meet their intent.</summary>
        public long Violations { get; }
    }

    /// <summary>An intent rule with its pair counts.</summary>
    public sealed class IntentRuleCount
    {
        internal IntentRuleCount(string name, IReadOnlyList<PathKind> expect, bool fromAvnm)
        {
            Name = name; Expect = expect; FromAvnm = fromAvnm;
        }

        /// <summary>The rule's name.</summary>
        public string Name { get; }
        /// <summary>The path kinds the rule expects.</summary>
        public IReadOnlyList<PathKind> Expect { get; }
        /// <summary>True when the intent comes from an AVNM connectivity configuration, not from the intent file.</summary>
        public bool FromAvnm { get; }
        /// <summary>How many pairs the rule applies to.</summary>
        public long Pairs { get; internal set; }
        /// <summary>How many of them do not meet it.</summary>
        public long Failed { get; internal set; }
    }

    /// <summary>A traced pair: the full path with hops, reverse path and reasons, and the map node each hop stands at.</summary>
    public sealed class ReportPath
    {
        internal ReportPath(int from, int to, PathResult path, IReadOnlyList<string> forwardAt, IReadOnlyList<string> reverseAt)
        {
            From = from; To = to; Path = path; ForwardAt = forwardAt; ReverseAt = reverseAt;
        }

        /// <summary>The source VNet.</summary>
        public int From { get; }
        /// <summary>The destination VNet.</summary>
        public int To { get; }
        /// <summary>The traced path.</summary>
        public PathResult Path { get; }
        /// <summary>Per forward hop: the resource id of the map node it stands at (its VNet for a subnet hop).</summary>
        public IReadOnlyList<string> ForwardAt { get; }
        /// <summary>Where the reverse path differs from the forward one, when it does.</summary>
        public IReadOnlyList<string> ReverseAt { get; }
        /// <summary>True when it was traced as the example of its pair class; false when it is the violation example of a rule or every pair is traced.</summary>
        public bool Example { get; internal set; }
    }

    /// <summary>One pre-laid-out picture of the map.</summary>
    public sealed class MapView
    {
        internal MapView(string key, string title, string kind, int group, string svg)
        {
            Key = key; Title = title; Kind = kind; Group = group; Svg = svg;
        }

        /// <summary>A stable key of the picture.</summary>
        public string Key { get; }
        /// <summary>The picture's caption.</summary>
        public string Title { get; }
        /// <summary>overview (groups), full (every VNet) or group (one group's members).</summary>
        public string Kind { get; }
        /// <summary>The group shown (group views), else -1.</summary>
        public int Group { get; }
        /// <summary>The picture as SVG.</summary>
        public string Svg { get; }
        /// <summary>Members left out of a group view to keep it readable.</summary>
        public int Omitted { get; internal set; }
    }
}
