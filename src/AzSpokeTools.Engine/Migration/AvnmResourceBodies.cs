using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace AzSpokeTools.Engine.Migration
{
    /// <summary>
    /// The ARM bodies of the resources the plan writes, built once for the apply requests, the ARM template and the rollback
    /// commands: network manager, network group, static member, Mesh connectivity configuration, the policy definition and
    /// assignment of dynamic membership, and the commit. References are passed as text so a template can give expressions.
    /// </summary>
    internal static class AvnmResourceBodies
    {
        public static JsonObject NetworkManager(MigrationPlan plan) => new JsonObject
        {
            ["location"] = plan.NetworkManager.Location,
            ["tags"] = new JsonObject { [MigrationOptions.OwnerTag] = plan.Options.Owner },
            ["properties"] = new JsonObject
            {
                ["description"] = "AVNM for the spoke mesh (" + plan.Options.OwnerMarker + ")",
                ["networkManagerScopes"] = new JsonObject
                {
                    ["subscriptions"] = Strings(plan.NetworkManager.ScopeSubscriptions),
                    ["managementGroups"] = Strings(plan.NetworkManager.ScopeManagementGroups),
                },
                ["networkManagerScopeAccesses"] = new JsonArray("Connectivity"),
            },
        };

        public static JsonObject NetworkGroup(string description) => new JsonObject
        {
            ["properties"] = new JsonObject { ["description"] = description, ["memberType"] = "VirtualNetwork" },
        };

        public static JsonObject StaticMember(string vnetId) => new JsonObject
        {
            ["properties"] = new JsonObject { ["resourceId"] = vnetId },
        };

        /// <summary>The Mesh configuration applying to <paramref name="groupId"/> (an id, or a template expression).</summary>
        public static JsonObject Configuration(PlannedConnectivityConfiguration cfg, string groupId) => new JsonObject
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
                    ["networkGroupId"] = groupId,
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

        /// <summary>The Azure Policy rule that adds VNets carrying the tag to the group (mode Microsoft.Network.Data).</summary>
        public static JsonObject PolicyRule(MeshHandover h, string groupId) => new JsonObject
        {
            ["if"] = new JsonObject
            {
                ["allOf"] = new JsonArray(
                    new JsonObject { ["field"] = "type", ["equals"] = "Microsoft.Network/virtualNetworks" },
                    new JsonObject { ["field"] = $"tags['{h.PolicyTag!.Value.Key}']", ["equals"] = h.PolicyTag!.Value.Value }),
            },
            ["then"] = new JsonObject
            {
                ["effect"] = "addToNetworkGroup",
                ["details"] = new JsonObject { ["networkGroupId"] = groupId },
            },
        };

        public static JsonObject PolicyDefinition(MeshHandover h, string groupId) => new JsonObject
        {
            ["properties"] = new JsonObject
            {
                ["displayName"] = h.PolicyDefinitionName,
                ["policyType"] = "Custom",
                ["mode"] = "Microsoft.Network.Data",
                ["policyRule"] = PolicyRule(h, groupId),
            },
        };

        public static JsonObject PolicyAssignment(string definitionId, string displayName) => new JsonObject
        {
            ["properties"] = new JsonObject { ["policyDefinitionId"] = definitionId, ["displayName"] = displayName },
        };

        /// <summary>The commit body for one region.</summary>
        public static JsonObject Commit(string region, IEnumerable<string> configurationIds) => new JsonObject
        {
            ["targetLocations"] = new JsonArray(region),
            ["configurationIds"] = Strings(configurationIds),
            ["commitType"] = "Connectivity",
        };

        public static JsonArray Strings(IEnumerable<string> items) => new JsonArray(items.Select(s => (JsonNode)JsonValue.Create(s)!).ToArray());
    }
}
