namespace AzSpokeTools.Engine.Paths
{
    /// <summary>How a traced path ends (docs/routing-model.md#vocabulary).</summary>
    public enum PathOutcome
    {
        Delivered,
        Dropped,
        Loop,
        Unknown,
    }
}
