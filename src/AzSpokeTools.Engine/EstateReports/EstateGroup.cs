using System.Collections.Generic;

namespace AzSpokeTools.Engine.EstateReports
{
    /// <summary>What an estate group aggregates.</summary>
    public enum EstateGroupKind
    {
        /// <summary>A hub VNet and the spokes peered to it in its region.</summary>
        Hub,
        /// <summary>A Virtual WAN hub and the VNets connected to it.</summary>
        VirtualWanHub,
        /// <summary>Members of an AVNM connected group that belong to no hub.</summary>
        ConnectedGroup,
        /// <summary>The remaining VNets of a region.</summary>
        Region,
    }

    /// <summary>
    /// One aggregation unit of the report's map and heatmap: every VNet is in exactly one group (its Virtual WAN hub, else its
    /// hub, else its first connected group, else its region's remainder).
    /// </summary>
    public sealed class EstateGroup
    {
        internal EstateGroup(int index, EstateGroupKind kind, string label, string region, string resourceId)
        {
            Index = index;
            Kind = kind;
            Label = label;
            Region = region;
            ResourceId = resourceId;
        }

        /// <summary>The position of the group in the report.</summary>
        public int Index { get; }
        /// <summary>What the group gathers (a hub and its spokes, a mesh, unattached VNets ...).</summary>
        public EstateGroupKind Kind { get; }
        /// <summary>The group's caption.</summary>
        public string Label { get; }
        /// <summary>The region of the group, when it has one.</summary>
        public string Region { get; }
        /// <summary>The hub VNet, Virtual WAN hub or connectivity configuration the group is named after ("region:NAME" for a remainder).</summary>
        public string ResourceId { get; }
        /// <summary>Indexes into <see cref="EstateReport.VirtualNetworks"/>.</summary>
        public List<int> Members { get; } = new List<int>();
        /// <summary>Key of the map view that shows the group's members, or null.</summary>
        public string? View { get; internal set; }
    }
}
