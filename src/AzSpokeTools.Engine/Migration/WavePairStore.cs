using System;
using System.Collections.Generic;

namespace AzSpokeTools.Engine.Migration
{
    /// <summary>
    /// The paths of the ordered pairs one wave can change: every pair with a focus endpoint at either end. A focus source keeps
    /// a whole row; any other source keeps only the focus destinations, so the store holds at most n² paths and usually far fewer.
    /// </summary>
    internal sealed class WavePairStore
    {
        private readonly bool[] _focus;
        private readonly int[] _rank;
        private readonly int[] _focusList;
        private readonly long[] _offset;
        private readonly PairPath?[] _values;

        public WavePairStore(bool[] focus)
        {
            _focus = focus;
            int n = focus.Length;
            _rank = new int[n];
            var list = new List<int>();
            for (int e = 0; e < n; e++) { _rank[e] = focus[e] ? list.Count : -1; if (focus[e]) list.Add(e); }
            _focusList = list.ToArray();
            _offset = new long[n + 1];
            for (int s = 0; s < n; s++) _offset[s + 1] = _offset[s] + (focus[s] ? n : _focusList.Length);
            if (_offset[n] > int.MaxValue) throw new InvalidOperationException($"the wave touches {_offset[n]:N0} ordered pairs, more than one what-if store holds");
            _values = new PairPath?[_offset[n]];
        }

        public bool[] Focus => _focus;
        public int Count => _focus.Length;

        public bool Contains(int s, int d) => s != d && (_focus[s] || _focus[d]);

        private long Index(int s, int d) => _offset[s] + (_focus[s] ? d : _rank[d]);

        public PairPath? this[int s, int d]
        {
            get => Contains(s, d) ? _values[Index(s, d)] : null;
            set { if (Contains(s, d)) _values[Index(s, d)] = value; }
        }

        /// <summary>Every ordered pair of the store, source by source.</summary>
        public IEnumerable<(int Source, int Destination)> Pairs()
        {
            int n = _focus.Length;
            for (int s = 0; s < n; s++)
            {
                if (_focus[s]) { for (int d = 0; d < n; d++) if (d != s) yield return (s, d); }
                else foreach (var d in _focusList) if (d != s) yield return (s, d);
            }
        }
    }
}
