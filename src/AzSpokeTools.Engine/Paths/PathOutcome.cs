namespace AzSpokeTools.Engine.Paths
{
    /// <summary>How a traced path ends (docs/routing-model.md#vocabulary).</summary>
    public enum PathOutcome
    {
        /// <summary>The packet reaches the destination.</summary>
        Delivered,
        /// <summary>A route, setting or missing route stops the packet.</summary>
        Dropped,
        /// <summary>The packet returns to a place it already passed.</summary>
        Loop,
        /// <summary>The snapshot lacks what is needed to decide; the reasons say what.</summary>
        Unknown,
    }
}
