using System;

namespace AzSpokeTools.Engine.Samples
{
    /// <summary>Size and seed of a synthetic estate written by <see cref="SyntheticEstate"/>.</summary>
    public sealed class SyntheticEstateOptions
    {
        /// <summary>Largest number of spokes the address plan holds (one /25 each in 10.128.0.0/9; a /22 each up to 8,192).</summary>
        public const int MaxSpokes = 65536;

        /// <summary>Largest number of hubs the address plan holds (one /16 each in 10.0.0.0/12).</summary>
        public const int MaxHubs = 16;

        /// <summary>Largest number of subnets per spoke (/24 subnets up to 4, /26 subnets up to 16).</summary>
        public const int MaxSubnetsPerSpoke = 16;

        /// <summary>Number of spoke VNets (1..65536).</summary>
        public int Spokes { get; set; }

        /// <summary>Number of hub VNets (1..16), default 2.</summary>
        public int Hubs { get; set; } = 2;

        /// <summary>Subnets per spoke (1..16), default 1.</summary>
        public int SubnetsPerSpoke { get; set; } = 1;

        /// <summary>Seed of the pattern mix; the same options always give byte-identical output. Default 1.</summary>
        public int Seed { get; set; } = 1;

        /// <summary>
        /// Share of spokes put into deployed AVNM mesh groups (0..1), default 0.30. 0 gives the Contoso hairpin case: every
        /// spoke-to-spoke flow between hubs goes through the MSEE, nothing is on a mesh yet.
        /// </summary>
        public double MeshShare { get; set; } = 0.30;

        /// <summary>
        /// When true every spoke carries an <c>environment</c> tag: <c>dev</c> for about 15% of spokes, <c>prod</c> for the rest
        /// (drawn from a separate stream, so the other choices do not change). Default false.
        /// </summary>
        public bool EnvironmentTags { get; set; }

        /// <summary>
        /// Private endpoints in every spoke's first subnet (0..what the subnet holds); 0, the default, gives one private endpoint to
        /// about 2% of spokes.
        /// </summary>
        public int PrivateEndpointsPerSpoke { get; set; }

        /// <summary>
        /// When true every spoke subnet has its hub's network security group (HTTPS from 10.0.0.0/8 allowed, SSH and RDP from
        /// it denied, PostgreSQL out denied, the default rules after them), so access evaluation (<c>--port</c>) does real work.
        /// Default false (no NSGs; the output for the other options is unchanged).
        /// </summary>
        public bool NetworkSecurityGroups { get; set; }

        /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first option out of range.</summary>
        public void Validate()
        {
            if (Spokes < 1 || Spokes > MaxSpokes)
                throw new ArgumentOutOfRangeException(nameof(Spokes), Spokes, $"spokes must be between 1 and {MaxSpokes} (one /25 per spoke in 10.128.0.0/9).");
            if (Hubs < 1 || Hubs > MaxHubs)
                throw new ArgumentOutOfRangeException(nameof(Hubs), Hubs, $"hubs must be between 1 and {MaxHubs} (one /16 per hub in 10.0.0.0/12).");
            if (SubnetsPerSpoke < 1 || SubnetsPerSpoke > MaxSubnetsPerSpoke)
                throw new ArgumentOutOfRangeException(nameof(SubnetsPerSpoke), SubnetsPerSpoke, $"subnets must be between 1 and {MaxSubnetsPerSpoke} (a spoke's /22 holds at most 16 /26 subnets).");
            int capacity = new SyntheticAddressPlan(Spokes, SubnetsPerSpoke).PrivateEndpointCapacity;
            if (PrivateEndpointsPerSpoke < 0 || PrivateEndpointsPerSpoke > capacity)
                throw new ArgumentOutOfRangeException(nameof(PrivateEndpointsPerSpoke), PrivateEndpointsPerSpoke, $"private endpoints per spoke must be between 0 and {capacity} (what a spoke's first subnet holds with {Spokes} spokes of {SubnetsPerSpoke} subnets).");
            if (!(MeshShare >= 0 && MeshShare <= 1))
                throw new ArgumentOutOfRangeException(nameof(MeshShare), MeshShare, "the mesh share must be between 0 and 1.");
        }
    }
}
