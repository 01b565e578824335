using AzSpokeTools.Engine.Addresses;
using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Engine.Migration
{
    /// <summary>One address prefix of a connected-group member, for which the other members show a ConnectedGroup route.</summary>
    public sealed class MemberPrefix
    {
        internal MemberPrefix(VirtualNetwork vnet, IpPrefix prefix)
        {
            Vnet = vnet;
            Prefix = prefix;
        }

        /// <summary>The member VNet.</summary>
        public VirtualNetwork Vnet { get; }

        /// <summary>One prefix of its address space.</summary>
        public IpPrefix Prefix { get; }

        /// <summary>Deconstructs into (VNet, prefix).</summary>
        public void Deconstruct(out VirtualNetwork vnet, out IpPrefix prefix)
        {
            vnet = Vnet;
            prefix = Prefix;
        }
    }
}
