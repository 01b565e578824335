#Requires -Version 5.1
<#
    The module's result objects behave as first-party PowerShell objects do: every output type serialises through
    ConvertTo-Json and Export-Csv column by column (enums as names, prefixes as strings, lists as 'a;b' in CSV), route
    rows carry the NIC, subnet and VNet they belong to, the default views fit 80 and 120 columns, parameters complete
    with TabExpansion2, help links open online, and a second copy of the module imports with -Force.
#>
param([string] $ModulePath)

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $manifest = Import-PowerShellDataFile -Path (Join-Path (Get-RepositoryRoot) 'AzSpokeTools.psd1')
    $cmdletNames = @($manifest.CmdletsToExport)
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $repoRoot = Get-RepositoryRoot
    if (-not $ModulePath) { $ModulePath = Get-ChildItem -Path (Join-Path (Join-Path $repoRoot 'out') 'AzSpokeTools') -Filter 'AzSpokeTools.psd1' -Recurse | Select-Object -First 1 -ExpandProperty FullName }
    Import-Module $ModulePath -Force -ErrorAction Stop
    # The documented pipeline test's intent file: spokes through the firewall, the hub direct to the spokes.
    $intent = Join-Path (Join-Path (Join-Path $repoRoot 'docs') 'examples') 'intent.yaml'
    $spokeRg = '/subscriptions/8e4f2a1c-3b5d-4c7e-a9f0-2d1e3c4b5a69/resourceGroups/rg-spokes/providers/Microsoft.Network'
}

