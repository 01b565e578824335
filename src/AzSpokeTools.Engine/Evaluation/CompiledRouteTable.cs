using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Runtime.CompilerServices;
using AzSpokeTools.Engine.Addresses;
using AzSpokeTools.Engine.Model;
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
    /// Each address family is cut into non-overlapping intervals sorted by start, each mapped to a winner set. IPv4
    /// interval starts are kept in Eytzinger (breadth-first) order, padded to a perfect tree, and searched without
    /// branches, eight destinations at a time in a batch; IPv6 uses a branch-free binary search. Instances are
    /// immutable and thread-safe and hold no reference to the routes, so one instance can serve every route list with
    /// the same content (see <see cref="CompiledRouteTableCache"/>).
    /// </remarks>
    public sealed class CompiledRouteTable
    {
        /// <summary>The winner-set id returned when no Active route contains the destination.</summary>
        public const int NoRoute = -1;

        private static readonly IReadOnlyList<int> Empty = new ReadOnlyCollection<int>(Array.Empty<int>());

        // IPv4: interval starts as a perfect binary search tree in Eytzinger order (_v4Tree[1] is the root, the children
        // of node k are 2k and 2k+1, _v4Tree[0] is unused), _v4Levels deep. Padding nodes hold uint.MaxValue.
        // _v4Sets[i] is the winner set of the i-th interval in address order, padded with the last interval's set.
        private readonly uint[] _v4Tree;
        private readonly int _v4Levels;
        private readonly int[] _v4Sets;
        private readonly ulong[] _v6High;
        private readonly ulong[] _v6Low;
        private readonly int[] _v6Sets;
        private readonly int[][] _sets;
        // Read-only views of the sets, made when first asked for (most sets are only ever read through WinnersArray).
        private readonly IReadOnlyList<int>?[] _winners;

        internal CompiledRouteTable(int routeCount, uint[] v4Starts, int[] v4Sets, ulong[] v6High, ulong[] v6Low, int[] v6Sets,
            int[][] winnerSets, int[] unresolvedRouteIndices)
        {
            RouteCount = routeCount;
            V4IntervalCount = v4Starts.Length;
            (_v4Tree, _v4Levels, _v4Sets) = BuildV4Tree(v4Starts, v4Sets);
            _v6High = v6High;
            _v6Low = v6Low;
            _v6Sets = v6Sets;
            _sets = winnerSets;
            _winners = new IReadOnlyList<int>?[winnerSets.Length];
            UnresolvedRouteIndices = new ReadOnlyCollection<int>(unresolvedRouteIndices);
        }

        /// <summary>Compiles <paramref name="routes"/>. Use <see cref="CompiledRouteTableCache"/> to share tables between identical lists.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="routes"/> is null.</exception>
        /// <exception cref="ArgumentException">An element of <paramref name="routes"/> is null.</exception>
        public static CompiledRouteTable Compile(IReadOnlyList<EffectiveRoute> routes) => RouteTableCompiler.Compile(routes);

        // A shared layer is compiled once for every table that refers to it, and forgotten with the layer.
        private static readonly ConditionalWeakTable<SharedRouteLayer, CompiledRouteTable> SharedLayers = new ConditionalWeakTable<SharedRouteLayer, CompiledRouteTable>();

        /// <summary>The shared layer compiled once for every table that shares it.</summary>
        internal static CompiledRouteTable Of(SharedRouteLayer layer) => SharedLayers.GetValue(layer, l => Compile(l.Routes));

        /// <summary>The number of routes (Active or not) in the list this table was compiled from.</summary>
        public int RouteCount { get; }

        /// <summary>The number of distinct winner sets; valid set ids are 0 to WinnerSetCount - 1.</summary>
        public int WinnerSetCount => _winners.Length;

        /// <summary>Indices of Active routes with a prefix that is not a CIDR (a service tag); lookups never match those prefixes.</summary>
        public IReadOnlyList<int> UnresolvedRouteIndices { get; }

        /// <summary>Number of IPv4 intervals (for diagnostics and benchmarks).</summary>
        internal int V4IntervalCount { get; }

        /// <summary>Number of IPv6 intervals (for diagnostics and benchmarks).</summary>
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
            // Two threads may both make the view; both wrap the same array, so either serves.
            return _winners[setId] ??= new ReadOnlyCollection<int>(_sets[setId]);
        }

        /// <summary>The route indices of winner set <paramref name="setId"/> (a valid id), ascending; the caller must not change the array.</summary>
        internal int[] WinnersArray(int setId) => _sets[setId];

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
            Span<uint> v4 = stackalloc uint[8];
            for (; i + 8 <= destinations.Length; i += 8)
            {
                bool anyV6 = false;
                for (int j = 0; j < 8; j++)
                {
                    var d = destinations[i + j];
                    anyV6 |= d.IsV6;
                    v4[j] = d.V4;
                }
                if (!anyV6) Search8(v4, results.Slice(i, 8));
                else for (int j = 0; j < 8; j++) results[i + j] = Lookup(destinations[i + j]);
            }
            for (; i < destinations.Length; i++) results[i] = Lookup(destinations[i]);
        }

        private void LookupV4Batch(ReadOnlySpan<uint> destinations, Span<int> results)
        {
            int i = 0;
            for (; i + 8 <= destinations.Length; i += 8)
                Search8(destinations.Slice(i, 8), results.Slice(i, 8));
            for (; i < destinations.Length; i++) results[i] = LookupV4(destinations[i]);
        }

        /// <summary>
        /// Lays the sorted interval starts out as a perfect tree in Eytzinger order. With L levels the tree has
        /// 2^L - 1 nodes; the extra ones are padding starts at uint.MaxValue, which only 255.255.255.255 reaches,
        /// and that address belongs to the last real interval, so the padded set entries repeat its set.
        /// </summary>
        private static (uint[] Tree, int Levels, int[] Sets) BuildV4Tree(uint[] starts, int[] sets)
        {
            int levels = 1;
            while ((1 << levels) - 1 < starts.Length) levels++;
            int size = (1 << levels) - 1;
            var tree = new uint[size + 1];
            var paddedSets = new int[size];
            for (int i = 0; i < size; i++) paddedSets[i] = i < sets.Length ? sets[i] : sets[sets.Length - 1];
            // In-order walk of the implicit tree assigns sorted positions to nodes.
            int next = 0;
            var pending = new Stack<int>();
            int node = 1;
            while (node <= size || pending.Count > 0)
            {
                for (; node <= size; node *= 2) pending.Push(node);
                node = pending.Pop();
                tree[node] = next < starts.Length ? starts[next] : uint.MaxValue;
                next++;
                node = node * 2 + 1;
            }
            return (tree, levels, paddedSets);
        }

        /// <summary>
        /// -1 when <paramref name="start"/> &lt;= <paramref name="d"/>, else 0, without a branch: the JIT does not turn
        /// conditionals inside loops into conditional moves, and with random destinations each step's branch is a coin toss.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static int AtMost(uint start, uint d) => (int)(((long)start - d - 1) >> 63);

        /// <summary>
        /// The descent of the perfect tree goes right at every start &lt;= d, so after all levels the node number is
        /// 2^L + r where r counts the starts &lt;= d; the interval is the r-th in address order (r &gt;= 1, since the first
        /// start is 0.0.0.0).
        /// </summary>
        private int LookupV4(uint d)
        {
            ref uint t = ref _v4Tree[0];
            int k = 1;
            for (int level = 0; level < _v4Levels; level++)
                k = 2 * k - AtMost(Unsafe.Add(ref t, k), d);
            return _v4Sets[k - (1 << _v4Levels) - 1];
        }

        /// <summary>
        /// Eight interleaved descents: the step count depends only on the table, so the eight run in lockstep and
        /// their memory loads overlap.
        /// </summary>
        private void Search8(ReadOnlySpan<uint> d, Span<int> results)
        {
            uint d0 = d[0], d1 = d[1], d2 = d[2], d3 = d[3], d4 = d[4], d5 = d[5], d6 = d[6], d7 = d[7];
            ref uint t = ref _v4Tree[0];
            int k0 = 1, k1 = 1, k2 = 1, k3 = 1, k4 = 1, k5 = 1, k6 = 1, k7 = 1;
            for (int level = 0; level < _v4Levels; level++)
            {
                k0 = 2 * k0 - AtMost(Unsafe.Add(ref t, k0), d0);
                k1 = 2 * k1 - AtMost(Unsafe.Add(ref t, k1), d1);
                k2 = 2 * k2 - AtMost(Unsafe.Add(ref t, k2), d2);
                k3 = 2 * k3 - AtMost(Unsafe.Add(ref t, k3), d3);
                k4 = 2 * k4 - AtMost(Unsafe.Add(ref t, k4), d4);
                k5 = 2 * k5 - AtMost(Unsafe.Add(ref t, k5), d5);
                k6 = 2 * k6 - AtMost(Unsafe.Add(ref t, k6), d6);
                k7 = 2 * k7 - AtMost(Unsafe.Add(ref t, k7), d7);
            }
            int offset = (1 << _v4Levels) + 1;
            var sets = _v4Sets;
            results[0] = sets[k0 - offset];
            results[1] = sets[k1 - offset];
            results[2] = sets[k2 - offset];
            results[3] = sets[k3 - offset];
            results[4] = sets[k4 - offset];
            results[5] = sets[k5 - offset];
            results[6] = sets[k6 - offset];
            results[7] = sets[k7 - offset];
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
