using System.Collections.Generic;
using System.Text;
using AzSpokeTools.Engine.Addresses;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Security;

namespace AzSpokeTools.Engine.Paths
{
    /// <summary>
    /// Shares the matrix's access answers between pairs that must get the same one, so a flow over every pair costs a lookup per pair rather
    /// than a walk through the rules.
    /// </summary>
    /// <remarks>
    /// <para>A pair's walk (<see cref="AccessWalk"/>) reads only: the rules compiled for the two hosts, the path's forwarding devices and
    /// outcome, and whether each address matches each rule's address sides. A rule side's match of an address is decided by the address's
    /// membership in the side's sets (prefixes, service tags, groups, the private ranges of the Internet tag) and in the host's VirtualNetwork
    /// tag (<see cref="AddressMatcher.Match"/>).</para>
    /// <para>So each endpoint gets a key: what its host's rules are made of (security admin rules, the subnet's and NIC's NSGs, whether the
    /// tag holds a default route; the rules are compiled from those alone, the tag apart), the address's class (the elementary interval it
    /// falls in among the boundaries of every set of every endpoint host's rules and every firewall's rules: addresses of one class are in
    /// the same sets), and whether its own tag holds it. The only other inputs are the two cross answers: does the source's tag hold the
    /// destination address, and the destination's tag the source address. A pair's first walk is made four times, with the tags supposed to
    /// answer each way (<see cref="HostAddressContext.Suppose"/>); the answers, and which cross answers change them, are kept per (source
    /// key, destination key, path summary), and a later pair with the same keys asks only the cross answers that matter.</para>
    /// <para>Paths through a network virtual appliance's NIC or a load balancer (whose hosts are not in the classes), and pairs whose two
    /// endpoints share a tag or an address, are walked directly.</para>
    /// </remarks>
    internal sealed class PairAccessMemo
    {
        private readonly SecurityEvaluator _security;
        private readonly Topology _topology;
        private readonly IReadOnlyList<PathMatrixEndpoint> _endpoints;
        private readonly SecurityHost[] _hosts;
        private readonly int[] _keys;
        // Per endpoint, contiguous (a pair reads them for both ends): its address, its host's tag, and the index of the tag's shared part.
        private readonly IpAddressValue[] _addresses;
        private readonly HostAddressContext[] _contexts;
        private readonly int[] _sharedIndex;
        /// <summary>Per distinct shared tag part: whether it holds each endpoint's address (0 not asked yet, 1 no, 2 yes).</summary>
        private readonly List<byte[]> _sharedHolds = new List<byte[]>();
        private readonly List<AddressSet> _sharedSets = new List<AddressSet>();
        private long _lastKey = -1;
        private Entry? _lastEntry;
        private readonly HashSet<AzureFirewall> _firewalls = new HashSet<AzureFirewall>();
        private readonly List<bool?> _sharable = new List<bool?>();
        private readonly Dictionary<Flow, Dictionary<long, Entry>> _byFlow = new Dictionary<Flow, Dictionary<long, Entry>>();
        private Flow? _lastFlow;
        private Dictionary<long, Entry>? _last;

        private const int KeyBits = 21;

        public PairAccessMemo(SecurityEvaluator security, Topology topology, IReadOnlyList<PathMatrixEndpoint> endpoints, SecurityHost[] hosts)
        {
            _security = security;
            _topology = topology;
            _endpoints = endpoints;
            _hosts = hosts;
            var boundaries = new List<IpAddressValue> { IpAddressValue.FromV4(0), new IpAddressValue(0, 0, true) };
            foreach (var h in hosts)
                foreach (var list in new[] { h.AdminInbound, h.AdminOutbound, h.SubnetStage?.Inbound, h.SubnetStage?.Outbound, h.NicStage?.Inbound, h.NicStage?.Outbound })
                    if (list != null) AddBoundaries(list, boundaries);
            foreach (var fw in topology.AzureFirewalls)
            {
                _firewalls.Add(fw);
                AddBoundaries(security.FirewallRules(fw).Rules, boundaries);
            }
            boundaries.Sort(Order);
            var classes = new List<IpAddressValue>(boundaries.Count);
            foreach (var b in boundaries)
                if (classes.Count == 0 || classes[classes.Count - 1] != b) classes.Add(b);
            var ids = new Dictionary<string, int>();
            _keys = new int[endpoints.Count];
            _addresses = new IpAddressValue[endpoints.Count];
            _contexts = new HostAddressContext[endpoints.Count];
            _sharedIndex = new int[endpoints.Count];
            var sharedIds = new Dictionary<AddressSet, int>();
            for (int e = 0; e < endpoints.Count; e++)
            {
                var a = endpoints[e].Address;
                var key = Content(hosts[e]) + "|" + ClassOf(classes, a) + "|" + (hosts[e].Context.InVirtualNetwork(a) ? "in" : "out");
                if (!ids.TryGetValue(key, out var id)) ids[key] = id = ids.Count;
                _keys[e] = id;
                _addresses[e] = a;
                var context = _contexts[e] = hosts[e].Context;
                if (!sharedIds.TryGetValue(context.Shared, out var sid))
                {
                    sharedIds[context.Shared] = sid = sharedIds.Count;
                    _sharedSets.Add(context.Shared);
                    _sharedHolds.Add(new byte[endpoints.Count]);
                }
                _sharedIndex[e] = sid;
            }
        }

