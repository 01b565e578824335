using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using AzSpokeTools.Engine.Model;

namespace AzSpokeTools.Engine.Migration
{
    /// <summary>Text pieces shared by the renderers and the plan (commit and rollback commands, policy rule).</summary>
    internal static class IacText
    {
        public static string Ps(string s) => "'" + s.Replace("'", "''") + "'";

        public static string PsArray(IEnumerable<string> items) => "@(" + string.Join(", ", items.Select(Ps)) + ")";

        /// <summary>Deploy-AzNetworkManagerCommit for one region with exactly <paramref name="configurationIds"/> (empty: clear the region).</summary>
        public static string CommitCommand(PlannedNetworkManager nm, string region, IReadOnlyList<string> configurationIds) =>
            $"Deploy-AzNetworkManagerCommit -ResourceGroupName {Ps(nm.ResourceGroup)} -Name {Ps(nm.Name)} -TargetLocation @({Ps(region)}) -CommitType 'Connectivity'" +
            (configurationIds.Count > 0 ? " -ConfigurationId " + PsArray(configurationIds) : "");

        public static string AzCliCommit(PlannedNetworkManager nm, string region, IReadOnlyList<string> configurationIds) =>
            $"az network manager post-commit --network-manager-name {nm.Name} --resource-group {nm.ResourceGroup} --commit-type Connectivity --target-locations {region}" +
            (configurationIds.Count > 0 ? " --configuration-ids " + string.Join(" ", configurationIds) : "");

        public static string RemoveRouteCommand(RouteTableChange c) =>
            $"Remove-AzRouteConfig -Name {Ps(c.Route.Name)} -RouteTable (Get-AzRouteTable -ResourceGroupName {Ps(c.RouteTable.ResourceGroup ?? "")} -Name {Ps(c.RouteTable.Name)}) | Set-AzRouteTable";

        public static string RestoreRouteCommand(RouteTableChange c) =>
            $"Add-AzRouteConfig -Name {Ps(c.Route.Name)} -AddressPrefix {Ps(c.Route.AddressPrefix)} -NextHopType {Ps(c.Route.NextHopType.ToString())}" +
            (c.Route.NextHopIpAddresses.Count > 0 ? " -NextHopIpAddress " + Ps(c.Route.NextHopIpAddresses[0]) : "") +
            $" -RouteTable (Get-AzRouteTable -ResourceGroupName {Ps(c.RouteTable.ResourceGroup ?? "")} -Name {Ps(c.RouteTable.Name)}) | Set-AzRouteTable";

        /// <summary>The Azure Policy rule that adds VNets carrying the tag to the group (mode Microsoft.Network.Data).</summary>
        public static JsonObject PolicyRule(PlannedNetworkGroup group) => new JsonObject
        {
            ["if"] = new JsonObject
            {
                ["allOf"] = new JsonArray(
                    new JsonObject { ["field"] = "type", ["equals"] = "Microsoft.Network/virtualNetworks" },
                    new JsonObject { ["field"] = $"tags['{group.PolicyTag!.Value.Key}']", ["equals"] = group.PolicyTag!.Value.Value }),
            },
            ["then"] = new JsonObject
            {
                ["effect"] = "addToNetworkGroup",
                ["details"] = new JsonObject { ["networkGroupId"] = group.Id.Value },
            },
        };

        /// <summary>JSON without HTML escaping (quotes and apostrophes stay readable in scripts).</summary>
        public static readonly System.Text.Json.JsonSerializerOptions Compact = new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        public static readonly System.Text.Json.JsonSerializerOptions Indented = new System.Text.Json.JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        public static string TrueFalse(bool b) => b ? "True" : "False";

        /// <summary>Every configuration the plan's commits name, per region, sorted for stable output.</summary>
        public static IEnumerable<RegionCommit> Commits(MigrationPlan plan) => plan.Commits.OrderBy(c => c.Region, System.StringComparer.Ordinal);

        public static string Slug(string s)
        {
            var chars = s.Select(c => char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '_').ToArray();
            var r = new string(chars);
            return char.IsDigit(r[0]) ? "_" + r : r;
        }
    }
}
