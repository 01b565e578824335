using System.Collections.Generic;
using AzSpokeTools.Engine.Input;

namespace AzSpokeTools.Engine.Model
{
    /// <summary>networkManagers/securityAdminConfigurations/ruleCollections: admin rules and the network groups they apply to.</summary>
    public sealed class AdminRuleCollection : AzureResource
    {
        /// <summary>The security admin configuration that holds the collection.</summary>
        public ResourceId ConfigurationId { get; internal set; }
        /// <summary>appliesToGroups: the network groups whose VNets get the collection's rules.</summary>
        public List<ResourceId> AppliesToGroups { get; } = new List<ResourceId>();
        /// <summary>The rules read for this collection.</summary>
        public List<AdminRule> Rules { get; } = new List<AdminRule>();

        internal static AdminRuleCollection Read(ArmValue n, ResourceId id, string type)
        {
            var c = new AdminRuleCollection();
            c.ReadCommon(n, id, type);
            c.ConfigurationId = id.Parent ?? id;
            foreach (var g in n.Objects("appliesToGroups", "a network group item"))
            {
                if (ResourceId.TryParse(g.Str("networkGroupId"), out var gid)) c.AppliesToGroups.Add(gid);
                else n.Context.Warn(g.Location, $"appliesToGroups item of rule collection {c.Name} without networkGroupId; ignored");
            }
            return c;
        }
    }
}
