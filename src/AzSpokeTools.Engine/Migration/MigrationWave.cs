using System.Collections.Generic;
using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Engine.Migration
{
    /// <summary>
    /// One wave of the migration: pilot (non-production, small), light production, then the rest. Each wave adds
    /// members to the same group, stays within the limits, and carries its validation and rollback.
    /// </summary>
    public sealed class MigrationWave
    {
        internal MigrationWave(int number, string name, IReadOnlyList<VirtualNetwork> members, int cumulativeMembers, int cumulativePrivateEndpoints,
            IReadOnlyList<string> regions, string why)
        {
            Number = number; Name = name; Members = members; CumulativeMembers = cumulativeMembers;
            CumulativePrivateEndpoints = cumulativePrivateEndpoints; Regions = regions; Why = why;
        }

        public int Number { get; }
        /// <summary>pilot, light-production or rest.</summary>
        public string Name { get; }
        public IReadOnlyList<VirtualNetwork> Members { get; }
        /// <summary>Members in the group once this wave is done.</summary>
        public int CumulativeMembers { get; }
        public int CumulativePrivateEndpoints { get; }
        /// <summary>Regions the wave commits (regions of its members).</summary>
        public IReadOnlyList<string> Regions { get; }
        /// <summary>How the members were chosen.</summary>
        public string Why { get; }
        /// <summary>Whether the group stays within the connected-group and private-endpoint limits after this wave (azure-routing-rules.md §4.2).</summary>
        public bool WithinLimits { get; internal set; } = true;
        /// <summary>Which limit the wave exceeds, when it does.</summary>
        public string? LimitNote { get; internal set; }
        public WaveValidation Validation { get; internal set; } = null!;
        public WaveRollback Rollback { get; internal set; } = null!;
    }

    /// <summary>What must hold after a wave: the ConnectedGroup routes each member shows and the path kind each pair reaches.</summary>
    public sealed class WaveValidation
    {
        internal WaveValidation(IReadOnlyList<(VirtualNetwork Vnet, Addresses.IpPrefix Prefix)> connectedGroupPrefixes, bool global,
            IReadOnlyList<(VirtualNetwork Vnet, Addresses.IpPrefix Prefix, string Reason)> excludedPrefixes,
            IReadOnlyDictionary<Paths.PathKind, int> expectedPairKinds, IReadOnlyList<PairExpectation> exceptions)
        {
            ConnectedGroupPrefixes = connectedGroupPrefixes; Global = global; ExcludedPrefixes = excludedPrefixes;
            ExpectedPairKinds = expectedPairKinds; Exceptions = exceptions;
        }

        /// <summary>
        /// Every member must show a ConnectedGroup route for each of these prefixes of the other members (same region
        /// unless <see cref="Global"/>), except <see cref="ExcludedPrefixes"/>.
        /// </summary>
        public IReadOnlyList<(VirtualNetwork Vnet, Addresses.IpPrefix Prefix)> ConnectedGroupPrefixes { get; }
        public bool Global { get; }
        /// <summary>Prefixes that get no ConnectedGroup route (overlaps, azure-routing-rules.md §4.2).</summary>
        public IReadOnlyList<(VirtualNetwork Vnet, Addresses.IpPrefix Prefix, string Reason)> ExcludedPrefixes { get; }
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

        public VirtualNetwork From { get; }
        public VirtualNetwork To { get; }
        public Paths.PathKind Expected { get; }
        public string Reason { get; }
    }

    /// <summary>How to undo a wave.</summary>
    public sealed class WaveRollback
    {
        internal WaveRollback(string description, IReadOnlyList<string> commands)
        {
            Description = description; Commands = commands;
        }

        public string Description { get; }
        /// <summary>Az PowerShell commands, in order.</summary>
        public IReadOnlyList<string> Commands { get; }
    }
}
