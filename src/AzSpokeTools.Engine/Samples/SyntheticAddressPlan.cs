using System;

namespace AzSpokeTools.Engine.Samples
{
    /// <summary>
    /// Where the synthetic estate's spokes, subnets and private endpoints sit. Spokes share 10.128.0.0/9 in equal, aligned blocks,
    /// as large as the spoke count allows: a /22 each up to 8,192 spokes, a /24 up to 32,768, a /25 up to 65,536. A spoke's
    /// subnets split its block in four (at most 4 subnets) or sixteen (at most 16), from the bottom. Private endpoints take
    /// consecutive addresses of the first subnet from .20 (from .4 in subnets smaller than a /26), below its broadcast address.
    /// Blocks are consecutive and aligned, so no two spokes overlap and none leaves the /9.
    /// </summary>
    internal sealed class SyntheticAddressPlan
    {
        /// <summary>10.128.0.0, the bottom of the spokes' /9.</summary>
        public const uint SpokeBase = 0x0A800000;

        /// <summary>Addresses in 10.128.0.0/9.</summary>
        public const long SpokeSpace = 1L << 23;

        public SyntheticAddressPlan(int spokes, int subnets)
        {
            SpokePrefixLength = spokes <= 8192 ? 22 : spokes <= 32768 ? 24 : 25;
            SubnetPrefixLength = SpokePrefixLength + (subnets <= 4 ? 2 : 4);
            PrivateEndpointOffset = SubnetSize >= 64 ? 20u : 4u;
        }

        public int SpokePrefixLength { get; }
        public int SubnetPrefixLength { get; }
        public uint SpokeSize => 1u << (32 - SpokePrefixLength);
        public uint SubnetSize => 1u << (32 - SubnetPrefixLength);
        private uint PrivateEndpointOffset { get; }

        /// <summary>Most spokes any plan holds.</summary>
        public static int MaxSpokes => (int)(SpokeSpace >> 7);

        /// <summary>Private endpoints the first subnet holds (up to its broadcast address).</summary>
        public int PrivateEndpointCapacity => (int)(SubnetSize - PrivateEndpointOffset - 1);

        public uint SpokeAddress(int spoke) => SpokeBase + (uint)spoke * SpokeSize;
        public uint SubnetAddress(int spoke, int subnet) => SpokeAddress(spoke) + (uint)subnet * SubnetSize;

        public uint PrivateEndpointAddress(int spoke, int endpoint)
        {
            if (endpoint < 0 || endpoint >= PrivateEndpointCapacity) throw new ArgumentOutOfRangeException(nameof(endpoint));
            return SubnetAddress(spoke, 0) + PrivateEndpointOffset + (uint)endpoint;
        }
    }
}
