# AVNM mesh for 4 VNets (all spokes (VNets without a gateway or firewall that are not the hub of a connectivity configuration)). azspoke-owner=azspoke
# Do not manage azurerm_virtual_network_peering for these VNets next to the deployment below: the deployment may modify peerings.

terraform {
  required_providers {
    azurerm = {
      source = "hashicorp/azurerm"
    }
  }
}

variable "wave" {
  description = "Deploy the static members of waves 1..wave."
  type        = number
  default     = 3
}

data "azurerm_network_manager" "this" {
  name                = "nm-contoso"
  resource_group_name = "rg-connectivity"
}

resource "azurerm_network_manager_network_group" "mesh" {
  name               = "ng-azspoke-mesh"
  network_manager_id = data.azurerm_network_manager.this.id
  description        = "VNets of the azspoke mesh migration (azspoke-owner=azspoke)"
}

locals {
  static_members = {
    "sm-spoke-b2" = { vnet_id = "/subscriptions/8e4f2a1c-3b5d-4c7e-a9f0-2d1e3c4b5a69/resourceGroups/rg-spokes/providers/Microsoft.Network/virtualNetworks/spoke-b2", wave = 1 }
    "sm-spoke-a1" = { vnet_id = "/subscriptions/8e4f2a1c-3b5d-4c7e-a9f0-2d1e3c4b5a69/resourceGroups/rg-spokes/providers/Microsoft.Network/virtualNetworks/spoke-a1", wave = 1 }
    "sm-spoke-b1" = { vnet_id = "/subscriptions/8e4f2a1c-3b5d-4c7e-a9f0-2d1e3c4b5a69/resourceGroups/rg-spokes/providers/Microsoft.Network/virtualNetworks/spoke-b1", wave = 2 }
    "sm-spoke-a2" = { vnet_id = "/subscriptions/8e4f2a1c-3b5d-4c7e-a9f0-2d1e3c4b5a69/resourceGroups/rg-spokes/providers/Microsoft.Network/virtualNetworks/spoke-a2", wave = 3 }
  }
}

resource "azurerm_network_manager_static_member" "member" {
  for_each                  = { for name, m in local.static_members : name => m if m.wave <= var.wave }
  name                      = each.key
  network_group_id          = azurerm_network_manager_network_group.mesh.id
  target_virtual_network_id = each.value.vnet_id
}

resource "azurerm_network_manager_connectivity_configuration" "mesh" {
  name                            = "cc-azspoke-mesh"
  network_manager_id              = data.azurerm_network_manager.this.id
  description                     = "Mesh of 4 VNets replacing spoke-to-spoke hairpins (azspoke-owner=azspoke)"
  connectivity_topology           = "Mesh"
  global_mesh_enabled             = true
  delete_existing_peering_enabled = false
  # connectivityCapabilities (connectedGroupPrivateEndpointsScale = Standard, connectedGroupAddressOverlap = Disallowed) need an azurerm release with
  # hashicorp/terraform-provider-azurerm#31562; the ARM and Bicep outputs set them.
  applies_to_group {
    group_connectivity  = "None"
    network_group_id    = azurerm_network_manager_network_group.mesh.id
    global_mesh_enabled = true
  }
}

# A commit is the region's complete goal state: configurations already committed there stay in the set.
locals {
  existing_configuration_ids = {
    "northeurope" = ["/subscriptions/5c1a0b3e-7d2f-4e6a-9b8c-1f2e3d4c5b6a/resourceGroups/rg-connectivity/providers/Microsoft.Network/networkManagers/nm-contoso/connectivityConfigurations/cc-spokes-mesh"]
    "westeurope" = ["/subscriptions/5c1a0b3e-7d2f-4e6a-9b8c-1f2e3d4c5b6a/resourceGroups/rg-connectivity/providers/Microsoft.Network/networkManagers/nm-contoso/connectivityConfigurations/cc-spokes-mesh"]
  }
}

resource "azurerm_network_manager_deployment" "connectivity" {
  for_each           = local.existing_configuration_ids
  network_manager_id = data.azurerm_network_manager.this.id
  location           = each.key
  scope_access       = "Connectivity"
  configuration_ids  = concat(each.value, [azurerm_network_manager_connectivity_configuration.mesh.id])
  triggers = {
    members = join(",", sort(keys(azurerm_network_manager_static_member.member)))
  }
  depends_on = [azurerm_network_manager_static_member.member]
}
