namespace AzSpokeTools.Samples
{
    /// <summary>A sample snapshot bundled with the module, usable anywhere as <c>-Snapshot sample:NAME</c>.</summary>
    public sealed class SpokeSample
    {
        internal SpokeSample(string name, string? path)
        {
            Name = name;
            Snapshot = "sample:" + name;
            Path = path;
        }

        /// <summary>The sample's name.</summary>
        public string Name { get; }
        /// <summary>The value to give -Snapshot (sample:NAME).</summary>
        public string Snapshot { get; }
        /// <summary>The sample's file in the module's samples folder (to copy or read), or null when the module ships none.</summary>
        public string? Path { get; }

        /// <inheritdoc />
        public override string ToString() => Snapshot;
    }
}
