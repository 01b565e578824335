using System.Collections.Generic;
using System.Linq;
using AzSpokeTools.Engine.Addresses;
using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Engine.Readiness
{
    /// <summary>Overlapping address spaces inside the group and with VNets peered to members from outside it.</summary>
    internal static class AddressOverlapRules
    {
        public static void Check(ReadinessChecker c)
        {
            // Azure docs, "Limitations with Azure Virtual Network Manager" > "Connected group limitations": overlaps are allowed in a connected group but traffic to the overlapped IPs is dropped.
            var all = c.Members.SelectMany(m => m.AddressSpace.Select(p => (Vnet: m, Prefix: p))).OrderBy(x => x.Prefix).ToList();
            var seen = new HashSet<(ResourceId, ResourceId)>();
            for (int i = 0; i < all.Count; i++)
                for (int j = i + 1; j < all.Count && all[j].Prefix.First <= all[i].Prefix.Last; j++)
                {
                    var (a, pa) = all[i];
                    var (b, pb) = all[j];
                    if (a == b || !pa.Overlaps(pb)) continue;
                    var key = string.CompareOrdinal(a.Id.Value, b.Id.Value) < 0 ? (a.Id, b.Id) : (b.Id, a.Id);
                    if (!seen.Add(key)) continue;
                    c.Add(ReadinessRules.OverlapInGroup, ReadinessSeverity.Error, a.Id.Value,
                        $"{a.Name} ({pa}) and {b.Name} ({pb}) overlap; in a connected group traffic to the overlapping addresses is dropped",
                        new Evidence().Add("vnet", a.Name).Add("prefix", pa).Add("otherVnet", b.Name).Add("otherPrefix", pb),
                        "Renumber one of the VNets or leave one out of the group; set connectedGroupAddressOverlap = Disallowed to reject overlaps at admission.",
                        b.Id.Value);
                }

            // Azure docs, "Limitations with Azure Virtual Network Manager" > "Connected group limitations": a member peered with an outside VNet that overlaps any member makes that space inaccessible in the group.
            foreach (var m in c.Members)
                foreach (var peering in m.Peerings)
                {
                    if (!peering.IsConnected || peering.RemoteVirtualNetworkId is not ResourceId r || c.MemberIds.Contains(r)) continue;
                    var remote = c.Routing.Vnet(r);
                    IReadOnlyList<IpPrefix> external = peering.RemoteAddressSpace.Count > 0 ? peering.RemoteAddressSpace : remote?.AddressSpace ?? new List<IpPrefix>();
                    foreach (var other in c.Members)
                        foreach (var p in other.AddressSpace)
                            foreach (var e in external)
                            {
                                if (!e.Overlaps(p)) continue;
                                c.Add(ReadinessRules.OverlapWithPeeredVnet, ReadinessSeverity.Error, m.Id.Value,
                                    $"{m.Name} is peered with {remote?.Name ?? r.Name} ({e}), outside the group, which overlaps member {other.Name} ({p}); that space becomes inaccessible in the connected group",
                                    new Evidence().Add("member", m.Name).Add("peering", peering.Name).Add("peeredVnet", r.Value).Add("peeredPrefix", e)
                                        .Add("overlappedMember", other.Name).Add("overlappedPrefix", p),
                                    "Remove or renumber the outside peering, or leave the overlapping member out of the group.",
                                    r.Value, other.Id.Value);
                            }
                }
        }
    }
}
