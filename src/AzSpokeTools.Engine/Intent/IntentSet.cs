using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using AzSpokeTools.Engine.Input;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Paths;
using AzSpokeTools.Engine.Routing;

namespace AzSpokeTools.Engine.Intent
{
    /// <summary>
    /// Intended connectivity for a topology: the rules of an intent file (first matching rule wins) and the AVNM connectivity
    /// configurations (a pair the configuration would connect in one connected group intends <c>Mesh</c>). When both a file
    /// rule and AVNM apply to a pair, the file rule wins: the file states what the operator wants now, AVNM what is configured.
    /// </summary>
    internal sealed class IntentSet : PairIntent
    {
        private readonly Dictionary<VirtualNetwork, int> _index = new Dictionary<VirtualNetwork, int>();
        private bool[][] _from = Array.Empty<bool[]>(), _to = Array.Empty<bool[]>();
        private int[][] _meshGroups = Array.Empty<int[]>();
        private readonly List<(string Name, bool Global, string[] Regions)> _mesh = new List<(string, bool, string[])>();
        private IntentDecision?[] _ruleDecisions = Array.Empty<IntentDecision?>();
        private readonly Dictionary<string, IntentDecision> _avnmDecisions = new Dictionary<string, IntentDecision>();

        private IntentSet(Topology topology, string? file)
        {
            Topology = topology;
            File = file;
        }

        public Topology Topology { get; }
        /// <summary>The intent file, or null for AVNM-derived intent only.</summary>
        public string? File { get; }
        public List<IntentGroup> Groups { get; } = new List<IntentGroup>();
        public List<IntentRule> Rules { get; } = new List<IntentRule>();

        /// <summary>Intent from AVNM connectivity configurations only.</summary>
        public static IntentSet FromAvnm(Topology topology)
        {
            var set = new IntentSet(topology, null);
            set.Bind();
            return set;
        }

        /// <summary>Reads a YAML or JSON intent file (JSON when the name ends in .json); errors name the file and the document path.</summary>
        public static IntentSet Load(string path, Topology topology)
        {
            if (string.IsNullOrWhiteSpace(path)) throw new EngineInputException("Intent", "give an intent file");
            // Regular files only (a named pipe would block the read) and at most 16 MiB; strict UTF-8 or UTF-16 with a byte order mark.
            var problem = InputFile.Problem(path, InputFile.MaxIntentBytes);
            if (problem != null) throw new IntentFileException(path, "$", problem);
            string text;
            try { text = InputFile.ReadText(path); }
            catch (System.Text.DecoderFallbackException ex)
            {
                throw new IntentFileException(path, "$", $"not valid text: byte {ex.Index} is not UTF-8 (save the file as UTF-8, or UTF-16 with a byte order mark)");
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is ArgumentException || ex is NotSupportedException)
            {
                throw new IntentFileException(path, "$", "cannot read the file: " + ex.Message);
            }
            return Parse(path, text, topology);
        }

        /// <summary>Parses intent text; <paramref name="file"/> names it in errors and picks the syntax (.json = JSON, else YAML).</summary>
        public static IntentSet Parse(string file, string text, Topology topology)
        {
            var root = IntentNode.Parse(file, text);
            var set = new IntentSet(topology, file);
            if (!root.IsMap) throw new IntentFileException(file, "$", "expected a mapping with 'groups' and 'rules'");
            foreach (var (key, value) in root.Fields!)
            {
                switch (key.ToLowerInvariant())
                {
                    case "groups": set.ReadGroups(file, value); break;
                    case "rules": break;
                    case "version": case "description": break;
                    default: throw new IntentFileException(file, value.Path, $"unknown key '{key}' (expected groups, rules)");
                }
            }
            var rules = root.Get("rules");
            if (rules == null || !rules.IsList) throw new IntentFileException(file, rules?.Path ?? "$.rules", "expected a list of rules");
            for (int i = 0; i < rules.Items!.Count; i++) set.Rules.Add(set.ReadRule(file, rules.Items[i], i));
            set.Bind();
            return set;
        }

