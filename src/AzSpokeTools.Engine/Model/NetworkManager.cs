using System.Collections.Generic;
using AzSpokeTools.Engine.Input;

namespace AzSpokeTools.Engine.Model
{
    /// <summary>Microsoft.Network/networkManagers (AVNM) with its groups, configurations and captured deployment status.</summary>
    public sealed class NetworkManager : AzureResource
    {
        /// <summary>The subscriptions in the manager's scope.</summary>
        public IReadOnlyList<string> ScopeSubscriptions { get; internal set; } = new List<string>();
        /// <summary>The management groups in the manager's scope.</summary>
        public IReadOnlyList<string> ScopeManagementGroups { get; internal set; } = new List<string>();
        /// <summary>The manager's network groups in the snapshot.</summary>
        public List<NetworkGroup> NetworkGroups { get; } = new List<NetworkGroup>();
        /// <summary>The manager's connectivity configurations in the snapshot.</summary>
        public List<ConnectivityConfiguration> ConnectivityConfigurations { get; } = new List<ConnectivityConfiguration>();
        /// <summary>The security admin configurations read for this network manager.</summary>
        public List<SecurityAdminConfiguration> SecurityAdminConfigurations { get; } = new List<SecurityAdminConfiguration>();
        /// <summary>Deployment status per region from a captured listDeploymentStatus result; null when not captured.</summary>
        public List<AvnmDeployment>? Deployments { get; internal set; }

        internal static NetworkManager Read(ArmValue n, ResourceId id, string type)
        {
            var m = new NetworkManager();
            m.ReadCommon(n, id, type);
            if (n.Obj("networkManagerScopes") is ArmValue scopes)
            {
                m.ScopeSubscriptions = scopes.Strings("subscriptions");
                m.ScopeManagementGroups = scopes.Strings("managementGroups");
            }
            return m;
        }
    }
}
