namespace AzSpokeTools.Engine.EstateReports
{
    /// <summary>One VNet of the report (a row and column of the pair matrix).</summary>
    public sealed class EstateReportVnet
    {
        internal EstateReportVnet(string name, string id, string region, bool hub)
        {
            Name = name;
            Id = id;
            Region = region;
            Hub = hub;
        }

        /// <summary>The VNet's name.</summary>
        public string Name { get; }
        /// <summary>The VNet's resource id.</summary>
        public string Id { get; }
        /// <summary>The VNet's region.</summary>
        public string Region { get; }
        /// <summary>The hub the VNet hangs off, when it has one.</summary>
        public bool Hub { get; }
        /// <summary>Index of its <see cref="EstateGroup"/>.</summary>
        public int Group { get; internal set; }
    }
}
