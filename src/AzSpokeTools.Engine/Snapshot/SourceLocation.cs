namespace AzSpokeTools.Engine.Snapshot
{
    /// <summary>Where a value was read: file and JSON path (e.g. <c>$.resources[3].properties.subnets[0]</c>).</summary>
    public readonly struct SourceLocation
    {
        public SourceLocation(string file, string jsonPath)
        {
            File = file;
            JsonPath = jsonPath;
        }

        public string File { get; }
        public string JsonPath { get; }

        public SourceLocation Child(string property) => new SourceLocation(File, JsonPath + "." + property);
        public SourceLocation Index(int index) => new SourceLocation(File, JsonPath + "[" + index + "]");

        public override string ToString() => File + ": " + JsonPath;
    }
}
