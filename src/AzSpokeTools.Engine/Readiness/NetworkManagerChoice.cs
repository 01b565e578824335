using System;
using System.Linq;
using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Engine.Readiness
{
    /// <summary>
    /// Which network manager the mesh would use: the one owning the selected network group, the one named
    /// (--network-manager, by name or id; an id not in the snapshot is created), the only one in the snapshot, or a new one
    /// (nm-azspoke) in the hub's resource group whose scope is the members' subscriptions.
    /// </summary>
    internal static class NetworkManagerChoice
    {
        public const string NewManagerName = "nm-azspoke";

        public static PlannedNetworkManager Choose(Topology t, MeshSelection selection, MeshReadinessOptions options)
        {
            if (selection.ExistingGroup is NetworkGroup g && t.NetworkManagers.FirstOrDefault(m => m.Id == g.NetworkManagerId) is NetworkManager owner)
                return Existing(owner);
            if (!string.IsNullOrWhiteSpace(options.NetworkManager))
            {
                var text = options.NetworkManager!.Trim();
                var found = t.NetworkManagers.Where(m => string.Equals(m.Name, text, StringComparison.OrdinalIgnoreCase) ||
                                                         (ResourceId.TryParse(text, out var id) && m.Id == id)).ToList();
                if (found.Count == 1) return Existing(found[0]);
                if (found.Count > 1) throw new EngineInputException("NetworkManager", $"{found.Count} network managers are named '{text}'; give its id");
                if (text.IndexOf("/providers/", StringComparison.OrdinalIgnoreCase) >= 0 && ResourceId.TryParse(text, out var newId))
                    return New(newId, selection);
                throw new EngineInputException("NetworkManager", $"no network manager named '{text}' in the snapshot; give a full resource id to create one");
            }
            if (t.NetworkManagers.Count == 1) return Existing(t.NetworkManagers[0]);
            var hubs = HubClassification.Hubs(t);
            var anchor = t.VirtualNetworks.FirstOrDefault(v => hubs.Contains(v.Id)) ?? selection.Members[0];
            var sub = anchor.SubscriptionId ?? selection.Members[0].SubscriptionId ?? "00000000-0000-0000-0000-000000000000";
            var rg = anchor.ResourceGroup ?? "rg-avnm";
            return New(ResourceId.Parse($"/subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.Network/networkManagers/{NewManagerName}"), selection);
        }

        private static PlannedNetworkManager Existing(NetworkManager m) =>
            new PlannedNetworkManager(m.Id, m.Location, true, m.ScopeSubscriptions, m.ScopeManagementGroups);

        private static PlannedNetworkManager New(ResourceId id, MeshSelection selection)
        {
            // A new manager's scope is every member's subscription and its own.
            var subs = selection.Members.Select(m => m.SubscriptionId).Where(s => s != null).Select(s => "/subscriptions/" + s)
                .Append("/subscriptions/" + id.SubscriptionId).Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(s => s, StringComparer.Ordinal).ToList();
            return new PlannedNetworkManager(id, selection.Members[0].Location, false, subs, Array.Empty<string>());
        }
    }
}
