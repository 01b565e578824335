#Requires -Modules Az.Network
# AVNM mesh for 4 VNets (all spokes (VNets without a gateway or firewall that are not the hub of a connectivity configuration)). azspoke-owner=azspoke
# Waves: static members of ng-azspoke-mesh, added wave by wave; cc-azspoke-mesh applies to it and is committed in each wave's regions
[CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'High')]
param(
    [ValidateRange(1, 3)]
    [int] $Wave = 3,

    # The decommission phase instead of a wave: run it only after the soak.
    [switch] $Decommission
)
$ErrorActionPreference = 'Stop'
$rg = 'rg-connectivity'
$nmName = 'nm-azspoke'

if ($Decommission) {
    # no earlier than 14 days after every region of the final wave reads Deployed; apply checks the commit time it reads live.
    # route default-to-fw (0.0.0.0/0 -> VirtualAppliance) in rt-spoke-a2-fw is kept: it still carries traffic from spoke-a2/workload to addresses no more specific route covers
    # route private-to-fw (10.0.0.0/8 -> VirtualAppliance) in rt-spoke-a2-fw is kept: it still carries traffic from spoke-a2/workload to addresses no more specific route covers
    # spoke-a1 keeps useRemoteGateways on spoke-a1-to-hub-a: the gateway still brings 2 active route(s) after the mesh (10.100.0.0/16, 172.20.0.0/16)
    # spoke-a2 keeps useRemoteGateways on spoke-a2-to-hub-a: the gateway still brings 2 active route(s) after the mesh (10.100.0.0/16, 172.20.0.0/16)
    # spoke-b1 keeps useRemoteGateways on spoke-b1-to-hub-b: the gateway still brings 2 active route(s) after the mesh (10.0.0.0/16, 172.20.0.0/16)
    # spoke-b2 keeps useRemoteGateways on spoke-b2-to-hub-b: the gateway still brings 2 active route(s) after the mesh (10.0.0.0/16, 172.20.0.0/16)
    # ergw-hub-a keeps allowRemoteVnetTraffic: 10 pair(s) still go through the MSEE hairpin after the mesh (e.g. hub-a -> hub-b, hub-a -> spoke-b1, hub-a -> spoke-b2)
    # ergw-hub-b keeps allowRemoteVnetTraffic: 10 pair(s) still go through the MSEE hairpin after the mesh (e.g. hub-a -> hub-b, hub-a -> spoke-b1, hub-a -> spoke-b2)
    return
}

$nm = Get-AzNetworkManager -ResourceGroupName $rg -Name $nmName -ErrorAction SilentlyContinue
if (-not $nm) {
    $scope = New-AzNetworkManagerScope -Subscription @('/subscriptions/5c1a0b3e-7d2f-4e6a-9b8c-1f2e3d4c5b6a', '/subscriptions/8e4f2a1c-3b5d-4c7e-a9f0-2d1e3c4b5a69')
    $nm = New-AzNetworkManager -ResourceGroupName $rg -Name $nmName -Location 'westeurope' -NetworkManagerScope $scope -NetworkManagerScopeAccess @('Connectivity') -Tag @{ 'azspoke-owner' = 'azspoke' }
}

$group = Get-AzNetworkManagerGroup -ResourceGroupName $rg -NetworkManagerName $nmName -Name 'ng-azspoke-mesh' -ErrorAction SilentlyContinue
if ($group -and $group.Description -notlike '*azspoke-owner=azspoke*') { throw 'network group ng-azspoke-mesh exists and was not created by this plan (azspoke-owner=azspoke missing)' }
$group = New-AzNetworkManagerGroup -ResourceGroupName $rg -NetworkManagerName $nmName -Name 'ng-azspoke-mesh' -Description 'VNets of the azspoke mesh migration (azspoke-owner=azspoke)' -Force
$members = @(
    @{ Name = 'sm-spoke-b2'; ResourceId = '/subscriptions/8e4f2a1c-3b5d-4c7e-a9f0-2d1e3c4b5a69/resourceGroups/rg-spokes/providers/Microsoft.Network/virtualNetworks/spoke-b2'; Wave = 1 }
    @{ Name = 'sm-spoke-a1'; ResourceId = '/subscriptions/8e4f2a1c-3b5d-4c7e-a9f0-2d1e3c4b5a69/resourceGroups/rg-spokes/providers/Microsoft.Network/virtualNetworks/spoke-a1'; Wave = 1 }
    @{ Name = 'sm-spoke-b1'; ResourceId = '/subscriptions/8e4f2a1c-3b5d-4c7e-a9f0-2d1e3c4b5a69/resourceGroups/rg-spokes/providers/Microsoft.Network/virtualNetworks/spoke-b1'; Wave = 2 }
    @{ Name = 'sm-spoke-a2'; ResourceId = '/subscriptions/8e4f2a1c-3b5d-4c7e-a9f0-2d1e3c4b5a69/resourceGroups/rg-spokes/providers/Microsoft.Network/virtualNetworks/spoke-a2'; Wave = 3 }
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
$config = New-AzNetworkManagerConnectivityConfiguration -ResourceGroupName $rg -NetworkManagerName $nmName -Name 'cc-azspoke-mesh' -Description 'Mesh of 4 VNets replacing spoke-to-spoke hairpins (azspoke-owner=azspoke)' -ConnectivityTopology 'Mesh' -AppliesToGroup @($item) -IsGlobal -ConnectivityCapability $capabilities -Force

# A commit is the region's complete goal state: the configurations active there stay in the set.
if ($PSCmdlet.ShouldProcess('nm-azspoke in northeurope', 'commit 1 connectivity configuration(s)')) {
    Deploy-AzNetworkManagerCommit -ResourceGroupName 'rg-connectivity' -Name 'nm-azspoke' -TargetLocation @('northeurope') -CommitType 'Connectivity' -ConfigurationId @('/subscriptions/5c1a0b3e-7d2f-4e6a-9b8c-1f2e3d4c5b6a/resourceGroups/rg-connectivity/providers/Microsoft.Network/networkManagers/nm-azspoke/connectivityConfigurations/cc-azspoke-mesh')
}
if ($PSCmdlet.ShouldProcess('nm-azspoke in westeurope', 'commit 1 connectivity configuration(s)')) {
    Deploy-AzNetworkManagerCommit -ResourceGroupName 'rg-connectivity' -Name 'nm-azspoke' -TargetLocation @('westeurope') -CommitType 'Connectivity' -ConfigurationId @('/subscriptions/5c1a0b3e-7d2f-4e6a-9b8c-1f2e3d4c5b6a/resourceGroups/rg-connectivity/providers/Microsoft.Network/networkManagers/nm-azspoke/connectivityConfigurations/cc-azspoke-mesh')
}

Get-AzNetworkManagerDeploymentStatus -ResourceGroupName $rg -NetworkManagerName $nmName -Region @('northeurope', 'westeurope') -DeploymentType @('Connectivity')
