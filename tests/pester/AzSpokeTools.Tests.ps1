#Requires -Version 5.1
<#
    Pester 5 suite for the packaged AzSpokeTools module, run by `./build.ps1 -Task Pester` on Windows
    PowerShell 5.1 and PowerShell 7 against out/AzSpokeTools/<version>/AzSpokeTools.psd1. Each cmdlet runs
    against the bundled samples; effective routes are checked against the hand-derived expectations in
    module/samples/*.expect.json.
#>
param(
    [string] $ModulePath
)

BeforeDiscovery {
    $repoRoot = Split-Path -Parent (Split-Path -Parent $PSScriptRoot)
    $cmdletNames = @((Import-PowerShellDataFile -Path (Join-Path $repoRoot 'AzSpokeTools.psd1')).CmdletsToExport)
    $sampleDir = Join-Path (Join-Path $repoRoot 'module') 'samples'
    $sampleNames = @(Get-ChildItem -Path $sampleDir -Filter '*.json' | Where-Object { $_.Name -notlike '*.expect.json' } | ForEach-Object { $_.BaseName })
    $tableCases = @(foreach ($expect in Get-ChildItem -Path $sampleDir -Filter '*.expect.json') {
            $json = Get-Content -Raw -Path $expect.FullName | ConvertFrom-Json
            $sample = $expect.Name -replace '\.expect\.json$', ''
            if ($json.PSObject.Properties['tables']) {
                foreach ($table in $json.tables) { @{ Sample = $sample; Subnet = $table.subnet; Table = $table } }
            }
        })
}

BeforeAll {
    $repoRoot = Split-Path -Parent (Split-Path -Parent $PSScriptRoot)
    if (-not $ModulePath) {
        $ModulePath = Get-ChildItem -Path (Join-Path (Join-Path $repoRoot 'out') 'AzSpokeTools') -Filter 'AzSpokeTools.psd1' -Recurse |
            Select-Object -First 1 -ExpandProperty FullName
    }
    if (-not $ModulePath -or -not (Test-Path $ModulePath)) { throw "Run ./build.ps1 -Task Package first (no module at '$ModulePath')." }
    $moduleRoot = Split-Path -Parent $ModulePath
    $sampleDir = Join-Path (Join-Path $repoRoot 'module') 'samples'
    Import-Module $ModulePath -Force -ErrorAction Stop

    $spokeRg = '/subscriptions/8e4f2a1c-3b5d-4c7e-a9f0-2d1e3c4b5a69/resourceGroups/rg-spokes/providers/Microsoft.Network'

    function Test-RouteRow {
        # True when every field of an expectation row matches the route (fields left out match anything),
        # as tests/AzSpokeTools.Engine.Tests reads the same rows.
        param($Row, $Route)
        foreach ($property in $Row.PSObject.Properties) {
            switch ($property.Name) {
                'addressPrefix' {
                    foreach ($prefix in @($property.Value)) { if (@($Route.AddressPrefix) -notcontains $prefix) { return $false } }
                }
                'nextHopIpAddress' {
                    $expected = (@($property.Value) | Sort-Object) -join ','
                    $actual = (@($Route.NextHopIpAddress) | Sort-Object) -join ','
                    if ($expected -ne $actual) { return $false }
                }
                'name' {
                    if ($Route.Name -ne $property.Value) { return $false }
                }
                { $_ -in 'source', 'state', 'nextHopType' } {
                    if ($Route.($property.Name).ToString() -ne $property.Value) { return $false }
                }
            }
        }
        return $true
    }
}

AfterAll {
    Remove-Module AzSpokeTools -ErrorAction SilentlyContinue
}

Describe 'AzSpokeTools module' {
    It 'exports exactly the cmdlets the manifest lists' {
        $manifest = Import-PowerShellDataFile -Path $ModulePath
        (Get-Command -Module AzSpokeTools -CommandType Cmdlet).Name | Sort-Object | Should -Be ($manifest.CmdletsToExport | Sort-Object)
    }

    It 'passes Test-ModuleManifest and declares both editions' {
        $info = Test-ModuleManifest -Path $ModulePath
        $info.CompatiblePSEditions | Sort-Object | Should -Be @('Core', 'Desktop')
        $info.PowerShellVersion | Should -Be ([version]'5.1')
    }

    It 'uses approved verbs only' {
        $approved = (Get-Verb).Verb
        foreach ($command in Get-Command -Module AzSpokeTools) { $command.Verb | Should -BeIn $approved }
    }

    It 'has help for <_> with a synopsis, every parameter described and at least two examples' -ForEach $cmdletNames {
        $cmdlet = $_
        $help = Get-Help $cmdlet -Full
        # Without MAML help, Get-Help's synopsis is the syntax line.
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -Match '<String>'
        @($help.examples.example).Count | Should -BeGreaterOrEqual 2
        $common = @([System.Management.Automation.Cmdlet]::CommonParameters) + @([System.Management.Automation.Cmdlet]::OptionalCommonParameters)
        $names = @((Get-Command $cmdlet).Parameters.Keys | Where-Object { $common -notcontains $_ })
        foreach ($name in $names) {
            (Get-Help $cmdlet -Parameter $name).description.Text | Should -Not -BeNullOrEmpty -Because "-$name needs a description"
        }
    }

    It 'keeps only the cmdlet and loader assemblies at the module root' {
        (Get-ChildItem -Path $moduleRoot -Filter '*.dll').Name | Sort-Object | Should -Be @('AzSpokeTools.dll', 'AzSpokeTools.Loader.dll')
        Join-Path (Join-Path $moduleRoot 'Dependencies') 'AzSpokeTools.Engine.dll' | Should -Exist
    }

    It 'loads the engine from Dependencies (into its own load context on PowerShell 7)' {
        $null = Import-SpokeTopology -Snapshot sample:hub-firewall
        $engine = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'AzSpokeTools.Engine' }
        @($engine).Count | Should -Be 1
        $engine.Location | Should -Be (Join-Path (Join-Path $moduleRoot 'Dependencies') 'AzSpokeTools.Engine.dll')
        if ($PSVersionTable.PSEdition -eq 'Core') {
            [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($engine) | Should -Not -Be ([System.Runtime.Loader.AssemblyLoadContext]::Default)
        }
    }
}

Describe 'Import-SpokeTopology' {
    It 'loads the bundled sample <_>' -ForEach $sampleNames {
        $topology = Import-SpokeTopology -Snapshot "sample:$_"
        @($topology).Count | Should -Be 1
        $topology.GetType().FullName | Should -Be 'AzSpokeTools.Engine.Model.Topology'
        $topology.VirtualNetworks.Count | Should -BeGreaterThan 0
    }

    It 'resolves a relative path against the current location' {
        Push-Location $sampleDir
        try { (Import-SpokeTopology -Snapshot ./hub-firewall.json).VirtualNetworks.Count | Should -Be 4 }
        finally { Pop-Location }
    }

    It 'loads each piped file and reports a malformed one as a non-terminating SnapshotInvalid error' {
        Copy-Item (Join-Path $sampleDir 'hub-firewall.json') (Join-Path $TestDrive 'a.json')
        Set-Content -Path (Join-Path $TestDrive 'b.json') -Value '{ "resources": [ '
        Copy-Item (Join-Path $sampleDir 'vwan.json') (Join-Path $TestDrive 'c.json')
        $topologies = Get-ChildItem -Path $TestDrive -Filter '*.json' | Sort-Object Name | Import-SpokeTopology -ErrorVariable failures -ErrorAction SilentlyContinue
        @($topologies).Count | Should -Be 2
        @($failures).Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'SnapshotInvalid,AzSpokeTools.Cmdlets.ImportSpokeTopologyCommand'
        $failures[0].CategoryInfo.Category | Should -Be 'InvalidData'
        $failures[0].TargetObject | Should -Be (Join-Path $TestDrive 'b.json')
    }

    It 'reports a missing file as SnapshotNotFound' {
        Import-SpokeTopology -Snapshot (Join-Path $TestDrive 'missing.json') -ErrorVariable failures -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'SnapshotNotFound,*'
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'formats a topology as a summary row' {
        $text = Import-SpokeTopology -Snapshot sample:hub-firewall | Format-Table | Out-String -Width 250
        $text | Should -Match 'Source\s+CapturedAt\s+VirtualNetworks\s+Subnets\s+NetworkInterfaces\s+Warnings\s+Files'
    }
}

Describe 'Get-SpokeEffectiveRoute' {
    It '<Sample> <Subnet> has the expected routes' -ForEach $tableCases {
        $routes = Get-SpokeEffectiveRoute -Snapshot "sample:$Sample" -Subnet $Subnet -WarningAction SilentlyContinue
        if ($Table.PSObject.Properties['contains']) {
            foreach ($row in $Table.contains) {
                @($routes | Where-Object { Test-RouteRow -Row $row -Route $_ }).Count | Should -BeGreaterThan 0 -Because "a route $($row | ConvertTo-Json -Compress) is expected"
            }
        }
        if ($Table.PSObject.Properties['absent']) {
            foreach ($row in $Table.absent) {
                @($routes | Where-Object { Test-RouteRow -Row $row -Route $_ }).Count | Should -Be 0 -Because "no route $($row | ConvertTo-Json -Compress) is expected"
            }
        }
    }

    It 'writes route objects with the columns of Get-AzEffectiveRouteTable' {
        $routes = Get-SpokeEffectiveRoute -Snapshot sample:hub-firewall -Subnet spoke1/workload
        $routes[0].GetType().FullName | Should -Be 'AzSpokeTools.Routes.SpokeEffectiveRoute'
        $text = $routes | Format-Table | Out-String -Width 250
        $text | Should -Match 'Name\s+State\s+Source\s+AddressPrefix\s+NextHopType\s+NextHopIpAddress'
        $text | Should -Match 'default-to-fw\s+Active\s+User\s+\{0\.0\.0\.0/0\}\s+VirtualAppliance\s+\{10\.0\.1\.4\}'
    }

    It 'takes a piped topology' {
        $piped = Import-SpokeTopology -Snapshot sample:hub-firewall | Get-SpokeEffectiveRoute -Subnet spoke1/workload
        $direct = Get-SpokeEffectiveRoute -Snapshot sample:hub-firewall -Subnet spoke1/workload
        ($piped | ForEach-Object { $_.ToString() }) | Should -Be ($direct | ForEach-Object { $_.ToString() })
    }

    It 'binds the Id of piped Az-shaped objects and continues after one that fails' {
        $nicId = ((Import-SpokeTopology -Snapshot sample:hub-firewall).NetworkInterfaces | Where-Object Name -eq 'vm-spoke3-nic').Id.Value
        $items = @(
            [pscustomobject]@{ Name = 'workload'; Id = "$spokeRg/virtualNetworks/spoke1/subnets/workload" }
            [pscustomobject]@{ Name = 'spoke2'; Id = "$spokeRg/virtualNetworks/spoke2" }
            [pscustomobject]@{ Name = 'vm-spoke3-nic'; Id = $nicId }
        )
        $routes = $items | Get-SpokeEffectiveRoute -Snapshot sample:hub-firewall -ErrorVariable failures -ErrorAction SilentlyContinue
        $expected = @(Get-SpokeEffectiveRoute -Snapshot sample:hub-firewall -Subnet spoke1/workload) + @(Get-SpokeEffectiveRoute -Snapshot sample:hub-firewall -Nic vm-spoke3-nic)
        ($routes | ForEach-Object { $_.ToString() }) | Should -Be ($expected | ForEach-Object { $_.ToString() })
        @($failures).Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'InvalidResourceId,AzSpokeTools.Cmdlets.GetSpokeEffectiveRouteCommand'
        $failures[0].TargetObject | Should -Be "$spokeRg/virtualNetworks/spoke2"
    }

    It 'binds a Subnet column of Import-Csv rows' {
        $csv = Join-Path $TestDrive 'subnets.csv'
        Set-Content -Path $csv -Value @('Subnet', 'spoke1/workload', 'spoke2/workload')
        @(Import-Csv $csv | Get-SpokeEffectiveRoute -Snapshot sample:hub-firewall).Count | Should -Be 10
    }

    It 'reports an unknown subnet as a non-terminating SubnetNotFound error' {
        Get-SpokeEffectiveRoute -Snapshot sample:hub-firewall -Subnet spoke9/workload -ErrorVariable failures -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failures[0].FullyQualifiedErrorId | Should -Be 'SubnetNotFound,AzSpokeTools.Cmdlets.GetSpokeEffectiveRouteCommand'
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failures[0].TargetObject | Should -Be 'spoke9/workload'
    }

    It 'stops with a terminating SampleNotFound error for an unknown sample' {
        { Get-SpokeEffectiveRoute -Snapshot sample:no-such-sample -Subnet spoke1/workload } | Should -Throw -ErrorId 'SampleNotFound,AzSpokeTools.Cmdlets.GetSpokeEffectiveRouteCommand'
    }

    It 'refuses -Snapshot and -Topology together' {
        $topology = Import-SpokeTopology -Snapshot sample:hub-firewall
        { Get-SpokeEffectiveRoute -Snapshot sample:hub-firewall -Topology $topology -Subnet spoke1/workload } | Should -Throw -ErrorId 'AmbiguousParameterSet,AzSpokeTools.Cmdlets.GetSpokeEffectiveRouteCommand'
    }
}

Describe 'Get-SpokeEffectiveRoute -Verify' {
    BeforeAll {
        # hub-firewall with captured effective route tables built from the module's own computation:
        # vm-spoke1-nic unchanged (agrees), vm-spoke3-nic with one appliance next hop changed to None.
        $doc = Get-Content -Raw -Path (Join-Path $sampleDir 'hub-firewall.json') | ConvertFrom-Json
        $captures = foreach ($nic in 'vm-spoke1-nic', 'vm-spoke3-nic') {
            $routes = @(Get-SpokeEffectiveRoute -Snapshot sample:hub-firewall -NetworkInterface $nic | ForEach-Object {
                    [ordered]@{ name = $_.Name; source = "$($_.Source)"; state = "$($_.State)"; addressPrefix = @($_.AddressPrefix)
                        nextHopType = "$($_.NextHopType)"; nextHopIpAddress = @($_.NextHopIpAddress) }
                })
            if ($nic -eq 'vm-spoke3-nic') {
                $tampered = @($routes | Where-Object { $_.nextHopType -eq 'VirtualAppliance' })[0]
                $tampered.nextHopType = 'None'
                $tampered.nextHopIpAddress = @()
            }
            [ordered]@{ operation = 'effectiveRouteTable'; scope = ($doc.resources | Where-Object name -eq $nic).id; body = @{ value = $routes } }
        }
        $doc | Add-Member -NotePropertyName results -NotePropertyValue @($captures) -Force
        $verifySnapshot = Join-Path $TestDrive 'verify.json'
        $doc | ConvertTo-Json -Depth 30 | Set-Content -Path $verifySnapshot -Encoding utf8
    }

    It 'agrees for the unchanged capture and names the difference in the changed one' {
        $results = Get-SpokeEffectiveRoute -Snapshot $verifySnapshot -NetworkInterface * -Verify
        ($results | Where-Object Name -eq 'vm-spoke1-nic').Agrees | Should -BeTrue
        $changed = $results | Where-Object Name -eq 'vm-spoke3-nic'
        $changed.Agrees | Should -BeFalse
        @($changed.Differences).Kind | Should -Be 'DifferentNextHop'
    }

    It 'reports a NIC without a captured table as CapturedEffectiveRouteTableNotFound' {
        Get-SpokeEffectiveRoute -Snapshot $verifySnapshot -NetworkInterface vm-spoke2-nic -Verify -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'CapturedEffectiveRouteTableNotFound,*'
    }
}

Describe 'Export-SpokeTopology' {
    It 'takes -AccessToken as a <_> and sends nothing with -WhatIf' -ForEach 'String', 'SecureString' {
        $token = if ($_ -eq 'String') { 'not-a-real-token' } else { [System.Net.NetworkCredential]::new('', 'not-a-real-token').SecurePassword }
        $out = Join-Path $TestDrive 'estate.json'
        Export-SpokeTopology -OutputPath $out -SubscriptionId 8e4f2a1c-3b5d-4c7e-a9f0-2d1e3c4b5a69 -AccessToken $token -WhatIf | Should -BeNullOrEmpty
        $out | Should -Not -Exist
    }

    It 'declares -AccessToken as a SecureString and supports -WhatIf and -Confirm' {
        $command = Get-Command Export-SpokeTopology
        $command.Parameters['AccessToken'].ParameterType | Should -Be ([securestring])
        $command.Parameters.Keys | Should -Contain 'WhatIf'
        $command.Parameters.Keys | Should -Contain 'Confirm'
    }

    It 'rejects -SubscriptionId with -ManagementGroupId as InvalidManagementGroupId before sending anything' {
        { Export-SpokeTopology -OutputPath (Join-Path $TestDrive 'x.json') -SubscriptionId 8e4f2a1c-3b5d-4c7e-a9f0-2d1e3c4b5a69 -ManagementGroupId mg -AccessToken t -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidManagementGroupId,AzSpokeTools.Cmdlets.ExportSpokeTopologyCommand'
    }
}

Describe 'Paths, matrix and intent' {
    BeforeAll {
        $topology = Import-SpokeTopology -Snapshot sample:hub-firewall
        $intent = Join-Path $TestDrive 'intent.yaml'
        @'
groups:
  spokes: { name: "spoke*" }
  hubs: { name: "hub" }
rules:
  - name: inspected
    from: spokes
    to: spokes
    expect: [Appliance]
  - name: no-direct-from-hub
    from: hubs
    to: spokes
    forbid: [Direct]
'@ | Set-Content -Path $intent -Encoding utf8
    }

    It 'spoke1 reaches spoke2 through the hub firewall, as intended' {
        $path = Get-SpokeEffectivePath -Topology $topology -Source spoke1 -Destination spoke2 -Intent $intent
        $path.Outcome | Should -Be 'Delivered'
        $path.Kind | Should -Be 'Appliance'
        $path.Compliant | Should -BeTrue -Because ($path.Reasons -join '; ')
        $path.Symmetric | Should -BeTrue
    }

    It 'binds the Id of piped Get-AzVirtualNetwork-shaped objects to -Source' {
        $paths = [pscustomobject]@{ Name = 'spoke1'; Id = "$spokeRg/virtualNetworks/spoke1" }, [pscustomobject]@{ Name = 'spoke2'; Id = "$spokeRg/virtualNetworks/spoke2" } |
            Get-SpokeEffectivePath -Topology $topology -Destination spoke3
        @($paths).Count | Should -Be 2
        $paths.Kind | Should -Be @('Appliance', 'Appliance')
    }

    It 'streams every ordered pair and counts them with -Summary' {
        @(Get-SpokePathMatrix -Topology $topology).Count | Should -Be 12
        $summary = Get-SpokePathMatrix -Topology $topology -Intent $intent -Summary
        $summary.Pairs | Should -Be 12
        $summary.Violations | Should -Be 3
        @(Get-SpokePathMatrix -Topology $topology -Intent $intent | Where-Object Compliant -eq $false).Count | Should -Be 3
    }

    It 'gives one result per intent rule with .Compliant' {
        $rules = Test-SpokeIntent -Topology $topology -Intent $intent
        ($rules | Where-Object Name -eq 'inspected').Compliant | Should -BeTrue
        ($rules | Where-Object Name -eq 'no-direct-from-hub').Compliant | Should -BeFalse
        Test-SpokeIntent -Topology $topology -Intent $intent -Quiet | Should -BeFalse
    }
}

Describe 'Mesh readiness and migration' {
    It 'finds the Contoso spokes ready, with a warning per spoke that uses a hub gateway' {
        $report = Test-MeshReadiness -Snapshot sample:contoso-hairpin
        $report.Ready | Should -BeTrue
        @($report.Findings | Where-Object RuleId -eq 'AVNM011').Count | Should -Be 4
    }

    It 'writes the plan and its IaC files with -OutputPath' {
        $plan = Convert-HairpinToMesh -Snapshot sample:contoso-hairpin -OutputPath (Join-Path $TestDrive 'plan')
        $plan.Blockers | Should -BeNullOrEmpty
        Join-Path (Join-Path $TestDrive 'plan') 'plan.json' | Should -Exist
    }

    It 'confirms -Apply at high impact' {
        $attribute = (Get-Command Convert-HairpinToMesh).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]
        $attribute.SupportsShouldProcess | Should -BeTrue
        $attribute.ConfirmImpact | Should -Be 'High'
    }
}

Describe 'Access for a flow (-Protocol -Port -SourcePort -AssumeNva)' {
    It 'Get-SpokeEffectivePath -Port answers Access and the deciding rule; without -Port they are empty' {
        $path = Get-SpokeEffectivePath -Snapshot sample:secured-spokes -Source vm-app3-nic -Destination vm-app1-nic -Port 443
        $path.Access | Should -Be 'Denied'
        $path.DecidingRule | Should -Be 'deny-https-from-spoke3'
        $path.DecidingRulePriority | Should -Be 100
        $path.DecidingRuleDirection | Should -Be 'Inbound'
        @($path.Hops | Where-Object { $_.Access }).Count | Should -BeGreaterThan 0
        (Get-SpokeEffectivePath -Snapshot sample:secured-spokes -Source vm-app3-nic -Destination vm-app1-nic).Access | Should -BeNullOrEmpty
    }

    It 'Get-SpokeEffectivePath -AsJson with -Port has access and decidingRule at the top level' {
        $json = Get-SpokeEffectivePath -Snapshot sample:secured-spokes -Source vm-app3-nic -Destination vm-app1-nic -Port 443 -AsJson | ConvertFrom-Json
        $json.access | Should -Be 'Denied'
        $json.decidingRule.name | Should -Be 'deny-https-from-spoke3'
    }

    It 'Get-SpokePathMatrix -Port gives every pair an access verdict' {
        $rows = @(Get-SpokePathMatrix -Snapshot sample:secured-spokes -Port 443)
        $rows.Count | Should -BeGreaterThan 0
        @($rows | Where-Object { -not $_.Access }).Count | Should -Be 0
    }

    It 'rejects -SourcePort without -Port, naming the parameter' {
        { Get-SpokeEffectivePath -Snapshot sample:secured-spokes -Source vm-app3-nic -Destination vm-app1-nic -SourcePort 1024 -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidSourcePort,*'
    }

    It 'Convert-HairpinToMesh -Port lists the flows the hub firewall denies today that the mesh would open' {
        $dir = Join-Path $TestDrive 'ssh-plan'
        $plan = Convert-HairpinToMesh -Snapshot sample:secured-spokes -Port 22 -OutputPath $dir -Confirm:$false
        $opened = @(Import-Csv (Join-Path $dir 'whatif-opened-flows.csv'))
        $opened.Count | Should -Be 6
        $opened[0].deniedByRule | Should -Be 'deny-ssh/no-ssh-between-spokes'
        (Get-Content -Raw (Join-Path $dir 'plan.json') | ConvertFrom-Json).whatIf.opensFlowCount | Should -Be 6
    }

    It 'Test-SpokeIntent takes -AssumeNva' {
        (Get-Command Test-SpokeIntent).Parameters['AssumeNva'].Attributes.ValidValues | Should -Be @('Allow', 'Deny')
    }
}
