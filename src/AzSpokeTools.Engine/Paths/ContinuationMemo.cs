using System.Collections.Generic;
using AzSpokeTools.Engine.Addresses;
using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Engine.Paths
{
    /// <summary>
    /// The rest of a trace from a location to a destination, memoised: after the first hop the rest depends only on where the
    /// packet is and where it is going. The vector matrix engine reads its pairs through it, and <c>path</c> counts the
    /// equal-cost paths it does not show through it. A continuation keeps the first equal-cost path's summary and how many paths
    /// there are, never every path, so equal-cost fan-out costs one entry per location instead of one per path.
    /// </summary>
    /// <remarks>
    /// The hop limit (<see cref="PathTracer.MaxHops"/>) makes a continuation depend on how far from the source it starts only when
    /// it reaches the limit: a continuation that stays within it is memoised per (location, destination) with its length and
    /// reused wherever it still fits; one cut by the limit is memoised per (location, destination, depth). Nesting is bounded by
    /// the limit, so the stack is too.
    /// </remarks>
    internal sealed class ContinuationMemo : IContinuationHook
    {
        private readonly PathTracer _tracer;
        private readonly PathSummaries _summaries;
        private readonly IReadOnlyList<IpAddressValue> _addresses;
        private readonly PathMatrixStatistics? _stats;
        private readonly int _maxHops;
        private readonly List<int[]?> _memo = new List<int[]?>();
        private readonly List<Continuation> _continuations = new List<Continuation>();
        private readonly Dictionary<(int Summary, long Count, int Length, bool Cut), Continuation> _byKey = new Dictionary<(int, long, int, bool), Continuation>();
        private Dictionary<(int Location, int Destination, int Depth), Continuation>? _cut;
        private int _destination, _depth, _childLength;
        private bool _childCut;
        private Continuation? _loop, _tooLong;

        /// <param name="tracer">The tracer whose locations index the memo; it calls back through <see cref="IContinuationHook"/>.</param>
        /// <param name="summaries">The intern table the continuations' summaries come from.</param>
        /// <param name="addresses">The destinations, by index.</param>
        /// <param name="stats">Counts and times continuations when set (the matrix benchmark).</param>
        public ContinuationMemo(PathTracer tracer, PathSummaries summaries, IReadOnlyList<IpAddressValue> addresses, PathMatrixStatistics? stats)
        {
            _tracer = tracer;
            _summaries = summaries;
            _addresses = addresses;
            _stats = stats;
            _maxHops = tracer.MaxHops;
        }

        /// <summary>
        /// The rest of the trace from <paramref name="loc"/> to destination <paramref name="j"/>, where <paramref name="loc"/> is the
        /// <paramref name="depth"/>-th location after the source.
        /// </summary>
        public Continuation At(TraceLocation loc, int j, int depth)
        {
            // The matrix asks this for most pairs: a memoised continuation that fits the hop limit from here is the usual answer.
            int i = loc.Index;
            if (i < _memo.Count && _memo[i] is int[] known && known[j] > 0)
            {
                var exact = _continuations[known[j] - 1];
                if (depth + exact.Length - 1 <= _maxHops) return exact;
            }
            return Compute(loc, j, depth);
        }

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
        private Continuation Compute(TraceLocation loc, int j, int depth)
        {
            while (_memo.Count <= loc.Index) _memo.Add(null);
            var row = _memo[loc.Index] ??= new int[_addresses.Count];
            int v = row[j];
            // docs/routing-model.md#path-resolution: reached again while being computed, a loop (checked before the hop limit, as the tracer does).
            if (v < 0) return _loop ??= Intern(_summaries.Get(PathOutcome.Loop), 1, 0, false);
            // A memoised continuation that fits (At's fast path) was returned already; past the limit nothing is walked.
            if (depth > _maxHops) return _tooLong ??= Intern(_summaries.Get(PathOutcome.Unknown), 1, 0, true);
            if (_cut != null && _cut.TryGetValue((loc.Index, j, depth), out var cutHere)) return cutHere;

            row[j] = -1;
            if (_stats != null) _stats.Continuations++;
            long t = _stats != null ? System.Diagnostics.Stopwatch.GetTimestamp() : 0;
            int savedDestination = _destination, savedDepth = _depth, savedLength = _childLength;
            bool savedCut = _childCut;
            _destination = j;
            _depth = depth;
            _childLength = 0;
            _childCut = false;
            var ends = new List<TraceEnd>();
            _tracer.WalkDirect(loc, _addresses[j], new TraceBuilder(false), ends);
            long count = 0;
            foreach (var e in ends) count = TraceEnds.Add(count, e.Count);
            var c = Intern(_summaries.Get(ends[0].Outcome, ends[0].Builder.Transits, ends[0].Builder.Devices), count, 1 + _childLength, _childCut);
            _destination = savedDestination;
            _depth = savedDepth;
            _childLength = savedLength;
            _childCut = savedCut;
            if (_stats != null) _stats.ContinuationTicks += System.Diagnostics.Stopwatch.GetTimestamp() - t;
            if (c.Cut)
            {
                row[j] = v;
                (_cut ??= new Dictionary<(int, int, int), Continuation>())[(loc.Index, j, depth)] = c;
            }
            else row[j] = c.Id + 1;
            return c;
        }

        /// <summary>The walk reached <paramref name="loc"/> while a continuation is computed: the memoised rest stands for every branch from there.</summary>
        public void Continue(PathTracer tracer, TraceLocation loc, IpAddressValue dst, TraceBuilder b, List<TraceEnd> ends)
        {
            var c = At(loc, _destination, _depth + 1);
            if (c.Length > _childLength) _childLength = c.Length;
            _childCut |= c.Cut;
            // Walk is the handler's last act, so the branch's builder is this branch's alone.
            b.Transits.AddRange(c.First.Transits);
            b.Devices.AddRange(c.First.Devices);
            ends.Add(new TraceEnd(c.First.Outcome, b) { Count = c.Count });
        }

        bool IContinuationHook.Deliver(VirtualNetwork vnet, PathKind? transit, TraceBuilder b, List<TraceEnd> ends) => false;

        private Continuation Intern(PathSummary first, long count, int length, bool cut)
        {
            var key = (first.Id, count, length, cut);
            if (!_byKey.TryGetValue(key, out var c))
            {
                c = new Continuation(_continuations.Count, first, count, length, cut);
                _continuations.Add(c);
                _byKey[key] = c;
            }
            return c;
        }

        /// <summary>A memoised rest of a trace.</summary>
        internal sealed class Continuation
        {
            public Continuation(int id, PathSummary first, long count, int length, bool cut)
            {
                Id = id;
                First = first;
                Count = count;
                Length = length;
                Cut = cut;
            }

            /// <summary>Dense id, for callers that cache per continuation.</summary>
            public int Id { get; }
            /// <summary>The first equal-cost path's summary.</summary>
            public PathSummary First { get; }
            /// <summary>How many equal-cost paths (saturating).</summary>
            public long Count { get; }
            /// <summary>Locations walked along the longest branch, this one included (0 for a loop or a cut).</summary>
            public int Length { get; }
            /// <summary>True when the hop limit cut a branch: valid only at the depth it was computed for.</summary>
            public bool Cut { get; }
        }
    }
}
