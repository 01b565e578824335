using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace AzSpokeTools.Engine.Migration
{
    /// <summary>
    /// The ARM requests that apply waves 1..<see cref="ThroughWave"/> of a plan: create or update the AVNM resources the plan
    /// owns (each marked azspoke-owner), then per region read the current deployment status and commit the full set.
    /// </summary>
    public sealed class MeshApplyPlan
    {
        private MeshApplyPlan(MigrationPlan plan, int throughWave, IReadOnlyList<PlannedArmRequest> requests)
        {
            Plan = plan; ThroughWave = throughWave; Requests = requests;
        }

        public MigrationPlan Plan { get; }
        public int ThroughWave { get; }
        public IReadOnlyList<PlannedArmRequest> Requests { get; }
        /// <summary>The regions committed, sorted.</summary>
        public IReadOnlyList<string> Regions => Requests.Where(r => r.Kind == PlannedRequestKind.Commit).Select(r => r.Region!).ToList();

        /// <summary>Plans the requests for waves 1..<paramref name="throughWave"/>.</summary>
        public static MeshApplyPlan Create(MigrationPlan plan, int throughWave)
        {
            if (plan == null) throw new ArgumentNullException(nameof(plan));
            if (throughWave < 1 || throughWave > plan.Waves.Count)
                throw new Requests.EngineInputException("Wave", $"the plan has waves 1..{plan.Waves.Count}; {throughWave} is not one of them");
            var list = new List<PlannedArmRequest>();
            var nm = plan.NetworkManager;
            var group = plan.NetworkGroup;
            var cfg = plan.Configuration;
            int step = 1;
            void Add(PlannedRequestKind kind, string method, string path, JsonObject? body, string target, string action, string? region, bool write) =>
                list.Add(new PlannedArmRequest(step++, kind, method, path, body, target, action, region, write));

            if (!nm.Exists)
                Add(PlannedRequestKind.CreateOrUpdate, "PUT", nm.Id.Value, new JsonObject
                {
                    ["location"] = nm.Location,
                    ["tags"] = new JsonObject { [MigrationOptions.OwnerTag] = plan.Options.Owner },
                    ["properties"] = new JsonObject
                    {
                        ["description"] = "AVNM for the spoke mesh (" + plan.Options.OwnerMarker + ")",
                        ["networkManagerScopes"] = new JsonObject
                        {
                            ["subscriptions"] = new JsonArray(nm.ScopeSubscriptions.Select(s => (JsonNode)JsonValue.Create(s)!).ToArray()),
                            ["managementGroups"] = new JsonArray(),
                        },
                        ["networkManagerScopeAccesses"] = new JsonArray("Connectivity"),
                    },
                }, nm.Id.Value, "create network manager", null, true);
            if (group.Mode != MembershipMode.Existing)
                Add(PlannedRequestKind.CreateOrUpdate, "PUT", group.Id.Value, new JsonObject
                {
                    ["properties"] = new JsonObject { ["description"] = group.Description, ["memberType"] = "VirtualNetwork" },
                }, group.Id.Value, "create or update network group", null, true);
            foreach (var m in group.StaticMembers.Where(m => m.Wave <= throughWave))
                Add(PlannedRequestKind.CreateOrUpdate, "PUT", m.Id.Value, new JsonObject
                {
                    ["properties"] = new JsonObject { ["resourceId"] = m.VirtualNetwork.Id.Value },
                }, m.VirtualNetwork.Id.Value, $"add to network group {group.Name} (wave {m.Wave})", null, true);
            Add(PlannedRequestKind.CreateOrUpdate, "PUT", cfg.Id.Value, new JsonObject
            {
                ["properties"] = new JsonObject
                {
                    ["description"] = cfg.Description,
                    ["connectivityTopology"] = cfg.ConnectivityTopology,
                    ["hubs"] = new JsonArray(),
                    ["isGlobal"] = IacText.TrueFalse(cfg.IsGlobal),
                    ["deleteExistingPeering"] = IacText.TrueFalse(cfg.DeleteExistingPeering),
                    ["appliesToGroups"] = new JsonArray(new JsonObject
                    {
                        ["networkGroupId"] = group.Id.Value, ["groupConnectivity"] = "None",
                        ["isGlobal"] = IacText.TrueFalse(cfg.IsGlobal), ["useHubGateway"] = "False",
                    }),
                    ["connectivityCapabilities"] = new JsonObject
                    {
                        ["connectedGroupPrivateEndpointsScale"] = cfg.ConnectedGroupPrivateEndpointsScale,
                        ["connectedGroupAddressOverlap"] = cfg.ConnectedGroupAddressOverlap,
                        ["peeringEnforcement"] = cfg.PeeringEnforcement,
                    },
                },
            }, cfg.Id.Value, "create or update connectivity configuration", null, true);

            var regions = plan.Waves.Where(w => w.Number <= throughWave).SelectMany(w => w.Regions)
                .Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(r => r, StringComparer.Ordinal).ToList();
            foreach (var region in regions)
            {
                var commit = plan.Commits.First(c => string.Equals(c.Region, region, StringComparison.OrdinalIgnoreCase));
                Add(PlannedRequestKind.ReadDeploymentStatus, "POST", nm.Id.Value + "/listDeploymentStatus", new JsonObject
                {
                    ["regions"] = new JsonArray(region),
                    ["deploymentTypes"] = new JsonArray("Connectivity"),
                }, nm.Id.Value, "read the deployment status of " + region, region, false);
                // peers.md §3: the commit is the region's complete goal state; the live layer adds what the status read shows.
                Add(PlannedRequestKind.Commit, "POST", nm.Id.Value + "/commit", MeshApplyRules.CommitBody(region, commit.ConfigurationIds),
                    nm.Name + " in " + region, $"commit {commit.ConfigurationIds.Count} connectivity configuration(s) ({string.Join(", ", commit.ConfigurationIds.Select(NameOf))})", region, true);
            }
            return new MeshApplyPlan(plan, throughWave, list);
        }

        private static string NameOf(string id)
        {
            int i = id.LastIndexOf('/');
            return i >= 0 ? id.Substring(i + 1) : id;
        }
    }
}
