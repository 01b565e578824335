using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Runtime.CompilerServices;
using AzSpokeTools.Engine.Addresses;
using AzSpokeTools.Engine.Routing;

namespace AzSpokeTools.Engine.Evaluation
{
    /// <summary>
    /// An effective route table compiled once for fast longest-prefix-match lookups.
    /// A lookup answers which Active route(s) carry a packet to a destination: among the Active routes with a
    /// parsed prefix containing it, those with the longest prefix (several are equal-cost alternatives).
    /// Routes whose prefix is an unresolved service tag never match; they are listed in
    /// <see cref="UnresolvedRouteIndices"/>. Lookups return a winner-set id; <see cref="GetWinners"/> turns it into
    /// route indices in the order of the list the table was compiled from, and <see cref="NoRoute"/> means the
    /// packet is dropped for lack of a route.
    /// </summary>
    /// <remarks>
    /// Each address family is cut into non-overlapping intervals sorted by start, each mapped to a winner set, and a
    /// lookup is a branch-free binary search over the interval starts. Instances are immutable and thread-safe and hold
    /// no reference to the routes, so one instance can serve every route list with the same content
    /// (see <see cref="CompiledRouteTableCache"/>).
    /// </remarks>
    public sealed class CompiledRouteTable
    {
        /// <summary>The winner-set id returned when no Active route contains the destination.</summary>
        public const int NoRoute = -1;

        private static readonly IReadOnlyList<int> Empty = new ReadOnlyCollection<int>(Array.Empty<int>());

        private readonly uint[] _v4Starts;
        private readonly int[] _v4Sets;
        private readonly ulong[] _v6High;
        private readonly ulong[] _v6Low;
        private readonly int[] _v6Sets;
        private readonly IReadOnlyList<int>[] _winners;

        internal CompiledRouteTable(int routeCount, uint[] v4Starts, int[] v4Sets, ulong[] v6High, ulong[] v6Low, int[] v6Sets,
            int[][] winnerSets, int[] unresolvedRouteIndices)
        {
            RouteCount = routeCount;
            _v4Starts = v4Starts;
            _v4Sets = v4Sets;
            _v6High = v6High;
            _v6Low = v6Low;
            _v6Sets = v6Sets;
            _winners = new IReadOnlyList<int>[winnerSets.Length];
            for (int i = 0; i < winnerSets.Length; i++) _winners[i] = new ReadOnlyCollection<int>(winnerSets[i]);
            UnresolvedRouteIndices = new ReadOnlyCollection<int>(unresolvedRouteIndices);
        }

        /// <summary>Compiles <paramref name="routes"/>. Use <see cref="CompiledRouteTableCache"/> to share tables between identical lists.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="routes"/> is null.</exception>
        /// <exception cref="ArgumentException">An element of <paramref name="routes"/> is null.</exception>
        public static CompiledRouteTable Compile(IReadOnlyList<EffectiveRoute> routes) => RouteTableCompiler.Compile(routes);

        /// <summary>The number of routes (Active or not) in the list this table was compiled from.</summary>
        public int RouteCount { get; }

        /// <summary>The number of distinct winner sets; valid set ids are 0 to WinnerSetCount - 1.</summary>
        public int WinnerSetCount => _winners.Length;

        /// <summary>Indices of Active routes with a prefix that is not a CIDR (a service tag); lookups never match those prefixes.</summary>
        public IReadOnlyList<int> UnresolvedRouteIndices { get; }

        /// <summary>Number of IPv4 and IPv6 intervals (for diagnostics and benchmarks).</summary>
        internal int V4IntervalCount => _v4Starts.Length;
        internal int V6IntervalCount => _v6High.Length;

        /// <summary>
        /// The route indices of winner set <paramref name="setId"/>, ascending (table order);
        /// empty for <see cref="NoRoute"/>.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="setId"/> is neither NoRoute nor a valid set id.</exception>
        public IReadOnlyList<int> GetWinners(int setId)
        {
            if (setId == NoRoute) return Empty;
            if ((uint)setId >= (uint)_winners.Length)
                throw new ArgumentOutOfRangeException(nameof(setId), setId, $"Winner-set id must be {NoRoute} or 0..{_winners.Length - 1}.");
            return _winners[setId];
        }

        /// <summary>The winner-set id for one destination (IPv4 or IPv6), or <see cref="NoRoute"/>.</summary>
        public int Lookup(IpAddressValue destination) =>
            destination.IsV6 ? LookupV6(destination.High, destination.Low) : LookupV4(destination.V4);

        /// <summary>The winner-set id for one IPv4 destination given as a 32-bit integer, or <see cref="NoRoute"/>.</summary>
        public int Lookup(uint v4Destination) => LookupV4(v4Destination);

