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
        private readonly Dictionary<SummaryKey, PathSummary> _byKey = new Dictionary<SummaryKey, PathSummary>();

        public List<PathSummary> All { get; } = new List<PathSummary>();

        public PathSummary Get(PathOutcome outcome, IReadOnlyList<PathKind> transits, IReadOnlyList<ForwardingDevice> devices)
        {
            // Rows carry transits only for delivered paths: a drop or loop has no kind (docs/routing-model.md#vocabulary: None).
            bool delivered = outcome == PathOutcome.Delivered;
            // Looked up by the caller's lists; copied only when the summary is new (the tracer asks this for every probe).
            var probe = new SummaryKey(outcome, delivered ? transits : Array.Empty<PathKind>(), delivered ? devices : Array.Empty<ForwardingDevice>());
            if (!_byKey.TryGetValue(probe, out var s))
            {
                var t = delivered ? transits.ToArray() : Array.Empty<PathKind>();
                var d = delivered && devices.Count > 0 ? devices.ToArray() : Array.Empty<ForwardingDevice>();
                s = new PathSummary(All.Count, outcome, t, d);
                All.Add(s);
                _byKey[new SummaryKey(outcome, t, d)] = s;
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

        /// <summary>Outcome, transits and devices (by reference), compared element by element.</summary>
        private readonly struct SummaryKey : IEquatable<SummaryKey>
        {
            private readonly PathOutcome _outcome;
            private readonly IReadOnlyList<PathKind> _transits;
            private readonly IReadOnlyList<ForwardingDevice> _devices;

            public SummaryKey(PathOutcome outcome, IReadOnlyList<PathKind> transits, IReadOnlyList<ForwardingDevice> devices)
            {
                _outcome = outcome;
                _transits = transits;
                _devices = devices;
            }

            public bool Equals(SummaryKey other)
            {
                if (_outcome != other._outcome || _transits.Count != other._transits.Count || _devices.Count != other._devices.Count) return false;
                for (int i = 0; i < _transits.Count; i++) if (_transits[i] != other._transits[i]) return false;
                for (int i = 0; i < _devices.Count; i++) if (!ReferenceEquals(_devices[i], other._devices[i])) return false;
                return true;
            }

            public override bool Equals(object? obj) => obj is SummaryKey k && Equals(k);

            public override int GetHashCode()
            {
                unchecked
                {
                    int h = (int)_outcome * 397 + _transits.Count;
                    for (int i = 0; i < _transits.Count; i++) h = h * 31 + (int)_transits[i];
                    for (int i = 0; i < _devices.Count; i++) h = h * 31 + System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(_devices[i]);
                    return h;
                }
            }
        }
    }
}