        private void ReadGroups(string file, IntentNode node)
        {
            if (node.IsMap)
                foreach (var (name, sel) in node.Fields!) Groups.Add(ReadGroup(file, name, sel, false));
            else if (node.IsList)
                foreach (var item in node.Items!)
                {
                    var name = item.Get("name")?.Scalar;
                    if (!item.IsMap || string.IsNullOrWhiteSpace(name)) throw new IntentFileException(file, item.Path, "a group in a list needs a 'name' (or write groups as a mapping of name to selectors)");
                    Groups.Add(ReadGroup(file, name!, item, true));
                }
            else throw new IntentFileException(file, node.Path, "expected a mapping of group names to selectors");
            foreach (var dup in Groups.GroupBy(g => g.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
                throw new IntentFileException(file, node.Path, $"group '{dup.Key}' is defined twice");
        }

        private static IntentGroup ReadGroup(string file, string name, IntentNode sel, bool listForm)
        {
            if (name == "*") throw new IntentFileException(file, sel.Path, "'*' is reserved for every VNet and cannot name a group");
            if (!sel.IsMap) throw new IntentFileException(file, sel.Path, $"group '{name}': expected selectors (tag, name, resourceGroup, subscription, networkGroup)");
            var g = new IntentGroup { Name = name };
            bool any = false;
            foreach (var (key, value) in sel.Fields!)
            {
                switch (key.ToLowerInvariant())
                {
                    case "name" when listForm:
                        if (sel.Get("match") == null && sel.Fields!.Count == 1) throw new IntentFileException(file, sel.Path, $"group '{name}' has no selector");
                        continue;
                    case "match":
                    case "names":
                    case "name":
                        g.NamePatterns.AddRange(Strings(file, value));
                        break;
                    case "tag":
                    case "tags":
                        if (!value.IsMap || value.Fields!.Count == 0) throw new IntentFileException(file, value.Path, "expected a mapping of tag name to value, e.g. tag: {env: prod}");
                        foreach (var (k, v) in value.Fields!) g.Tags[k] = v.Scalar ?? throw new IntentFileException(file, v.Path, $"tag '{k}' needs a value ('*' for any)");
                        break;
                    case "resourcegroup":
                    case "resourcegroups":
                        g.ResourceGroups.AddRange(Strings(file, value)); break;
                    case "subscription":
                    case "subscriptions":
                        g.Subscriptions.AddRange(Strings(file, value)); break;
                    case "networkgroup":
                    case "networkgroups":
                        g.NetworkGroups.AddRange(Strings(file, value)); break;
                    default:
                        throw new IntentFileException(file, value.Path, $"group '{name}': unknown selector '{key}' (expected tag, name, resourceGroup, subscription, networkGroup)");
                }
                any = true;
            }
            if (!any) throw new IntentFileException(file, sel.Path, $"group '{name}' has no selector");
            return g;
        }

        private IntentRule ReadRule(string file, IntentNode node, int index)
        {
            if (!node.IsMap) throw new IntentFileException(file, node.Path, "expected a rule with from, to and expect");
            var rule = new IntentRule { Path = node.Path, Name = node.Get("name")?.Scalar ?? $"rule {index + 1}" };
            foreach (var (key, value) in node.Fields!)
            {
                switch (key.ToLowerInvariant())
                {
                    case "name": case "description": break;
                    case "from": rule.From.AddRange(GroupRefs(file, value)); break;
                    case "to": rule.To.AddRange(GroupRefs(file, value)); break;
                    case "expect": rule.Expect.AddRange(Kinds(file, value)); break;
                    case "require": rule.Require.AddRange(Kinds(file, value)); break;
                    case "forbid": rule.Forbid.AddRange(Kinds(file, value)); break;
                    case "allow": rule.Allow.AddRange(Flows(file, value)); break;
                    case "deny": rule.Deny.AddRange(Flows(file, value)); break;
                    default: throw new IntentFileException(file, value.Path, $"unknown key '{key}' in a rule (expected name, from, to, expect, require, forbid, allow, deny)");
                }
            }
            if (rule.From.Count == 0) throw new IntentFileException(file, node.Path + ".from", "a rule needs 'from' (group names or *)");
            if (rule.To.Count == 0) throw new IntentFileException(file, node.Path + ".to", "a rule needs 'to' (group names or *)");
            if (rule.Expect.Count == 0 && rule.Require.Count == 0 && rule.Forbid.Count == 0 && rule.Allow.Count == 0 && rule.Deny.Count == 0)
                throw new IntentFileException(file, node.Path, "a rule needs at least one of expect, require, forbid, allow, deny");
            return rule;
        }

        private HashSet<string>? _groupNames;

        private List<string> GroupRefs(string file, IntentNode value)
        {
            var names = Strings(file, value);
            _groupNames ??= new HashSet<string>(Groups.Select(g => g.Name), StringComparer.OrdinalIgnoreCase);
            for (int i = 0; i < names.Count; i++)
                if (names[i] != "*" && !_groupNames.Contains(names[i]))
                    throw new IntentFileException(file, value.IsList ? value.Items![i].Path : value.Path,
                        $"unknown group '{names[i]}'" + (Groups.Count > 0 ? $" (defined: {string.Join(", ", Groups.Take(20).Select(g => g.Name))}{(Groups.Count > 20 ? ", ..." : "")})" : " (no groups are defined)"));
            return names;
        }

        private static List<PathKind> Kinds(string file, IntentNode value)
        {
            var list = new List<PathKind>();
            var items = value.IsList ? value.Items! : new List<IntentNode> { value };
            foreach (var item in items)
            {
                if (!PathKinds.TryParse(item.Scalar, out var k))
                    throw new IntentFileException(file, item.Path, $"unknown path kind '{item.Scalar}' (expected {string.Join(", ", Enum.GetNames(typeof(PathKind)))})");
                list.Add(k);
            }
            return list;
        }

        /// <summary><c>[443/tcp, 53/udp, icmp]</c>: each a flow (PORT/PROTOCOL, or icmp).</summary>
        private static List<Security.Flow> Flows(string file, IntentNode value)
        {
            var list = new List<Security.Flow>();
            var items = value.IsList ? value.Items! : new List<IntentNode> { value };
            foreach (var item in items)
            {
                try { list.Add(Security.Flow.Parse(item.Scalar)); }
                catch (EngineInputException ex) { throw new IntentFileException(file, item.Path, ex.Message); }
            }
            return list;
        }

        private static List<string> Strings(string file, IntentNode value)
        {
            if (value.IsList)
                return value.Items!.Select(i => i.Scalar ?? throw new IntentFileException(file, i.Path, "expected a text value")).ToList();
            if (value.Scalar != null) return new List<string> { value.Scalar };
            throw new IntentFileException(file, value.Path, "expected a text value or a list of them");
        }

        /// <summary>Precomputes group membership and the AVNM connected groups so that pair lookups are cheap.</summary>
        private void Bind()
        {
            var vnets = Topology.VirtualNetworks;
            for (int i = 0; i < vnets.Count; i++) _index[vnets[i]] = i;
            var ctx = new RoutingContext(Topology);
            var ngByVnet = new Dictionary<VirtualNetwork, List<NetworkGroup>>();
            foreach (var ng in Topology.NetworkGroups)
                foreach (var id in ng.StaticMemberIds)
                    if ((ctx.Vnet(id) ?? ctx.Vnet(id.Parent)) is VirtualNetwork v)
                    {
                        if (!ngByVnet.TryGetValue(v, out var l)) ngByVnet[v] = l = new List<NetworkGroup>();
                        if (!l.Contains(ng)) l.Add(ng);
                    }
            foreach (var e in Topology.EffectiveConnectivity.Values)
                if (ctx.Vnet(e.VirtualNetworkId) is VirtualNetwork v)
                    foreach (var gid in e.NetworkGroupIds)
                        if (Topology.Find<NetworkGroup>(gid) is NetworkGroup ng)
                        {
                            if (!ngByVnet.TryGetValue(v, out var l)) ngByVnet[v] = l = new List<NetworkGroup>();
                            if (!l.Contains(ng)) l.Add(ng);
                        }
            IEnumerable<NetworkGroup> GroupsOf(VirtualNetwork v) => ngByVnet.TryGetValue(v, out var l) ? l : Enumerable.Empty<NetworkGroup>();
            var membership = Groups.ToDictionary(g => g.Name, g => vnets.Select(v => g.Matches(v, GroupsOf)).ToArray(), StringComparer.OrdinalIgnoreCase);
            bool[] Members(List<string> refs)
            {
                var m = new bool[vnets.Count];
                foreach (var r in refs)
                {
                    if (r == "*") { for (int i = 0; i < m.Length; i++) m[i] = true; continue; }
                    var g = membership[r];
                    for (int i = 0; i < m.Length; i++) m[i] |= g[i];
                }
                return m;
            }
            _from = Rules.Select(r => Members(r.From)).ToArray();
            _to = Rules.Select(r => Members(r.To)).ToArray();
            _ruleDecisions = Rules.Select((r, i) => (IntentDecision?)new IntentDecision(r.Name, r.Expect, r.Require, r.Forbid, i, false, r.Allow, r.Deny)).ToArray();
            // docs/guide/paths-and-intent.md#intent-files: AVNM connectivity configurations are intent too; a mesh member pair is intended Mesh.
            var byVnet = vnets.Select(_ => new List<int>()).ToArray();
            foreach (var cg in ctx.ConnectedGroups.All)
            {
                int id = _mesh.Count;
                _mesh.Add((cg.Configuration.Name, cg.Global, cg.Members.Select(m => m.Location).ToArray()));
                foreach (var m in cg.Members)
                    if (_index.TryGetValue(m, out var vi)) byVnet[vi].Add(id);
            }
            _meshGroups = byVnet.Select(l => l.ToArray()).ToArray();
        }

        /// <summary>The intent for the ordered pair, or null when nothing states one.</summary>
        public override IntentDecision? For(VirtualNetwork from, VirtualNetwork to) =>
            _index.TryGetValue(from, out var a) && _index.TryGetValue(to, out var b) ? For(a, b) : null;

        /// <summary>By index in <see cref="Topology"/>.VirtualNetworks.</summary>
        internal override bool NamesFlows => Rules.Exists(r => r.Allow.Count > 0 || r.Deny.Count > 0);

        internal override IntentDecision? For(int from, int to)
        {
            for (int r = 0; r < _from.Length; r++)
                if (_from[r][from] && _to[r][to]) return _ruleDecisions[r];
            if (from == to) return null;
            var a = _meshGroups[from];
            if (a.Length == 0) return null;
            var b = _meshGroups[to];
            var vnets = Topology.VirtualNetworks;
            foreach (var g in a)
                if (Array.IndexOf(b, g) >= 0)
                {
                    var (name, global, _) = _mesh[g];
                    // docs/routing-model.md#avnm-connectivity-configurations: without global mesh, a connected group joins members of the same region only.
                    if (!global && !string.Equals(vnets[from].Location, vnets[to].Location, StringComparison.OrdinalIgnoreCase)) continue;
                    // The matrix asks from several threads at once.
                    lock (_avnmDecisions)
                    {
                        if (!_avnmDecisions.TryGetValue(name, out var d))
                            _avnmDecisions[name] = d = new IntentDecision("AVNM connectivity configuration " + name, new[] { PathKind.Mesh }, Array.Empty<PathKind>(), Array.Empty<PathKind>(), -1, true);
                        return d;
                    }
                }
            return null;
        }
    }
}
