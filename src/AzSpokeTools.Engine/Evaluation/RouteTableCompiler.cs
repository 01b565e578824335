using System;
using System.Collections.Generic;
using AzSpokeTools.Engine.Addresses;
using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Engine.Evaluation
{
    /// <summary>
    /// Turns a route list into the interval form of <see cref="CompiledRouteTable"/>: the address space of each
    /// family is cut into non-overlapping intervals sorted by start, and each interval is mapped to the winner set
    /// (the route indices) that a longest-prefix-match lookup returns for every address in it.
    /// </summary>
    internal static class RouteTableCompiler
    {
        private static readonly IpAddressValue V4Max = IpAddressValue.FromV4(uint.MaxValue);
        private static readonly IpAddressValue V6Max = new IpAddressValue(ulong.MaxValue, ulong.MaxValue, true);

        public static CompiledRouteTable Compile(IReadOnlyList<EffectiveRoute> routes)
        {
            if (routes == null) throw new ArgumentNullException(nameof(routes));

            // Group the Active routes by distinct prefix. Because two CIDR prefixes are either nested or disjoint,
            // the longest prefix containing an address is unique, and the routes listing exactly that prefix are
            // the winners (docs/routing-model.md#route-selection: longest prefix match; equal prefixes tie).
            // The (prefix, route, position) triples are sorted rather than collected in a dictionary of lists: one array
            // instead of a list per prefix, for a compile that runs once per source of the matrix.
            var triples = new List<(IpPrefix Prefix, int Route, int Position)>(routes.Count + 4);
            var unresolved = new List<int>();
            for (int i = 0; i < routes.Count; i++)
            {
                var route = routes[i] ?? throw new ArgumentException($"routes[{i}] is null.", nameof(routes));
                // docs/routing-model.md#route-selection: Invalid routes lost selection and carry no traffic.
                if (route.State != RouteState.Active) continue;
                // docs/routing-model.md#special-override-rules (service-tag UDRs): tags are not resolved here, so they never match;
                // callers report them from UnresolvedRouteIndices.
                if (route.UnresolvedPrefixes.Count > 0) unresolved.Add(i);
                var prefixes = route.PrefixArray;
                for (int k = 0; k < prefixes.Length; k++) triples.Add((prefixes[k], i, k));
            }
            triples.Sort(ByPrefixRoutePosition);
            // Each distinct prefix with its routes in table order (a route listing a prefix twice counts once), and where the
            // prefix first appears, so that winner sets are numbered in order of first appearance.
            var groups = new List<(IpPrefix Prefix, int First, int Position, int[] Routes)>();
            var indices = new List<int>();
            for (int start = 0; start < triples.Count;)
            {
                int end = start;
                indices.Clear();
                while (end < triples.Count && triples[end].Prefix == triples[start].Prefix)
                {
                    if (indices.Count == 0 || indices[indices.Count - 1] != triples[end].Route) indices.Add(triples[end].Route);
                    end++;
                }
                groups.Add((triples[start].Prefix, triples[start].Route, triples[start].Position, indices.ToArray()));
                start = end;
            }
            groups.Sort(ByFirstAppearance);

            var sets = new WinnerSetBuilder();
            var v4 = new List<KeyValuePair<IpPrefix, int>>(groups.Count);
            var v6 = new List<KeyValuePair<IpPrefix, int>>();
            foreach (var g in groups)
            {
                int setId = sets.Intern(g.Routes);
                (g.Prefix.IsV6 ? v6 : v4).Add(new KeyValuePair<IpPrefix, int>(g.Prefix, setId));
            }

            var v4Intervals = BuildIntervals(v4, IpAddressValue.FromV4(0), V4Max);
            var v6Intervals = BuildIntervals(v6, new IpAddressValue(0, 0, true), V6Max);

            var v4Starts = new uint[v4Intervals.Count];
            var v4Sets = new int[v4Intervals.Count];
            for (int i = 0; i < v4Intervals.Count; i++)
            {
                v4Starts[i] = v4Intervals[i].Key.V4;
                v4Sets[i] = v4Intervals[i].Value;
            }
            var v6High = new ulong[v6Intervals.Count];
            var v6Low = new ulong[v6Intervals.Count];
            var v6Sets = new int[v6Intervals.Count];
            for (int i = 0; i < v6Intervals.Count; i++)
            {
                v6High[i] = v6Intervals[i].Key.High;
                v6Low[i] = v6Intervals[i].Key.Low;
                v6Sets[i] = v6Intervals[i].Value;
            }
            return new CompiledRouteTable(routes.Count, v4Starts, v4Sets, v6High, v6Low, v6Sets, sets.ToArray(), unresolved.ToArray());
        }

        /// <summary>
        /// Sweeps the prefixes of one family in (start, shorter-first) order with a stack of the prefixes that
        /// contain the current address, emitting (interval start, winner set) pairs. The first interval starts at
        /// the family's first address; adjacent intervals never share a winner set.
        /// </summary>
        private static List<KeyValuePair<IpAddressValue, int>> BuildIntervals(
            List<KeyValuePair<IpPrefix, int>> prefixes, IpAddressValue familyMin, IpAddressValue familyMax)
        {
            prefixes.Sort((a, b) => a.Key.CompareTo(b.Key));
            // A prefix opens at most one interval and closes at most one.
            var output = new List<KeyValuePair<IpAddressValue, int>>(2 * prefixes.Count + 1);
            Emit(output, familyMin, CompiledRouteTable.NoRoute);
            var open = new Stack<KeyValuePair<IpPrefix, int>>();
            foreach (var entry in prefixes)
            {
                var prefix = entry.Key;
                while (open.Count > 0 && open.Peek().Key.Last < prefix.First)
                {
                    var closed = open.Pop();
                    // closed.Last < prefix.First, so closed.Last + 1 cannot wrap.
                    Emit(output, closed.Key.Last.Add(1), open.Count > 0 ? open.Peek().Value : CompiledRouteTable.NoRoute);
                }
                // The stack top (if any) now contains this prefix: prefixes are nested or disjoint.
                Emit(output, prefix.First, entry.Value);
                open.Push(entry);
            }
            while (open.Count > 0)
            {
                var closed = open.Pop();
                // A prefix ending at the family's last address: every enclosing prefix ends there too.
                if (closed.Key.Last == familyMax) break;
                Emit(output, closed.Key.Last.Add(1), open.Count > 0 ? open.Peek().Value : CompiledRouteTable.NoRoute);
            }
            return output;
        }

        /// <summary>Appends an interval start, replacing one at the same address and merging with an equal neighbour.</summary>
        private static void Emit(List<KeyValuePair<IpAddressValue, int>> output, IpAddressValue start, int setId)
        {
            int n = output.Count;
            if (n > 0 && output[n - 1].Key == start)
            {
                output.RemoveAt(n - 1);
                n--;
            }
            if (n > 0 && output[n - 1].Value == setId) return;
            output.Add(new KeyValuePair<IpAddressValue, int>(start, setId));
        }

        private static readonly Comparison<(IpPrefix Prefix, int Route, int Position)> ByPrefixRoutePosition = (a, b) =>
        {
            int c = a.Prefix.CompareTo(b.Prefix);
            if (c != 0) return c;
            c = a.Route.CompareTo(b.Route);
            return c != 0 ? c : a.Position.CompareTo(b.Position);
        };

        private static readonly Comparison<(IpPrefix Prefix, int First, int Position, int[] Routes)> ByFirstAppearance = (a, b) =>
        {
            int c = a.First.CompareTo(b.First);
            return c != 0 ? c : a.Position.CompareTo(b.Position);
        };

        /// <summary>Gives each distinct list of route indices one id.</summary>
        private sealed class WinnerSetBuilder
        {
            private readonly Dictionary<int[], int> _ids = new Dictionary<int[], int>(SameIndices.Instance);
            private readonly List<int[]> _sets = new List<int[]>();

            public int Intern(int[] set)
            {
                if (_ids.TryGetValue(set, out var id)) return id;
                id = _sets.Count;
                _sets.Add(set);
                _ids[set] = id;
                return id;
            }

            public int[][] ToArray() => _sets.ToArray();
        }

        /// <summary>Index lists compared element by element.</summary>
        private sealed class SameIndices : IEqualityComparer<int[]>
        {
            public static readonly SameIndices Instance = new SameIndices();

            public bool Equals(int[]? a, int[]? b)
            {
                if (ReferenceEquals(a, b)) return true;
                if (a == null || b == null || a.Length != b.Length) return false;
                for (int i = 0; i < a.Length; i++) if (a[i] != b[i]) return false;
                return true;
            }

            public int GetHashCode(int[] a)
            {
                unchecked
                {
                    int h = a.Length;
                    foreach (var x in a) h = h * 31 + x;
                    return h;
                }
            }
        }
    }
}
