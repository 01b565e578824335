// AVNM mesh for 4 VNets (tagged role=spoke).
// Deploy to resource group rg-connectivity in subscription 5c1a0b3e-7d2f-4e6a-9b8c-1f2e3d4c5b6a. azspoke-owner=azspoke
// Waves: temporary static group ng-azspoke-mesh-waves filled wave by wave (waves 1..2) under cc-azspoke-mesh; the final wave hands over: point cc-azspoke-mesh at ng-azspoke-mesh, whose members an Azure Policy adds by the tag role=spoke (policy evaluation can take a while after the commit)
// Commits are not declarative (Azure docs: "Deployments in Azure Virtual Network Manager"): give commitIdentityId to run them as a deployment script, or run out of band:
//   az network manager post-commit --network-manager-name nm-azspoke --resource-group rg-connectivity --commit-type Connectivity --target-locations northeurope --configuration-ids /subscriptions/5c1a0b3e-7d2f-4e6a-9b8c-1f2e3d4c5b6a/resourceGroups/rg-connectivity/providers/Microsoft.Network/networkManagers/nm-azspoke/connectivityConfigurations/cc-azspoke-mesh && az network manager post-commit --network-manager-name nm-azspoke --resource-group rg-connectivity --commit-type Connectivity --target-locations westeurope --configuration-ids /subscriptions/5c1a0b3e-7d2f-4e6a-9b8c-1f2e3d4c5b6a/resourceGroups/rg-connectivity/providers/Microsoft.Network/networkManagers/nm-azspoke/connectivityConfigurations/cc-azspoke-mesh
// Before wave 3: deploy policy.json (definition azspoke-ng-azspoke-mesh-membership) and assign it in each member subscription.

@description('Deploy waves 1..wave.')
@minValue(1)
@maxValue(3)
param wave int = 3

@description('User-assigned identity allowed to commit on the network manager; empty: commit out of band.')
param commitIdentityId string = ''

resource networkManager 'Microsoft.Network/networkManagers@2025-05-01' = {
  name: 'nm-azspoke'
  location: 'westeurope'
  tags: {
    'azspoke-owner': 'azspoke'
  }
  properties: {
    description: 'AVNM for the spoke mesh (azspoke-owner=azspoke)'
    networkManagerScopes: {
      subscriptions: [
        '/subscriptions/5c1a0b3e-7d2f-4e6a-9b8c-1f2e3d4c5b6a'
        '/subscriptions/8e4f2a1c-3b5d-4c7e-a9f0-2d1e3c4b5a69'
      ]
      managementGroups: []
    }
    networkManagerScopeAccesses: [
      'Connectivity'
    ]
  }
}

resource networkGroup 'Microsoft.Network/networkManagers/networkGroups@2025-05-01' = {
  parent: networkManager
  name: 'ng-azspoke-mesh-waves'
  properties: {
    description: 'Temporary: VNets of the azspoke mesh migration waves until the handover (azspoke-owner=azspoke)'
    memberType: 'VirtualNetwork'
  }
}

var staticMembers = [
  {
    name: 'sm-spoke-b2'
    resourceId: '/subscriptions/8e4f2a1c-3b5d-4c7e-a9f0-2d1e3c4b5a69/resourceGroups/rg-spokes/providers/Microsoft.Network/virtualNetworks/spoke-b2'
    wave: 1
  }
  {
    name: 'sm-spoke-a1'
    resourceId: '/subscriptions/8e4f2a1c-3b5d-4c7e-a9f0-2d1e3c4b5a69/resourceGroups/rg-spokes/providers/Microsoft.Network/virtualNetworks/spoke-a1'
    wave: 1
  }
  {
    name: 'sm-spoke-b1'
    resourceId: '/subscriptions/8e4f2a1c-3b5d-4c7e-a9f0-2d1e3c4b5a69/resourceGroups/rg-spokes/providers/Microsoft.Network/virtualNetworks/spoke-b1'
    wave: 2
  }
]

resource members 'Microsoft.Network/networkManagers/networkGroups/staticMembers@2025-05-01' = [for m in staticMembers: if (m.wave <= wave) {
  parent: networkGroup
  name: m.name
  properties: {
    resourceId: m.resourceId
  }
}]

resource policyGroup 'Microsoft.Network/networkManagers/networkGroups@2025-05-01' = if (wave == 3) {
  parent: networkManager
  name: 'ng-azspoke-mesh'
  properties: {
    description: 'VNets tagged role=spoke, added by Azure Policy (azspoke-owner=azspoke)'
    memberType: 'VirtualNetwork'
  }
}

resource mesh 'Microsoft.Network/networkManagers/connectivityConfigurations@2025-05-01' = {
  parent: networkManager
  name: 'cc-azspoke-mesh'
  properties: {
    description: 'Mesh of 4 VNets replacing spoke-to-spoke hairpins (azspoke-owner=azspoke)'
    connectivityTopology: 'Mesh'
    hubs: []
    isGlobal: 'True'
    deleteExistingPeering: 'False'
    appliesToGroups: [
      {
        networkGroupId: wave == 3 ? policyGroup.id : networkGroup.id
        groupConnectivity: 'None'
        isGlobal: 'True'
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
    scriptContent: 'Deploy-AzNetworkManagerCommit -ResourceGroupName \'rg-connectivity\' -Name \'nm-azspoke\' -TargetLocation @(\'northeurope\') -CommitType \'Connectivity\' -ConfigurationId @(\'/subscriptions/5c1a0b3e-7d2f-4e6a-9b8c-1f2e3d4c5b6a/resourceGroups/rg-connectivity/providers/Microsoft.Network/networkManagers/nm-azspoke/connectivityConfigurations/cc-azspoke-mesh\'); Deploy-AzNetworkManagerCommit -ResourceGroupName \'rg-connectivity\' -Name \'nm-azspoke\' -TargetLocation @(\'westeurope\') -CommitType \'Connectivity\' -ConfigurationId @(\'/subscriptions/5c1a0b3e-7d2f-4e6a-9b8c-1f2e3d4c5b6a/resourceGroups/rg-connectivity/providers/Microsoft.Network/networkManagers/nm-azspoke/connectivityConfigurations/cc-azspoke-mesh\')'
  }
  dependsOn: [
    mesh
    members
  ]
}

output connectivityConfigurationId string = mesh.id
