using System;
using System.Collections.Generic;

namespace AzSpokeTools.Engine.Model
{
    /// <summary>One row of AVNM listDeploymentStatus: what is committed in a region.</summary>
    public sealed class AvnmDeployment
    {
        /// <summary>The region the deployment status is for.</summary>
        public string Region { get; internal set; } = "";
        /// <summary>Connectivity, SecurityAdmin, Routing, ...</summary>
        public string DeploymentType { get; internal set; } = "";
        /// <summary>NotStarted, Deploying, Deployed, Failed.</summary>
        public string DeploymentStatus { get; internal set; } = "";
        /// <summary>Configuration ids (or names, as some examples show) committed in the region.</summary>
        public IReadOnlyList<string> ConfigurationIds { get; internal set; } = new List<string>();
        /// <summary>When the configuration was committed, as Azure reports it.</summary>
        public string? CommitTime { get; internal set; }
        /// <summary>Azure's error message for a failed deployment.</summary>
        public string? ErrorMessage { get; internal set; }

        /// <summary>True when the status is Deployed.</summary>
        public bool IsDeployed => string.Equals(DeploymentStatus, "Deployed", StringComparison.OrdinalIgnoreCase);
    }
}