        /// <summary>Distinct endpoint keys (for the tests: far fewer than endpoints when hosts share rules).</summary>
        public int KeyCount
        {
            get
            {
                var set = new HashSet<int>(_keys);
                return set.Count;
            }
        }

        /// <summary>Walks learnt so far (each four times, with the cross answers supposed each way).</summary>
        public int Learnt { get; private set; }

        /// <summary>The access of <paramref name="flow"/> from endpoint <paramref name="i"/> to <paramref name="j"/> along <paramref name="path"/>.</summary>
        public AccessVerdict Evaluate(int i, int j, PathSummary path, Flow flow, out SecurityRuleReference? rule)
        {
            if (!Sharable(path) || ReferenceEquals(_contexts[i], _contexts[j]) || _addresses[i] == _addresses[j] ||
                _keys[i] >= 1 << KeyBits || _keys[j] >= 1 << KeyBits || path.Id >= 1 << KeyBits)
                return Walk(i, j, path, flow, out rule);
            long key = ((long)_keys[i] << (2 * KeyBits)) | ((long)_keys[j] << KeyBits) | (long)path.Id;
            Entry? entry;
            if (key == _lastKey && ReferenceEquals(flow, _lastFlow)) entry = _lastEntry!;
            else
            {
                var table = Table(flow);
                if (!table.TryGetValue(key, out entry)) table[key] = entry = Learn(i, j, path, flow);
                _lastKey = key;
                _lastEntry = entry;
            }
            int k = (entry.SourceTagMatters && TagHolds(i, j) ? 1 : 0) | (entry.DestinationTagMatters && TagHolds(j, i) ? 2 : 0);
            rule = entry.Rules[k];
            return entry.Verdicts[k];
        }

        /// <summary>
        /// <see cref="HostAddressContext.InVirtualNetwork"/> of endpoint <paramref name="host"/>'s tag for endpoint <paramref name="address"/>'s
        /// address: its own part searched, its shared part (thousands of gateway prefixes, one set for many hosts) answered once per endpoint.
        /// </summary>
        private bool TagHolds(int host, int address)
        {
            var a = _addresses[address];
            if (_contexts[host].VirtualNetwork.Contains(a)) return true;
            int sid = _sharedIndex[host];
            var holds = _sharedHolds[sid];
            if (holds[address] == 0) holds[address] = _sharedSets[sid].Contains(a) ? (byte)2 : (byte)1;
            return holds[address] == 2;
        }

        private AccessVerdict Walk(int i, int j, PathSummary path, Flow flow, out SecurityRuleReference? rule) =>
            AccessWalk.RunFlow(_security, _topology, _hosts[i], path.Devices, path.Outcome == PathOutcome.Delivered ? _hosts[j] : null, flow,
                _endpoints[i].Address, _endpoints[j].Address, null, out rule);

        /// <summary>The pair's walk with the two cross answers supposed each way.</summary>
        private Entry Learn(int i, int j, PathSummary path, Flow flow)
        {
            var src = _endpoints[i].Address;
            var dst = _endpoints[j].Address;
            var si = _hosts[i].Context;
            var dj = _hosts[j].Context;
            var entry = new Entry();
            Learnt++;
            try
            {
                for (int k = 0; k < 4; k++)
                {
                    si.Suppose(dst, (k & 1) != 0);
                    dj.Suppose(src, (k & 2) != 0);
                    entry.Verdicts[k] = Walk(i, j, path, flow, out entry.Rules[k]);
                }
            }
            finally
            {
                si.Forget();
                dj.Forget();
            }
            entry.SourceTagMatters = !entry.Same(0, 1) || !entry.Same(2, 3);
            entry.DestinationTagMatters = !entry.Same(0, 2) || !entry.Same(1, 3);
            return entry;
        }

