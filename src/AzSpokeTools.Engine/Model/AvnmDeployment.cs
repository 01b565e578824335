using System;
using System.Collections.Generic;

namespace AzSpokeTools.Engine.Model
{
    /// <summary>One row of AVNM listDeploymentStatus: what is committed in a region.</summary>
    public sealed class AvnmDeployment
    {
        public string Region { get; internal set; } = "";
        /// <summary>Connectivity, SecurityAdmin, Routing, ...</summary>
        public string DeploymentType { get; internal set; } = "";
        /// <summary>NotStarted, Deploying, Deployed, Failed.</summary>
        public string DeploymentStatus { get; internal set; } = "";
        /// <summary>Configuration ids (or names, as some examples show) committed in the region.</summary>
        public IReadOnlyList<string> ConfigurationIds { get; internal set; } = new List<string>();
        public string? CommitTime { get; internal set; }
        public string? ErrorMessage { get; internal set; }

        public bool IsDeployed => string.Equals(DeploymentStatus, "Deployed", StringComparison.OrdinalIgnoreCase);
    }
}
