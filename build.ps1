<#
.SYNOPSIS
    Builds, tests and packages the AzSpokeTools PowerShell module.

.DESCRIPTION
    Build    dotnet build of the solution.
    Test     the xunit suites (dotnet test), which include the module's metadata, layout and isolation tests
             and the module imported into a hosted PowerShell 7 engine.
    Package  out/AzSpokeTools/<version>/ (installable: copy under a PSModulePath folder) and
             out/AzSpokeTools.zip (Azure Automation: the zip's root holds the folder AzSpokeTools with
             AzSpokeTools.psd1 in it). Help (en-US/AzSpokeTools.dll-Help.xml) is generated from docs/*.md.
             The layout is done by tools/AzSpokeTools.HelpGen, so it needs dotnet only.
    Pester   packages, then runs tests/pester in a new process of the PowerShell that runs this script
             (powershell.exe for Windows PowerShell 5.1, pwsh for PowerShell 7). Needs Pester 5.3+; on
             GitHub Actions or Azure Pipelines it is installed from the PowerShell Gallery when missing,
             elsewhere the task is skipped with a warning.
    All      Build, Test, Package, Pester.

.EXAMPLE
    ./build.ps1 -Task Package
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Pester', 'Package', 'All')]
    [string] $Task = 'All',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

$root = $PSScriptRoot
$out = Join-Path $root 'out'
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_NOLOGO = '1'

function Invoke-Dotnet {
    param([Parameter(ValueFromRemainingArguments = $true)] [string[]] $Arguments)
    Write-Host "dotnet $($Arguments -join ' ')"
    & dotnet @Arguments
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($Arguments -join ' ') failed with exit code $LASTEXITCODE" }
}

function Get-ModuleVersion {
    $manifest = Join-Path $root 'AzSpokeTools.psd1'
    $match = Select-String -Path $manifest -Pattern "^\s*ModuleVersion\s*=\s*'([^']+)'" | Select-Object -First 1
    if (-not $match) { throw "$manifest has no ModuleVersion" }
    return $match.Matches[0].Groups[1].Value
}

function Invoke-BuildTask {
    Invoke-Dotnet build (Join-Path $root 'AzSpokeTools.sln') -c $Configuration
}

function Invoke-TestTask {
    Invoke-Dotnet test (Join-Path $root 'AzSpokeTools.sln') -c $Configuration
}

function Invoke-PackageTask {
    Invoke-Dotnet build (Join-Path $root 'src/AzSpokeTools/AzSpokeTools.csproj') -c $Configuration
    $buildOutput = Join-Path $root "src/AzSpokeTools/bin/$Configuration/netstandard2.0"
    Invoke-Dotnet run --project (Join-Path $root 'tools/AzSpokeTools.HelpGen') -c $Configuration -- `
        layout --repo $root --build $buildOutput --out $out --zip (Join-Path $out 'AzSpokeTools.zip')
}

function Test-CanInstallPester {
    # Hosted CI runners reach the PowerShell Gallery; other machines (and .ci/run) may not, so there a
    # missing Pester skips the suite instead of failing on a download.
    return [bool]($env:GITHUB_ACTIONS -or $env:TF_BUILD)
}

function Invoke-PesterTask {
    $pester = Get-Module -ListAvailable -Name Pester | Where-Object { $_.Version -ge [version]'5.3.0' } | Sort-Object Version -Descending | Select-Object -First 1
    if (-not $pester) {
        if (Test-CanInstallPester) {
            Write-Host 'Installing Pester 5 from the PowerShell Gallery'
            Install-Module -Name Pester -MinimumVersion 5.3.0 -Scope CurrentUser -Force -SkipPublisherCheck
        }
        else {
            Write-Warning 'Pester 5.3 or later is not installed (Install-Module Pester -MinimumVersion 5.3.0); skipping the Pester suite.'
            return
        }
    }

    Invoke-PackageTask
    $manifest = Join-Path (Join-Path (Join-Path $out 'AzSpokeTools') (Get-ModuleVersion)) 'AzSpokeTools.psd1'
    $tests = Join-Path $root 'tests/pester/AzSpokeTools.Tests.ps1'
    $results = Join-Path $out 'pester-results.xml'
    # A new process of the same PowerShell: the module's assemblies are not left loaded in this one, and
    # Windows PowerShell 5.1 tests the module on .NET Framework.
    $exe = [System.Diagnostics.Process]::GetCurrentProcess().Path
    $script = @"
`$ErrorActionPreference = 'Stop'
Import-Module Pester -MinimumVersion 5.3.0
`$configuration = New-PesterConfiguration
`$configuration.Run.Container = New-PesterContainer -Path '$tests' -Data @{ ModulePath = '$manifest' }
`$configuration.Run.PassThru = `$true
`$configuration.Output.Verbosity = 'Detailed'
`$configuration.TestResult.Enabled = `$true
`$configuration.TestResult.OutputPath = '$results'
`$result = Invoke-Pester -Configuration `$configuration
Write-Host ('pester: {0} passed, {1} failed, {2} skipped' -f `$result.PassedCount, `$result.FailedCount, `$result.SkippedCount)
if (`$result.FailedCount -gt 0 -or `$result.PassedCount -eq 0) { exit 1 }
"@
    & $exe -NoProfile -NonInteractive -Command $script
    if ($LASTEXITCODE -ne 0) { throw "The Pester suite failed (exit code $LASTEXITCODE); see $results" }
}

switch ($Task) {
    'Build' { Invoke-BuildTask }
    'Test' { Invoke-TestTask }
    'Package' { Invoke-PackageTask }
    'Pester' { Invoke-PesterTask }
    'All' {
        Invoke-BuildTask
        Invoke-TestTask
        Invoke-PackageTask
        Invoke-PesterTask
    }
}