        /// <summary>Looks up many IPv4 destinations (32-bit integers) at once; <paramref name="results"/>[i] receives the winner-set id for destinations[i].</summary>
        /// <exception cref="ArgumentException"><paramref name="results"/> is shorter than <paramref name="destinations"/>.</exception>
        public void LookupBatch(ReadOnlySpan<uint> destinations, Span<int> results)
        {
            if (results.Length < destinations.Length)
                throw new ArgumentException($"results has {results.Length} elements; destinations has {destinations.Length}.", nameof(results));
            LookupV4Batch(destinations, results);
        }

        /// <summary>Looks up many destinations (IPv4 and IPv6 may be mixed); <paramref name="results"/>[i] receives the winner-set id for destinations[i].</summary>
        /// <exception cref="ArgumentException"><paramref name="results"/> is shorter than <paramref name="destinations"/>.</exception>
        public void LookupBatch(ReadOnlySpan<IpAddressValue> destinations, Span<int> results)
        {
            if (results.Length < destinations.Length)
                throw new ArgumentException($"results has {results.Length} elements; destinations has {destinations.Length}.", nameof(results));
            int i = 0;
            for (; i + 4 <= destinations.Length; i += 4)
            {
                var a = destinations[i]; var b = destinations[i + 1]; var c = destinations[i + 2]; var d = destinations[i + 3];
                if (!(a.IsV6 | b.IsV6 | c.IsV6 | d.IsV6))
                {
                    Search4(a.V4, b.V4, c.V4, d.V4, results.Slice(i, 4));
                }
                else
                {
                    results[i] = Lookup(a); results[i + 1] = Lookup(b); results[i + 2] = Lookup(c); results[i + 3] = Lookup(d);
                }
            }
            for (; i < destinations.Length; i++) results[i] = Lookup(destinations[i]);
        }

        private void LookupV4Batch(ReadOnlySpan<uint> destinations, Span<int> results)
        {
            int i = 0;
            for (; i + 4 <= destinations.Length; i += 4)
                Search4(destinations[i], destinations[i + 1], destinations[i + 2], destinations[i + 3], results.Slice(i, 4));
            for (; i < destinations.Length; i++) results[i] = LookupV4(destinations[i]);
        }

        /// <summary>
        /// Four interleaved branch-free binary searches: the loop count depends only on the table, so the four
        /// searches run in lockstep and their memory loads overlap.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void Search4(uint d0, uint d1, uint d2, uint d3, Span<int> results)
        {
            var starts = _v4Starts;
            ref uint s = ref starts[0]; // starts[0] is always 0.0.0.0
            int i0 = 0, i1 = 0, i2 = 0, i3 = 0;
            int n = starts.Length;
            while (n > 1)
            {
                int half = n >> 1;
                i0 += half & AtMost(Unsafe.Add(ref s, i0 + half), d0);
                i1 += half & AtMost(Unsafe.Add(ref s, i1 + half), d1);
                i2 += half & AtMost(Unsafe.Add(ref s, i2 + half), d2);
                i3 += half & AtMost(Unsafe.Add(ref s, i3 + half), d3);
                n -= half;
            }
            var sets = _v4Sets;
            results[0] = sets[i0];
            results[1] = sets[i1];
            results[2] = sets[i2];
            results[3] = sets[i3];
        }

        /// <summary>
        /// -1 when <paramref name="start"/> &lt;= <paramref name="d"/>, else 0, without a branch: the JIT does not turn
        /// conditionals inside loops into conditional moves, and with random destinations each step's branch is a coin toss.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static int AtMost(uint start, uint d) => (int)(((long)start - d - 1) >> 63);

        /// <summary>The last interval whose start is &lt;= the destination (starts[0] is the family's first address).</summary>
        private int LookupV4(uint d)
        {
            var starts = _v4Starts;
            ref uint s = ref starts[0];
            int i = 0;
            int n = starts.Length;
            while (n > 1)
            {
                int half = n >> 1;
                i += half & AtMost(Unsafe.Add(ref s, i + half), d);
                n -= half;
            }
            return _v4Sets[i];
        }

        private int LookupV6(ulong high, ulong low)
        {
            var hs = _v6High;
            ref ulong h = ref hs[0]; // the first start is always ::
            ref ulong l = ref _v6Low[0];
            int i = 0;
            int n = hs.Length;
            while (n > 1)
            {
                int half = n >> 1;
                int m = i + half;
                ulong sh = Unsafe.Add(ref h, m);
                bool le = (sh < high) | ((sh == high) & (Unsafe.Add(ref l, m) <= low));
                i += half & -Unsafe.As<bool, byte>(ref le); // a bool is stored as 0 or 1
                n -= half;
            }
            return _v6Sets[i];
        }
    }
}
