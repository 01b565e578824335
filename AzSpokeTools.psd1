@{
    # The cmdlet assembly is the root module. On import it points the loader (AzSpokeTools.Loader.dll,
    # beside it) at Dependencies/, which holds the engine and every third-party assembly.
    RootModule           = 'AzSpokeTools.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '6057c2d2-ad05-44a6-b4c7-4c1385014bba'
    Author               = 'AzSpokeTools contributors'
    CompanyName          = 'AzSpokeTools contributors'
    Copyright            = '(c) AzSpokeTools contributors.'
    Description          = 'Which path traffic between Azure spoke virtual networks actually takes (direct peering, AVNM mesh, hub firewall, VPN gateway, ExpressRoute hairpin, Virtual WAN hub) versus the intended path, computed offline from a snapshot of ARM data.'
    CompatiblePSEditions = @('Desktop', 'Core')
    PowerShellVersion    = '5.1'
    # netstandard2.0 assemblies run on Windows PowerShell 5.1 from .NET Framework 4.7.2 on.
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess     = @('AzSpokeTools.Format.ps1xml')
    CmdletsToExport      = @('Compare-SpokeTopology', 'Convert-HairpinToMesh', 'Export-SpokeDiagram', 'Export-SpokeReport', 'Export-SpokeTopology', 'Get-SpokeEffectivePath', 'Get-SpokeEffectiveRoute', 'Get-SpokePathMatrix', 'Get-SpokeSample', 'Import-SpokeTopology', 'Test-MeshReadiness', 'Test-SpokeIntent')
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()
    PrivateData          = @{
        PSData = @{
            ProjectUri = 'https://github.com/azspoketools/AzSpokeTools'
            Tags = @('Azure', 'Network', 'VirtualNetwork', 'Peering', 'AVNM', 'ExpressRoute', 'Routing', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
        }
    }
}
