using System;
using System.Collections.Generic;
using System.Linq;

namespace AzSpokeTools.Engine.Paths
{
    /// <summary>
    /// The compact result of a pair in the matrix: outcome, kind and transits (transits only for delivered paths), interned so
    /// that every pair with the same result shares one instance.
    /// </summary>
    public sealed class PathSummary
    {
        internal PathSummary(int id, PathOutcome outcome, PathKind[] transits, ForwardingDevice[] devices)
        {
            Id = id;
            Outcome = outcome;
            Transits = transits;
            Devices = devices;
            Kind = PathKinds.KindOf(outcome, transits);
        }

        /// <summary>Index in the matrix's summary table.</summary>
        public int Id { get; }
        /// <summary>How the path ends.</summary>
        public PathOutcome Outcome { get; }
        /// <summary>The path's kind.</summary>
        public PathKind Kind { get; }
        /// <summary>The transits, in path order.</summary>
        public IReadOnlyList<PathKind> Transits { get; }
        /// <summary>The forwarding devices of a delivered path, in order (empty otherwise): where access evaluation applies their rules.</summary>
        internal IReadOnlyList<ForwardingDevice> Devices { get; }

        /// <inheritdoc/>
        public override string ToString() => $"{Outcome} {Kind} [{string.Join(", ", Transits)}]";
    }

    /// <summary>The intern table of summaries.</summary>
    internal sealed class PathSummaries
    {
        private readonly Dictionary<string, PathSummary> _byKey = new Dictionary<string, PathSummary>();

        public List<PathSummary> All { get; } = new List<PathSummary>();

        public PathSummary Get(PathOutcome outcome, IReadOnlyList<PathKind> transits, IReadOnlyList<ForwardingDevice> devices)
        {
            // Rows carry transits only for delivered paths: a drop or loop has no kind (docs/routing-model.md#vocabulary: None).
            var t = outcome == PathOutcome.Delivered ? transits.ToArray() : Array.Empty<PathKind>();
            var d = outcome == PathOutcome.Delivered && devices.Count > 0 ? devices.ToArray() : Array.Empty<ForwardingDevice>();
            var key = ((int)outcome).ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" + string.Join(",", t.Select(k => (int)k)) + (d.Length > 0 ? ":" + string.Join(",", d.Select(Index)) : "");
            if (!_byKey.TryGetValue(key, out var s))
            {
                s = new PathSummary(All.Count, outcome, t, d);
                All.Add(s);
                _byKey[key] = s;
            }
            return s;
        }

        /// <summary>An undelivered summary (no transits, no devices).</summary>
        public PathSummary Get(PathOutcome outcome) => Get(outcome, Array.Empty<PathKind>(), Array.Empty<ForwardingDevice>());

        public PathSummary Combine(IReadOnlyList<PathKind> prefix, IReadOnlyList<ForwardingDevice> devices, PathSummary rest)
        {
            // Summaries of undelivered paths carry no transits, so only a delivered rest takes the prefix.
            if ((prefix.Count == 0 && devices.Count == 0) || rest.Outcome != PathOutcome.Delivered) return rest;
            return Get(rest.Outcome, prefix.Concat(rest.Transits).ToArray(), devices.Concat(rest.Devices).ToArray());
        }

        private readonly Dictionary<ForwardingDevice, int> _deviceIndex = new Dictionary<ForwardingDevice, int>();

        private int Index(ForwardingDevice d)
        {
            if (!_deviceIndex.TryGetValue(d, out var i)) _deviceIndex[d] = i = _deviceIndex.Count;
            return i;
        }
    }
}
