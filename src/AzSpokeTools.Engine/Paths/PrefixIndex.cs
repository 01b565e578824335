using System.Collections.Generic;
using AzSpokeTools.Engine.Addresses;

namespace AzSpokeTools.Engine.Paths
{
    /// <summary>Values by prefix, with a longest-prefix-first search over the prefix lengths present (at most 33 or 129 probes).</summary>
    internal sealed class PrefixIndex<T>
    {
        private readonly Dictionary<IpPrefix, List<T>> _byPrefix = new Dictionary<IpPrefix, List<T>>();
        private readonly SortedSet<int> _v4Lengths = new SortedSet<int>(Comparer<int>.Create((a, b) => b.CompareTo(a)));
        private readonly SortedSet<int> _v6Lengths = new SortedSet<int>(Comparer<int>.Create((a, b) => b.CompareTo(a)));

        public void Add(IpPrefix prefix, T value)
        {
            if (!_byPrefix.TryGetValue(prefix, out var list)) _byPrefix[prefix] = list = new List<T>(1);
            if (!list.Contains(value)) list.Add(value);
            (prefix.IsV6 ? _v6Lengths : _v4Lengths).Add(prefix.Length);
        }

        /// <summary>Every (prefix, value) containing <paramref name="address"/>, longest prefix first.</summary>
        public IEnumerable<(IpPrefix Prefix, T Value)> Containing(IpAddressValue address)
        {
            foreach (var len in address.IsV6 ? _v6Lengths : _v4Lengths)
            {
                var p = new IpPrefix(address, len);
                if (_byPrefix.TryGetValue(p, out var list))
                    foreach (var v in list) yield return (p, v);
            }
        }
    }
}
