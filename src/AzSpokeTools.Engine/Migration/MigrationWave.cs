using System.Collections.Generic;
using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Engine.Migration
{
    /// <summary>
    /// One wave of the migration: its members join the mesh, and its commits mesh exactly the members of waves 1..this one
    /// (plus what was already meshed). It stays within the limits and carries its commits, validation and rollback.
    /// </summary>
    public sealed class MigrationWave
    {
        internal MigrationWave(int number, string name, IReadOnlyList<VirtualNetwork> members, int cumulativeMembers, int cumulativePrivateEndpoints,
            IReadOnlyList<string> regions, string why)
        {
            Number = number; Name = name; Members = members; CumulativeMembers = cumulativeMembers;
            CumulativePrivateEndpoints = cumulativePrivateEndpoints; Regions = regions; Why = why;
        }

        /// <summary>The wave's number, from 1.</summary>
        public int Number { get; }
        /// <summary>pilot, light-production, rest, wave-N or an explicit wave's name.</summary>
        public string Name { get; }
        /// <summary>The VNets the wave adds to the mesh.</summary>
        public IReadOnlyList<VirtualNetwork> Members { get; }
        /// <summary>Members in the mesh once this wave is done.</summary>
        public int CumulativeMembers { get; }
        /// <summary>Private endpoints in the mesh once the wave is applied.</summary>
        public int CumulativePrivateEndpoints { get; }
        /// <summary>Regions of the wave's members.</summary>
        public IReadOnlyList<string> Regions { get; }
        /// <summary>How the members were chosen.</summary>
        public string Why { get; }
        /// <summary>True for the final wave when it hands the mesh over (see <see cref="MigrationPlan.Handover"/>).</summary>
        public bool IsHandover { get; internal set; }
        /// <summary>The region commits this wave sends (regions of waves 1..this one; every region at a handover).</summary>
        public IReadOnlyList<RegionCommit> Commits { get; internal set; } = new List<RegionCommit>();
        /// <summary>Whether the group stays within the connected-group and private-endpoint limits after this wave.</summary>
        public bool WithinLimits { get; internal set; } = true;
        /// <summary>Which limit the wave exceeds, when it does.</summary>
        public string? LimitNote { get; internal set; }
        /// <summary>What must hold after the wave.</summary>
        public WaveValidation Validation { get; internal set; } = null!;
        /// <summary>How to undo the wave.</summary>
        public WaveRollback Rollback { get; internal set; } = null!;
    }

    /// <summary>What must hold after a wave: the ConnectedGroup routes each member shows and the path kind each pair reaches.</summary>
    public sealed class WaveValidation
    {
        internal WaveValidation(IReadOnlyList<MemberPrefix> connectedGroupPrefixes, bool global,
            IReadOnlyList<ExcludedPrefix> excludedPrefixes,
            IReadOnlyDictionary<Paths.PathKind, int> expectedPairKinds, IReadOnlyList<PairExpectation> exceptions)
        {
            ConnectedGroupPrefixes = connectedGroupPrefixes; Global = global; ExcludedPrefixes = excludedPrefixes;
            ExpectedPairKinds = expectedPairKinds; Exceptions = exceptions;
        }

        /// <summary>
        /// Every member must show a ConnectedGroup route for each of these prefixes of the other members (same region
        /// unless <see cref="Global"/>), except <see cref="ExcludedPrefixes"/>.
        /// </summary>
        public IReadOnlyList<MemberPrefix> ConnectedGroupPrefixes { get; }
        /// <summary>True when the mesh connects members across regions.</summary>
        public bool Global { get; }
        /// <summary>Prefixes that get no ConnectedGroup route (overlaps).</summary>
        public IReadOnlyList<ExcludedPrefix> ExcludedPrefixes { get; }
        /// <summary>Ordered member pairs by the path kind they must reach.</summary>
        public IReadOnlyDictionary<Paths.PathKind, int> ExpectedPairKinds { get; }
        /// <summary>Pairs expected to reach something other than Mesh, and why.</summary>
        public IReadOnlyList<PairExpectation> Exceptions { get; }
    }

    /// <summary>A member pair expected to keep a non-mesh path.</summary>
    public sealed class PairExpectation
    {
        internal PairExpectation(VirtualNetwork from, VirtualNetwork to, Paths.PathKind expected, string reason)
        {
            From = from; To = to; Expected = expected; Reason = reason;
        }

        /// <summary>The source VNet.</summary>
        public VirtualNetwork From { get; }
        /// <summary>The destination VNet.</summary>
        public VirtualNetwork To { get; }
        /// <summary>The path kind the pair is expected to reach.</summary>
        public Paths.PathKind Expected { get; }
        /// <summary>Why it is not Mesh.</summary>
        public string Reason { get; }
    }

    /// <summary>How to undo a wave.</summary>
    public sealed class WaveRollback
    {
        internal WaveRollback(string description, IReadOnlyList<string> commands)
        {
            Description = description; Commands = commands;
        }

        /// <summary>The rollback in words.</summary>
        public string Description { get; }
        /// <summary>Az PowerShell commands, in order.</summary>
        public IReadOnlyList<string> Commands { get; }
    }
}
