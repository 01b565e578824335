using System.Linq;
using System.Text;

namespace AzSpokeTools.Engine.Migration
{
    /// <summary>
    /// The plan as Bicep (resource-group scope of the network manager): the waves' static group and members (parameter
    /// <c>wave</c>), the Mesh configuration (pointed at the end state's group at the final wave of a group or policy handover) and
    /// the commits as a deploymentScripts step.
    /// </summary>
    internal static class BicepRenderer
    {
        private static string Q(string s) => "'" + s.Replace("\\", "\\\\").Replace("'", "\\'") + "'";

        public static string Render(MigrationPlan plan)
        {
            var nm = plan.NetworkManager;
            var group = plan.NetworkGroup;
            var cfg = plan.Configuration;
            var h = plan.Handover;
            int n = plan.Waves.Count;
            var sets = IacCommitSets.Of(plan);
            bool waveGroup = group.StaticMembers.Count > 0;
            bool groupHandover = h.Kind == HandoverKind.ExistingGroup || h.Kind == HandoverKind.PolicyGroup;
            var v = AvnmApi.Version;
            var sb = new StringBuilder();
            sb.AppendLine($"// AVNM mesh for {plan.Selection.Members.Count} VNets ({plan.Selection.Description}).");
            sb.AppendLine($"// Deploy to resource group {nm.ResourceGroup} in subscription {nm.SubscriptionId}. {plan.Options.OwnerMarker}");
            sb.AppendLine($"// Waves: {plan.WaveMembership}");
            sb.AppendLine("// Commits are not declarative (Azure docs: \"Deployments in Azure Virtual Network Manager\"): give commitIdentityId to run them as a deployment script, or run out of band:");
            if (sets.FinalDiffers)
            {
                sb.AppendLine($"//   waves 1..{n - 1}: " + sets.AzCli(nm, false));
                sb.AppendLine($"//   wave {n}: " + sets.AzCli(nm, true));
            }
            else sb.AppendLine("//   " + sets.AzCli(nm, false));
            foreach (var c in plan.RouteTableChanges.Where(c => c.Action == RouteTableAction.Remove).OrderBy(c => c.Wave))
                sb.AppendLine($"// After the wave {c.Wave} commit, remove: {IacText.RemoveRouteCommand(c)}");
            if (h.Kind == HandoverKind.PolicyGroup)
                sb.AppendLine($"// Before wave {n}: deploy policy.json (definition {h.PolicyDefinitionName}) and assign it in each member subscription.");
            sb.AppendLine();
            sb.AppendLine($"@description('Deploy waves 1..wave.')");
            sb.AppendLine($"@minValue(1)\n@maxValue({n})");
            sb.AppendLine($"param wave int = {n}");
            sb.AppendLine();
            sb.AppendLine("@description('User-assigned identity allowed to commit on the network manager; empty: commit out of band.')");
            sb.AppendLine("param commitIdentityId string = ''");
            sb.AppendLine();
            if (nm.Exists)
                sb.AppendLine($"resource networkManager '{AvnmApi.NetworkManagerType}@{v}' existing = {{\n  name: {Q(nm.Name)}\n}}");
            else
            {
                sb.AppendLine($"resource networkManager '{AvnmApi.NetworkManagerType}@{v}' = {{");
                sb.AppendLine($"  name: {Q(nm.Name)}");
                sb.AppendLine($"  location: {Q(nm.Location)}");
                sb.AppendLine($"  tags: {{\n    '{MigrationOptions.OwnerTag}': {Q(plan.Options.Owner)}\n  }}");
                sb.AppendLine("  properties: {");
                sb.AppendLine($"    description: {Q("AVNM for the spoke mesh (" + plan.Options.OwnerMarker + ")")}");
                sb.AppendLine("    networkManagerScopes: {");
                sb.AppendLine("      subscriptions: [");
                foreach (var s in nm.ScopeSubscriptions) sb.AppendLine("        " + Q(s));
                sb.AppendLine("      ]\n      managementGroups: []\n    }");
                sb.AppendLine("    networkManagerScopeAccesses: [\n      'Connectivity'\n    ]");
                sb.AppendLine("  }\n}");
            }
            sb.AppendLine();
            if (waveGroup)
            {
                sb.AppendLine($"resource networkGroup '{AvnmApi.NetworkGroupType}@{v}' = {{");
                sb.AppendLine("  parent: networkManager");
                sb.AppendLine($"  name: {Q(group.Name)}");
                sb.AppendLine($"  properties: {{\n    description: {Q(group.Description)}\n    memberType: 'VirtualNetwork'\n  }}\n}}");
                sb.AppendLine();
                sb.AppendLine("var staticMembers = [");
                foreach (var m in group.StaticMembers)
                    sb.AppendLine($"  {{\n    name: {Q(m.Name)}\n    resourceId: {Q(m.VirtualNetwork.Id.Value)}\n    wave: {m.Wave}\n  }}");
                sb.AppendLine("]");
                sb.AppendLine();
                sb.AppendLine($"resource members '{AvnmApi.StaticMemberType}@{v}' = [for m in staticMembers: if (m.wave <= wave) {{");
                sb.AppendLine("  parent: networkGroup\n  name: m.name\n  properties: {\n    resourceId: m.resourceId\n  }\n}]");
                sb.AppendLine();
            }
            if (h.Kind == HandoverKind.PolicyGroup)
            {
                sb.AppendLine($"resource policyGroup '{AvnmApi.NetworkGroupType}@{v}' = if (wave == {n}) {{");
                sb.AppendLine("  parent: networkManager");
                sb.AppendLine($"  name: {Q(h.GroupId!.Value.Name)}");
                sb.AppendLine($"  properties: {{\n    description: {Q($"VNets tagged {h.PolicyTag!.Value.Key}={h.PolicyTag.Value.Value}, added by Azure Policy ({plan.Options.OwnerMarker})")}\n    memberType: 'VirtualNetwork'\n  }}\n}}");
                sb.AppendLine();
            }
            if (waveGroup || groupHandover)
            {
                string target = h.Kind == HandoverKind.ExistingGroup ? Q(h.GroupId!.Value.Value) : "policyGroup.id";
                string groupExpr = !groupHandover ? "networkGroup.id" : !waveGroup ? target : $"wave == {n} ? {target} : networkGroup.id";
                sb.AppendLine($"resource mesh '{AvnmApi.ConnectivityConfigurationType}@{v}' = {{");
                sb.AppendLine("  parent: networkManager");
                sb.AppendLine($"  name: {Q(cfg.Name)}");
                sb.AppendLine("  properties: {");
                sb.AppendLine($"    description: {Q(cfg.Description)}");
                sb.AppendLine("    connectivityTopology: 'Mesh'\n    hubs: []");
                sb.AppendLine($"    isGlobal: '{IacText.TrueFalse(cfg.IsGlobal)}'");
                sb.AppendLine($"    deleteExistingPeering: '{IacText.TrueFalse(cfg.DeleteExistingPeering)}'");
                sb.AppendLine("    appliesToGroups: [\n      {");
                sb.AppendLine($"        networkGroupId: {groupExpr}\n        groupConnectivity: 'None'\n        isGlobal: '{IacText.TrueFalse(cfg.IsGlobal)}'\n        useHubGateway: 'False'");
                sb.AppendLine("      }\n    ]");
                sb.AppendLine("    connectivityCapabilities: {");
                sb.AppendLine($"      connectedGroupPrivateEndpointsScale: {Q(cfg.ConnectedGroupPrivateEndpointsScale)}");
                sb.AppendLine($"      connectedGroupAddressOverlap: {Q(cfg.ConnectedGroupAddressOverlap)}");
                sb.AppendLine($"      peeringEnforcement: {Q(cfg.PeeringEnforcement)}");
                sb.AppendLine("    }\n  }\n}");
                sb.AppendLine();
            }
            var script = sets.FinalDiffers ? $"wave == {n} ? {Q(sets.Script(nm, true))} : {Q(sets.Script(nm, false))}" : Q(sets.Script(nm, false));
            sb.AppendLine("resource commit 'Microsoft.Resources/deploymentScripts@2023-08-01' = if (!empty(commitIdentityId)) {");
            sb.AppendLine($"  name: {Q("commit-" + cfg.Name)}");
            sb.AppendLine($"  location: {Q(nm.Location)}");
            sb.AppendLine("  kind: 'AzurePowerShell'");
            sb.AppendLine("  identity: {\n    type: 'UserAssigned'\n    userAssignedIdentities: {\n      '${commitIdentityId}': {}\n    }\n  }");
            sb.AppendLine("  properties: {\n    azPowerShellVersion: '12.0'\n    retentionInterval: 'PT1H'\n    timeout: 'PT1H'\n    cleanupPreference: 'OnSuccess'");
            sb.AppendLine($"    scriptContent: {script}\n  }}");
            var deps = new[] { waveGroup || groupHandover ? "mesh" : null, waveGroup ? "members" : null }.Where(d => d != null).ToList();
            if (deps.Count > 0) sb.AppendLine("  dependsOn: [\n" + string.Join("\n", deps.Select(d => "    " + d)) + "\n  ]");
            sb.AppendLine("}");
            sb.AppendLine();
            var output = h.Kind == HandoverKind.ExistingConfiguration
                ? (waveGroup ? $"wave == {n} ? {Q(h.ConfigurationId!.Value.Value)} : mesh.id" : Q(h.ConfigurationId!.Value.Value))
                : "mesh.id";
            sb.AppendLine($"output connectivityConfigurationId string = {output}");
            return sb.ToString();
        }
    }
}