Describe 'Result objects serialise and export cleanly' {
    # One invocation per output type of the module's cmdlets; the last test checks that none is left out.
    BeforeAll {
        $produced = [ordered]@{
            'AzSpokeTools.Routes.SpokeEffectiveRoute'      = { Get-SpokeEffectiveRoute -Snapshot sample:hub-firewall -Subnet spoke1/workload }
            'AzSpokeTools.Paths.SpokePath'                 = { Get-SpokeEffectivePath -Snapshot sample:hub-firewall -Source spoke1 -Destination spoke2 -Intent $intent }
            'AzSpokeTools.Paths.PathMatrixEntry'           = { Get-SpokePathMatrix -Snapshot sample:hub-firewall -Intent $intent }
            'AzSpokeTools.Paths.SpokePathMatrixSummary'    = { Get-SpokePathMatrix -Snapshot sample:hub-firewall -Intent $intent -Summary }
            'AzSpokeTools.Intent.SpokeIntentRule'          = { Test-SpokeIntent -Snapshot sample:contoso-hairpin -Intent $intent -MaxExamples 2 }
            'AzSpokeTools.Readiness.SpokeReadinessReport'  = { Test-MeshReadiness -Snapshot sample:contoso-hairpin }
            'AzSpokeTools.Migration.SpokeMigrationPlan'    = { Convert-HairpinToMesh -Snapshot sample:contoso-hairpin }
            'AzSpokeTools.Samples.SpokeSample'             = { Get-SpokeSample }
            'AzSpokeTools.Comparison.SpokeTopologyDiff'    = { Compare-SpokeTopology sample:hairpin-uncommitted-mesh sample:hairpin-uncommitted-mesh-after-pilot }
            'AzSpokeTools.Comparison.SpokeWaveVerification' = {
                $plan = Join-Path $TestDrive 'wave-plan'
                Convert-HairpinToMesh -Snapshot sample:hairpin-uncommitted-mesh -OutputPath $plan -Confirm:$false | Out-Null
                Compare-SpokeTopology -Plan $plan -Wave 1 -After sample:hairpin-uncommitted-mesh-after-pilot
            }
            'AzSpokeTools.Routes.SpokeRouteVerification'   = {
                $nic = Get-SpokeEffectiveRoute -Snapshot sample:hub-firewall -NetworkInterface vm-spoke1-nic
                $doc = Get-Content -Raw -Path (Join-Path (Join-Path (Join-Path $repoRoot 'module') 'samples') 'hub-firewall.json') | ConvertFrom-Json
                $body = @{ value = @($nic | ForEach-Object { @{ name = $_.Name; source = $_.Source; state = $_.State; addressPrefix = @($_.AddressPrefix); nextHopType = $_.NextHopType; nextHopIpAddress = @($_.NextHopIpAddress) } }) }
                $body.value[0].nextHopType = 'None'
                $doc | Add-Member -NotePropertyName results -NotePropertyValue @(@{ operation = 'effectiveRouteTable'; scope = ($doc.resources | Where-Object name -eq 'vm-spoke1-nic').id; body = $body }) -Force
                $file = Join-Path $TestDrive 'verify.json'
                $doc | ConvertTo-Json -Depth 30 | Set-Content -Path $file -Encoding utf8
                Get-SpokeEffectiveRoute -Snapshot $file -NetworkInterface vm-spoke1-nic -Verify
            }
        }
        # Need Azure: their properties are held to the same rule by tests/AzSpokeTools.Module.Tests
        # (BuiltModuleTests.EveryOutputTypeSerialisesAsWhatTheUserSees) and produced against a loopback ARM by the hosted suite.
        $live = @('AzSpokeTools.Live.TopologyExportResult', 'AzSpokeTools.Migration.SpokeMeshApplyResult')
        # The loaded model itself: a handle passed to -Topology, not a report; Export-SpokeTopology writes its serialised form.
        # System.String: -AsJson / -OutputFormat write one document, the bytes the CLI prints (pinned by the golden and hosted tests).
        $handles = @('AzSpokeTools.Engine.Model.Topology', 'System.Boolean', 'System.IO.FileInfo', 'System.String')
    }

    It '<_> round-trips through ConvertTo-Json and Export-Csv column by column' -ForEach @(
        'AzSpokeTools.Routes.SpokeEffectiveRoute', 'AzSpokeTools.Paths.SpokePath', 'AzSpokeTools.Paths.PathMatrixEntry',
        'AzSpokeTools.Paths.SpokePathMatrixSummary', 'AzSpokeTools.Intent.SpokeIntentRule', 'AzSpokeTools.Readiness.SpokeReadinessReport',
        'AzSpokeTools.Migration.SpokeMigrationPlan', 'AzSpokeTools.Samples.SpokeSample', 'AzSpokeTools.Routes.SpokeRouteVerification',
        'AzSpokeTools.Comparison.SpokeTopologyDiff', 'AzSpokeTools.Comparison.SpokeWaveVerification') {
        $objects = @(& $produced[$_])
        $objects.Count | Should -BeGreaterThan 0
        $objects[0].GetType().FullName | Should -Be $_
        foreach ($object in $objects) { (@(Get-SerialisationProblem -InputObject $object) -join [Environment]::NewLine) | Should -BeNullOrEmpty }
    }

    It 'covers every output type that <_> declares' -ForEach $cmdletNames {
        foreach ($type in (Get-Command $_).OutputType.Type) {
            if ($null -eq $type) { continue }
            ($produced.Contains($type.FullName) -or $live -contains $type.FullName -or $handles -contains $type.FullName) | Should -BeTrue -Because "$($type.FullName) needs a round-trip case"
        }
    }

    It 'writes names, ;-joined lists and prefixes as text to CSV' {
        $csv = Get-SpokePathMatrix -Snapshot sample:contoso-hairpin | ConvertTo-Csv -NoTypeInformation | ConvertFrom-Csv
        ($csv | Where-Object { $_.Source -eq 'spoke-a1' -and $_.Destination -eq 'spoke-b1' }).Transits | Should -Be 'ExpressRouteHairpin'
        ($csv | Where-Object { $_.Source -eq 'spoke-a1' -and $_.Destination -eq 'spoke-b1' }).Intended | Should -Be 'Mesh'
        $route = Get-SpokeEffectiveRoute -Snapshot sample:hub-firewall -Subnet spoke1/workload | Where-Object Name -eq 'default-to-fw'
        $json = $route | ConvertTo-Json -Compress
        $json | Should -Match '"Source":"User"'
        $json | Should -Match '"AddressPrefix":\["0\.0\.0\.0/0"\]'
        $json | Should -Not -Match 'High|Low|Bits'
        ($route | ConvertTo-Csv -NoTypeInformation | ConvertFrom-Csv).NextHopIpAddress | Should -Be '10.0.1.4'
    }

    It 'keeps enum names through Select-Object' {
        $selected = Get-SpokeEffectivePath -Snapshot sample:hub-firewall -Source spoke1 -Destination spoke2 | Select-Object Kind, Outcome, Transits
        ($selected | ConvertTo-Json -Compress) | Should -Be '{"Kind":"Appliance","Outcome":"Delivered","Transits":["Appliance"]}'
    }
}

