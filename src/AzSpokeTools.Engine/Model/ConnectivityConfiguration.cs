using System;
using System.Collections.Generic;
using AzSpokeTools.Engine.Input;

namespace AzSpokeTools.Engine.Model
{
    /// <summary>networkManagers/connectivityConfigurations (docs/routing-model.md#avnm-connectivity-configurations ARM shape).</summary>
    public sealed class ConnectivityConfiguration : AzureResource
    {
        /// <summary>The network manager that holds the configuration.</summary>
        public ResourceId NetworkManagerId { get; internal set; }
        /// <summary>Mesh or HubAndSpoke.</summary>
        public string Topology { get; internal set; } = "";
        /// <summary>True when the configuration connects members across regions.</summary>
        public bool IsGlobal { get; internal set; }
        /// <summary>True when AVNM removes existing peerings of hub-and-spoke members.</summary>
        public bool DeleteExistingPeering { get; internal set; }
        /// <summary>The hub VNets of a hub-and-spoke configuration.</summary>
        public List<ResourceId> HubIds { get; } = new List<ResourceId>();
        /// <summary>The network groups the configuration applies to.</summary>
        public List<ConnectivityGroupItem> AppliesToGroups { get; } = new List<ConnectivityGroupItem>();
        /// <summary>connectedGroupAddressOverlap: Allowed (default) or Disallowed.</summary>
        public string? ConnectedGroupAddressOverlap { get; internal set; }
        /// <summary>connectedGroupPrivateEndpointsScale: Standard or HighScale.</summary>
        public string? ConnectedGroupPrivateEndpointsScale { get; internal set; }
        /// <summary>Whether AVNM enforces its peerings (connectivityCapabilities.peeringEnforcement).</summary>
        public string? PeeringEnforcement { get; internal set; }
        /// <summary>properties.description (AVNM child resources carry no tags: an owner marker lives here).</summary>
        public string? Description { get; internal set; }

        /// <summary>True for a mesh configuration.</summary>
        public bool IsMesh => string.Equals(Topology, "Mesh", StringComparison.OrdinalIgnoreCase);
        /// <summary>True for a hub-and-spoke configuration.</summary>
        public bool IsHubAndSpoke => string.Equals(Topology, "HubAndSpoke", StringComparison.OrdinalIgnoreCase);

        internal static ConnectivityConfiguration Read(ArmValue n, ResourceId id, string type)
        {
            var c = new ConnectivityConfiguration();
            c.ReadCommon(n, id, type);
            c.NetworkManagerId = id.Parent ?? id;
            c.Topology = n.Str("connectivityTopology") ?? "";
            c.Description = n.Str("description");
            c.IsGlobal = n.Bool("isGlobal") ?? false;
            c.DeleteExistingPeering = n.Bool("deleteExistingPeering") ?? false;
            foreach (var h in n.Objects("hubs", "a hub"))
                if (ResourceId.TryParse(h.Str("resourceId"), out var hid)) c.HubIds.Add(hid);
            foreach (var g in n.Objects("appliesToGroups", "a group item"))
            {
                if (!ResourceId.TryParse(g.Str("networkGroupId"), out var gid))
                {
                    n.Context.Warn(g.Location, "appliesToGroups item without networkGroupId; ignored");
                    continue;
                }
                c.AppliesToGroups.Add(new ConnectivityGroupItem
                {
                    NetworkGroupId = gid,
                    GroupConnectivity = g.Str("groupConnectivity") ?? "None",
                    IsGlobal = g.Bool("isGlobal") ?? false,
                    UseHubGateway = g.Bool("useHubGateway") ?? false,
                });
            }
            if (n.Obj("connectivityCapabilities") is ArmValue caps)
            {
                c.ConnectedGroupAddressOverlap = caps.Str("connectedGroupAddressOverlap");
                c.ConnectedGroupPrivateEndpointsScale = caps.Str("connectedGroupPrivateEndpointsScale");
                c.PeeringEnforcement = caps.Str("peeringEnforcement");
            }
            return c;
        }
    }

    /// <summary>One appliesToGroups item of a connectivity configuration.</summary>
    public sealed class ConnectivityGroupItem
    {
        /// <summary>The network group.</summary>
        public ResourceId NetworkGroupId { get; internal set; }
        /// <summary>None or DirectlyConnected.</summary>
        public string GroupConnectivity { get; internal set; } = "None";
        /// <summary>True when the group is meshed across regions.</summary>
        public bool IsGlobal { get; internal set; }
        /// <summary>True when spokes use the hub's gateway.</summary>
        public bool UseHubGateway { get; internal set; }

        /// <summary>True when the spokes of a hub-and-spoke group are meshed with each other.</summary>
        public bool DirectlyConnected => string.Equals(GroupConnectivity, "DirectlyConnected", StringComparison.OrdinalIgnoreCase);
    }
}
