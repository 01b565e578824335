using AzSpokeTools.Engine.Addresses;
using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Engine.Migration
{
    /// <summary>A member's address prefix that gets no ConnectedGroup route, and why (an overlap with another member).</summary>
    public sealed class ExcludedPrefix
    {
        internal ExcludedPrefix(VirtualNetwork vnet, IpPrefix prefix, string reason)
        {
            Vnet = vnet;
            Prefix = prefix;
            Reason = reason;
        }

        /// <summary>The member VNet.</summary>
        public VirtualNetwork Vnet { get; }

        /// <summary>The prefix left out.</summary>
        public IpPrefix Prefix { get; }

        /// <summary>Why it is left out, citing the documentation.</summary>
        public string Reason { get; }

        /// <summary>Deconstructs into (VNet, prefix, reason).</summary>
        public void Deconstruct(out VirtualNetwork vnet, out IpPrefix prefix, out string reason)
        {
            vnet = Vnet;
            prefix = Prefix;
            reason = Reason;
        }
    }
}
