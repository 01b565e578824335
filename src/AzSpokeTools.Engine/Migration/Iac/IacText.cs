using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Readiness;

namespace AzSpokeTools.Engine.Migration
{
    /// <summary>Text pieces shared by the renderers and the plan (commit, route and rollback commands).</summary>
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

        public static string RemoveRouteCommand(RouteTableChange c) => RemoveRouteCommand(c.RouteTable, c.Route);

        public static string RemoveRouteCommand(RouteTable table, UserRoute route) =>
            $"Remove-AzRouteConfig -Name {Ps(route.Name)} -RouteTable (Get-AzRouteTable -ResourceGroupName {Ps(table.ResourceGroup ?? "")} -Name {Ps(table.Name)}) | Set-AzRouteTable";

        public static string RestoreRouteCommand(RouteTableChange c) => RestoreRouteCommand(c.RouteTable, c.Route);

        public static string RestoreRouteCommand(RouteTable table, UserRoute route) =>
            $"Add-AzRouteConfig -Name {Ps(route.Name)} -AddressPrefix {Ps(route.AddressPrefix)} -NextHopType {Ps(route.NextHopType.ToString())}" +
            (route.NextHopIpAddresses.Count > 0 ? " -NextHopIpAddress " + Ps(route.NextHopIpAddresses[0]) : "") +
            $" -RouteTable (Get-AzRouteTable -ResourceGroupName {Ps(table.ResourceGroup ?? "")} -Name {Ps(table.Name)}) | Set-AzRouteTable";

        /// <summary>A PUT of an ARM body through Invoke-AzRestMethod (exact, whatever the resource type).</summary>
        public static string PutCommand(string path, string apiVersion, JsonObject body) =>
            $"Invoke-AzRestMethod -Method PUT -Path {Ps(path + "?api-version=" + apiVersion)} -Payload {Ps(body.ToJsonString(Compact))}";

        public static string DeleteCommand(string path, string apiVersion) =>
            $"Invoke-AzRestMethod -Method DELETE -Path {Ps(path + "?api-version=" + apiVersion)}";

        /// <summary>The route body to PUT it back (routeTables/routes).</summary>
        public static JsonObject RouteBody(UserRoute route)
        {
            var properties = new JsonObject { ["addressPrefix"] = route.AddressPrefix, ["nextHopType"] = route.NextHopType.ToString() };
            if (route.NextHopIpAddresses.Count > 0) properties["nextHopIpAddress"] = route.NextHopIpAddresses[0];
            return new JsonObject { ["properties"] = properties };
        }

        /// <summary>JSON without HTML escaping (quotes and apostrophes stay readable in scripts).</summary>
        public static readonly System.Text.Json.JsonSerializerOptions Compact = new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        public static readonly System.Text.Json.JsonSerializerOptions Indented = new System.Text.Json.JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        public static string TrueFalse(bool b) => b ? "True" : "False";

        public static string Slug(string s)
        {
            var chars = s.Select(c => char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '_').ToArray();
            var r = new string(chars);
            return char.IsDigit(r[0]) ? "_" + r : r;
        }

        public static string NameOf(string id)
        {
            int i = id.LastIndexOf('/');
            return i >= 0 ? id.Substring(i + 1) : id;
        }
    }
}
