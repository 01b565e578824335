namespace AzSpokeTools.Engine.Readiness
{
    /// <summary>How much a readiness finding matters. Any <see cref="Error"/> makes the estate not ready.</summary>
    public enum ReadinessSeverity
    {
        /// <summary>Blocks the mesh or breaks traffic once it is deployed.</summary>
        Error,
        /// <summary>The mesh works but something changes that the operator must decide on (inspection, gateway transit, ...).</summary>
        Warning,
        /// <summary>Worth knowing; nothing to fix.</summary>
        Info,
    }
}
