using System;
using System.Linq;

namespace AzSpokeTools.Engine.Readiness
{
    /// <summary>The network manager's scope against the members' subscriptions.</summary>
    internal static class ManagerScopeRules
    {
        public static void Check(ReadinessChecker c)
        {
            var nm = c.Manager;
            if (!nm.Exists) return; // a new manager's scope is made of the members' subscriptions
            var inScope = nm.ScopeSubscriptions.Select(s => s.Trim().TrimEnd('/'))
                .Select(s => s.StartsWith("/subscriptions/", StringComparison.OrdinalIgnoreCase) ? s.Substring("/subscriptions/".Length) : s)
                .ToList();
            foreach (var g in c.Members.GroupBy(m => m.SubscriptionId ?? "", StringComparer.OrdinalIgnoreCase).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                if (inScope.Contains(g.Key, StringComparer.OrdinalIgnoreCase)) continue;
                var vnets = g.ToList();
                var evidence = new Evidence().Add("networkManager", nm.Name).Add("subscription", g.Key)
                    .Add("scopeSubscriptions", string.Join(", ", nm.ScopeSubscriptions)).Add("scopeManagementGroups", string.Join(", ", nm.ScopeManagementGroups))
                    .Add("vnets", ReadinessChecker.Names(vnets.Take(50)) + (vnets.Count > 50 ? ", ..." : ""));
                var fix = $"Add the subscription to the scope of {nm.Name} (az network manager update --name {nm.Name} --resource-group {nm.ResourceGroup} --scope-subscriptions ...), or plan with a network manager whose scope covers it (--network-manager).";
                // Azure docs, "Understand and work with Azure Virtual Network Manager scopes" > "Scope": a manager manages only resources inside its scope.
                if (nm.ScopeManagementGroups.Count == 0)
                    c.Add(ReadinessRules.NetworkManagerScope, ReadinessSeverity.Error, vnets[0].Id.Value,
                        $"{vnets.Count} selected VNet(s) in subscription {g.Key} are outside the scope of {nm.Name}: it cannot add them to a network group, so they would not be meshed",
                        evidence, fix, vnets.Skip(1).Select(v => v.Id.Value).ToArray());
                else
                    c.Add(ReadinessRules.NetworkManagerScope, ReadinessSeverity.Warning, vnets[0].Id.Value,
                        $"{vnets.Count} selected VNet(s) in subscription {g.Key} are in the scope of {nm.Name} only if the subscription is under management group {string.Join(" or ", nm.ScopeManagementGroups)}; the snapshot does not say",
                        evidence, "Check the subscription's management group (az account management-group subscription show-sub-under-mg), or " + fix,
                        vnets.Skip(1).Select(v => v.Id.Value).ToArray());
            }
        }
    }
}
