#Requires -Modules Az.Network
# AVNM mesh for 4 VNets (all spokes (VNets without a gateway or firewall that are not the hub of a connectivity configuration)). azspoke-owner=azspoke
# Waves: temporary static group ng-azspoke-mesh-waves filled wave by wave (waves 1..2) under cc-azspoke-mesh; the final wave hands over: commit the existing configuration cc-spokes-mesh (never deployed, over ng-hairpin-spokes) in place of cc-azspoke-mesh; it is not changed
[CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'High')]
param(
    [ValidateRange(1, 3)]
    [int] $Wave = 3
)
$ErrorActionPreference = 'Stop'
$rg = 'rg-connectivity'
$nmName = 'nm-contoso'

$nm = Get-AzNetworkManager -ResourceGroupName $rg -Name $nmName

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

$item = New-AzNetworkManagerConnectivityGroupItem -NetworkGroupId $groupId -GroupConnectivity 'None'
$capabilities = [Microsoft.Azure.Commands.Network.Models.NetworkManager.PSNetworkManagerConnectivityCapabilities]@{
    ConnectedGroupPrivateEndpointsScale = 'Standard'
    ConnectedGroupAddressOverlap        = 'Allowed'
    PeeringEnforcement                  = 'Unenforced'
}
$config = Get-AzNetworkManagerConnectivityConfiguration -ResourceGroupName $rg -NetworkManagerName $nmName -Name 'cc-azspoke-mesh' -ErrorAction SilentlyContinue
if ($config -and $config.Description -notlike '*azspoke-owner=azspoke*') { throw 'connectivity configuration cc-azspoke-mesh exists and was not created by this plan' }
$config = New-AzNetworkManagerConnectivityConfiguration -ResourceGroupName $rg -NetworkManagerName $nmName -Name 'cc-azspoke-mesh' -Description 'Temporary mesh of the migration waves until cc-spokes-mesh takes over (azspoke-owner=azspoke)' -ConnectivityTopology 'Mesh' -AppliesToGroup @($item) -IsGlobal -ConnectivityCapability $capabilities -Force

# A commit is the region's complete goal state: the configurations active there stay in the set.
if ($Wave -eq 3) {
    if ($PSCmdlet.ShouldProcess('nm-contoso in northeurope', 'commit 1 connectivity configuration(s)')) {
        Deploy-AzNetworkManagerCommit -ResourceGroupName 'rg-connectivity' -Name 'nm-contoso' -TargetLocation @('northeurope') -CommitType 'Connectivity' -ConfigurationId @('/subscriptions/5c1a0b3e-7d2f-4e6a-9b8c-1f2e3d4c5b6a/resourceGroups/rg-connectivity/providers/Microsoft.Network/networkManagers/nm-contoso/connectivityConfigurations/cc-spokes-mesh')
    }
    if ($PSCmdlet.ShouldProcess('nm-contoso in westeurope', 'commit 1 connectivity configuration(s)')) {
        Deploy-AzNetworkManagerCommit -ResourceGroupName 'rg-connectivity' -Name 'nm-contoso' -TargetLocation @('westeurope') -CommitType 'Connectivity' -ConfigurationId @('/subscriptions/5c1a0b3e-7d2f-4e6a-9b8c-1f2e3d4c5b6a/resourceGroups/rg-connectivity/providers/Microsoft.Network/networkManagers/nm-contoso/connectivityConfigurations/cc-spokes-mesh')
    }
} else {
    if ($PSCmdlet.ShouldProcess('nm-contoso in northeurope', 'commit 1 connectivity configuration(s)')) {
        Deploy-AzNetworkManagerCommit -ResourceGroupName 'rg-connectivity' -Name 'nm-contoso' -TargetLocation @('northeurope') -CommitType 'Connectivity' -ConfigurationId @('/subscriptions/5c1a0b3e-7d2f-4e6a-9b8c-1f2e3d4c5b6a/resourceGroups/rg-connectivity/providers/Microsoft.Network/networkManagers/nm-contoso/connectivityConfigurations/cc-azspoke-mesh')
    }
    if ($PSCmdlet.ShouldProcess('nm-contoso in westeurope', 'commit 1 connectivity configuration(s)')) {
        Deploy-AzNetworkManagerCommit -ResourceGroupName 'rg-connectivity' -Name 'nm-contoso' -TargetLocation @('westeurope') -CommitType 'Connectivity' -ConfigurationId @('/subscriptions/5c1a0b3e-7d2f-4e6a-9b8c-1f2e3d4c5b6a/resourceGroups/rg-connectivity/providers/Microsoft.Network/networkManagers/nm-contoso/connectivityConfigurations/cc-azspoke-mesh')
    }
}

Get-AzNetworkManagerDeploymentStatus -ResourceGroupName $rg -NetworkManagerName $nmName -Region @('northeurope', 'westeurope') -DeploymentType @('Connectivity')
