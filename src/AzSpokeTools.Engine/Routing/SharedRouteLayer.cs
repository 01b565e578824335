using System.Collections.Generic;
using AzSpokeTools.Engine.Addresses;
using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Engine.Routing
{
    /// <summary>
    /// Routes that many VNets receive identically — a gateway's learned routes, a Virtual WAN hub's
    /// propagated routes — held once, sorted by prefix, so that each VNet's table refers to them
    /// instead of copying thousands of rows (a spoke behind an ExpressRoute hub learns every other hub's spokes).
    /// </summary>
    internal sealed class SharedRouteLayer
    {
        private readonly Dictionary<IpPrefix, List<int>> _byPrefix = new Dictionary<IpPrefix, List<int>>();

        public SharedRouteLayer(IEnumerable<EffectiveRoute> routes)
        {
            var list = new List<EffectiveRoute>(routes);
            // Every route of a shared layer has exactly one prefix (gateway and hub routes are per prefix).
            list.Sort((a, b) => a.Prefixes[0].CompareTo(b.Prefixes[0]));
            Routes = list.ToArray();
            Keys = new IpPrefix[Routes.Length];
            for (int i = 0; i < Routes.Length; i++)
            {
                Keys[i] = Routes[i].Prefixes[0];
                if (!_byPrefix.TryGetValue(Keys[i], out var same)) _byPrefix[Keys[i]] = same = new List<int>(1);
                same.Add(i);
            }
        }

        public EffectiveRoute[] Routes { get; }
        public IpPrefix[] Keys { get; }
        public RouteCandidates Notes { get; } = new RouteCandidates();

        /// <summary>Indices of routes whose prefix is exactly <paramref name="prefix"/>.</summary>
        public IReadOnlyList<int> Exactly(IpPrefix prefix) =>
            _byPrefix.TryGetValue(prefix, out var list) ? list : (IReadOnlyList<int>)System.Array.Empty<int>();

        /// <summary>Indices of routes whose prefix lies inside <paramref name="prefix"/> (equal included), ascending, added to <paramref name="into"/>.</summary>
        public void AddContainedIn(IpPrefix prefix, List<int> into)
        {
            // Sorted by network then length: every prefix inside P has its network in [P.First, P.Last].
            int lo = 0, hi = Keys.Length;
            var first = prefix.First;
            while (lo < hi)
            {
                int mid = (lo + hi) >> 1;
                if (Keys[mid].Network.CompareTo(first) < 0) lo = mid + 1; else hi = mid;
            }
            var last = prefix.Last;
            for (int i = lo; i < Keys.Length && Keys[i].Network.CompareTo(last) <= 0; i++)
                if (Keys[i].Length >= prefix.Length && Keys[i].IsV6 == prefix.IsV6) into.Add(i);
        }
    }
}
