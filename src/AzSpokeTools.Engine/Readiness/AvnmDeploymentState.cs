using System;
using System.Collections.Generic;
using System.Linq;
using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Engine.Readiness
{
    /// <summary>
    /// What a network manager has committed per region, read from its captured listDeploymentStatus: the region's last
    /// Connectivity commit, its status, and which configurations are active. Only a Deployed commit makes its configurations
    /// active; a NotStarted, Deploying or Failed one lists configurations that are not part of the region's committed set.
    /// </summary>
    internal sealed class AvnmDeploymentState
    {
        private readonly Dictionary<string, AvnmDeployment> _rows = new Dictionary<string, AvnmDeployment>(StringComparer.OrdinalIgnoreCase);
        private readonly ResourceId? _manager;

        private AvnmDeploymentState(ResourceId? manager, bool captured)
        {
            _manager = manager;
            Captured = captured;
        }

        /// <summary>The state of <paramref name="manager"/> (null: a manager the plan creates, with nothing committed).</summary>
        public static AvnmDeploymentState Of(NetworkManager? manager)
        {
            var state = new AvnmDeploymentState(manager?.Id, manager == null || manager.Deployments != null);
            foreach (var d in manager?.Deployments ?? new List<AvnmDeployment>())
                if (string.Equals(d.DeploymentType, "Connectivity", StringComparison.OrdinalIgnoreCase))
                    state._rows[Locations.Normalize(d.Region)] = d;
            return state;
        }

        /// <summary>False when the snapshot holds no listDeploymentStatus for an existing manager: nothing is known to be active.</summary>
        public bool Captured { get; }

        /// <summary>Regions with a Connectivity commit row.</summary>
        public IEnumerable<string> Regions => _rows.Keys.OrderBy(r => r, StringComparer.Ordinal);

        /// <summary>NotStarted, Deploying, Deployed or Failed; null when the region has no commit row.</summary>
        public string? StatusIn(string region) => _rows.TryGetValue(Locations.Normalize(region), out var d) ? d.DeploymentStatus : null;

        /// <summary>The error message of the region's commit, when it carries one.</summary>
        public string? ErrorIn(string region) =>
            _rows.TryGetValue(Locations.Normalize(region), out var d) && !string.IsNullOrEmpty(d.ErrorMessage) ? d.ErrorMessage : null;

        /// <summary>The commit time of the region's last commit, as captured.</summary>
        public string? CommitTimeIn(string region) => _rows.TryGetValue(Locations.Normalize(region), out var d) ? d.CommitTime : null;

        /// <summary>The configuration ids the region's last commit lists, whatever its status (names turned into ids).</summary>
        public IReadOnlyList<string> ListedIn(string region) =>
            _rows.TryGetValue(Locations.Normalize(region), out var d) ? d.ConfigurationIds.Select(Normalize).Distinct(StringComparer.OrdinalIgnoreCase).ToList() : new List<string>();

        // Azure docs, "Configuration deployments in Azure Virtual Network Manager" > "Deployment": configurations don't take effect until they're deployed.
        /// <summary>The configurations active in the region: those of a Deployed commit; empty otherwise.</summary>
        public IReadOnlyList<string> ActiveIn(string region) =>
            _rows.TryGetValue(Locations.Normalize(region), out var d) && d.IsDeployed ? ListedIn(region) : new List<string>();

        /// <summary>The configurations the region's commit lists but that are not active (the commit is not Deployed).</summary>
        public IReadOnlyList<string> InactiveIn(string region) =>
            _rows.TryGetValue(Locations.Normalize(region), out var d) && !d.IsDeployed ? ListedIn(region) : new List<string>();

        /// <summary>Regions where <paramref name="configurationId"/> is active.</summary>
        public IReadOnlyList<string> RegionsWhereActive(ResourceId configurationId) =>
            Regions.Where(r => ActiveIn(r).Any(c => string.Equals(c, configurationId.Value, StringComparison.OrdinalIgnoreCase))).ToList();

        /// <summary>Some captures list names instead of ids: make them ids of the same manager.</summary>
        private string Normalize(string text) =>
            text.IndexOf('/') >= 0 || _manager == null ? text : _manager.Value.Child("connectivityConfigurations", text).Value;
    }
}
