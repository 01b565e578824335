# network.Tests.ps1 - run in the pipeline after the IaC deployment:
#   Export-SpokeTopology -OutputPath ./estate.json -SubscriptionId $env:SUBSCRIPTION_ID   # signed in with the pipeline's identity
#   Invoke-Pester -Container (New-PesterContainer -Path ./network.Tests.ps1 -Data @{ Snapshot = './estate.json' })
# Without -Data it checks the module's hub-firewall sample, so it runs anywhere.
param(
    [string] $Snapshot = 'sample:hub-firewall',
    [string] $Intent = (Join-Path $PSScriptRoot 'intent.yaml')
)

BeforeDiscovery {
    # -ForEach data is built during discovery, before any BeforeAll runs, so what the per-rule tests iterate over
    # is computed here.
    Import-Module AzSpokeTools
    $rules = Test-SpokeIntent -Topology (Import-SpokeTopology -Snapshot $Snapshot) -Intent $Intent
}

BeforeAll {
    Import-Module AzSpokeTools
    $t = Import-SpokeTopology -Snapshot $Snapshot
}

Describe 'spoke connectivity' {
    It '<Source> reaches <Destination> through the hub firewall' -ForEach @(
        @{ Source = 'spoke1'; Destination = 'spoke2' }
        @{ Source = 'spoke2'; Destination = 'spoke1' }
    ) {
        $path = Get-SpokeEffectivePath -Topology $t -Source $Source -Destination $Destination
        $path.Outcome | Should -Be 'Delivered'
        $path.Kind | Should -Be 'Appliance' -Because ($path.Reasons -join '; ')
        $path.Symmetric | Should -BeTrue
    }

    It 'no spoke pair hairpins through ExpressRoute' {
        Get-SpokePathMatrix -Topology $t | Where-Object Kind -eq 'ExpressRouteHairpin' | Should -BeNullOrEmpty
    }

    It 'intent rule <_.Name> holds' -ForEach $rules {
        $_.Compliant | Should -BeTrue -Because (($_.Examples | ForEach-Object { "$_" }) -join '; ')
    }
}
