using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AzSpokeTools.Engine.Migration
{
    /// <summary>
    /// The plan as an ARM JSON template for the network manager's resource group: manager (when new), network group,
    /// static members (parameter <c>wave</c> deploys waves 1..wave), connectivity configuration, and the commit as a
    /// deploymentScripts step (commits are not declarative, peers.md §12) when a managed identity is given.
    /// </summary>
    public static class ArmTemplateRenderer
    {
        public static string Render(MigrationPlan plan)
        {
            var nm = plan.NetworkManager;
            var group = plan.NetworkGroup;
            var cfg = plan.Configuration;
            var resources = new JsonArray();
            var nmRef = $"[resourceId('{AvnmApi.NetworkManagerType}', '{nm.Name}')]";
            var groupRef = $"[resourceId('{AvnmApi.NetworkGroupType}', '{nm.Name}', '{group.Name}')]";
            var cfgRef = $"[resourceId('{AvnmApi.ConnectivityConfigurationType}', '{nm.Name}', '{cfg.Name}')]";

            if (!nm.Exists)
                resources.Add(new JsonObject
                {
                    ["type"] = AvnmApi.NetworkManagerType,
                    ["apiVersion"] = AvnmApi.Version,
                    ["name"] = nm.Name,
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
                });

            if (group.Mode != MembershipMode.Existing)
            {
                var g = new JsonObject
                {
                    ["type"] = AvnmApi.NetworkGroupType,
                    ["apiVersion"] = AvnmApi.Version,
                    ["name"] = $"{nm.Name}/{group.Name}",
                    ["properties"] = new JsonObject { ["description"] = group.Description, ["memberType"] = "VirtualNetwork" },
                };
                if (!nm.Exists) g["dependsOn"] = new JsonArray(nmRef);
                resources.Add(g);
            }

            foreach (var m in group.StaticMembers)
                resources.Add(new JsonObject
                {
                    ["condition"] = $"[lessOrEquals({m.Wave}, parameters('wave'))]",
                    ["type"] = AvnmApi.StaticMemberType,
                    ["apiVersion"] = AvnmApi.Version,
                    ["name"] = $"{nm.Name}/{group.Name}/{m.Name}",
                    ["properties"] = new JsonObject { ["resourceId"] = m.VirtualNetwork.Id.Value },
                    ["dependsOn"] = new JsonArray(groupRef),
                });

            var cfgResource = new JsonObject
            {
                ["type"] = AvnmApi.ConnectivityConfigurationType,
                ["apiVersion"] = AvnmApi.Version,
                ["name"] = $"{nm.Name}/{cfg.Name}",
                ["properties"] = new JsonObject
                {
                    ["description"] = cfg.Description,
                    ["connectivityTopology"] = cfg.ConnectivityTopology,
                    ["hubs"] = new JsonArray(),
                    ["isGlobal"] = IacText.TrueFalse(cfg.IsGlobal),
                    ["deleteExistingPeering"] = IacText.TrueFalse(cfg.DeleteExistingPeering),
                    ["appliesToGroups"] = new JsonArray(new JsonObject
                    {
                        ["networkGroupId"] = group.Mode == MembershipMode.Existing ? group.Id.Value : groupRef,
                        ["groupConnectivity"] = "None",
                        ["isGlobal"] = IacText.TrueFalse(cfg.IsGlobal),
                        ["useHubGateway"] = "False",
                    }),
                    ["connectivityCapabilities"] = new JsonObject
                    {
                        ["connectedGroupPrivateEndpointsScale"] = cfg.ConnectedGroupPrivateEndpointsScale,
                        ["connectedGroupAddressOverlap"] = cfg.ConnectedGroupAddressOverlap,
                        ["peeringEnforcement"] = cfg.PeeringEnforcement,
                    },
                },
            };
            if (group.Mode != MembershipMode.Existing) cfgResource["dependsOn"] = new JsonArray(groupRef);
            resources.Add(cfgResource);

            // peers.md §12: the commit is an action, not a resource; a deployment script runs it (needs a managed identity).
            var script = string.Join("; ", IacText.Commits(plan).Select(c => IacText.CommitCommand(nm, c.Region, c.ConfigurationIds)));
            var dependsOn = new JsonArray(cfgRef);
            foreach (var m in group.StaticMembers) dependsOn.Add($"[resourceId('{AvnmApi.StaticMemberType}', '{nm.Name}', '{group.Name}', '{m.Name}')]");
            resources.Add(new JsonObject
            {
                ["condition"] = "[not(empty(parameters('commitIdentityId')))]",
                ["type"] = "Microsoft.Resources/deploymentScripts",
                ["apiVersion"] = "2023-08-01",
                ["name"] = "commit-" + cfg.Name,
                ["location"] = nm.Location,
                ["kind"] = "AzurePowerShell",
                ["identity"] = new JsonObject
                {
                    ["type"] = "UserAssigned",
                    ["userAssignedIdentities"] = new JsonObject { ["[parameters('commitIdentityId')]"] = new JsonObject() },
                },
                ["properties"] = new JsonObject
                {
                    ["azPowerShellVersion"] = "12.0",
                    ["retentionInterval"] = "PT1H",
                    ["timeout"] = "PT1H",
                    ["cleanupPreference"] = "OnSuccess",
                    ["scriptContent"] = script,
                },
                ["dependsOn"] = dependsOn,
            });

            var template = new JsonObject
            {
                ["$schema"] = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
                ["contentVersion"] = "1.0.0.0",
                ["metadata"] = new JsonObject
                {
                    ["description"] = $"AVNM mesh for {plan.Selection.Members.Count} VNets ({plan.Selection.Description}). Deploy to resource group {nm.ResourceGroup} in subscription {nm.SubscriptionId}.",
                    ["commitOutOfBand"] = string.Join(" && ", IacText.Commits(plan).Select(c => IacText.AzCliCommit(nm, c.Region, c.ConfigurationIds))),
                    ["owner"] = plan.Options.OwnerMarker,
                },
                ["parameters"] = new JsonObject
                {
                    ["wave"] = new JsonObject
                    {
                        ["type"] = "int",
                        ["defaultValue"] = plan.Waves.Count,
                        ["minValue"] = 1,
                        ["maxValue"] = plan.Waves.Count,
                        ["metadata"] = new JsonObject { ["description"] = "Deploy the static members of waves 1..wave." },
                    },
                    ["commitIdentityId"] = new JsonObject
                    {
                        ["type"] = "string",
                        ["defaultValue"] = "",
                        ["metadata"] = new JsonObject { ["description"] = "Resource id of a user-assigned identity allowed to commit on the network manager; empty: commit out of band (metadata.commitOutOfBand)." },
                    },
                },
                ["resources"] = resources,
                ["outputs"] = new JsonObject
                {
                    ["connectivityConfigurationId"] = new JsonObject { ["type"] = "string", ["value"] = cfgRef },
                },
            };
            return template.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
        }
    }
}