Describe 'Route rows say whose table they belong to' {
    It 'carries NetworkInterface, Subnet and VirtualNetwork for piped NICs and subnets' {
        $topology = Import-SpokeTopology -Snapshot sample:hub-firewall
        $nicId = ($topology.NetworkInterfaces | Where-Object Name -eq 'vm-spoke3-nic').Id.Value
        $rows = [pscustomobject]@{ Id = $nicId }, [pscustomobject]@{ Id = "$spokeRg/virtualNetworks/spoke1/subnets/workload" } | Get-SpokeEffectiveRoute -Topology $topology
        $fromNic = @($rows | Where-Object NetworkInterface -eq 'vm-spoke3-nic')
        $fromNic.Count | Should -BeGreaterThan 0
        $fromNic.Subnet | Sort-Object -Unique | Should -Be 'spoke3/workload'
        $fromNic.VirtualNetwork | Sort-Object -Unique | Should -Be 'spoke3'
        $fromSubnet = @($rows | Where-Object { $null -eq $_.NetworkInterface })
        $fromSubnet.Subnet | Sort-Object -Unique | Should -Be 'spoke1/workload'
        ($rows | ConvertTo-Csv -NoTypeInformation | ConvertFrom-Csv | Group-Object Subnet).Name | Should -Be @('spoke1/workload', 'spoke3/workload')
    }
}

