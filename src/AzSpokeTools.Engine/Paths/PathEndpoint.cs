using AzSpokeTools.Engine.Addresses;
using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Engine.Paths
{
    /// <summary>
    /// One end of a path: what the user named and the address and subnet it stands for
    /// (see <see cref="PathEndpoints"/> for the representative-address rule).
    /// </summary>
    public sealed class PathEndpoint
    {
        internal PathEndpoint(string text, IpAddressValue address, Subnet? subnet, VirtualNetwork? vnet, NetworkInterface? nic, string description)
        {
            Text = text;
            Address = address;
            Subnet = subnet;
            VirtualNetwork = vnet;
            NetworkInterface = nic;
            Description = description;
        }

        /// <summary>What was given (name, VNET/SUBNET, IP or id).</summary>
        public string Text { get; }
        /// <summary>The address traced from or to.</summary>
        public IpAddressValue Address { get; }
        /// <summary>The subnet holding the address; null for an address outside every subnet of the snapshot.</summary>
        public Subnet? Subnet { get; }
        /// <summary>The endpoint's VNet.</summary>
        public VirtualNetwork? VirtualNetwork { get; }
        /// <summary>The endpoint's NIC, when it is one.</summary>
        public NetworkInterface? NetworkInterface { get; }
        /// <summary>E.g. "spoke1 (10.1.0.4 in spoke1/workload)".</summary>
        public string Description { get; }

        /// <inheritdoc/>
        public override string ToString() => Description;
    }
}
