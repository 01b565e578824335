using System.Collections.Generic;

namespace AzSpokeTools.Engine.Migration
{
    /// <summary>
    /// What one region's commit must contain: the commit replaces the region's whole goal state (peers.md §3), so the
    /// configurations already committed there are listed with the new one.
    /// </summary>
    public sealed class RegionCommit
    {
        internal RegionCommit(string region, IReadOnlyList<string> existingConfigurationIds, IReadOnlyList<string> configurationIds, string? existingStatus, bool statusCaptured)
        {
            Region = region; ExistingConfigurationIds = existingConfigurationIds; ConfigurationIds = configurationIds;
            ExistingStatus = existingStatus; StatusCaptured = statusCaptured;
        }

        public string Region { get; }
        /// <summary>Configurations in the region's current Connectivity commit (from listDeploymentStatus).</summary>
        public IReadOnlyList<string> ExistingConfigurationIds { get; }
        /// <summary>The full set to commit: existing plus the plan's configuration.</summary>
        public IReadOnlyList<string> ConfigurationIds { get; }
        /// <summary>The captured deployment status of the current commit, if any.</summary>
        public string? ExistingStatus { get; }
        /// <summary>False when the snapshot has no listDeploymentStatus: apply must read it live before committing.</summary>
        public bool StatusCaptured { get; }
    }
}
