using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Engine.Readiness
{
    /// <summary>
    /// How the mesh members are chosen (shared by Test-MeshReadiness and Convert-HairpinToMesh): VNets by name
    /// (wildcards * and ? allowed), by tag (K=V, every tag must match), or the members of an existing network group;
    /// the union of what is given, optionally limited to regions. Nothing given selects every spoke.
    /// </summary>
    internal sealed class MeshSelectionCriteria
    {
        /// <summary>VNet names, name patterns (spoke-*) or resource ids.</summary>
        public IReadOnlyList<string> VirtualNetwork { get; set; } = Array.Empty<string>();
        /// <summary>Tags as K=V; a VNet matches when it carries every one of them.</summary>
        public IReadOnlyList<string> Tag { get; set; } = Array.Empty<string>();
        /// <summary>An existing AVNM network group, by name or resource id.</summary>
        public string? NetworkGroup { get; set; }
        /// <summary>Regions to keep (empty: all).</summary>
        public IReadOnlyList<string> Region { get; set; } = Array.Empty<string>();

        /// <summary>Resolves the criteria against <paramref name="topology"/>; errors name the parameter at fault.</summary>
        public MeshSelection Resolve(Topology topology)
        {
            if (topology == null) throw new ArgumentNullException(nameof(topology));
            var chosen = new HashSet<ResourceId>();
            var parts = new List<string>();
            var unresolved = new List<string>();
            NetworkGroup? group = null;
            bool any = false;

            foreach (var text in VirtualNetwork.Where(t => !string.IsNullOrWhiteSpace(t)))
            {
                any = true;
                var t = text.Trim();
                if (t.IndexOf('*') >= 0 || t.IndexOf('?') >= 0)
                {
                    var rx = new Regex("^" + Regex.Escape(t).Replace("\\*", ".*").Replace("\\?", ".") + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
                    var matches = topology.VirtualNetworks.Where(v => rx.IsMatch(v.Name)).ToList();
                    if (matches.Count == 0) throw new EngineInputException("VirtualNetwork", $"no virtual network matches '{t}' in the snapshot");
                    foreach (var m in matches) chosen.Add(m.Id);
                }
                else chosen.Add(RequestNames.VirtualNetwork(topology, t, "VirtualNetwork").Id);
            }
            if (VirtualNetwork.Count > 0) parts.Add("VNets " + string.Join(", ", VirtualNetwork));

            var tags = ParseTags(Tag);
            if (tags.Count > 0)
            {
                any = true;
                int tagged = 0;
                foreach (var v in topology.VirtualNetworks)
                    if (tags.All(kv => v.Tags.Any(t => string.Equals(t.Key, kv.Key, StringComparison.OrdinalIgnoreCase) &&
                                                       string.Equals(t.Value, kv.Value, StringComparison.OrdinalIgnoreCase))))
                    {
                        chosen.Add(v.Id);
                        tagged++;
                    }
                if (tagged == 0)
                    throw new EngineInputException("Tag", "no virtual network carries " + string.Join(" and ", tags.Select(kv => kv.Key + "=" + kv.Value)));
                parts.Add("tagged " + string.Join(", ", tags.Select(kv => kv.Key + "=" + kv.Value)));
            }

            if (!string.IsNullOrWhiteSpace(NetworkGroup))
            {
                any = true;
                group = ResolveGroup(topology, NetworkGroup!.Trim());
                int found = 0;
                foreach (var id in group.StaticMemberIds)
                {
                    var v = topology.Find<VirtualNetwork>(id) ?? topology.Find<VirtualNetwork>(id.Parent);
                    if (v != null) { chosen.Add(v.Id); found++; }
                    else unresolved.Add($"static member {id} of network group {group.Name} is not in the snapshot");
                }
                foreach (var e in topology.EffectiveConnectivity.Values)
                    if (e.NetworkGroupIds.Contains(group.Id) && topology.Find<VirtualNetwork>(e.VirtualNetworkId) is VirtualNetwork v && chosen.Add(v.Id))
                        found++;
                if (found == 0)
                    unresolved.Add($"network group {group.Name} has no members in the snapshot (Azure Policy membership is not resolved offline; capture listNetworkManagerEffectiveConnectivityConfigurations)");
                parts.Add("members of network group " + group.Name);
            }

            if (!any)
            {
                var hubs = HubClassification.Hubs(topology);
                foreach (var v in topology.VirtualNetworks) if (!hubs.Contains(v.Id)) chosen.Add(v.Id);
                parts.Add("all spokes (VNets without a gateway or firewall that are not the hub of a connectivity configuration)");
            }

            var regions = new HashSet<string>(Region.Where(r => !string.IsNullOrWhiteSpace(r)).Select(Locations.Normalize), StringComparer.OrdinalIgnoreCase);
            var members = topology.VirtualNetworks.Where(v => chosen.Contains(v.Id) && (regions.Count == 0 || regions.Contains(v.Location)))
                .GroupBy(v => v.Id).Select(g => g.First()).ToList();
            if (regions.Count > 0) parts.Add("in " + string.Join(", ", regions.OrderBy(r => r, StringComparer.Ordinal)));
            if (members.Count == 0)
                throw new EngineInputException(regions.Count > 0 ? "Region" : "VirtualNetwork", "the selection holds no virtual network (" + string.Join("; ", parts) + ")");
            return new MeshSelection(members, string.Join("; ", parts), group, unresolved);
        }

        internal static List<KeyValuePair<string, string>> ParseTags(IEnumerable<string> tags)
        {
            var result = new List<KeyValuePair<string, string>>();
            foreach (var raw in tags)
            {
                if (string.IsNullOrWhiteSpace(raw)) continue;
                int eq = raw.IndexOf('=');
                if (eq <= 0) throw new EngineInputException("Tag", $"'{raw}' is not a tag; write KEY=VALUE");
                result.Add(new KeyValuePair<string, string>(raw.Substring(0, eq).Trim(), raw.Substring(eq + 1).Trim()));
            }
            return result;
        }

        private static NetworkGroup ResolveGroup(Topology topology, string text)
        {
            if (text.IndexOf("/providers/", StringComparison.OrdinalIgnoreCase) >= 0 && ResourceId.TryParse(text, out var id))
                return topology.NetworkGroups.FirstOrDefault(g => g.Id == id)
                       ?? throw new EngineInputException("NetworkGroup", $"no network group with id {id} in the snapshot");
            var matches = topology.NetworkGroups.Where(g => string.Equals(g.Name, text, StringComparison.OrdinalIgnoreCase)).ToList();
            if (matches.Count == 1) return matches[0];
            if (matches.Count > 1)
                throw new EngineInputException("NetworkGroup", $"{matches.Count} network groups are named '{text}'; give one of these ids:{Environment.NewLine}  " +
                    string.Join(Environment.NewLine + "  ", matches.Select(m => m.Id.Value)));
            throw new EngineInputException("NetworkGroup", $"no network group named '{text}' in the snapshot" +
                (topology.NetworkGroups.Count > 0 ? "; known: " + string.Join(", ", topology.NetworkGroups.Select(g => g.Name)) : ""));
        }
    }
}
