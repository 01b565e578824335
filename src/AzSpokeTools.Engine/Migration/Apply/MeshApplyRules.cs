using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using AzSpokeTools.Engine.Readiness;

namespace AzSpokeTools.Engine.Migration
{
    /// <summary>The decisions apply makes on what ARM returns: ownership, the region's active set, the full commit set, the soak.</summary>
    public static class MeshApplyRules
    {
        /// <summary>The commit body for one region.</summary>
        public static JsonObject CommitBody(string region, IEnumerable<string> configurationIds) => AvnmResourceBodies.Commit(region, configurationIds);

        /// <summary>"commit 2 connectivity configuration(s) (cc-a, cc-b) in place of cc-c": what a commit of this set does, for ShouldProcess and the plan.</summary>
        public static string CommitAction(IReadOnlyCollection<string> configurationIds, IReadOnlyCollection<string> remove) =>
            $"commit {configurationIds.Count} connectivity configuration(s) ({string.Join(", ", configurationIds.Select(IacText.NameOf))})" +
            (remove.Count > 0 ? $" in place of {string.Join(", ", remove.Select(IacText.NameOf))}" : "");

        /// <summary>
        /// Why an existing resource must not be changed (it lacks the ownership marker), or null when it may be: absent (404),
        /// or carrying azspoke-owner=OWNER in its tags or description.
        /// </summary>
        public static string? OwnershipProblem(PlannedArmRequest request, int status, JsonNode? existing, MigrationOptions options)
        {
            if (status == 404) return null;
            if (status < 200 || status >= 300) return $"cannot read {request.Path} to check ownership (HTTP {status})";
            var tag = existing?["tags"]?[MigrationOptions.OwnerTag]?.GetValue<string>();
            if (string.Equals(tag, options.Owner, StringComparison.Ordinal)) return null;
            var description = existing?["properties"]?["description"]?.GetValue<string>() ?? "";
            if (description.IndexOf(options.OwnerMarker, StringComparison.Ordinal) >= 0) return null;
            return $"{request.Path} exists and was not created by this plan (no {options.OwnerMarker} in its tags or description); refusing to change it";
        }

        /// <summary>
        /// The region's Connectivity commit according to a listDeploymentStatus body: the configurations it lists, its status,
        /// error and commit time.
        /// </summary>
        public static (IReadOnlyList<string> ConfigurationIds, string? Status, string? Error) CurrentCommit(JsonNode? statusBody, string region)
        {
            var (ids, status, error, _) = Read(statusBody, region);
            return (ids, status, error);
        }

        private static (List<string> Ids, string? Status, string? Error, string? CommitTime) Read(JsonNode? statusBody, string region)
        {
            var ids = new List<string>();
            string? status = null, error = null, time = null;
            if (statusBody?["value"] is JsonArray rows)
                foreach (var row in rows)
                {
                    if (row == null) continue;
                    if (!string.Equals(row["deploymentType"]?.GetValue<string>(), "Connectivity", StringComparison.OrdinalIgnoreCase)) continue;
                    if (!string.Equals(Model.Locations.Normalize(row["region"]?.GetValue<string>()), Model.Locations.Normalize(region), StringComparison.OrdinalIgnoreCase)) continue;
                    status = row["deploymentStatus"]?.GetValue<string>();
                    time = row["commitTime"]?.GetValue<string>();
                    var e = row["errorMessage"]?.GetValue<string>();
                    error = string.IsNullOrEmpty(e) ? null : e;
                    if (row["configurationIds"] is JsonArray a)
                        foreach (var c in a)
                            if (c?.GetValue<string>() is string s && !ids.Contains(s, StringComparer.OrdinalIgnoreCase)) ids.Add(s);
                }
            return (ids, status, error, time);
        }

        // Azure docs, "Configuration deployments in Azure Virtual Network Manager" > "Deployment": configurations don't take effect until deployed.
        /// <summary>The configurations active in the region: those of its commit when it reads Deployed; none otherwise.</summary>
        public static IReadOnlyList<string> ActiveSet(string networkManagerId, IReadOnlyList<string> listed, string? status) =>
            string.Equals(status, "Deployed", StringComparison.OrdinalIgnoreCase) ? FullSet(networkManagerId, listed, Array.Empty<string>()) : new List<string>();

        /// <summary>
        /// The full set to commit: what the region has active now, without <paramref name="remove"/>, plus <paramref name="add"/>,
        /// in that order and without duplicates. Names in a status body are turned into ids of the same network manager.
        /// </summary>
        public static IReadOnlyList<string> FullSet(string networkManagerId, IEnumerable<string> active, IEnumerable<string> add, IEnumerable<string>? remove = null)
        {
            string Id(string c) => c.IndexOf('/') >= 0 ? c : networkManagerId + "/connectivityConfigurations/" + c;
            var removed = new HashSet<string>((remove ?? Array.Empty<string>()).Select(Id), StringComparer.OrdinalIgnoreCase);
            var result = new List<string>();
            foreach (var c in active.Select(Id).Where(c => !removed.Contains(c)).Concat(add.Select(Id)))
                if (!result.Contains(c, StringComparer.OrdinalIgnoreCase)) result.Add(c);
            return result;
        }

        /// <summary>
        /// Why the decommission phase must not run yet in a region, or null when it may: the region must read Deployed with every
        /// configuration of the final wave, committed at least <paramref name="soakDays"/> days before <paramref name="now"/>.
        /// </summary>
        public static string? SoakProblem(JsonNode? statusBody, string region, IReadOnlyList<string> finalSet, int soakDays, DateTimeOffset now)
        {
            var (ids, status, _, time) = Read(statusBody, region);
            if (!string.Equals(status, "Deployed", StringComparison.OrdinalIgnoreCase))
                return $"{region} reads {status ?? "no Connectivity commit"}, not Deployed with the final wave's configurations";
            var missing = finalSet.Where(f => !ids.Any(i => string.Equals(i, f, StringComparison.OrdinalIgnoreCase) || f.EndsWith("/" + i, StringComparison.OrdinalIgnoreCase))).ToList();
            if (missing.Count > 0) return $"{region} does not have the final wave's {string.Join(", ", missing.Select(IacText.NameOf))} committed";
            if (time == null || !DateTimeOffset.TryParse(time, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var committed))
                return $"{region} gives no commit time, so the soak cannot be checked";
            var ready = committed.AddDays(soakDays);
            return ready > now ? $"the soak in {region} is not over: the final wave was committed {committed:yyyy-MM-dd HH:mm}Z, the decommission phase may start {ready:yyyy-MM-dd HH:mm}Z" : null;
        }

        /// <summary>The command that restores a region's previous commit (rollback after a failed or unwanted commit).</summary>
        public static string RollbackCommand(PlannedNetworkManager nm, string region, IReadOnlyList<string> previous) =>
            IacText.CommitCommand(nm, region, previous);
    }
}
