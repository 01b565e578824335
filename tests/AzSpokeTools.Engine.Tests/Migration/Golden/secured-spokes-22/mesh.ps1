#Requires -Modules Az.Network
# AVNM mesh for 4 VNets (all spokes (VNets without a gateway or firewall that are not the hub of a connectivity configuration)). azspoke-owner=azspoke
# Waves: static members of ng-azspoke-mesh, added wave by wave; cc-azspoke-mesh applies to it and is committed in each wave's regions
[CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'High')]
param(
    [ValidateRange(1, 3)]
    [int] $Wave = 3
)
$ErrorActionPreference = 'Stop'
$rg = 'rg-connectivity'
$nmName = 'nm-corp'

$nm = Get-AzNetworkManager -ResourceGroupName $rg -Name $nmName

$group = Get-AzNetworkManagerGroup -ResourceGroupName $rg -NetworkManagerName $nmName -Name 'ng-azspoke-mesh' -ErrorAction SilentlyContinue
if ($group -and $group.Description -notlike '*azspoke-owner=azspoke*') { throw 'network group ng-azspoke-mesh exists and was not created by this plan (azspoke-owner=azspoke missing)' }
$group = New-AzNetworkManagerGroup -ResourceGroupName $rg -NetworkManagerName $nmName -Name 'ng-azspoke-mesh' -Description 'VNets of the azspoke mesh migration (azspoke-owner=azspoke)' -Force
$members = @(
    @{ Name = 'sm-spoke4'; ResourceId = '/subscriptions/8e4f2a1c-3b5d-4c7e-a9f0-2d1e3c4b5a69/resourceGroups/rg-spokes/providers/Microsoft.Network/virtualNetworks/spoke4'; Wave = 1 }
    @{ Name = 'sm-spoke1'; ResourceId = '/subscriptions/8e4f2a1c-3b5d-4c7e-a9f0-2d1e3c4b5a69/resourceGroups/rg-spokes/providers/Microsoft.Network/virtualNetworks/spoke1'; Wave = 2 }
    @{ Name = 'sm-spoke2'; ResourceId = '/subscriptions/8e4f2a1c-3b5d-4c7e-a9f0-2d1e3c4b5a69/resourceGroups/rg-spokes/providers/Microsoft.Network/virtualNetworks/spoke2'; Wave = 3 }
    @{ Name = 'sm-spoke3'; ResourceId = '/subscriptions/8e4f2a1c-3b5d-4c7e-a9f0-2d1e3c4b5a69/resourceGroups/rg-spokes/providers/Microsoft.Network/virtualNetworks/spoke3'; Wave = 3 }
)
foreach ($m in $members | Where-Object { $_.Wave -le $Wave }) {
    if ($PSCmdlet.ShouldProcess($m.ResourceId, 'add to network group ng-azspoke-mesh')) {
        New-AzNetworkManagerStaticMember -ResourceGroupName $rg -NetworkManagerName $nmName -NetworkGroupName 'ng-azspoke-mesh' -Name $m.Name -ResourceId $m.ResourceId | Out-Null
    }
}
$groupId = $group.Id

$item = New-AzNetworkManagerConnectivityGroupItem -NetworkGroupId $groupId -GroupConnectivity 'None'
$capabilities = [Microsoft.Azure.Commands.Network.Models.NetworkManager.PSNetworkManagerConnectivityCapabilities]@{
    ConnectedGroupPrivateEndpointsScale = 'Standard'
    ConnectedGroupAddressOverlap        = 'Disallowed'
    PeeringEnforcement                  = 'Unenforced'
}
$config = Get-AzNetworkManagerConnectivityConfiguration -ResourceGroupName $rg -NetworkManagerName $nmName -Name 'cc-azspoke-mesh' -ErrorAction SilentlyContinue
if ($config -and $config.Description -notlike '*azspoke-owner=azspoke*') { throw 'connectivity configuration cc-azspoke-mesh exists and was not created by this plan' }
$config = New-AzNetworkManagerConnectivityConfiguration -ResourceGroupName $rg -NetworkManagerName $nmName -Name 'cc-azspoke-mesh' -Description 'Mesh of 4 VNets replacing spoke-to-spoke hairpins (azspoke-owner=azspoke)' -ConnectivityTopology 'Mesh' -AppliesToGroup @($item) -ConnectivityCapability $capabilities -Force

# A commit is the region's complete goal state: the configurations active there stay in the set.
if ($PSCmdlet.ShouldProcess('nm-corp in westeurope', 'commit 1 connectivity configuration(s)')) {
    Deploy-AzNetworkManagerCommit -ResourceGroupName 'rg-connectivity' -Name 'nm-corp' -TargetLocation @('westeurope') -CommitType 'Connectivity' -ConfigurationId @('/subscriptions/5c1a0b3e-7d2f-4e6a-9b8c-1f2e3d4c5b6a/resourceGroups/rg-connectivity/providers/Microsoft.Network/networkManagers/nm-corp/connectivityConfigurations/cc-azspoke-mesh')
}

Get-AzNetworkManagerDeploymentStatus -ResourceGroupName $rg -NetworkManagerName $nmName -Region @('westeurope') -DeploymentType @('Connectivity')
