namespace AzSpokeTools.Engine.Paths
{
    /// <summary>How a traced path ends (DESIGN.md vocabulary).</summary>
    public enum PathOutcome
    {
        Delivered,
        Dropped,
        Loop,
        Unknown,
    }
}
