using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.Msagl.Core.Geometry;
using Microsoft.Msagl.Core.Geometry.Curves;
using Microsoft.Msagl.Core.Layout;
using Microsoft.Msagl.Core.Routing;
using Microsoft.Msagl.Layout.Incremental;
using Microsoft.Msagl.Layout.Initial;
using Microsoft.Msagl.Layout.Layered;
using Microsoft.Msagl.Miscellaneous;
using MsaglEdge = Microsoft.Msagl.Core.Layout.Edge;
using MsaglNode = Microsoft.Msagl.Core.Layout.Node;

namespace AzSpokeTools.Engine.Diagrams
{
    /// <summary>
    /// Places a <see cref="Diagram"/> with Microsoft Automatic Graph Layout (MSAGL): a layered (Sugiyama) layout with the
    /// regions and hub groups as nested clusters and spline-routed edges. The ordering heuristic runs with a fixed seed and
    /// coordinates are rounded to 0.1 px, so the same diagram always gets the same coordinates.
    /// </summary>
    internal static class DiagramLayout
    {
        /// <summary>Width of one character of the 12 px label font, for sizing nodes (text is never measured, so the layout is the same everywhere).</summary>
        public const double CharWidth = 7.0;
        public const double NodeHeight = 40;
        private const double ClusterLabelHeight = 22;
        private const double Margin = 20;

        /// <summary>Lays out <paramref name="diagram"/> in place and returns it.</summary>
        public static Diagram Apply(Diagram diagram)
        {
            if (diagram == null) throw new ArgumentNullException(nameof(diagram));
            if (diagram.Nodes.Count == 0) { diagram.Width = 2 * Margin; diagram.Height = 2 * Margin; return diagram; }
            var graph = new GeometryGraph();
            var nodes = new Dictionary<DiagramNode, MsaglNode>();
            foreach (var n in diagram.Nodes)
            {
                n.Width = NodeWidth(n);
                n.Height = NodeHeight;
                var m = new MsaglNode(Shape(n.Width, n.Height), n);
                nodes[n] = m;
                graph.Nodes.Add(m);
            }
            var clusters = new Dictionary<DiagramCluster, Cluster>();
            foreach (var c in diagram.Clusters) graph.RootCluster.AddChild(ToCluster(c, nodes, clusters));
            foreach (var n in diagram.Nodes.Where(n => n.Cluster == null)) graph.RootCluster.AddChild(nodes[n]);

            var edges = new List<(DiagramEdge Edge, MsaglEdge Msagl)>();
            foreach (var e in diagram.Edges)
            {
                // Attachments and connected-group memberships point from the owner down to the device; the rest follow the model.
                var m = new MsaglEdge(nodes[e.From], nodes[e.To]) { Weight = e.IsPath ? 1 : e.Kind == DiagramEdgeKind.Attachment ? 3 : 2 };
                if (!string.IsNullOrEmpty(e.Label))
                {
                    m.Label = new Label(LabelWidth(e.Label), 14, m);
                    m.Label.GeometryParent = m;
                }
                graph.Edges.Add(m);
                edges.Add((e, m));
            }

            var settings = new SugiyamaLayoutSettings
            {
                RandomSeedForOrdering = 1,
                NodeSeparation = 24,
                LayerSeparation = 56,
                ClusterMargin = 12,
                PackingMethod = PackingMethod.Compact,
            };
            settings.EdgeRoutingSettings.EdgeRoutingMode = EdgeRoutingMode.SugiyamaSplines;
            if (diagram.Clusters.Count == 0) LayoutHelpers.CalculateLayout(graph, settings, null);
            else LayOutByCluster(graph, settings);

            var box = graph.BoundingBox;
            double left = box.Left - Margin, top = box.Top + Margin;
            double X(double x) => Round(x - left);
            double Y(double y) => Round(top - y);
            foreach (var n in diagram.Nodes)
            {
                var m = nodes[n];
                n.X = X(m.Center.X);
                n.Y = Y(m.Center.Y);
            }
            foreach (var kv in clusters)
            {
                var b = kv.Value.BoundingBox;
                kv.Key.Left = X(b.Left);
                kv.Key.Top = Y(b.Top);
                kv.Key.Width = Round(b.Width);
                kv.Key.Height = Round(b.Height);
            }
            foreach (var (e, m) in edges)
            {
                e.PathData = PathData(m, X, Y);
                var at = m.Label != null ? m.Label.Center : m.Curve != null ? m.Curve[(m.Curve.ParStart + m.Curve.ParEnd) / 2] : new Point((m.Source.Center.X + m.Target.Center.X) / 2, (m.Source.Center.Y + m.Target.Center.Y) / 2);
                e.LabelX = X(at.X);
                e.LabelY = Y(at.Y);
            }
            diagram.Width = Round(box.Width + 2 * Margin);
            diagram.Height = Round(box.Height + 2 * Margin);
            return diagram;
        }

