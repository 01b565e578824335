using System.Linq;
using System.Text;

namespace AzSpokeTools.Engine.Migration
{
    /// <summary>
    /// The plan as a runnable Terraform root module (azurerm, pinned): network manager, the waves' static group and members
    /// (variable <c>wave</c>), the Mesh configuration with its connectivity capabilities, and one azurerm_network_manager_deployment
    /// per region carrying the region's full configuration set (the handover's at the final wave). No
    /// azurerm_virtual_network_peering is emitted next to the deployment: the deployment may modify peerings.
    /// </summary>
    internal static class TerraformRenderer
    {
        /// <summary>
        /// The azurerm release the module pins: the connectivity configuration's connected_group_address_overlap_enabled,
        /// connected_group_private_endpoints_scale and peering_enforcement_enabled exist from 4.78.0 on.
        /// </summary>
        public const string AzurermVersion = "4.81.0";

        private static string Q(string s) => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("${", "$${") + "\"";


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
            var sb = new StringBuilder();
            sb.AppendLine($"# AVNM mesh for {plan.Selection.Members.Count} VNets ({plan.Selection.Description}). {plan.Options.OwnerMarker}");
            sb.AppendLine($"# Waves: {plan.WaveMembership}");
            sb.AppendLine("# Do not manage azurerm_virtual_network_peering for these VNets next to the deployment below: the deployment may modify peerings.");
            foreach (var c in plan.RouteTableChanges.Where(c => c.Action == RouteTableAction.Remove).OrderBy(c => c.Wave))
                sb.AppendLine($"# After the wave {c.Wave} deployment, remove: {IacText.RemoveRouteCommand(c)}");
            sb.AppendLine();
            sb.AppendLine($"terraform {{\n  required_providers {{\n    azurerm = {{\n      source  = \"hashicorp/azurerm\"\n      version = \"{AzurermVersion}\"\n    }}\n  }}\n}}");
            sb.AppendLine();
            sb.AppendLine($"provider \"azurerm\" {{\n  features {{}}\n  subscription_id = {Q(nm.SubscriptionId)}\n}}");
            sb.AppendLine();
            sb.AppendLine($"variable \"wave\" {{\n  description = \"Deploy waves 1..wave.\"\n  type        = number\n  default     = {n}\n\n  validation {{\n    condition     = var.wave >= 1 && var.wave <= {n}\n    error_message = \"The plan has waves 1..{n}.\"\n  }}\n}}");
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
            if (waveGroup)
            {
                sb.AppendLine("resource \"azurerm_network_manager_network_group\" \"waves\" {");
                sb.AppendLine($"  name               = {Q(group.Name)}");
                sb.AppendLine($"  network_manager_id = {nmId}");
                sb.AppendLine($"  description        = {Q(group.Description)}");
                sb.AppendLine("}");
                sb.AppendLine();
                sb.AppendLine("locals {\n  static_members = {");
                foreach (var m in group.StaticMembers)
                    sb.AppendLine($"    {Q(m.Name)} = {{ vnet_id = {Q(m.VirtualNetwork.Id.Value)}, wave = {m.Wave} }}");
                sb.AppendLine("  }\n}");
                sb.AppendLine();
                sb.AppendLine("resource \"azurerm_network_manager_static_member\" \"member\" {");
                sb.AppendLine("  for_each                  = { for name, m in local.static_members : name => m if m.wave <= var.wave }");
                sb.AppendLine("  name                      = each.key");
                sb.AppendLine("  network_group_id          = azurerm_network_manager_network_group.waves.id");
                sb.AppendLine("  target_virtual_network_id = each.value.vnet_id\n}");
                sb.AppendLine();
            }
            string? targetGroup = null;
            if (h.Kind == HandoverKind.ExistingGroup) targetGroup = Q(h.GroupId!.Value.Value);
            if (h.Kind == HandoverKind.PolicyGroup)
            {
                // Azure docs, "Use Azure Policy to define network group membership": mode Microsoft.Network.Data, effect addToNetworkGroup.
                var rule = AvnmResourceBodies.PolicyRule(h, h.GroupId!.Value.Value).ToJsonString(IacText.Compact).Replace(h.GroupId!.Value.Value, "${azurerm_network_manager_network_group.policy[0].id}");
                sb.AppendLine("resource \"azurerm_network_manager_network_group\" \"policy\" {");
                sb.AppendLine($"  count              = var.wave == {n} ? 1 : 0");
                sb.AppendLine($"  name               = {Q(h.GroupId!.Value.Name)}");
                sb.AppendLine($"  network_manager_id = {nmId}");
                sb.AppendLine($"  description        = {Q($"VNets tagged {h.PolicyTag!.Value.Key}={h.PolicyTag.Value.Value}, added by Azure Policy ({plan.Options.OwnerMarker})")}");
                sb.AppendLine("}");
                sb.AppendLine();
                sb.AppendLine("data \"azurerm_subscription\" \"current\" {}");
                sb.AppendLine();
                sb.AppendLine("resource \"azurerm_policy_definition\" \"membership\" {");
                sb.AppendLine($"  count        = var.wave == {n} ? 1 : 0");
                sb.AppendLine($"  name         = {Q(h.PolicyDefinitionName!)}");
                sb.AppendLine("  policy_type  = \"Custom\"\n  mode         = \"Microsoft.Network.Data\"");
                sb.AppendLine($"  display_name = {Q("AVNM membership: " + h.PolicyTag.Value.Key + "=" + h.PolicyTag.Value.Value + " -> " + h.GroupId!.Value.Name)}");
                sb.AppendLine("  policy_rule  = <<RULE\n" + rule + "\nRULE\n}");
                sb.AppendLine();
                sb.AppendLine("# Members in other subscriptions need the same assignment there.");
                sb.AppendLine("resource \"azurerm_subscription_policy_assignment\" \"membership\" {");
                sb.AppendLine($"  count                = var.wave == {n} ? 1 : 0");
                sb.AppendLine($"  name                 = {Q(h.PolicyDefinitionName!)}");
                sb.AppendLine("  policy_definition_id = azurerm_policy_definition.membership[0].id\n  subscription_id      = data.azurerm_subscription.current.id\n}");
                sb.AppendLine();
                targetGroup = "azurerm_network_manager_network_group.policy[0].id";
            }
            if (waveGroup || groupHandover)
            {
                string groupExpr = !groupHandover ? "azurerm_network_manager_network_group.waves.id"
                    : !waveGroup ? targetGroup! : $"var.wave == {n} ? {targetGroup} : azurerm_network_manager_network_group.waves.id";
                sb.AppendLine("resource \"azurerm_network_manager_connectivity_configuration\" \"mesh\" {");
                sb.AppendLine($"  name                                    = {Q(cfg.Name)}");
                sb.AppendLine($"  network_manager_id                      = {nmId}");
                sb.AppendLine($"  description                             = {Q(cfg.Description)}");
                sb.AppendLine("  connectivity_topology                   = \"Mesh\"");
                sb.AppendLine($"  global_mesh_enabled                     = {(cfg.IsGlobal ? "true" : "false")}");
                sb.AppendLine("  delete_existing_peering_enabled         = false");
                sb.AppendLine($"  connected_group_address_overlap_enabled = {(cfg.ConnectedGroupAddressOverlap == "Allowed" ? "true" : "false")}");
                sb.AppendLine($"  connected_group_private_endpoints_scale = {Q(cfg.ConnectedGroupPrivateEndpointsScale)}");
                sb.AppendLine("  peering_enforcement_enabled             = false");
                sb.AppendLine("  applies_to_group {");
                sb.AppendLine("    group_connectivity  = \"None\"");
                sb.AppendLine($"    network_group_id    = {groupExpr}");
                sb.AppendLine($"    global_mesh_enabled = {(cfg.IsGlobal ? "true" : "false")}");
                sb.AppendLine("  }\n}");
                sb.AppendLine();
            }
            // Azure docs, "Configuration deployments in Azure Virtual Network Manager" > "Goal state model": each deployment is the region's whole goal state.
            sb.AppendLine("# A commit is the region's complete goal state: the configurations active there stay in the set.");
            string own = waveGroup || groupHandover ? "azurerm_network_manager_connectivity_configuration.mesh.id" : Q(cfg.Id.Value);
            string Set(System.Collections.Generic.IReadOnlyList<string> ids) =>
                "[" + string.Join(", ", ids.Select(i => string.Equals(i, cfg.Id.Value, System.StringComparison.OrdinalIgnoreCase) ? own : Q(i))) + "]";
            sb.AppendLine("locals {\n  configuration_ids = {");
            foreach (var (region, early, final) in sets.Regions)
                sb.AppendLine(sets.FinalDiffers
                    ? $"    {Q(region)} = var.wave == {n} ? {Set(final)} : {Set(early)}"
                    : $"    {Q(region)} = {Set(early)}");
            sb.AppendLine("  }\n}");
            sb.AppendLine();
            sb.AppendLine("resource \"azurerm_network_manager_deployment\" \"connectivity\" {");
            sb.AppendLine("  for_each           = local.configuration_ids");
            sb.AppendLine($"  network_manager_id = {nmId}");
            sb.AppendLine("  location           = each.key");
            sb.AppendLine("  scope_access       = \"Connectivity\"");
            sb.AppendLine("  configuration_ids  = each.value");
            if (waveGroup)
            {
                sb.AppendLine("  triggers = {\n    members = join(\",\", sort(keys(azurerm_network_manager_static_member.member)))\n  }");
                sb.AppendLine("  depends_on = [azurerm_network_manager_static_member.member]");
            }
            sb.AppendLine("}");
            return sb.ToString();
        }
    }
}
