using System.Collections.Generic;
using AzSpokeTools.Engine.Addresses;

namespace AzSpokeTools.Engine.Security
{
    /// <summary>A set of addresses as sorted, merged closed intervals (IPv4 and IPv6 apart); membership is a binary search.</summary>
    internal sealed class AddressSet
    {
        private readonly IpAddressValue[] _low;
        private readonly IpAddressValue[] _high;

        public static readonly AddressSet Empty = new AddressSet(new List<(IpAddressValue, IpAddressValue)>());

        /// <summary>Every IPv4 and IPv6 address.</summary>
        public static readonly AddressSet All = new Builder().Add(IpPrefix.AnyV4).Add(IpPrefix.AnyV6).Build();

        /// <summary>The intervals, for adding this set to another.</summary>
        public IEnumerable<(IpAddressValue Low, IpAddressValue High)> Intervals()
        {
            for (int i = 0; i < _low.Length; i++) yield return (_low[i], _high[i]);
        }

        private AddressSet(List<(IpAddressValue Low, IpAddressValue High)> intervals)
        {
            intervals.Sort((a, b) => a.Low.IsV6 != b.Low.IsV6 ? a.Low.IsV6.CompareTo(b.Low.IsV6) : a.Low.CompareTo(b.Low));
            var low = new List<IpAddressValue>();
            var high = new List<IpAddressValue>();
            foreach (var (l, h) in intervals)
            {
                int last = low.Count - 1;
                // Merge an interval that overlaps or touches the previous one of the same family.
                if (last >= 0 && low[last].IsV6 == l.IsV6 && (l <= high[last] || (high[last] != MaxOf(l.IsV6) && high[last].Add(1) == l)))
                {
                    if (h > high[last]) high[last] = h;
                    continue;
                }
                low.Add(l);
                high.Add(h);
            }
            _low = low.ToArray();
            _high = high.ToArray();
        }

        private static IpAddressValue MaxOf(bool v6) => v6 ? new IpAddressValue(ulong.MaxValue, ulong.MaxValue, true) : IpAddressValue.FromV4(uint.MaxValue);

        /// <summary>The number of merged intervals.</summary>
        public int Count => _low.Length;

        public bool IsEmpty => _low.Length == 0;

        /// <summary>True when both sets hold the same addresses.</summary>
        public bool SameAs(AddressSet other)
        {
            if (other._low.Length != _low.Length) return false;
            for (int i = 0; i < _low.Length; i++)
                if (_low[i] != other._low[i] || _high[i] != other._high[i]) return false;
            return true;
        }

        public bool Contains(IpAddressValue a)
        {
            int lo = 0, hi = _low.Length - 1;
            while (lo <= hi)
            {
                int mid = (lo + hi) >> 1;
                var l = _low[mid];
                int c = l.IsV6 != a.IsV6 ? l.IsV6.CompareTo(a.IsV6) : l.CompareTo(a);
                if (c > 0) hi = mid - 1;
                else
                {
                    if (l.IsV6 == a.IsV6 && a <= _high[mid]) return true;
                    lo = mid + 1;
                }
            }
            return false;
        }

        /// <summary>Collects intervals, then <see cref="Build"/>s the set.</summary>
        public sealed class Builder
        {
            private readonly List<(IpAddressValue, IpAddressValue)> _intervals = new List<(IpAddressValue, IpAddressValue)>();

            public int Count => _intervals.Count;

            public Builder Add(IpPrefix p)
            {
                _intervals.Add((p.First, p.Last));
                return this;
            }

            public Builder Add(IpAddressValue low, IpAddressValue high)
            {
                if (low.IsV6 == high.IsV6 && low <= high) _intervals.Add((low, high));
                return this;
            }

            public Builder Add(AddressSet set)
            {
                foreach (var (l, h) in set.Intervals()) _intervals.Add((l, h));
                return this;
            }

            public Builder Add(IEnumerable<IpPrefix> prefixes)
            {
                foreach (var p in prefixes) Add(p);
                return this;
            }

            /// <summary>Adds an address entry as written: an IP, a CIDR (host bits ignored) or a range "a-b"; false when it is none of them.</summary>
            public bool TryAdd(string text)
            {
                var t = text.Trim();
                int dash = t.IndexOf('-');
                if (dash > 0 && IpAddressValue.TryParse(t.Substring(0, dash), out var a) && IpAddressValue.TryParse(t.Substring(dash + 1), out var b))
                {
                    if (a.IsV6 != b.IsV6 || a > b) return false;
                    Add(a, b);
                    return true;
                }
                if (IpAddressValue.TryParse(t, out var ip))
                {
                    Add(ip, ip);
                    return true;
                }
                if (IpPrefix.TryParse(t, out var p, allowHostBits: true))
                {
                    Add(new IpPrefix(p.Network.Mask(p.Length), p.Length));
                    return true;
                }
                return false;
            }

            public AddressSet Build() => _intervals.Count == 0 ? Empty : new AddressSet(new List<(IpAddressValue, IpAddressValue)>(_intervals));
        }
    }
}
