using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace AzSpokeTools.Engine.Migration
{
    /// <summary>The decisions apply makes on what ARM returns: ownership, the full commit set, and the deployment status.</summary>
    public static class MeshApplyRules
    {
        /// <summary>The commit body for one region.</summary>
        public static JsonObject CommitBody(string region, IEnumerable<string> configurationIds) => new JsonObject
        {
            ["targetLocations"] = new JsonArray(region),
            ["configurationIds"] = new JsonArray(configurationIds.Select(c => (JsonNode)JsonValue.Create(c)!).ToArray()),
            ["commitType"] = "Connectivity",
        };

        /// <summary>
        /// Why an existing resource must not be changed (it lacks the ownership marker), or null when it may be: absent (404),
        /// or carrying azspoke-owner=OWNER in its tags or description.
        /// </summary>
        public static string? OwnershipProblem(PlannedArmRequest request, int status, JsonNode? existing, MigrationOptions options)
        {
            if (status == 404) return null;
            if (status < 200 || status >= 300) return $"cannot read {request.Path} to check ownership (HTTP {status})";
            // Static members belong to the plan's own group, whose ownership is checked before them.
            if (request.Path.IndexOf("/staticMembers/", StringComparison.OrdinalIgnoreCase) >= 0) return null;
            var tag = existing?["tags"]?[MigrationOptions.OwnerTag]?.GetValue<string>();
            if (string.Equals(tag, options.Owner, StringComparison.Ordinal)) return null;
            var description = existing?["properties"]?["description"]?.GetValue<string>() ?? "";
            if (description.IndexOf(options.OwnerMarker, StringComparison.Ordinal) >= 0) return null;
            return $"{request.Path} exists and was not created by this plan (no {options.OwnerMarker} in its tags or description); refusing to change it";
        }

        /// <summary>
        /// The configurations committed in <paramref name="region"/> according to a listDeploymentStatus body (Connectivity rows),
        /// and that row's status.
        /// </summary>
        public static (IReadOnlyList<string> ConfigurationIds, string? Status, string? Error) CurrentCommit(JsonNode? statusBody, string region)
        {
            var ids = new List<string>();
            string? status = null, error = null;
            if (statusBody?["value"] is JsonArray rows)
                foreach (var row in rows)
                {
                    if (row == null) continue;
                    if (!string.Equals(row["deploymentType"]?.GetValue<string>(), "Connectivity", StringComparison.OrdinalIgnoreCase)) continue;
                    if (!string.Equals(Model.Locations.Normalize(row["region"]?.GetValue<string>()), Model.Locations.Normalize(region), StringComparison.OrdinalIgnoreCase)) continue;
                    status = row["deploymentStatus"]?.GetValue<string>();
                    var e = row["errorMessage"]?.GetValue<string>();
                    error = string.IsNullOrEmpty(e) ? null : e;
                    if (row["configurationIds"] is JsonArray a)
                        foreach (var c in a)
                            if (c?.GetValue<string>() is string s && !ids.Contains(s, StringComparer.OrdinalIgnoreCase)) ids.Add(s);
                }
            return (ids, status, error);
        }

        /// <summary>
        /// The full set to commit: what the region has now (live), what the snapshot showed, and the plan's configuration, in
        /// that order, without duplicates. Names in a status body are turned into ids of the same network manager.
        /// </summary>
        public static IReadOnlyList<string> FullSet(string networkManagerId, IEnumerable<string> live, IEnumerable<string> planned)
        {
            var result = new List<string>();
            foreach (var c in live.Concat(planned))
            {
                var id = c.IndexOf('/') >= 0 ? c : networkManagerId + "/connectivityConfigurations/" + c;
                if (!result.Contains(id, StringComparer.OrdinalIgnoreCase)) result.Add(id);
            }
            return result;
        }

        /// <summary>The command that restores a region's previous commit (rollback after a failed or unwanted commit).</summary>
        public static string RollbackCommand(PlannedNetworkManager nm, string region, IReadOnlyList<string> previous) =>
            IacText.CommitCommand(nm, region, previous);
    }
}
