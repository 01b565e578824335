using System;
using System.Collections.Generic;
using System.Linq;
using AzSpokeTools.Engine.Migration;
using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Engine.Readiness
{
    /// <summary>
    /// Existing AVNM state: the adopt-or-refuse decision about configurations that already cover selected VNets, and the
    /// deployment state of the chosen network manager in the members' regions.
    /// </summary>
    internal static class ExistingMeshRules
    {
        /// <summary>True when the resource carries azspoke-owner=OWNER in its tags or description.</summary>
        public static bool IsOwned(IReadOnlyDictionary<string, string> tags, string? description, string owner) =>
            (tags.TryGetValue(MigrationOptions.OwnerTag, out var v) && string.Equals(v, owner, StringComparison.Ordinal)) ||
            (description ?? "").IndexOf(MigrationOptions.OwnerTag + "=" + owner, StringComparison.Ordinal) >= 0;

        public static MeshAdoption Decide(ReadinessChecker c)
        {
            var configs = c.Routing.ConnectedGroups.All
                .Where(g => g.Members.Any(m => c.MemberIds.Contains(m.Id)))
                .GroupBy(g => g.Configuration.Id)
                .Select(g => (Config: g.First().Configuration, Members: g.SelectMany(x => x.Members).Select(m => m.Id).Distinct().ToList()))
                .Where(x => !IsOwned(x.Config.Tags, x.Config.Description, c.Options.Owner))
                .OrderBy(x => x.Config.Id.Value, StringComparer.OrdinalIgnoreCase)
                .ToList();
            if (configs.Count == 0) return MeshAdoption.New("no existing connectivity configuration covers a selected VNet");

            var refusals = new List<string>();
            var conflicts = new List<ConnectivityConfiguration>();
            var adoptable = new List<ConnectivityConfiguration>();
            var fixes = new List<string>();
            foreach (var (config, members) in configs)
            {
                var manager = c.Topology.NetworkManagers.FirstOrDefault(m => m.Id == config.NetworkManagerId);
                var state = AvnmDeploymentState.Of(manager);
                var active = state.RegionsWhereActive(config.Id);
                int selected = members.Count(m => c.MemberIds.Contains(m));
                int outside = members.Count - selected;
                int missing = c.Members.Count - selected;
                var remove = $"Remove-AzNetworkManagerConnectivityConfiguration -ResourceGroupName '{config.Id.ResourceGroup}' -NetworkManagerName '{config.NetworkManagerId.Name}' -Name '{config.Name}'";
                // Azure docs, "Configuration deployments in Azure Virtual Network Manager" > "Goal state model": a committed configuration is the region's goal state.
                if (!state.Captured)
                {
                    refusals.Add($"{config.Name} covers {selected} selected VNet(s) and its deployment status was not captured, so it may be active");
                    fixes.Add($"export the snapshot with the network manager's deployment status (listDeploymentStatus of {config.NetworkManagerId.Name}) and plan again");
                }
                else if (active.Count > 0)
                {
                    refusals.Add($"{config.Name} is deployed in {string.Join(", ", active)} and already meshes {selected} selected VNet(s); a second mesh over them would put each into two connected groups");
                    fixes.Add(selected == c.Members.Count
                        ? $"nothing to migrate for these VNets: {config.Name} already meshes them (select other VNets)"
                        : $"select only the VNets outside {config.Name} (--vnet / --tag), or add the others to its network group (its owner's change, outside this plan)");
                }
                else if (!config.IsMesh)
                {
                    refusals.Add($"{config.Name} ({config.Topology} with direct connectivity, not deployed) covers {selected} selected VNet(s); committing it later would mesh them a second way");
                    fixes.Add($"delete it if it is abandoned ({remove}), or leave its VNets out of the selection");
                }
                else if (outside > 0 || missing > 0)
                {
                    refusals.Add($"{config.Name} (Mesh, never deployed) covers {members.Count} VNet(s): {outside} outside the selection and {missing} selected VNet(s) not in it; committing it would mesh them all at once, and a plan beside it would be a second mesh over the same VNets");
                    fixes.Add($"select exactly its members (--group {string.Join(", ", config.AppliesToGroups.Select(i => i.NetworkGroupId.Name))}) so that the plan adopts it, or delete it if it is abandoned ({remove})");
                }
                else if (config.NetworkManagerId != c.Manager.Id)
                {
                    refusals.Add($"{config.Name} (Mesh, never deployed) covers exactly the selection but belongs to network manager {config.NetworkManagerId.Name}, not {c.Manager.Name}");
                    fixes.Add($"plan with --network-manager {config.NetworkManagerId.Value}");
                }
                else
                {
                    adoptable.Add(config);
                    continue;
                }
                conflicts.Add(config);
            }
            if (refusals.Count == 0 && adoptable.Count > 1)
            {
                refusals.Add($"{adoptable.Count} never-deployed Mesh configurations ({string.Join(", ", adoptable.Select(a => a.Name))}) each cover exactly the selection");
                fixes.Add("delete all but the one to keep");
                conflicts.AddRange(adoptable);
            }
            if (refusals.Count > 0)
                return new MeshAdoption(AdoptionDecision.Refused, null, conflicts, string.Join("; ", refusals), string.Join("; ", fixes.Distinct()));
            var adopted = adoptable[0];
            return new MeshAdoption(AdoptionDecision.AdoptConfiguration, adopted, Array.Empty<ConnectivityConfiguration>(),
                $"{adopted.Name} (Mesh over {string.Join(", ", adopted.AppliesToGroups.Select(i => i.NetworkGroupId.Name))}, never deployed) covers exactly the {c.Members.Count} selected VNets: " +
                "the waves go through a temporary static group and configuration, and the final wave commits " + adopted.Name + " in their place (it is not changed)", null);
        }

        public static void Check(ReadinessChecker c)
        {
            var a = c.Adoption;
            if (a.Decision == AdoptionDecision.Refused)
                foreach (var config in a.Conflicts)
                    c.Add(ReadinessRules.ExistingMeshCoversSelection, ReadinessSeverity.Error, config.Id.Value, a.Reason,
                        new Evidence().Add("configuration", config.Name).Add("topology", config.Topology).Add("decision", a.Decision)
                            .Add("groups", string.Join(", ", config.AppliesToGroups.Select(i => i.NetworkGroupId.Name))),
                        a.Fix ?? "");
            else if (a.Decision == AdoptionDecision.AdoptConfiguration)
                c.Add(ReadinessRules.ExistingMeshCoversSelection, ReadinessSeverity.Info, a.Configuration!.Id.Value, a.Reason,
                    new Evidence().Add("configuration", a.Configuration.Name).Add("decision", a.Decision)
                        .Add("groups", string.Join(", ", a.Configuration.AppliesToGroups.Select(i => i.NetworkGroupId.Name))),
                    "Nothing to fix: the plan adopts it in the final wave; it must stay as it is until then.");

            if (!c.Manager.Exists) return;
            var state = c.Deployments;
            if (!state.Captured)
            {
                c.Add(ReadinessRules.DeploymentStatusNotCaptured, ReadinessSeverity.Warning, c.Manager.Id.Value,
                    $"the deployment status of {c.Manager.Name} was not captured: the plan cannot tell which configurations are active in {string.Join(", ", c.Regions)}",
                    new Evidence().Add("networkManager", c.Manager.Name).Add("regions", string.Join(", ", c.Regions)),
                    "Export the snapshot again with listDeploymentStatus (azspoke export reads it); apply reads it live before each commit.");
                return;
            }
            foreach (var region in c.Regions)
            {
                var status = state.StatusIn(region);
                if (status == null || string.Equals(status, "Deployed", StringComparison.OrdinalIgnoreCase)) continue;
                var listed = state.ListedIn(region).Select(NameOf).ToList();
                var evidence = new Evidence().Add("region", region).Add("deploymentStatus", status).Add("configurations", string.Join(", ", listed))
                    .Add("commitTime", state.CommitTimeIn(region)).Add("error", state.ErrorIn(region));
                // Azure docs, "Configuration deployments in Azure Virtual Network Manager" > "Deployment status".
                if (string.Equals(status, "Deploying", StringComparison.OrdinalIgnoreCase))
                    c.Add(ReadinessRules.RegionDeploymentState, ReadinessSeverity.Error, c.Manager.Id.Value,
                        $"a Connectivity commit is still Deploying in {region}; committing over it would race it", evidence,
                        "Wait until it reads Deployed or Failed, export the snapshot again and plan again.");
                else if (string.Equals(status, "Failed", StringComparison.OrdinalIgnoreCase))
                    c.Add(ReadinessRules.RegionDeploymentState, ReadinessSeverity.Warning, c.Manager.Id.Value,
                        $"the last Connectivity commit in {region} ended Failed ({state.ErrorIn(region) ?? "no error message"}): its configurations ({string.Join(", ", listed)}) are not taken as active, and the plan's commits replace that goal state",
                        evidence, "Find out why it failed before applying the first wave; the plan's commits list only the configurations a Deployed commit made active.");
                else
                    c.Add(ReadinessRules.RegionDeploymentState, ReadinessSeverity.Info, c.Manager.Id.Value,
                        $"the Connectivity commit in {region} is {status}: {string.Join(", ", listed)} {(listed.Count == 1 ? "is" : "are")} not active there and not part of the region's committed set",
                        evidence, "Nothing to fix: the plan's commits leave these configurations out.");
            }
        }

        private static string NameOf(string id)
        {
            int i = id.LastIndexOf('/');
            return i >= 0 ? id.Substring(i + 1) : id;
        }
    }
}
