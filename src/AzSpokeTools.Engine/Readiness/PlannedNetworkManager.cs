using System.Collections.Generic;
using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Engine.Readiness
{
    /// <summary>The AVNM instance the plan uses: an existing one from the snapshot, or one the plan creates.</summary>
    public sealed class PlannedNetworkManager
    {
        internal PlannedNetworkManager(ResourceId id, string location, bool exists, IReadOnlyList<string> scopeSubscriptions, IReadOnlyList<string> scopeManagementGroups)
        {
            Id = id; Location = location; Exists = exists; ScopeSubscriptions = scopeSubscriptions; ScopeManagementGroups = scopeManagementGroups;
        }

        /// <summary>The network manager's resource id.</summary>
        public ResourceId Id { get; }
        /// <summary>Its name.</summary>
        public string Name => Id.Name;
        /// <summary>Its subscription.</summary>
        public string SubscriptionId => Id.SubscriptionId ?? "";
        /// <summary>Its resource group.</summary>
        public string ResourceGroup => Id.ResourceGroup ?? "";
        /// <summary>Its region.</summary>
        public string Location { get; }
        /// <summary>True when the manager is in the snapshot (the plan does not create it).</summary>
        public bool Exists { get; }
        /// <summary>Subscriptions in the manager's scope (/subscriptions/ID).</summary>
        public IReadOnlyList<string> ScopeSubscriptions { get; }
        /// <summary>Management groups in the manager's scope (their ids).</summary>
        public IReadOnlyList<string> ScopeManagementGroups { get; }
    }
}
