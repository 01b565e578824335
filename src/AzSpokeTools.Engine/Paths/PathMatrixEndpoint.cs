using AzSpokeTools.Engine.Addresses;
using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Engine.Paths
{
    /// <summary>One row/column of the matrix: a VNet (by its representative address) or a subnet.</summary>
    public sealed class PathMatrixEndpoint
    {
        internal PathMatrixEndpoint(int index, string name, ResourceId id, VirtualNetwork vnet, int vnetIndex, Subnet subnet, IpAddressValue address)
        {
            Index = index;
            Name = name;
            Id = id;
            VirtualNetwork = vnet;
            VirtualNetworkIndex = vnetIndex;
            Subnet = subnet;
            Address = address;
        }

        /// <summary>The endpoint's position in <see cref="PathMatrix.Endpoints"/>.</summary>
        public int Index { get; }
        /// <summary>The VNet name, or VNET/SUBNET at subnet level.</summary>
        public string Name { get; }
        /// <summary>The resource id of the VNet or subnet.</summary>
        public ResourceId Id { get; }
        /// <summary>The endpoint's VNet.</summary>
        public VirtualNetwork VirtualNetwork { get; }
        internal int VirtualNetworkIndex { get; }
        /// <summary>The subnet traced from (the representative subnet at VNet level).</summary>
        public Subnet Subnet { get; }
        /// <summary>The address traced to.</summary>
        public IpAddressValue Address { get; }
    }
}
