using System.Linq;
using System.Text;

namespace AzSpokeTools.Engine.Migration
{
    /// <summary>
    /// The plan as Terraform (azurerm): network manager, network group, static members (variable <c>wave</c>),
    /// connectivity configuration and one azurerm_network_manager_deployment per region carrying the region's full
    /// configuration set. No azurerm_virtual_network_peering is emitted next to the deployment (peers.md §12).
    /// </summary>
    public static class TerraformRenderer
    {
        private static string Q(string s) => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("${", "$${") + "\"";

        public static string Render(MigrationPlan plan)
        {
            var nm = plan.NetworkManager;
            var group = plan.NetworkGroup;
            var cfg = plan.Configuration;
            var sb = new StringBuilder();
            sb.AppendLine($"# AVNM mesh for {plan.Selection.Members.Count} VNets ({plan.Selection.Description}). {plan.Options.OwnerMarker}");
            sb.AppendLine("# Do not manage azurerm_virtual_network_peering for these VNets next to the deployment below: the deployment may modify peerings.");
            sb.AppendLine();
            sb.AppendLine("terraform {\n  required_providers {\n    azurerm = {\n      source = \"hashicorp/azurerm\"\n    }\n  }\n}");
            sb.AppendLine();
            sb.AppendLine($"variable \"wave\" {{\n  description = \"Deploy the static members of waves 1..wave.\"\n  type        = number\n  default     = {plan.Waves.Count}\n}}");
            sb.AppendLine();
            string nmId;
            if (nm.Exists)
            {
                sb.AppendLine($"data \"azurerm_network_manager\" \"this\" {{\n  name                = {Q(nm.Name)}\n  resource_group_name = {Q(nm.ResourceGroup)}\n}}");
                nmId = "data.azurerm_network_manager.this.id";
            }
            else
            {
                sb.AppendLine("resource \"azurerm_network_manager\" \"this\" {");
                sb.AppendLine($"  name                = {Q(nm.Name)}");
                sb.AppendLine($"  location            = {Q(nm.Location)}");
                sb.AppendLine($"  resource_group_name = {Q(nm.ResourceGroup)}");
                sb.AppendLine($"  description         = {Q("AVNM for the spoke mesh (" + plan.Options.OwnerMarker + ")")}");
                sb.AppendLine("  scope_accesses      = [\"Connectivity\"]");
                sb.AppendLine("  scope {");
                sb.AppendLine("    subscription_ids = [");
                foreach (var s in nm.ScopeSubscriptions) sb.AppendLine("      " + Q(s) + ",");
                sb.AppendLine("    ]\n  }");
                sb.AppendLine($"  tags = {{\n    {Q(MigrationOptions.OwnerTag)} = {Q(plan.Options.Owner)}\n  }}\n}}");
                nmId = "azurerm_network_manager.this.id";
            }
            sb.AppendLine();
            string groupId;
            if (group.Mode == MembershipMode.Existing) groupId = Q(group.Id.Value);
            else
            {
                sb.AppendLine("resource \"azurerm_network_manager_network_group\" \"mesh\" {");
                sb.AppendLine($"  name               = {Q(group.Name)}");
                sb.AppendLine($"  network_manager_id = {nmId}");
                sb.AppendLine($"  description        = {Q(group.Description)}");
                sb.AppendLine("}");
                sb.AppendLine();
                groupId = "azurerm_network_manager_network_group.mesh.id";
            }
            if (group.Mode == MembershipMode.Policy)
            {
                var rule = IacText.PolicyRule(group).ToJsonString(IacText.Compact).Replace(group.Id.Value, "${azurerm_network_manager_network_group.mesh.id}");
                sb.AppendLine("data \"azurerm_subscription\" \"current\" {}");
                sb.AppendLine();
                sb.AppendLine("resource \"azurerm_policy_definition\" \"membership\" {");
                sb.AppendLine($"  name         = {Q(group.PolicyDefinitionName)}");
                sb.AppendLine("  policy_type  = \"Custom\"\n  mode         = \"Microsoft.Network.Data\"");
                sb.AppendLine($"  display_name = {Q("AVNM membership: " + group.PolicyTag!.Value.Key + "=" + group.PolicyTag!.Value.Value + " -> " + group.Name)}");
                sb.AppendLine("  policy_rule  = <<RULE\n" + rule + "\nRULE\n}");
                sb.AppendLine();
                sb.AppendLine("resource \"azurerm_subscription_policy_assignment\" \"membership\" {");
                sb.AppendLine($"  name                 = {Q(group.PolicyDefinitionName)}");
                sb.AppendLine("  policy_definition_id = azurerm_policy_definition.membership.id\n  subscription_id      = data.azurerm_subscription.current.id\n}");
                sb.AppendLine();
            }
            if (group.StaticMembers.Count > 0)
            {
                sb.AppendLine("locals {\n  static_members = {");
                foreach (var m in group.StaticMembers)
                    sb.AppendLine($"    {Q(m.Name)} = {{ vnet_id = {Q(m.VirtualNetwork.Id.Value)}, wave = {m.Wave} }}");
                sb.AppendLine("  }\n}");
                sb.AppendLine();
                sb.AppendLine("resource \"azurerm_network_manager_static_member\" \"member\" {");
                sb.AppendLine("  for_each                  = { for name, m in local.static_members : name => m if m.wave <= var.wave }");
                sb.AppendLine("  name                      = each.key");
                sb.AppendLine($"  network_group_id          = {groupId}");
                sb.AppendLine("  target_virtual_network_id = each.value.vnet_id\n}");
                sb.AppendLine();
            }
            sb.AppendLine("resource \"azurerm_network_manager_connectivity_configuration\" \"mesh\" {");
            sb.AppendLine($"  name                            = {Q(cfg.Name)}");
            sb.AppendLine($"  network_manager_id              = {nmId}");
            sb.AppendLine($"  description                     = {Q(cfg.Description)}");
            sb.AppendLine("  connectivity_topology           = \"Mesh\"");
            sb.AppendLine($"  global_mesh_enabled             = {(cfg.IsGlobal ? "true" : "false")}");
            sb.AppendLine("  delete_existing_peering_enabled = false");
            sb.AppendLine("  # connectivityCapabilities (connectedGroupPrivateEndpointsScale = " + cfg.ConnectedGroupPrivateEndpointsScale +
                          ", connectedGroupAddressOverlap = " + cfg.ConnectedGroupAddressOverlap + ") need an azurerm release with");
            sb.AppendLine("  # hashicorp/terraform-provider-azurerm#31562; the ARM and Bicep outputs set them.");
            sb.AppendLine("  applies_to_group {");
            sb.AppendLine("    group_connectivity  = \"None\"");
            sb.AppendLine($"    network_group_id    = {groupId}");
            sb.AppendLine($"    global_mesh_enabled = {(cfg.IsGlobal ? "true" : "false")}");
            sb.AppendLine("  }\n}");
            sb.AppendLine();
            sb.AppendLine("# A commit is the region's complete goal state: configurations already committed there stay in the set.");
            sb.AppendLine("locals {\n  existing_configuration_ids = {");
            foreach (var c in IacText.Commits(plan))
                sb.AppendLine($"    {Q(c.Region)} = [{string.Join(", ", c.ExistingConfigurationIds.Select(Q))}]");
            sb.AppendLine("  }\n}");
            sb.AppendLine();
            sb.AppendLine("resource \"azurerm_network_manager_deployment\" \"connectivity\" {");
            sb.AppendLine("  for_each           = local.existing_configuration_ids");
            sb.AppendLine($"  network_manager_id = {nmId}");
            sb.AppendLine("  location           = each.key");
            sb.AppendLine("  scope_access       = \"Connectivity\"");
            sb.AppendLine("  configuration_ids  = concat(each.value, [azurerm_network_manager_connectivity_configuration.mesh.id])");
            if (group.StaticMembers.Count > 0)
            {
                sb.AppendLine("  triggers = {\n    members = join(\",\", sort(keys(azurerm_network_manager_static_member.member)))\n  }");
                sb.AppendLine("  depends_on = [azurerm_network_manager_static_member.member]");
            }
            sb.AppendLine("}");
            return sb.ToString();
        }
    }
}
