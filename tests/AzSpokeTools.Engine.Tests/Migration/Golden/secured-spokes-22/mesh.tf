# AVNM mesh for 4 VNets (all spokes (VNets without a gateway or firewall that are not the hub of a connectivity configuration)). azspoke-owner=azspoke
# Waves: static members of ng-azspoke-mesh, added wave by wave; cc-azspoke-mesh applies to it and is committed in each wave's regions
# Do not manage azurerm_virtual_network_peering for these VNets next to the deployment below: the deployment may modify peerings.

terraform {
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "4.81.0"
    }
  }
}

provider "azurerm" {
  features {}
  subscription_id = "5c1a0b3e-7d2f-4e6a-9b8c-1f2e3d4c5b6a"
}

variable "wave" {
  description = "Deploy waves 1..wave."
  type        = number
  default     = 3

  validation {
    condition     = var.wave >= 1 && var.wave <= 3
    error_message = "The plan has waves 1..3."
  }
}

data "azurerm_network_manager" "this" {
  name                = "nm-corp"
  resource_group_name = "rg-connectivity"
}

resource "azurerm_network_manager_network_group" "waves" {
  name               = "ng-azspoke-mesh"
  network_manager_id = data.azurerm_network_manager.this.id
  description        = "VNets of the azspoke mesh migration (azspoke-owner=azspoke)"
}

locals {
  static_members = {
    "sm-spoke4" = { vnet_id = "/subscriptions/8e4f2a1c-3b5d-4c7e-a9f0-2d1e3c4b5a69/resourceGroups/rg-spokes/providers/Microsoft.Network/virtualNetworks/spoke4", wave = 1 }
    "sm-spoke1" = { vnet_id = "/subscriptions/8e4f2a1c-3b5d-4c7e-a9f0-2d1e3c4b5a69/resourceGroups/rg-spokes/providers/Microsoft.Network/virtualNetworks/spoke1", wave = 2 }
    "sm-spoke2" = { vnet_id = "/subscriptions/8e4f2a1c-3b5d-4c7e-a9f0-2d1e3c4b5a69/resourceGroups/rg-spokes/providers/Microsoft.Network/virtualNetworks/spoke2", wave = 3 }
    "sm-spoke3" = { vnet_id = "/subscriptions/8e4f2a1c-3b5d-4c7e-a9f0-2d1e3c4b5a69/resourceGroups/rg-spokes/providers/Microsoft.Network/virtualNetworks/spoke3", wave = 3 }
  }
}

resource "azurerm_network_manager_static_member" "member" {
  for_each                  = { for name, m in local.static_members : name => m if m.wave <= var.wave }
  name                      = each.key
  network_group_id          = azurerm_network_manager_network_group.waves.id
  target_virtual_network_id = each.value.vnet_id
}

resource "azurerm_network_manager_connectivity_configuration" "mesh" {
  name                                    = "cc-azspoke-mesh"
  network_manager_id                      = data.azurerm_network_manager.this.id
  description                             = "Mesh of 4 VNets replacing spoke-to-spoke hairpins (azspoke-owner=azspoke)"
  connectivity_topology                   = "Mesh"
  global_mesh_enabled                     = false
  delete_existing_peering_enabled         = false
  connected_group_address_overlap_enabled = false
  connected_group_private_endpoints_scale = "Standard"
  peering_enforcement_enabled             = false
  applies_to_group {
    group_connectivity  = "None"
    network_group_id    = azurerm_network_manager_network_group.waves.id
    global_mesh_enabled = false
  }
}

# A commit is the region's complete goal state: the configurations active there stay in the set.
locals {
  configuration_ids = {
    "westeurope" = [azurerm_network_manager_connectivity_configuration.mesh.id]
  }
}

resource "azurerm_network_manager_deployment" "connectivity" {
  for_each           = local.configuration_ids
  network_manager_id = data.azurerm_network_manager.this.id
  location           = each.key
  scope_access       = "Connectivity"
  configuration_ids  = each.value
  triggers = {
    members = join(",", sort(keys(azurerm_network_manager_static_member.member)))
  }
  depends_on = [azurerm_network_manager_static_member.member]
}
