using System.Collections.Generic;
using AzSpokeTools.Engine.Input;

namespace AzSpokeTools.Engine.Model
{
    /// <summary>networkManagers/networkGroups: static members (and, unresolved offline, Azure Policy members).</summary>
    public sealed class NetworkGroup : AzureResource
    {
        /// <summary>The network manager that holds the group.</summary>
        public ResourceId NetworkManagerId { get; internal set; }
        /// <summary>VirtualNetwork or Subnet.</summary>
        public string? MemberType { get; internal set; }
        /// <summary>The VNets that are static members.</summary>
        public List<ResourceId> StaticMemberIds { get; } = new List<ResourceId>();
        /// <summary>properties.description (AVNM child resources carry no tags: an owner marker lives here).</summary>
        public string? Description { get; internal set; }

        internal static NetworkGroup Read(ArmValue n, ResourceId id, string type)
        {
            var g = new NetworkGroup();
            g.ReadCommon(n, id, type);
            g.NetworkManagerId = id.Parent ?? id;
            g.MemberType = n.Str("memberType");
            g.Description = n.Str("description");
            return g;
        }
    }

    /// <summary>networkManagers/networkGroups/staticMembers: one VNet in a group.</summary>
    public sealed class StaticMember : AzureResource
    {
        /// <summary>The network group.</summary>
        public ResourceId NetworkGroupId { get; internal set; }
        /// <summary>The member VNet.</summary>
        public ResourceId? MemberResourceId { get; internal set; }

        internal static StaticMember Read(ArmValue n, ResourceId id, string type)
        {
            var s = new StaticMember();
            s.ReadCommon(n, id, type);
            s.NetworkGroupId = id.Parent ?? id;
            s.MemberResourceId = n.Str("resourceId") is string r && ResourceId.TryParse(r, out var rid) ? rid : (ResourceId?)null;
            if (s.MemberResourceId == null) n.Context.Warn(n.Location, $"static member {s.Name} has no resourceId");
            return s;
        }
    }
}
