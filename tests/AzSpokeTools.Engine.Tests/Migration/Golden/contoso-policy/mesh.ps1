#Requires -Modules Az.Network
# AVNM mesh for 4 VNets (tagged role=spoke). azspoke-owner=azspoke
# Waves: temporary static group ng-azspoke-mesh-waves filled wave by wave (waves 1..2) under cc-azspoke-mesh; the final wave hands over: point cc-azspoke-mesh at ng-azspoke-mesh, whose members an Azure Policy adds by the tag role=spoke (policy evaluation can take a while after the commit)
[CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'High')]
param(
    [ValidateRange(1, 3)]
    [int] $Wave = 3
)
$ErrorActionPreference = 'Stop'
$rg = 'rg-connectivity'
$nmName = 'nm-azspoke'

$nm = Get-AzNetworkManager -ResourceGroupName $rg -Name $nmName -ErrorAction SilentlyContinue
if (-not $nm) {
    $scope = New-AzNetworkManagerScope -Subscription @('/subscriptions/5c1a0b3e-7d2f-4e6a-9b8c-1f2e3d4c5b6a', '/subscriptions/8e4f2a1c-3b5d-4c7e-a9f0-2d1e3c4b5a69')
    $nm = New-AzNetworkManager -ResourceGroupName $rg -Name $nmName -Location 'westeurope' -NetworkManagerScope $scope -NetworkManagerScopeAccess @('Connectivity') -Tag @{ 'azspoke-owner' = 'azspoke' }
}

$group = Get-AzNetworkManagerGroup -ResourceGroupName $rg -NetworkManagerName $nmName -Name 'ng-azspoke-mesh-waves' -ErrorAction SilentlyContinue
if ($group -and $group.Description -notlike '*azspoke-owner=azspoke*') { throw 'network group ng-azspoke-mesh-waves exists and was not created by this plan (azspoke-owner=azspoke missing)' }
$group = New-AzNetworkManagerGroup -ResourceGroupName $rg -NetworkManagerName $nmName -Name 'ng-azspoke-mesh-waves' -Description 'Temporary: VNets of the azspoke mesh migration waves until the handover (azspoke-owner=azspoke)' -Force
$members = @(
    @{ Name = 'sm-spoke-b2'; ResourceId = '/subscriptions/8e4f2a1c-3b5d-4c7e-a9f0-2d1e3c4b5a69/resourceGroups/rg-spokes/providers/Microsoft.Network/virtualNetworks/spoke-b2'; Wave = 1 }
    @{ Name = 'sm-spoke-a1'; ResourceId = '/subscriptions/8e4f2a1c-3b5d-4c7e-a9f0-2d1e3c4b5a69/resourceGroups/rg-spokes/providers/Microsoft.Network/virtualNetworks/spoke-a1'; Wave = 1 }
    @{ Name = 'sm-spoke-b1'; ResourceId = '/subscriptions/8e4f2a1c-3b5d-4c7e-a9f0-2d1e3c4b5a69/resourceGroups/rg-spokes/providers/Microsoft.Network/virtualNetworks/spoke-b1'; Wave = 2 }
)
foreach ($m in $members | Where-Object { $_.Wave -le $Wave }) {
    if ($PSCmdlet.ShouldProcess($m.ResourceId, 'add to network group ng-azspoke-mesh-waves')) {
        New-AzNetworkManagerStaticMember -ResourceGroupName $rg -NetworkManagerName $nmName -NetworkGroupName 'ng-azspoke-mesh-waves' -Name $m.Name -ResourceId $m.ResourceId | Out-Null
    }
}
$groupId = $group.Id