        private Dictionary<long, Entry> Table(Flow flow)
        {
            if (ReferenceEquals(flow, _lastFlow)) return _last!;
            if (!_byFlow.TryGetValue(flow, out var table)) _byFlow[flow] = table = new Dictionary<long, Entry>();
            _lastFlow = flow;
            _last = table;
            return table;
        }

        /// <summary>True when the path's filtering points are the two hosts and firewalls or hub appliances (whose rules are in the classes).</summary>
        private bool Sharable(PathSummary path)
        {
            while (_sharable.Count <= path.Id) _sharable.Add(null);
            if (_sharable[path.Id] is bool known) return known;
            bool ok = true;
            if (path.Outcome == PathOutcome.Delivered)
                foreach (var d in path.Devices)
                {
                    if (d.Kind == ForwardingDeviceKind.HubAppliance) continue;
                    if ((d.Kind == ForwardingDeviceKind.AzureFirewall || d.Kind == ForwardingDeviceKind.HubFirewall) &&
                        (_topology.Find<AzureFirewall>(d.Id) is not AzureFirewall fw || _firewalls.Contains(fw))) continue;
                    ok = false;
                }
            _sharable[path.Id] = ok;
            return ok;
        }

        /// <summary>What a host's compiled rules are made of, the VirtualNetwork tag apart (see the remarks).</summary>
        private static string Content(SecurityHost h)
        {
            var b = new StringBuilder();
            foreach (var r in h.AdminInbound.All) b.Append("ai:").Append(r.Ref.ResourceId).Append(r.Conditional != null ? "?" : "").Append(';');
            foreach (var r in h.AdminOutbound.All) b.Append("ao:").Append(r.Ref.ResourceId).Append(r.Conditional != null ? "?" : "").Append(';');
            foreach (var s in new[] { h.SubnetStage, h.NicStage })
                b.Append(s == null ? "-" : s.Id.Value + (s.Nsg == null ? "!" : "") + (s.NotApplied != null ? "~" : "")).Append(';');
            b.Append(h.Context.DefaultRoute != null ? "d" : "").Append(h.Context.Unavailable != null ? "u" : "");
            return b.ToString();
        }

        private static void AddBoundaries(RuleList list, List<IpAddressValue> into)
        {
            foreach (var r in list.All)
                foreach (var side in new[] { r.Source, r.Destination })
                    foreach (var set in side.StaticSets())
                        foreach (var (low, high) in set.Intervals())
                        {
                            into.Add(low);
                            if (high != Max(high.IsV6)) into.Add(high.Add(1));
                        }
        }

        private static IpAddressValue Max(bool v6) => v6 ? new IpAddressValue(ulong.MaxValue, ulong.MaxValue, true) : IpAddressValue.FromV4(uint.MaxValue);

        private static int Order(IpAddressValue a, IpAddressValue b) => a.IsV6 != b.IsV6 ? a.IsV6.CompareTo(b.IsV6) : a.CompareTo(b);

        /// <summary>The number of boundaries at or below <paramref name="a"/>: the same for every address of one elementary interval.</summary>
        private static int ClassOf(List<IpAddressValue> boundaries, IpAddressValue a)
        {
            int lo = 0, hi = boundaries.Count;
            while (lo < hi)
            {
                int mid = (lo + hi) >> 1;
                if (Order(boundaries[mid], a) <= 0) lo = mid + 1;
                else hi = mid;
            }
            return lo;
        }

        /// <summary>The verdict and deciding rule for each pair of cross answers (bit 0: the source's tag holds the destination; bit 1: the destination's tag holds the source).</summary>
        private sealed class Entry
        {
            public readonly AccessVerdict[] Verdicts = new AccessVerdict[4];
            public readonly SecurityRuleReference?[] Rules = new SecurityRuleReference?[4];
            public bool SourceTagMatters, DestinationTagMatters;

            public bool Same(int a, int b)
            {
                if (Verdicts[a] != Verdicts[b]) return false;
                var x = Rules[a];
                var y = Rules[b];
                if (x == null || y == null) return x == y;
                return x.Kind == y.Kind && x.ResourceId == y.ResourceId && x.Name == y.Name && x.Priority == y.Priority && x.Direction == y.Direction && x.IsDefault == y.IsDefault;
            }
        }
    }
}