Describe 'Default views in a real console' {
    BeforeDiscovery {
        $viewCases = @(
            @{ Name = 'path'; Command = 'Get-SpokeEffectivePath -Snapshot sample:contoso-hairpin -Source spoke-a1 -Destination spoke-b1'; Columns = @('Source', 'Destination', 'Kind', 'Outcome', 'Compliant') }
            @{ Name = 'matrix'; Command = 'Get-SpokePathMatrix -Snapshot sample:contoso-hairpin'; Columns = @('Source', 'Destination', 'Kind', 'Outcome', 'Compliant') }
            @{ Name = 'route'; Command = 'Get-SpokeEffectiveRoute -Snapshot sample:hub-firewall -Subnet spoke1/workload'; Columns = @('Name', 'State', 'Source', 'AddressPrefix', 'NextHopType', 'NextHopIpAddress') }
            @{ Name = 'hop'; Command = '(Get-SpokeEffectivePath -Snapshot sample:hub-firewall -Source spoke1 -Destination spoke2).Hops'; Columns = @('Step', 'Role', 'Location', 'AddressPrefix', 'NextHopType', 'NextHopIpAddress', 'Route') }
            @{ Name = 'intent'; Command = 'Test-SpokeIntent -Snapshot sample:hub-firewall -Intent $intent'; Columns = @('Name', 'Compliant', 'Pairs', 'Failed', 'Expect', 'FailedByKind') }
        )
        $widthCases = foreach ($case in $viewCases) { foreach ($width in 80, 120) { $case + @{ Width = $width } } }
    }

    It 'the <Name> table at <Width> columns shows every column whole' -ForEach $widthCases {
        if ($Name -eq 'hop' -and $Width -eq 80) { Set-ItResult -Skipped -Because 'the hop table is a detail view for wide consoles; Format-List shows the same hops at 80 columns' }
        $text = Invoke-Expression $Command | Out-String -Width $Width
        $lines = @($text -split "`r?`n" | ForEach-Object { $_ -replace "`e\[[0-9;]*m", '' })
        $header = $lines | Where-Object { $_ -match "^\s*$($Columns[0])\b" } | Select-Object -First 1
        ($header -split '\s+' | Where-Object { $_ }) | Should -Be $Columns
        $ruler = $lines[[array]::IndexOf($lines, $header) + 1]
        $ruler | Should -Match '^[\s-]+$' -Because 'the header is one line (no wrapped column names)'
        foreach ($line in $lines) { $line.TrimEnd().Length | Should -BeLessOrEqual $Width }
        if ($Name -ne 'hop') { $text | Should -Not -Match ([regex]::Escape([string][char]0x2026)) -Because 'no decisive value is cut' }
    }

    It 'the path list view shows each hop with the route that moved the packet, and the reasons' {
        $text = Get-SpokeEffectivePath -Snapshot sample:hub-firewall -Source spoke1 -Destination spoke2 | Format-List | Out-String -Width 120
        $text | Should -Match 'Hops\s+: 1 Subnet spoke1/workload \[10\.0\.0\.0/8 User -> VirtualAppliance 10\.0\.1\.4 \(private-to-fw\)\]'
        $text | Should -Match 'Transits\s+: Appliance'
        $text | Should -Match 'Symmetric\s+: True'
    }

    It 'shows why a route is invalid with -View InvalidReason and in Format-List' {
        $routes = Get-SpokeEffectiveRoute -Snapshot sample:hub-firewall -Subnet spoke1/workload
        ($routes | Format-Table -View InvalidReason | Out-String -Width 120) | Should -Match "Invalid\s+0\.0\.0\.0/0\s+Internet\s+overridden by user-defined route 'default-to-fw'"
        ($routes | Where-Object State -eq 'Invalid' | Format-List | Out-String -Width 120) | Should -Match 'InvalidReason\s+: overridden'
    }

    It 'groups route tables by the NIC or subnet they belong to' {
        (Get-SpokeEffectiveRoute -Snapshot sample:hub-firewall -NetworkInterface vm-spoke1-nic | Out-String -Width 120) | Should -Match 'Effective routes of: vm-spoke1-nic \(spoke1/workload\)'
    }
}

