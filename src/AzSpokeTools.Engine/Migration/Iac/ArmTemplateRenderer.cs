using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AzSpokeTools.Engine.Migration
{
    /// <summary>
    /// The plan as an ARM JSON template for the network manager's resource group: manager (when new), the waves' static group
    /// with its members (parameter <c>wave</c> deploys waves 1..wave), the Mesh configuration (pointed at the end state's group at
    /// the final wave of a group or policy handover), and the commits as a deploymentScripts step (commits are not declarative)
    /// when a managed identity is given. Route removals cannot be declared: the metadata lists their commands.
    /// </summary>
    internal static class ArmTemplateRenderer
    {
        public static string Render(MigrationPlan plan)
        {
            var nm = plan.NetworkManager;
            var group = plan.NetworkGroup;
            var cfg = plan.Configuration;
            var h = plan.Handover;
            int n = plan.Waves.Count;
            var sets = IacCommitSets.Of(plan);
            var resources = new JsonArray();
            var nmRef = $"[resourceId('{AvnmApi.NetworkManagerType}', '{nm.Name}')]";
            var groupRef = $"[resourceId('{AvnmApi.NetworkGroupType}', '{nm.Name}', '{group.Name}')]";
            var cfgRef = $"[resourceId('{AvnmApi.ConnectivityConfigurationType}', '{nm.Name}', '{cfg.Name}')]";
            bool waveGroup = group.StaticMembers.Count > 0;
            bool groupHandover = h.Kind == HandoverKind.ExistingGroup || h.Kind == HandoverKind.PolicyGroup;
            string finalWave = $"equals(parameters('wave'), {n})";

            JsonObject Resource(string type, string name, JsonObject body, string? condition = null)
            {
                var r = new JsonObject();
                if (condition != null) r["condition"] = condition;
                r["type"] = type;
                r["apiVersion"] = AvnmApi.Version;
                r["name"] = name;
                foreach (var kv in body.ToList()) { body.Remove(kv.Key); r[kv.Key] = kv.Value; }
                return r;
            }

            if (!nm.Exists)
            {
                var body = AvnmResourceBodies.NetworkManager(plan);
                var r = Resource(AvnmApi.NetworkManagerType, nm.Name, new JsonObject());
                r["location"] = body["location"]!.DeepClone();
                r["tags"] = body["tags"]!.DeepClone();
                r["properties"] = body["properties"]!.DeepClone();
                resources.Add(r);
            }
            if (waveGroup)
            {
                var g = Resource(AvnmApi.NetworkGroupType, $"{nm.Name}/{group.Name}", AvnmResourceBodies.NetworkGroup(group.Description));
                if (!nm.Exists) g["dependsOn"] = new JsonArray(nmRef);
                resources.Add(g);
                foreach (var m in group.StaticMembers)
                {
                    var sm = Resource(AvnmApi.StaticMemberType, $"{nm.Name}/{group.Name}/{m.Name}", AvnmResourceBodies.StaticMember(m.VirtualNetwork.Id.Value), $"[lessOrEquals({m.Wave}, parameters('wave'))]");
                    sm["dependsOn"] = new JsonArray(groupRef);
                    resources.Add(sm);
                }
            }
            string? policyGroupRef = null;
            if (h.Kind == HandoverKind.PolicyGroup)
            {
                var pg = h.GroupId!.Value;
                policyGroupRef = $"[resourceId('{AvnmApi.NetworkGroupType}', '{nm.Name}', '{pg.Name}')]";
                var r = Resource(AvnmApi.NetworkGroupType, $"{nm.Name}/{pg.Name}",
                    AvnmResourceBodies.NetworkGroup($"VNets tagged {h.PolicyTag!.Value.Key}={h.PolicyTag.Value.Value}, added by Azure Policy ({plan.Options.OwnerMarker})"), $"[{finalWave}]");
                if (!nm.Exists) r["dependsOn"] = new JsonArray(nmRef);
                resources.Add(r);
            }
            if (waveGroup || groupHandover)
            {
                string target = h.Kind == HandoverKind.ExistingGroup ? $"'{h.GroupId!.Value.Value}'" : $"resourceId('{AvnmApi.NetworkGroupType}', '{nm.Name}', '{h.GroupId?.Name}')";
                string groupId = !groupHandover ? groupRef
                    : !waveGroup ? $"[{target}]"
                    : $"[if({finalWave}, {target}, resourceId('{AvnmApi.NetworkGroupType}', '{nm.Name}', '{group.Name}'))]";
                var c = Resource(AvnmApi.ConnectivityConfigurationType, $"{nm.Name}/{cfg.Name}", AvnmResourceBodies.Configuration(cfg, groupId));
                var deps = new JsonArray();
                if (waveGroup) deps.Add(groupRef);
                if (policyGroupRef != null) deps.Add(policyGroupRef);
                if (!nm.Exists && deps.Count == 0) deps.Add(nmRef);
                if (deps.Count > 0) c["dependsOn"] = deps;
                resources.Add(c);
            }

            // Commits are actions, not resources: a deployment script runs them (needs a managed identity).
            var script = sets.FinalDiffers
                ? $"[if({finalWave}, '{sets.Script(nm, true).Replace("'", "''")}', '{sets.Script(nm, false).Replace("'", "''")}')]"
                : sets.Script(nm, false);
            var dependsOn = new JsonArray();
            if (waveGroup || groupHandover) dependsOn.Add(cfgRef);
            foreach (var m in group.StaticMembers) dependsOn.Add($"[resourceId('{AvnmApi.StaticMemberType}', '{nm.Name}', '{group.Name}', '{m.Name}')]");
            if (!nm.Exists && dependsOn.Count == 0) dependsOn.Add(nmRef);
            var commit = new JsonObject
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
            };
            if (dependsOn.Count > 0) commit["dependsOn"] = dependsOn;
            resources.Add(commit);

            var metadata = new JsonObject
            {
                ["description"] = $"AVNM mesh for {plan.Selection.Members.Count} VNets ({plan.Selection.Description}). Deploy to resource group {nm.ResourceGroup} in subscription {nm.SubscriptionId}.",
                ["waveMembership"] = plan.WaveMembership,
                ["commitOutOfBand"] = sets.FinalDiffers
                    ? $"waves 1..{n - 1}: {sets.AzCli(nm, false)}; wave {n}: {sets.AzCli(nm, true)}"
                    : sets.AzCli(nm, false),
                ["owner"] = plan.Options.OwnerMarker,
            };
            var removals = plan.RouteTableChanges.Where(c => c.Action == RouteTableAction.Remove).OrderBy(c => c.Wave).ToList();
            if (removals.Count > 0)
                metadata["removeRoutesAfterCommit"] = new JsonArray(removals.Select(c => (JsonNode)JsonValue.Create($"wave {c.Wave}: {IacText.RemoveRouteCommand(c)}")!).ToArray());
            if (h.Kind == HandoverKind.PolicyGroup)
                metadata["policyBeforeFinalWave"] = $"deploy policy.json (definition {h.PolicyDefinitionName}) and assign it in each member subscription before deploying wave {n}";

            var template = new JsonObject
            {
                ["$schema"] = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
                ["contentVersion"] = "1.0.0.0",
                ["metadata"] = metadata,
                ["parameters"] = new JsonObject
                {
                    ["wave"] = new JsonObject
                    {
                        ["type"] = "int",
                        ["defaultValue"] = n,
                        ["minValue"] = 1,
                        ["maxValue"] = n,
                        ["metadata"] = new JsonObject { ["description"] = $"Deploy waves 1..wave: the static members of those waves{(sets.FinalDiffers ? $", and at wave {n} the handover" : "")}." },
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
                    ["connectivityConfigurationId"] = new JsonObject
                    {
                        ["type"] = "string",
                        ["value"] = h.Kind == HandoverKind.ExistingConfiguration ? $"[if({finalWave}, '{h.ConfigurationId!.Value.Value}', '{cfg.Id.Value}')]" : cfgRef,
                    },
                },
            };
            return template.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
        }
    }
}
