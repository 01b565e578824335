using System.Linq;
using System.Text;

namespace AzSpokeTools.Engine.Migration
{
    /// <summary>The plan as Bicep (resource-group scope of the network manager), with the commit as a deploymentScripts step.</summary>
    public static class BicepRenderer
    {
        private static string Q(string s) => "'" + s.Replace("\\", "\\\\").Replace("'", "\\'") + "'";

        public static string Render(MigrationPlan plan)
        {
            var nm = plan.NetworkManager;
            var group = plan.NetworkGroup;
            var cfg = plan.Configuration;
            var v = AvnmApi.Version;
            var sb = new StringBuilder();
            sb.AppendLine($"// AVNM mesh for {plan.Selection.Members.Count} VNets ({plan.Selection.Description}).");
            sb.AppendLine($"// Deploy to resource group {nm.ResourceGroup} in subscription {nm.SubscriptionId}. {plan.Options.OwnerMarker}");
            sb.AppendLine("// Commits are not declarative (Azure docs: \"Deployments in Azure Virtual Network Manager\"): give commitIdentityId to run them as a deployment script, or run out of band:");
            foreach (var c in IacText.Commits(plan)) sb.AppendLine("//   " + IacText.AzCliCommit(nm, c.Region, c.ConfigurationIds));
            sb.AppendLine();
            sb.AppendLine("@description('Deploy the static members of waves 1..wave.')");
            sb.AppendLine($"@minValue(1)\n@maxValue({plan.Waves.Count})");
            sb.AppendLine($"param wave int = {plan.Waves.Count}");
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
            string groupIdExpr;
            if (group.Mode == MembershipMode.Existing) groupIdExpr = Q(group.Id.Value);
            else
            {
                groupIdExpr = "networkGroup.id";
                sb.AppendLine($"resource networkGroup '{AvnmApi.NetworkGroupType}@{v}' = {{");
                sb.AppendLine("  parent: networkManager");
                sb.AppendLine($"  name: {Q(group.Name)}");
                sb.AppendLine($"  properties: {{\n    description: {Q(group.Description)}\n    memberType: 'VirtualNetwork'\n  }}\n}}");
                sb.AppendLine();
            }
            if (group.StaticMembers.Count > 0)
            {
                sb.AppendLine("var staticMembers = [");
                foreach (var m in group.StaticMembers)
                    sb.AppendLine($"  {{\n    name: {Q(m.Name)}\n    resourceId: {Q(m.VirtualNetwork.Id.Value)}\n    wave: {m.Wave}\n  }}");
                sb.AppendLine("]");
                sb.AppendLine();
                sb.AppendLine($"resource members '{AvnmApi.StaticMemberType}@{v}' = [for m in staticMembers: if (m.wave <= wave) {{");
                sb.AppendLine("  parent: networkGroup\n  name: m.name\n  properties: {\n    resourceId: m.resourceId\n  }\n}]");
                sb.AppendLine();
            }
            sb.AppendLine($"resource mesh '{AvnmApi.ConnectivityConfigurationType}@{v}' = {{");
            sb.AppendLine("  parent: networkManager");
            sb.AppendLine($"  name: {Q(cfg.Name)}");
            sb.AppendLine("  properties: {");
            sb.AppendLine($"    description: {Q(cfg.Description)}");
            sb.AppendLine("    connectivityTopology: 'Mesh'\n    hubs: []");
            sb.AppendLine($"    isGlobal: '{IacText.TrueFalse(cfg.IsGlobal)}'");
            sb.AppendLine($"    deleteExistingPeering: '{IacText.TrueFalse(cfg.DeleteExistingPeering)}'");
            sb.AppendLine("    appliesToGroups: [\n      {");
            sb.AppendLine($"        networkGroupId: {groupIdExpr}\n        groupConnectivity: 'None'\n        isGlobal: '{IacText.TrueFalse(cfg.IsGlobal)}'\n        useHubGateway: 'False'");
            sb.AppendLine("      }\n    ]");
            sb.AppendLine("    connectivityCapabilities: {");
            sb.AppendLine($"      connectedGroupPrivateEndpointsScale: {Q(cfg.ConnectedGroupPrivateEndpointsScale)}");
            sb.AppendLine($"      connectedGroupAddressOverlap: {Q(cfg.ConnectedGroupAddressOverlap)}");
            sb.AppendLine($"      peeringEnforcement: {Q(cfg.PeeringEnforcement)}");
            sb.AppendLine("    }\n  }\n}");
            sb.AppendLine();
            var script = string.Join("; ", IacText.Commits(plan).Select(c => IacText.CommitCommand(nm, c.Region, c.ConfigurationIds)));
            sb.AppendLine("resource commit 'Microsoft.Resources/deploymentScripts@2023-08-01' = if (!empty(commitIdentityId)) {");
            sb.AppendLine($"  name: {Q("commit-" + cfg.Name)}");
            sb.AppendLine($"  location: {Q(nm.Location)}");
            sb.AppendLine("  kind: 'AzurePowerShell'");
            sb.AppendLine("  identity: {\n    type: 'UserAssigned'\n    userAssignedIdentities: {\n      '${commitIdentityId}': {}\n    }\n  }");
            sb.AppendLine("  properties: {\n    azPowerShellVersion: '12.0'\n    retentionInterval: 'PT1H'\n    timeout: 'PT1H'\n    cleanupPreference: 'OnSuccess'");
            sb.AppendLine($"    scriptContent: {Q(script)}\n  }}");
            sb.AppendLine(group.StaticMembers.Count > 0 ? "  dependsOn: [\n    mesh\n    members\n  ]" : "  dependsOn: [\n    mesh\n  ]");
            sb.AppendLine("}");
            sb.AppendLine();
            sb.AppendLine("output connectivityConfigurationId string = mesh.id");
            return sb.ToString();
        }
    }
}