if ($Wave -eq 3) {
    $policyGroup = New-AzNetworkManagerGroup -ResourceGroupName $rg -NetworkManagerName $nmName -Name 'ng-azspoke-mesh' -Description 'VNets tagged role=spoke, added by Azure Policy (azspoke-owner=azspoke)' -Force
    $rule = '{"if":{"allOf":[{"field":"type","equals":"Microsoft.Network/virtualNetworks"},{"field":"tags[''role'']","equals":"spoke"}]},"then":{"effect":"addToNetworkGroup","details":{"networkGroupId":"/subscriptions/5c1a0b3e-7d2f-4e6a-9b8c-1f2e3d4c5b6a/resourceGroups/rg-connectivity/providers/Microsoft.Network/networkManagers/nm-azspoke/networkGroups/ng-azspoke-mesh"}}}'
    $definition = New-AzPolicyDefinition -Name 'azspoke-ng-azspoke-mesh-membership' -Mode 'Microsoft.Network.Data' -Policy $rule -SubscriptionId '8e4f2a1c-3b5d-4c7e-a9f0-2d1e3c4b5a69'
    New-AzPolicyAssignment -Name 'azspoke-ng-azspoke-mesh-membership' -PolicyDefinition $definition -Scope '/subscriptions/8e4f2a1c-3b5d-4c7e-a9f0-2d1e3c4b5a69' | Out-Null
    $groupId = $policyGroup.Id
}

$item = New-AzNetworkManagerConnectivityGroupItem -NetworkGroupId $groupId -GroupConnectivity 'None'
$capabilities = [Microsoft.Azure.Commands.Network.Models.NetworkManager.PSNetworkManagerConnectivityCapabilities]@{
    ConnectedGroupPrivateEndpointsScale = 'Standard'
    ConnectedGroupAddressOverlap        = 'Disallowed'
    PeeringEnforcement                  = 'Unenforced'
}
$config = Get-AzNetworkManagerConnectivityConfiguration -ResourceGroupName $rg -NetworkManagerName $nmName -Name 'cc-azspoke-mesh' -ErrorAction SilentlyContinue
if ($config -and $config.Description -notlike '*azspoke-owner=azspoke*') { throw 'connectivity configuration cc-azspoke-mesh exists and was not created by this plan' }
$config = New-AzNetworkManagerConnectivityConfiguration -ResourceGroupName $rg -NetworkManagerName $nmName -Name 'cc-azspoke-mesh' -Description 'Mesh of 4 VNets replacing spoke-to-spoke hairpins (azspoke-owner=azspoke)' -ConnectivityTopology 'Mesh' -AppliesToGroup @($item) -IsGlobal -ConnectivityCapability $capabilities -Force

# A commit is the region's complete goal state: the configurations active there stay in the set.
if ($PSCmdlet.ShouldProcess('nm-azspoke in northeurope', 'commit 1 connectivity configuration(s)')) {
    Deploy-AzNetworkManagerCommit -ResourceGroupName 'rg-connectivity' -Name 'nm-azspoke' -TargetLocation @('northeurope') -CommitType 'Connectivity' -ConfigurationId @('/subscriptions/5c1a0b3e-7d2f-4e6a-9b8c-1f2e3d4c5b6a/resourceGroups/rg-connectivity/providers/Microsoft.Network/networkManagers/nm-azspoke/connectivityConfigurations/cc-azspoke-mesh')
}
if ($PSCmdlet.ShouldProcess('nm-azspoke in westeurope', 'commit 1 connectivity configuration(s)')) {
    Deploy-AzNetworkManagerCommit -ResourceGroupName 'rg-connectivity' -Name 'nm-azspoke' -TargetLocation @('westeurope') -CommitType 'Connectivity' -ConfigurationId @('/subscriptions/5c1a0b3e-7d2f-4e6a-9b8c-1f2e3d4c5b6a/resourceGroups/rg-connectivity/providers/Microsoft.Network/networkManagers/nm-azspoke/connectivityConfigurations/cc-azspoke-mesh')
}

Get-AzNetworkManagerDeploymentStatus -ResourceGroupName $rg -NetworkManagerName $nmName -Region @('northeurope', 'westeurope') -DeploymentType @('Connectivity')
