using System.Collections.Generic;

namespace AzSpokeTools.Engine.Migration
{
    /// <summary>
    /// One region's commit in one wave. A commit replaces the region's whole Connectivity goal state (Azure docs, "Configuration
    /// deployments in Azure Virtual Network Manager" > "Goal state model"), so it lists the configurations active there (those of
    /// a Deployed commit, never of a NotStarted, Deploying or Failed one) with the plan's added and the handed-over one removed.
    /// </summary>
    public sealed class RegionCommit
    {
        internal RegionCommit(string region, IReadOnlyList<string> existingConfigurationIds, IReadOnlyList<string> inactiveConfigurationIds,
            IReadOnlyList<string> add, IReadOnlyList<string> remove, IReadOnlyList<string> configurationIds, string? existingStatus, bool statusCaptured)
        {
            Region = region; ExistingConfigurationIds = existingConfigurationIds; InactiveConfigurationIds = inactiveConfigurationIds;
            Add = add; Remove = remove; ConfigurationIds = configurationIds; ExistingStatus = existingStatus; StatusCaptured = statusCaptured;
        }

        /// <summary>The region committed.</summary>
        public string Region { get; }
        /// <summary>Configurations active in the region per the snapshot (a Deployed commit): they stay in the set.</summary>
        public IReadOnlyList<string> ExistingConfigurationIds { get; }
        /// <summary>Configurations the region's last commit lists but that are not active (not Deployed): left out.</summary>
        public IReadOnlyList<string> InactiveConfigurationIds { get; }
        /// <summary>Configurations this commit adds to what is active.</summary>
        public IReadOnlyList<string> Add { get; }
        /// <summary>Configurations this commit takes out (the plan's own, at the handover).</summary>
        public IReadOnlyList<string> Remove { get; }
        /// <summary>The full set to commit: active, minus removed, plus added.</summary>
        public IReadOnlyList<string> ConfigurationIds { get; }
        /// <summary>The captured status of the region's last commit, if any.</summary>
        public string? ExistingStatus { get; }
        /// <summary>False when the snapshot has no listDeploymentStatus: apply reads it live before committing.</summary>
        public bool StatusCaptured { get; }
    }
}
