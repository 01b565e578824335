using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Engine.Routing
{
    /// <summary>
    /// A table's routes as its own rows followed by a shared layer's rows, less the shared rows it excludes and
    /// with the shared rows it overrides replaced by their Invalid copies. Reads like a plain list.
    /// </summary>
    internal sealed class LayeredRouteList : IReadOnlyList<EffectiveRoute>
    {
        private readonly IReadOnlyList<EffectiveRoute> _own;
        private readonly SharedRouteLayer _shared;
        private readonly int[] _excluded; // sorted ascending
        private readonly Dictionary<int, EffectiveRoute> _replaced;

        public LayeredRouteList(IReadOnlyList<EffectiveRoute> own, SharedRouteLayer shared, int[] excluded, Dictionary<int, EffectiveRoute> replaced)
        {
            _own = own;
            _shared = shared;
            Array.Sort(excluded);
            _excluded = excluded;
            _replaced = replaced;
        }

        internal IReadOnlyList<EffectiveRoute> Own => _own;
        internal SharedRouteLayer Shared => _shared;
        /// <summary>Shared rows this table leaves out or holds as Invalid copies (for evaluators that look the layer up on its own).</summary>
        internal IEnumerable<int> ChangedSharedIndices => _excluded.Concat(_replaced.Keys);
        internal bool IsExcluded(int sharedIndex) => Array.BinarySearch(_excluded, sharedIndex) >= 0;
        internal EffectiveRoute SharedAt(int sharedIndex) => _replaced.TryGetValue(sharedIndex, out var r) ? r : _shared.Routes[sharedIndex];

        /// <summary>The position in this list of shared route <paramref name="sharedIndex"/> (which must not be excluded).</summary>
        internal int ListIndexOfShared(int sharedIndex)
        {
            int before = Array.BinarySearch(_excluded, sharedIndex);
            if (before < 0) before = ~before;
            return _own.Count + sharedIndex - before;
        }

        public int Count => _own.Count + _shared.Routes.Length - _excluded.Length;

        public EffectiveRoute this[int index]
        {
            get
            {
                if (index < 0 || index >= Count) throw new ArgumentOutOfRangeException(nameof(index));
                if (index < _own.Count) return _own[index];
                int j = index - _own.Count;
                foreach (var e in _excluded) if (e <= j) j++; else break;
                return SharedAt(j);
            }
        }

        public IEnumerator<EffectiveRoute> GetEnumerator()
        {
            foreach (var r in _own) yield return r;
            int e = 0;
            for (int i = 0; i < _shared.Routes.Length; i++)
            {
                if (e < _excluded.Length && _excluded[e] == i) { e++; continue; }
                yield return SharedAt(i);
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
