// AVNM mesh for 4 VNets (all spokes (VNets without a gateway or firewall that are not the hub of a connectivity configuration)).
// Deploy to resource group rg-connectivity in subscription 5c1a0b3e-7d2f-4e6a-9b8c-1f2e3d4c5b6a. azspoke-owner=azspoke
// Waves: temporary static group ng-azspoke-mesh-waves filled wave by wave (waves 1..2) under cc-azspoke-mesh; the final wave hands over: commit the existing configuration cc-spokes-mesh (never deployed, over ng-hairpin-spokes) in place of cc-azspoke-mesh; it is not changed
// Commits are not declarative (Azure docs: "Deployments in Azure Virtual Network Manager"): give commitIdentityId to run them as a deployment script, or run out of band:
//   waves 1..2: az network manager post-commit --network-manager-name nm-contoso --resource-group rg-connectivity --commit-type Connectivity --target-locations northeurope --configuration-ids /subscriptions/5c1a0b3e-7d2f-4e6a-9b8c-1f2e3d4c5b6a/resourceGroups/rg-connectivity/providers/Microsoft.Network/networkManagers/nm-contoso/connectivityConfigurations/cc-azspoke-mesh && az network manager post-commit --network-manager-name nm-contoso --resource-group rg-connectivity --commit-type Connectivity --target-locations westeurope --configuration-ids /subscriptions/5c1a0b3e-7d2f-4e6a-9b8c-1f2e3d4c5b6a/resourceGroups/rg-connectivity/providers/Microsoft.Network/networkManagers/nm-contoso/connectivityConfigurations/cc-azspoke-mesh
//   wave 3: az network manager post-commit --network-manager-name nm-contoso --resource-group rg-connectivity --commit-type Connectivity --target-locations northeurope --configuration-ids /subscriptions/5c1a0b3e-7d2f-4e6a-9b8c-1f2e3d4c5b6a/resourceGroups/rg-connectivity/providers/Microsoft.Network/networkManagers/nm-contoso/connectivityConfigurations/cc-spokes-mesh && az network manager post-commit --network-manager-name nm-contoso --resource-group rg-connectivity --commit-type Connectivity --target-locations westeurope --configuration-ids /subscriptions/5c1a0b3e-7d2f-4e6a-9b8c-1f2e3d4c5b6a/resourceGroups/rg-connectivity/providers/Microsoft.Network/networkManagers/nm-contoso/connectivityConfigurations/cc-spokes-mesh

@description('Deploy waves 1..wave.')
@minValue(1)
@maxValue(3)
param wave int = 3

@description('User-assigned identity allowed to commit on the network manager; empty: commit out of band.')
param commitIdentityId string = ''

resource networkManager 'Microsoft.Network/networkManagers@2025-05-01' existing = {
  name: 'nm-contoso'
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

resource mesh 'Microsoft.Network/networkManagers/connectivityConfigurations@2025-05-01' = {
  parent: networkManager
  name: 'cc-azspoke-mesh'
  properties: {
    description: 'Temporary mesh of the migration waves until cc-spokes-mesh takes over (azspoke-owner=azspoke)'
    connectivityTopology: 'Mesh'
    hubs: []
    isGlobal: 'True'
    deleteExistingPeering: 'False'
    appliesToGroups: [
      {
        networkGroupId: networkGroup.id
        groupConnectivity: 'None'
        isGlobal: 'True'
        useHubGateway: 'False'
      }
    ]
    connectivityCapabilities: {
      connectedGroupPrivateEndpointsScale: 'Standard'
      connectedGroupAddressOverlap: 'Allowed'
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
    scriptContent: wave == 3 ? 'Deploy-AzNetworkManagerCommit -ResourceGroupName \'rg-connectivity\' -Name \'nm-contoso\' -TargetLocation @(\'northeurope\') -CommitType \'Connectivity\' -ConfigurationId @(\'/subscriptions/5c1a0b3e-7d2f-4e6a-9b8c-1f2e3d4c5b6a/resourceGroups/rg-connectivity/providers/Microsoft.Network/networkManagers/nm-contoso/connectivityConfigurations/cc-spokes-mesh\'); Deploy-AzNetworkManagerCommit -ResourceGroupName \'rg-connectivity\' -Name \'nm-contoso\' -TargetLocation @(\'westeurope\') -CommitType \'Connectivity\' -ConfigurationId @(\'/subscriptions/5c1a0b3e-7d2f-4e6a-9b8c-1f2e3d4c5b6a/resourceGroups/rg-connectivity/providers/Microsoft.Network/networkManagers/nm-contoso/connectivityConfigurations/cc-spokes-mesh\')' : 'Deploy-AzNetworkManagerCommit -ResourceGroupName \'rg-connectivity\' -Name \'nm-contoso\' -TargetLocation @(\'northeurope\') -CommitType \'Connectivity\' -ConfigurationId @(\'/subscriptions/5c1a0b3e-7d2f-4e6a-9b8c-1f2e3d4c5b6a/resourceGroups/rg-connectivity/providers/Microsoft.Network/networkManagers/nm-contoso/connectivityConfigurations/cc-azspoke-mesh\'); Deploy-AzNetworkManagerCommit -ResourceGroupName \'rg-connectivity\' -Name \'nm-contoso\' -TargetLocation @(\'westeurope\') -CommitType \'Connectivity\' -ConfigurationId @(\'/subscriptions/5c1a0b3e-7d2f-4e6a-9b8c-1f2e3d4c5b6a/resourceGroups/rg-connectivity/providers/Microsoft.Network/networkManagers/nm-contoso/connectivityConfigurations/cc-azspoke-mesh\')'
  }
  dependsOn: [
    mesh
    members
  ]
}

output connectivityConfigurationId string = wave == 3 ? '/subscriptions/5c1a0b3e-7d2f-4e6a-9b8c-1f2e3d4c5b6a/resourceGroups/rg-connectivity/providers/Microsoft.Network/networkManagers/nm-contoso/connectivityConfigurations/cc-spokes-mesh' : mesh.id
