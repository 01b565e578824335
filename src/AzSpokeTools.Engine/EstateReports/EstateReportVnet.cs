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

        public string Name { get; }
        public string Id { get; }
        public string Region { get; }
        public bool Hub { get; }
        /// <summary>Index of its <see cref="EstateGroup"/>.</summary>
        public int Group { get; internal set; }
    }
}
