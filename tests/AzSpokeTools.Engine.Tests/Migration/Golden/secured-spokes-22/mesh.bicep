// AVNM mesh for 4 VNets (all spokes (VNets without a gateway or firewall that are not the hub of a connectivity configuration)).
// Deploy to resource group rg-connectivity in subscription 5c1a0b3e-7d2f-4e6a-9b8c-1f2e3d4c5b6a. azspoke-owner=azspoke
// Waves: static members of ng-azspoke-mesh, added wave by wave; cc-azspoke-mesh applies to it and is committed in each wave's regions
// Commits are not declarative (Azure docs: "Deployments in Azure Virtual Network Manager"): give commitIdentityId to run them as a deployment script, or run out of band:
//   az network manager post-commit --network-manager-name nm-corp --resource-group rg-connectivity --commit-type Connectivity --target-locations westeurope --configuration-ids /subscriptions/5c1a0b3e-7d2f-4e6a-9b8c-1f2e3d4c5b6a/resourceGroups/rg-connectivity/providers/Microsoft.Network/networkManagers/nm-corp/connectivityConfigurations/cc-azspoke-mesh

@description('Deploy waves 1..wave.')
@minValue(1)
@maxValue(3)
param wave int = 3

@description('User-assigned identity allowed to commit on the network manager; empty: commit out of band.')
param commitIdentityId string = ''

resource networkManager 'Microsoft.Network/networkManagers@2025-05-01' existing = {
  name: 'nm-corp'
}

resource networkGroup 'Microsoft.Network/networkManagers/networkGroups@2025-05-01' = {
  parent: networkManager
  name: 'ng-azspoke-mesh'
  properties: {
    description: 'VNets of the azspoke mesh migration (azspoke-owner=azspoke)'
    memberType: 'VirtualNetwork'
  }
}

var staticMembers = [
  {
    name: 'sm-spoke4'
    resourceId: '/subscriptions/8e4f2a1c-3b5d-4c7e-a9f0-2d1e3c4b5a69/resourceGroups/rg-spokes/providers/Microsoft.Network/virtualNetworks/spoke4'
    wave: 1
  }
  {
    name: 'sm-spoke1'
    resourceId: '/subscriptions/8e4f2a1c-3b5d-4c7e-a9f0-2d1e3c4b5a69/resourceGroups/rg-spokes/providers/Microsoft.Network/virtualNetworks/spoke1'
    wave: 2
  }
  {
    name: 'sm-spoke2'
    resourceId: '/subscriptions/8e4f2a1c-3b5d-4c7e-a9f0-2d1e3c4b5a69/resourceGroups/rg-spokes/providers/Microsoft.Network/virtualNetworks/spoke2'
    wave: 3
  }
  {
    name: 'sm-spoke3'
    resourceId: '/subscriptions/8e4f2a1c-3b5d-4c7e-a9f0-2d1e3c4b5a69/resourceGroups/rg-spokes/providers/Microsoft.Network/virtualNetworks/spoke3'
    wave: 3
  }
]

resource members 'Microsoft.Network/networkManagers/networkGroups/staticMembers@2025-05-01' = [for m in staticMembers: if (m.wave <= wave) {
  parent: networkGroup
  name: m.name
  properties: {
    resourceId: m.resourceId
  }
}]

resource mesh 'Microsoft.Network/networkManagers/connectivityConfigurations@2025-05-01' = {
  parent: networkManager
  name: 'cc-azspoke-mesh'
  properties: {
    description: 'Mesh of 4 VNets replacing spoke-to-spoke hairpins (azspoke-owner=azspoke)'
    connectivityTopology: 'Mesh'
    hubs: []
    isGlobal: 'False'
    deleteExistingPeering: 'False'
    appliesToGroups: [
      {
        networkGroupId: networkGroup.id
        groupConnectivity: 'None'
        isGlobal: 'False'
        useHubGateway: 'False'
      }
    ]
    connectivityCapabilities: {
      connectedGroupPrivateEndpointsScale: 'Standard'
      connectedGroupAddressOverlap: 'Disallowed'
      peeringEnforcement: 'Unenforced'
    }
  }
}

resource commit 'Microsoft.Resources/deploymentScripts@2023-08-01' = if (!empty(commitIdentityId)) {
  name: 'commit-cc-azspoke-mesh'
  location: 'westeurope'
  kind: 'AzurePowerShell'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${commitIdentityId}': {}
    }
  }
  properties: {
    azPowerShellVersion: '12.0'
    retentionInterval: 'PT1H'
    timeout: 'PT1H'
    cleanupPreference: 'OnSuccess'
    scriptContent: 'Deploy-AzNetworkManagerCommit -ResourceGroupName \'rg-connectivity\' -Name \'nm-corp\' -TargetLocation @(\'westeurope\') -CommitType \'Connectivity\' -ConfigurationId @(\'/subscriptions/5c1a0b3e-7d2f-4e6a-9b8c-1f2e3d4c5b6a/resourceGroups/rg-connectivity/providers/Microsoft.Network/networkManagers/nm-corp/connectivityConfigurations/cc-azspoke-mesh\')'
  }
  dependsOn: [
    mesh
    members
  ]
}

output connectivityConfigurationId string = mesh.id
