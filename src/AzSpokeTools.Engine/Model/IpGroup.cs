using System.Collections.Generic;
using AzSpokeTools.Engine.Input;

namespace AzSpokeTools.Engine.Model
{
    /// <summary>Microsoft.Network/ipGroups: addresses, CIDR blocks and ranges that Azure Firewall rules refer to (Azure docs, "IP Groups in Azure Firewall").</summary>
    public sealed class IpGroup : AzureResource
    {
        /// <summary>The entries as written: "10.0.0.4", "10.1.0.0/16" or "10.2.0.1-10.2.0.9".</summary>
        public IReadOnlyList<string> IpAddresses { get; internal set; } = new List<string>();

        internal static IpGroup Read(ArmValue n, ResourceId id, string type)
        {
            var g = new IpGroup();
            g.ReadCommon(n, id, type);
            g.IpAddresses = n.Strings("ipAddresses");
            return g;
        }
    }
}
