using System.Collections.Generic;

namespace AzSpokeTools.Engine.Model
{
    /// <summary>
    /// A captured listNetworkManagerEffectiveConnectivityConfigurations result for one VNet: the
    /// configurations AVNM has actually applied to it and through which network groups.
    /// </summary>
    public sealed class EffectiveConnectivity
    {
        public ResourceId VirtualNetworkId { get; internal set; }
        public List<ResourceId> ConfigurationIds { get; } = new List<ResourceId>();
        public List<ResourceId> NetworkGroupIds { get; } = new List<ResourceId>();
    }
}