Describe 'Tab completion' {
    BeforeAll {
        function Get-Completion([string] $Line) { @((TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches.CompletionText) }
        $t = Import-SpokeTopology -Snapshot sample:contoso-hairpin
    }

    It '-Snapshot offers sample names' {
        Get-Completion 'Get-SpokePathMatrix -Snapshot sample:hub' | Should -Be @('sample:hub-firewall')
    }

    It '-Snapshot offers snapshot files and folders' {
        New-Item -ItemType Directory -Path (Join-Path $TestDrive 'captures') -Force | Out-Null
        Set-Content -Path (Join-Path $TestDrive 'estate-a.json') -Value '{}'
        Push-Location $TestDrive
        try { Get-Completion 'Import-SpokeTopology -Snapshot est' | Should -Be @('estate-a.json') }
        finally { Pop-Location }
    }

    It '-Source and -Destination offer the names of the -Snapshot on the same line' {
        $names = Get-Completion 'Get-SpokeEffectivePath -Snapshot sample:hub-firewall -Source spoke1/'
        $names | Should -Be @('spoke1/workload')
        Get-Completion 'Get-SpokeEffectivePath -Snapshot sample:hub-firewall -Source spoke1 -Destination vm-spoke2' | Should -Be @('vm-spoke2-nic')
    }

    It '-Subnet, -NetworkInterface and -VirtualNetwork offer names from -Topology' {
        Get-Completion 'Get-SpokeEffectiveRoute -Topology $t -Subnet spoke-b1/w' | Should -Be @('spoke-b1/workload')
        # -Subnet and -NetworkInterface are aliases of -Target, which offers subnets and NICs alike.
        Get-Completion 'Get-SpokeEffectiveRoute -Snapshot sample:hub-firewall -Target vm-spoke1' | Should -Be @('vm-spoke1-nic')
        Get-Completion 'Get-SpokeEffectiveRoute -Snapshot sample:hub-firewall -NetworkInterface spoke3/' | Should -Be @('spoke3/workload')
        Get-Completion 'Test-MeshReadiness -Topology $t -VirtualNetwork hub' | Should -Be @('hub-a', 'hub-b')
    }

    It '-Tag, -Region and -NetworkGroup offer what the topology holds' {
        $tags = Get-Completion 'Test-MeshReadiness -Topology $t -Tag '
        $tags.Count | Should -BeGreaterThan 0
        $tags | ForEach-Object { $_ | Should -Match '^[^=]+=.*' }
        Get-Completion 'Convert-HairpinToMesh -Topology $t -Region ' | Should -Be (@($t.VirtualNetworks.Location | Sort-Object -Unique))
        Get-Completion 'Test-MeshReadiness -Topology $t -NetworkGroup ' | Should -Be (@($t.NetworkGroups.Name | Sort-Object -Unique))
    }

    It 'Get-SpokeSample -Name offers sample names' {
        Get-Completion 'Get-SpokeSample -Name vpn-t' | Should -Be @('vpn-transit')
    }
}

Describe 'Discovery, help links and import' {
    It 'Get-SpokeSample lists the samples that sample:NAME accepts' {
        $samples = Get-SpokeSample
        $samples.Name | Should -Contain 'hub-firewall'
        foreach ($sample in $samples) { Test-Path $sample.Path | Should -BeTrue }
        (Import-SpokeTopology -Snapshot (Get-SpokeSample vwan).Snapshot).VirtualNetworks.Count | Should -BeGreaterThan 0
        Get-SpokeSample nope -ErrorVariable failures -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failures[0].FullyQualifiedErrorId | Should -Be 'SampleNotFound,AzSpokeTools.Cmdlets.GetSpokeSampleCommand'
    }

    It '<_> has an online help link to its page in the repository' -ForEach $cmdletNames {
        $command = Get-Command $_
        $uri = [uri]$command.HelpUri
        $uri.IsAbsoluteUri | Should -BeTrue
        $uri.Scheme | Should -Be 'https'
        $uri.AbsolutePath | Should -BeLike "*/docs/$_.md"
        Join-Path (Join-Path (Get-RepositoryRoot) 'docs') "$_.md" | Should -Exist
        $projectUri = (Import-PowerShellDataFile -Path $ModulePath).PrivateData.PSData.ProjectUri
        $command.HelpUri | Should -BeLike "$projectUri/*"
        $first = @((Get-Help $_).relatedLinks.navigationLink)[0]
        $first.uri | Should -Be $command.HelpUri
        foreach ($link in (Get-Help $_).relatedLinks.navigationLink) { if ($link.uri) { [uri]::IsWellFormedUriString($link.uri, 'Absolute') | Should -BeTrue } }
    }

    It 'imports a second copy of the module with -Force' {
        $copy = Join-Path (Join-Path $TestDrive 'copy') 'AzSpokeTools'
        Copy-Item -Path (Split-Path -Parent $ModulePath) -Destination $copy -Recurse
        { Import-Module (Join-Path $copy 'AzSpokeTools.psd1') -Force -ErrorAction Stop } | Should -Not -Throw
        { Import-Module $ModulePath -Force -ErrorAction Stop } | Should -Not -Throw
        (Get-SpokeEffectivePath -Snapshot sample:hub-firewall -Source spoke1 -Destination spoke2).Kind | Should -Be 'Appliance'
    }
}
