namespace AzSpokeTools.Engine.Reports
{
    /// <summary>What a shard output holds, told from its first line.</summary>
    public enum PathMatrixShardFormat
    {
        /// <summary>A matrix-summary document (<c>--format summary</c>).</summary>
        Summary,
        /// <summary>CSV with the <see cref="PathMatrixCsvWriter.Header"/> line.</summary>
        Csv,
        /// <summary>One row per line (<c>--format ndjson</c>).</summary>
        Ndjson,
    }
}
