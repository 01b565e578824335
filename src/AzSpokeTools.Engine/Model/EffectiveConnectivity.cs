using System.Collections.Generic;

namespace AzSpokeTools.Engine.Model
{
    /// <summary>
    /// A captured listNetworkManagerEffectiveConnectivityConfigurations result for one VNet: the
    /// configurations AVNM has actually applied to it and through which network groups.
    /// </summary>
    public sealed class EffectiveConnectivity
    {
        /// <summary>The VNet.</summary>
        public ResourceId VirtualNetworkId { get; internal set; }
        /// <summary>The connectivity configurations in effect for it.</summary>
        public List<ResourceId> ConfigurationIds { get; } = new List<ResourceId>();
        /// <summary>The network groups it is a member of.</summary>
        public List<ResourceId> NetworkGroupIds { get; } = new List<ResourceId>();
    }
}
