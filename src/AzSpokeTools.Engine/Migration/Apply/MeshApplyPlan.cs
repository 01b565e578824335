using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace AzSpokeTools.Engine.Migration
{
    /// <summary>
    /// The ARM requests that apply waves 1..<see cref="ThroughWave"/> of a plan: create or update the AVNM resources the plan
    /// owns (each marked azspoke-owner), commit each region of that wave with its full set (read live first), then delete the
    /// gateway routes those waves remove. Or, for the decommission phase, check the soak and make its changes.
    /// </summary>
    public sealed class MeshApplyPlan
    {
        private MeshApplyPlan(MigrationPlan plan, int throughWave, bool decommission, IReadOnlyList<PlannedArmRequest> requests)
        {
            Plan = plan; ThroughWave = throughWave; IsDecommission = decommission; Requests = requests;
        }

        /// <summary>The migration plan the requests apply.</summary>
        public MigrationPlan Plan { get; }
        /// <summary>The last wave applied (the final wave for the decommission phase).</summary>
        public int ThroughWave { get; }
        /// <summary>True for the decommission phase.</summary>
        public bool IsDecommission { get; }
        /// <summary>The ARM requests, in the order they are sent.</summary>
        public IReadOnlyList<PlannedArmRequest> Requests { get; }
        /// <summary>The regions committed, sorted.</summary>
        public IReadOnlyList<string> Regions => Requests.Where(r => r.Kind == PlannedRequestKind.Commit).Select(r => r.Region!).ToList();

        private sealed class Builder
        {
            public readonly List<PlannedArmRequest> List = new List<PlannedArmRequest>();

            public PlannedArmRequest Add(PlannedRequestKind kind, string method, string path, JsonObject? body, string target, string action, string? region, bool write, string apiVersion)
            {
                var r = new PlannedArmRequest(List.Count + 1, kind, method, path, body, target, action, region, write, apiVersion);
                List.Add(r);
                return r;
            }

            public void Put(string path, JsonObject body, string target, string action, bool owned, string apiVersion = AvnmApi.Version) =>
                Add(PlannedRequestKind.CreateOrUpdate, "PUT", path, body, target, action, null, true, apiVersion).NeedsOwnership = owned;
        }

        /// <summary>Plans the requests for waves 1..<paramref name="throughWave"/>.</summary>
        public static MeshApplyPlan Create(MigrationPlan plan, int throughWave)
        {
            if (plan == null) throw new ArgumentNullException(nameof(plan));
            if (throughWave < 1 || throughWave > plan.Waves.Count)
                throw new EngineInputException("Wave", $"the plan has waves 1..{plan.Waves.Count}; {throughWave} is not one of them");
            var b = new Builder();
            var nm = plan.NetworkManager;
            var group = plan.NetworkGroup;
            var cfg = plan.Configuration;
            var handover = plan.Handover;
            var wave = plan.Waves[throughWave - 1];

            if (!nm.Exists)
                b.Put(nm.Id.Value, AvnmResourceBodies.NetworkManager(plan), nm.Id.Value, "create network manager", owned: true);
            var members = group.StaticMembers.Where(m => m.Wave <= throughWave).ToList();
            if (group.StaticMembers.Count > 0)
            {
                b.Put(group.Id.Value, AvnmResourceBodies.NetworkGroup(group.Description), group.Id.Value, "create or update network group", owned: true);
                foreach (var m in members)
                    b.Put(m.Id.Value, AvnmResourceBodies.StaticMember(m.VirtualNetwork.Id.Value), m.VirtualNetwork.Id.Value, $"add to network group {group.Name} (wave {m.Wave})", owned: false);
            }
            if (wave.IsHandover && handover.Kind == HandoverKind.PolicyGroup)
            {
                // Azure docs, "Use Azure Policy to define network group membership": a definition and an assignment per subscription of the members.
                var groupId = handover.GroupId!.Value;
                b.Put(groupId.Value, AvnmResourceBodies.NetworkGroup($"VNets tagged {handover.PolicyTag!.Value.Key}={handover.PolicyTag.Value.Value}, added by Azure Policy ({plan.Options.OwnerMarker})"),
                    groupId.Value, "create or update the policy-based network group", owned: true);
                foreach (var sub in PolicySubscriptions(plan))
                {
                    var definition = $"/subscriptions/{sub}/providers/Microsoft.Authorization/policyDefinitions/{handover.PolicyDefinitionName}";
                    b.Put(definition, AvnmResourceBodies.PolicyDefinition(handover, groupId.Value), definition, "create or update the membership policy definition", owned: false, AvnmApi.PolicyDefinitionApiVersion);
                    var assignment = $"/subscriptions/{sub}/providers/Microsoft.Authorization/policyAssignments/{handover.PolicyDefinitionName}";
                    b.Put(assignment, AvnmResourceBodies.PolicyAssignment(definition, handover.PolicyDefinitionName!), assignment, "assign the membership policy", owned: false, AvnmApi.PolicyDefinitionApiVersion);
                }
            }
            // The plan's configuration: on the wave group, or at a group or policy handover on the end state's group.
            bool groupHandover = wave.IsHandover && (handover.Kind == HandoverKind.ExistingGroup || handover.Kind == HandoverKind.PolicyGroup);
            if (group.StaticMembers.Count > 0 || groupHandover)
                b.Put(cfg.Id.Value, AvnmResourceBodies.Configuration(cfg, groupHandover ? handover.GroupId!.Value.Value : group.Id.Value), cfg.Id.Value,
                    groupHandover ? $"point the connectivity configuration at {handover.GroupId!.Value.Name}" : "create or update connectivity configuration", owned: true);

            foreach (var commit in wave.Commits)
            {
                b.Add(PlannedRequestKind.ReadDeploymentStatus, "POST", nm.Id.Value + "/listDeploymentStatus", new JsonObject
                {
                    ["regions"] = new JsonArray(commit.Region),
                    ["deploymentTypes"] = new JsonArray("Connectivity"),
                }, nm.Id.Value, "read the deployment status of " + commit.Region, commit.Region, false, AvnmApi.Version);
                // Azure docs, "Configuration deployments in Azure Virtual Network Manager" > "Goal state model": the commit is the region's
                // complete goal state; the live layer keeps what the status read shows active.
                var c = b.Add(PlannedRequestKind.Commit, "POST", nm.Id.Value + "/commit", AvnmResourceBodies.Commit(commit.Region, commit.ConfigurationIds),
                    nm.Name + " in " + commit.Region,
                    MeshApplyRules.CommitAction(commit.ConfigurationIds, commit.Remove),
                    commit.Region, true, AvnmApi.Version);
                c.Add = commit.Add;
                c.Remove = commit.Remove;
                if (!wave.IsHandover && handover.Kind == HandoverKind.ExistingConfiguration) c.MustNotBeActive = new[] { handover.ConfigurationId!.Value.Value };
            }
            // Gateway routes as specific as a member prefix go once both ends of their pairs are meshed (after the commits).
            foreach (var rc in plan.RouteTableChanges.Where(r => r.Action == RouteTableAction.Remove && r.Wave <= throughWave))
            {
                var path = rc.RouteTable.Id.Child("routes", rc.Route.Name).Value;
                b.Add(PlannedRequestKind.Delete, "DELETE", path, null, path, $"remove route {rc.Route.Name} ({rc.Route.AddressPrefix} -> {rc.Route.NextHopType}) that keeps its pairs off the mesh",
                    null, true, AvnmApi.NetworkVersion);
            }
            return new MeshApplyPlan(plan, throughWave, false, b.List);
        }

        /// <summary>Plans the decommission phase: the soak check per region, then every change of the phase in order.</summary>
        public static MeshApplyPlan ForDecommission(MigrationPlan plan)
        {
            if (plan == null) throw new ArgumentNullException(nameof(plan));
            if (plan.Decommission == null)
                throw new EngineInputException("Decommission", "the plan has no decommission phase; plan again with the decommission phase (--decommission / -Decommission)");
            var b = new Builder();
            var nm = plan.NetworkManager;
            var final = plan.Waves[plan.Waves.Count - 1];
            foreach (var commit in final.Commits)
            {
                var r = b.Add(PlannedRequestKind.CheckSoak, "POST", nm.Id.Value + "/listDeploymentStatus", new JsonObject
                {
                    ["regions"] = new JsonArray(commit.Region),
                    ["deploymentTypes"] = new JsonArray("Connectivity"),
                }, nm.Id.Value, $"check that {commit.Region} has been Deployed with the final wave's set for {plan.Decommission.SoakDays} days", commit.Region, false, AvnmApi.Version);
                r.Add = commit.ConfigurationIds;
            }
            foreach (var s in plan.Decommission.Steps.Where(s => s.Change))
            {
                if (s.Method == "DELETE")
                    b.Add(PlannedRequestKind.Delete, "DELETE", s.ResourceId, null, s.ResourceId, s.Reason, null, true, s.ApiVersion).NeedsOwnership =
                        s.Action == DecommissionAction.DeleteTemporaryResource && s.ResourceId.IndexOf("/staticMembers/", StringComparison.OrdinalIgnoreCase) < 0;
                else
                {
                    var r = b.Add(PlannedRequestKind.Update, "PUT", s.ResourceId, null, s.ResourceId, s.Reason, null, true, s.ApiVersion);
                    r.Property = s.Property;
                    r.Value = s.Value;
                }
            }
            return new MeshApplyPlan(plan, plan.Waves.Count, true, b.List);
        }

        internal static IReadOnlyList<string> PolicySubscriptions(MigrationPlan plan) =>
            plan.Selection.Members.Select(m => m.SubscriptionId).Where(s => s != null).Select(s => s!).Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(s => s, StringComparer.Ordinal).ToList();
    }
}
