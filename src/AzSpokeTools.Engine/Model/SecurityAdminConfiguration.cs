using System.Collections.Generic;
using AzSpokeTools.Engine.Input;

namespace AzSpokeTools.Engine.Model
{
    /// <summary>
    /// networkManagers/securityAdminConfigurations: rule collections of security admin rules, applied to the VNets of network groups
    /// once the configuration is deployed in their region (Azure docs, "Security admin rules in Azure Virtual Network Manager").
    /// </summary>
    public sealed class SecurityAdminConfiguration : AzureResource
    {
        /// <summary>The network manager that holds the configuration.</summary>
        public ResourceId NetworkManagerId { get; internal set; }
        /// <summary>applyOnNetworkIntentPolicyBasedServices (None, All).</summary>
        public IReadOnlyList<string> ApplyOnNetworkIntentPolicyBasedServices { get; internal set; } = new List<string>();
        /// <summary>The rule collections read for this configuration.</summary>
        public List<AdminRuleCollection> RuleCollections { get; } = new List<AdminRuleCollection>();

        internal static SecurityAdminConfiguration Read(ArmValue n, ResourceId id, string type)
        {
            var c = new SecurityAdminConfiguration();
            c.ReadCommon(n, id, type);
            c.NetworkManagerId = id.Parent ?? id;
            c.ApplyOnNetworkIntentPolicyBasedServices = n.Strings("applyOnNetworkIntentPolicyBasedServices");
            return c;
        }
    }
}
