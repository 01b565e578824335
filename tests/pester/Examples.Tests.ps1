#Requires -Version 5.1
<#
    Executable documentation: every PowerShell example in README.md, docs/**/*.md and about_AzSpokeTools is found
    (so examples added later are executed too) and run against the packaged module. An example that needs Azure is
    reported as skipped with the reason: either an explicit marker on the line(s) just before its code fence,
    <!-- not-executed: REASON -->, or a recognised Azure command (Connect-AzAccount, Get-Az*, -SubscriptionId, ...).

    Examples run in a fresh folder that holds what the docs assume a reader has: estate.json (the hub-firewall
    sample), intent.yaml (docs/examples/intent.yaml), captures/*.json, out/ (the built module), and $t, the topology
    of estate.json. 'PS>' examples run their commands (indented lines after a command continue it; other lines are
    shown output). Whatever an example writes is formatted, and every module object it writes must serialise cleanly.
#>
param([string] $ModulePath)

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $root = Get-RepositoryRoot

    # Commands that need an Azure sign-in or a network, and why; the first that matches decides.
    $azure = @(
        @{ Pattern = 'Connect-AzAccount'; Reason = 'signs in to Azure (Connect-AzAccount)' }
        @{ Pattern = '\bGet-Az[A-Z]\w*'; Reason = 'reads Azure through Az PowerShell (Get-Az*)' }
        @{ Pattern = '-SubscriptionId\b|-ManagementGroupId\b|SUBSCRIPTION_ID'; Reason = 'reads live data from Azure (-SubscriptionId / -ManagementGroupId)' }
        @{ Pattern = '\bExport-SpokeTopology\b'; Reason = 'Export-SpokeTopology reads Azure' }
        @{ Pattern = '\s-Apply\b'; Reason = '-Apply reads and writes Azure (AVNM)' }
        @{ Pattern = 'Invoke-WebRequest|Invoke-RestMethod'; Reason = 'downloads from the network' }
    )

    function Get-MarkdownExample([string] $File) {
        $lines = @(Get-Content -Path $File)
        $relative = $File.Substring($root.Length + 1).Replace('\', '/')
        $heading = ''
        for ($i = 0; $i -lt $lines.Count; $i++) {
            if ($lines[$i] -match '^#{1,6}\s+(.+)$') { $heading = $Matches[1]; continue }
            if ($lines[$i] -notmatch '^\s*```(powershell|pwsh|ps1)\s*$') { continue }
            $start = $i + 1
            $marker = $null
            for ($j = $i - 1; $j -ge 0 -and $j -ge $i - 3; $j--) {
                if ($lines[$j] -match '<!--\s*not-executed:\s*(.+?)\s*-->') { $marker = $Matches[1]; break }
                if ($lines[$j].Trim() -and $lines[$j] -notmatch '^\s*<!--') { break }
            }
            $end = $start
            while ($end -lt $lines.Count -and $lines[$end] -notmatch '^\s*```\s*$') { $end++ }
            $code = ($lines[$start..($end - 1)] -join "`n")
            @{ File = $relative; Line = $start; Title = $heading; Code = $code; Marker = $marker }
            $i = $end
        }
    }

    function Get-AboutExample([string] $File) {
        # The EXAMPLES section of an about topic: groups of 'PS>' lines separated by blank lines.
        $lines = @(Get-Content -Path $File)
        $relative = $File.Substring($root.Length + 1).Replace('\', '/')
        $in = $false; $group = @(); $at = 0
        for ($i = 0; $i -le $lines.Count; $i++) {
            $line = if ($i -lt $lines.Count) { $lines[$i] } else { '' }
            if ($line -match '^\s{2}\S' -and $line.Trim() -ceq $line.Trim().ToUpperInvariant()) { $in = $line.Trim() -eq 'EXAMPLES' }
            if (-not $in) { continue }
            if ($line.Trim()) { if ($group.Count -eq 0) { $at = $i + 1 }; $group += $line; continue }
            if ($group.Count) { @{ File = $relative; Line = $at; Title = 'EXAMPLES'; Code = ($group -join "`n"); Marker = $null }; $group = @() }
        }
    }

    $sources = @(Join-Path $root 'README.md') + @(Get-ChildItem -Path (Join-Path $root 'docs') -Filter '*.md' -Recurse | ForEach-Object FullName)
    $examples = @(foreach ($file in $sources) { Get-MarkdownExample $file })
    $examples += @(Get-AboutExample (Join-Path (Join-Path $root 'module') 'about_AzSpokeTools.help.txt'))
    $cases = foreach ($example in $examples) {
        $reason = $example.Marker
        if (-not $reason) { foreach ($rule in $azure) { if ($example.Code -match $rule.Pattern) { $reason = $rule.Reason; break } } }
        $isPesterFile = $example.Code -match '(?m)^\s*Describe\s+[''"]'
        if (-not $reason -and -not $isPesterFile -and $example.Code -match '(?m)^\s*It\s+[''"]') { $reason = 'a Pester It block, which runs inside a test file (docs/examples/network.Tests.ps1 is executed whole)' }
        $example + @{ Skip = $reason; IsPester = $isPesterFile; Name = "$($example.File):$($example.Line) ($($example.Title))" }
    }
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $root = Get-RepositoryRoot
    if (-not $ModulePath) { $ModulePath = Get-ChildItem -Path (Join-Path (Join-Path $root 'out') 'AzSpokeTools') -Filter 'AzSpokeTools.psd1' -Recurse | Select-Object -First 1 -ExpandProperty FullName }
    Import-Module $ModulePath -Force -ErrorAction Stop

    function ConvertTo-ExampleScript([string] $Code) {
        # 'PS>' examples: the commands and their indented continuation lines; everything else is shown output.
        if ($Code -notmatch '(?m)^\s*PS>') { return $Code }
        $commands = @(); $inCommand = $false
        foreach ($line in $Code -split "`n") {
            if ($line -match '^\s*PS>\s?(.*)$') { $commands += $Matches[1]; $inCommand = $true }
            elseif ($inCommand -and $line -match '^\s+\S' -and ($commands[-1] -match '[|`{(,]\s*$' -or $line -match '^\s{4,}')) { $commands[-1] += "`n" + $line }
            else { $inCommand = $false }
        }
        return ($commands -join "`n")
    }

    function New-ExampleFolder {
        $folder = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
        $null = New-Item -ItemType Directory -Path (Join-Path $folder 'captures')
        $sample = Join-Path (Join-Path (Join-Path $root 'module') 'samples') 'hub-firewall.json'
        Copy-Item $sample (Join-Path $folder 'estate.json')
        Copy-Item $sample (Join-Path (Join-Path $folder 'captures') 'estate.json')
        Copy-Item (Join-Path (Join-Path (Join-Path $root 'docs') 'examples') 'intent.yaml') (Join-Path $folder 'intent.yaml')
        $out = Join-Path $root 'out'
        if (Test-Path $out) {
            $type = if ($IsWindows -or $PSVersionTable.PSEdition -eq 'Desktop') { 'Junction' } else { 'SymbolicLink' }
            $null = New-Item -ItemType $type -Path (Join-Path $folder 'out') -Target $out
        }
        return $folder
    }
}

Describe 'Documentation examples' {
    It '<Name> runs' -ForEach $cases {
        if ($IsPester) {
            # A Pester test file in the docs is executed as its file under docs/examples (a container of this suite);
            # one that is not such a file may only be an Azure example, and is then listed as not executed.
            $files = @(Get-ChildItem -Path (Join-Path (Join-Path $root 'docs') 'examples') -Filter '*.Tests.ps1' | ForEach-Object { (Get-Content -Raw -Path $_.FullName).Replace("`r`n", "`n").TrimEnd() })
            if ($files -contains $Code.Replace("`r`n", "`n").TrimEnd()) { return }
            if ($Skip) { Set-ItResult -Skipped -Because "not executed offline: $Skip"; return }
            $files | Should -Contain $Code.Replace("`r`n", "`n").TrimEnd() -Because 'a Pester example is executed as its file under docs/examples'
            return
        }
        if ($Skip) { Set-ItResult -Skipped -Because "not executed offline: $Skip"; return }
        $folder = New-ExampleFolder
        $script = ConvertTo-ExampleScript $Code
        Push-Location $folder
        try {
            $t = Import-SpokeTopology -Snapshot (Join-Path $folder 'estate.json')
            $ErrorActionPreference = 'Stop'
            $output = @(& ([scriptblock]::Create($script)) 6>$null)
            $null = $output | Out-String -Width 120
            foreach ($object in $output) {
                # Result objects (not the lists and maps inside them, nor the topology handle) must serialise cleanly.
                if ($null -ne $object -and $object.GetType().FullName -like 'AzSpokeTools.*' -and $object.GetType().Namespace -ne 'AzSpokeTools.Output' -and $object.GetType().FullName -ne 'AzSpokeTools.Engine.Model.Topology') {
                    (@(Get-SerialisationProblem -InputObject $object) -join [Environment]::NewLine) | Should -BeNullOrEmpty
                }
            }
        }
        finally {
            Pop-Location
            # An example that imports the module from the example folder (README: Import-Module ./out/...) leaves a
            # second copy whose files vanish with the folder: go back to the module under test.
            $moduleBase = Split-Path -Parent $ModulePath
            if (@(Get-Module AzSpokeTools | Where-Object ModuleBase -ne $moduleBase).Count -gt 0) {
                Get-Module AzSpokeTools | Remove-Module -Force
                Import-Module $ModulePath -Force -ErrorAction Stop
            }
        }
    }
}
