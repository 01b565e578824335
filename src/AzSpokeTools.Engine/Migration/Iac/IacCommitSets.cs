using System;
using System.Collections.Generic;
using System.Linq;
using AzSpokeTools.Engine.Readiness;

namespace AzSpokeTools.Engine.Migration
{
    /// <summary>
    /// What the IaC renderings commit, per region, for their <c>wave</c> parameter: before the final wave the region's active
    /// configurations plus the plan's; at the final wave the final wave's own sets (the handover). Committing a region where no
    /// member has joined yet changes nothing there: the waves hold through the group's membership.
    /// </summary>
    internal sealed class IacCommitSets
    {
        private IacCommitSets(IReadOnlyList<(string Region, IReadOnlyList<string> Early, IReadOnlyList<string> Final)> regions, int finalWave)
        {
            Regions = regions; FinalWave = finalWave;
        }

        public IReadOnlyList<(string Region, IReadOnlyList<string> Early, IReadOnlyList<string> Final)> Regions { get; }
        public int FinalWave { get; }
        /// <summary>True when the final wave commits something else than the earlier ones (a handover).</summary>
        public bool FinalDiffers => Regions.Any(r => !r.Early.SequenceEqual(r.Final, StringComparer.OrdinalIgnoreCase));

        public static IacCommitSets Of(MigrationPlan plan)
        {
            var final = plan.Waves[plan.Waves.Count - 1];
            var own = plan.Configuration.Id.Value;
            var regions = new List<(string, IReadOnlyList<string>, IReadOnlyList<string>)>();
            foreach (var region in plan.Regions.OrderBy(r => r, StringComparer.Ordinal))
            {
                var f = final.Commits.FirstOrDefault(c => string.Equals(c.Region, region, StringComparison.OrdinalIgnoreCase));
                var existing = f?.ExistingConfigurationIds ?? new List<string>();
                // With one wave there is no wave before the final one: it commits the final set.
                var early = plan.Waves.Count == 1 && f != null ? f.ConfigurationIds.ToList() : existing.Concat(new[] { own }).ToList();
                regions.Add((region, early, f?.ConfigurationIds ?? early));
            }
            return new IacCommitSets(regions, plan.Waves.Count);
        }

        /// <summary>The Deploy-AzNetworkManagerCommit commands of the early or the final sets, joined by "; ".</summary>
        public string Script(PlannedNetworkManager nm, bool finalWave) =>
            string.Join("; ", Regions.Select(r => IacText.CommitCommand(nm, r.Region, finalWave ? r.Final : r.Early)));

        public string AzCli(PlannedNetworkManager nm, bool finalWave) =>
            string.Join(" && ", Regions.Select(r => IacText.AzCliCommit(nm, r.Region, finalWave ? r.Final : r.Early)));
    }
}
