#Requires -Modules Az.Network
# AVNM mesh for 4 VNets (tagged role=spoke). azspoke-owner=azspoke
[CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'High')]
param(
    [ValidateRange(1, 3)]
    [int] $Wave = 3
)
$ErrorActionPreference = 'Stop'
$rg = 'rg-connectivity'
$nmName = 'nm-contoso'

$nm = Get-AzNetworkManager -ResourceGroupName $rg -Name $nmName

$group = Get-AzNetworkManagerGroup -ResourceGroupName $rg -NetworkManagerName $nmName -Name 'ng-azspoke-mesh' -ErrorAction SilentlyContinue
if ($group -and $group.Description -notlike '*azspoke-owner=azspoke*') { throw 'network group ng-azspoke-mesh exists and was not created by this plan (azspoke-owner=azspoke missing)' }
$group = New-AzNetworkManagerGroup -ResourceGroupName $rg -NetworkManagerName $nmName -Name 'ng-azspoke-mesh' -Description 'VNets of the azspoke mesh migration (azspoke-owner=azspoke)' -Force
$groupId = $group.Id

$rule = '{"if":{"allOf":[{"field":"type","equals":"Microsoft.Network/virtualNetworks"},{"field":"tags[''role'']","equals":"spoke"}]},"then":{"effect":"addToNetworkGroup","details":{"networkGroupId":"/subscriptions/5c1a0b3e-7d2f-4e6a-9b8c-1f2e3d4c5b6a/resourceGroups/rg-connectivity/providers/Microsoft.Network/networkManagers/nm-contoso/networkGroups/ng-azspoke-mesh"}}}'
$definition = New-AzPolicyDefinition -Name 'azspoke-ng-azspoke-mesh-membership' -Mode 'Microsoft.Network.Data' -Policy $rule
New-AzPolicyAssignment -Name 'azspoke-ng-azspoke-mesh-membership' -PolicyDefinition $definition -Scope ('/subscriptions/' + (Get-AzContext).Subscription.Id) | Out-Null

$item = New-AzNetworkManagerConnectivityGroupItem -NetworkGroupId $groupId -GroupConnectivity 'None'
$capabilities = [Microsoft.Azure.Commands.Network.Models.NetworkManager.PSNetworkManagerConnectivityCapabilities]@{
    ConnectedGroupPrivateEndpointsScale = 'Standard'
    ConnectedGroupAddressOverlap        = 'Disallowed'
    PeeringEnforcement                  = 'Unenforced'
}
$config = Get-AzNetworkManagerConnectivityConfiguration -ResourceGroupName $rg -NetworkManagerName $nmName -Name 'cc-azspoke-mesh' -ErrorAction SilentlyContinue
if ($config -and $config.Description -notlike '*azspoke-owner=azspoke*') { throw 'connectivity configuration cc-azspoke-mesh exists and was not created by this plan' }
$config = New-AzNetworkManagerConnectivityConfiguration -ResourceGroupName $rg -NetworkManagerName $nmName -Name 'cc-azspoke-mesh' -Description 'Mesh of 4 VNets replacing spoke-to-spoke hairpins (azspoke-owner=azspoke)' -ConnectivityTopology 'Mesh' -AppliesToGroup @($item) -IsGlobal -ConnectivityCapability $capabilities -Force

# A commit is the region's complete goal state: the configurations already committed there are part of it.
if ($PSCmdlet.ShouldProcess('nm-contoso in northeurope', 'commit 2 connectivity configuration(s)')) {
    Deploy-AzNetworkManagerCommit -ResourceGroupName 'rg-connectivity' -Name 'nm-contoso' -TargetLocation @('northeurope') -CommitType 'Connectivity' -ConfigurationId @('/subscriptions/5c1a0b3e-7d2f-4e6a-9b8c-1f2e3d4c5b6a/resourceGroups/rg-connectivity/providers/Microsoft.Network/networkManagers/nm-contoso/connectivityConfigurations/cc-spokes-mesh', '/subscriptions/5c1a0b3e-7d2f-4e6a-9b8c-1f2e3d4c5b6a/resourceGroups/rg-connectivity/providers/Microsoft.Network/networkManagers/nm-contoso/connectivityConfigurations/cc-azspoke-mesh')
}
if ($PSCmdlet.ShouldProcess('nm-contoso in westeurope', 'commit 2 connectivity configuration(s)')) {
    Deploy-AzNetworkManagerCommit -ResourceGroupName 'rg-connectivity' -Name 'nm-contoso' -TargetLocation @('westeurope') -CommitType 'Connectivity' -ConfigurationId @('/subscriptions/5c1a0b3e-7d2f-4e6a-9b8c-1f2e3d4c5b6a/resourceGroups/rg-connectivity/providers/Microsoft.Network/networkManagers/nm-contoso/connectivityConfigurations/cc-spokes-mesh', '/subscriptions/5c1a0b3e-7d2f-4e6a-9b8c-1f2e3d4c5b6a/resourceGroups/rg-connectivity/providers/Microsoft.Network/networkManagers/nm-contoso/connectivityConfigurations/cc-azspoke-mesh')
}

Get-AzNetworkManagerDeploymentStatus -ResourceGroupName $rg -NetworkManagerName $nmName -Region @('northeurope', 'westeurope') -DeploymentType @('Connectivity')