        /// <summary>
        /// What <see cref="LayoutHelpers.CalculateLayout"/> does for a clustered graph, on one thread: its cluster-by-cluster
        /// layout runs clusters in parallel (all sharing one settings object), and on a loaded machine a coordinate differed in
        /// the last digit between runs; laid out sequentially, the same diagram gets the same coordinates.
        /// </summary>
        private static void LayOutByCluster(GeometryGraph graph, SugiyamaLayoutSettings settings)
        {
            foreach (var e in graph.Edges)
            {
                e.Curve = null;
                e.SourcePort ??= new RelativeFloatingPort(() => e.Source.BoundaryCurve, () => e.Source.Center);
                e.TargetPort ??= new RelativeFloatingPort(() => e.Target.BoundaryCurve, () => e.Target.Center);
            }
            settings.FallbackLayoutSettings ??= new FastIncrementalLayoutSettings { AvoidOverlaps = true };
            new InitialLayoutByCluster(graph, _ => settings) { RunInParallel = false }.Run(null);
            // The edges between clusters are routed after the clusters are placed, as LayoutHelpers does (this also updates the bounding box).
            LayoutHelpers.RouteAndLabelEdges(graph, settings, graph.Edges.Where(e => e.Curve == null).ToArray(), 0, null);
        }

        /// <summary>The width of a node: its longer text line, at <see cref="CharWidth"/> per character, plus padding and room for the shape.</summary>
        public static double NodeWidth(DiagramNode n) => Math.Max(96, 28 + CharWidth * Math.Max(n.Label.Length, Math.Min(n.Detail.Length, 40) * 10 / 12.0));

        private static double LabelWidth(string label) => 6 + 6 * label.Length;

        private static ICurve Shape(double width, double height) => CurveFactory.CreateRectangle(width, height, new Point());

        private static Cluster ToCluster(DiagramCluster c, Dictionary<DiagramNode, MsaglNode> nodes, Dictionary<DiagramCluster, Cluster> map)
        {
            var cluster = new Cluster(c.Nodes.Select(n => nodes[n])) { UserData = c };
            foreach (var child in c.Children) cluster.AddChild(ToCluster(child, nodes, map));
            cluster.BoundaryCurve = CurveFactory.CreateRectangle(30, 30, new Point());
            cluster.RectangularBoundary = new RectangularClusterBoundary
            {
                LeftMargin = 10, RightMargin = 10, BottomMargin = 10, TopMargin = ClusterLabelHeight + 6,
                MinWidth = CharWidth * c.Label.Length + 24,
            };
            map[c] = cluster;
            return cluster;
        }

        /// <summary>The routed curve as SVG path data (lines and cubic Béziers), in diagram coordinates.</summary>
        private static string PathData(MsaglEdge e, Func<double, double> x, Func<double, double> y)
        {
            var sb = new StringBuilder();
            void Move(Point p) => sb.Append('M').Append(F(x(p.X))).Append(',').Append(F(y(p.Y)));
            void Line(Point p) => sb.Append(" L").Append(F(x(p.X))).Append(',').Append(F(y(p.Y)));
            void Bezier(CubicBezierSegment b) => sb.Append(" C").Append(F(x(b.B(1).X))).Append(',').Append(F(y(b.B(1).Y)))
                .Append(' ').Append(F(x(b.B(2).X))).Append(',').Append(F(y(b.B(2).Y)))
                .Append(' ').Append(F(x(b.B(3).X))).Append(',').Append(F(y(b.B(3).Y)));
            var curve = e.Curve;
            if (curve == null)
            {
                Move(e.Source.Center);
                Line(e.Target.Center);
                return sb.ToString();
            }
            Move(curve.Start);
            IEnumerable<ICurve> segments = curve is Curve c ? c.Segments : new[] { curve };
            foreach (var s in segments)
            {
                switch (s)
                {
                    case CubicBezierSegment b: Bezier(b); break;
                    case LineSegment l: Line(l.End); break;
                    default:
                        // Other segment types (arcs) are sampled as a polyline.
                        for (int i = 1; i <= 8; i++) Line(s[s.ParStart + (s.ParEnd - s.ParStart) * i / 8]);
                        break;
                }
            }
            return sb.ToString();
        }

        private static double Round(double v) => Math.Round(v, 1, MidpointRounding.AwayFromZero);

        /// <summary>A coordinate as text: invariant culture, at most one decimal.</summary>
        internal static string F(double v) => Round(v).ToString("0.#", CultureInfo.InvariantCulture);
    }
}
