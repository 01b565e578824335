<#
.SYNOPSIS
    Builds, tests and packages the AzSpokeTools PowerShell module.

.DESCRIPTION
    Build    dotnet build of the solution.
    Test     the xunit suites (dotnet test), which include the module's metadata, layout and isolation tests
             and the module imported into a hosted PowerShell 7 engine.
    Package  out/AzSpokeTools/<version>/ (installable: copy under a PSModulePath folder),
             out/AzSpokeTools.zip (Azure Automation: the zip's root holds the folder AzSpokeTools with
             AzSpokeTools.psd1 in it) and out/azspoke.<version>.nupkg, the CLI as a .NET tool
             (dotnet tool install --global --add-source ./out azspoke). Help (en-US/AzSpokeTools.dll-Help.xml) is generated from docs/*.md.
             The layout is done by tools/AzSpokeTools.HelpGen, so it needs dotnet only.
    Pester   packages, then runs the Pester suite (tests/pester/*.Tests.ps1 and the documented pipeline test
             docs/examples/*.Tests.ps1) in a new process of the PowerShell that runs this script: powershell.exe
             for Windows PowerShell 5.1, pwsh for PowerShell 7, also when pwsh runs as a .NET tool
             (`dotnet tool run pwsh`, pinned in .config/dotnet-tools.json), where the process is dotnet. Pester
             comes from NuGet, pinned in tests/pester/Pester.Restore.proj, into out/Modules (no PowerShell
             Gallery needed). Prints 'pester: N passed, N failed, N skipped' and fails on any failure.
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
    # To the host, not the pipeline: a function that calls this returns only what it means to return.
    & dotnet @Arguments | Out-Host
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
    # The azspoke CLI as a .NET tool package: dotnet tool install --global --add-source ./out azspoke
    Invoke-Dotnet pack (Join-Path $root 'src/AzSpokeTools.Cli/AzSpokeTools.Cli.csproj') -c $Configuration --output $out
}

function Get-PesterModulePath {
    # The pinned Pester package from NuGet (restored like any package, so a clean NuGet cache or a machine that reaches
    # only NuGet works), laid out as out/Modules/Pester/<version>/ for PSModulePath.
    $project = Join-Path (Join-Path $root 'tests') (Join-Path 'pester' 'Pester.Restore.proj')
    $version = ([xml](Get-Content -Raw -Path $project)).Project.PropertyGroup.PesterVersion
    $modules = Join-Path $out 'Modules'
    $target = Join-Path (Join-Path $modules 'Pester') $version
    if (-not (Test-Path (Join-Path $target 'Pester.psd1'))) {
        $packages = Join-Path $out 'nuget'
        Invoke-Dotnet restore $project --packages $packages
        $tools = Join-Path (Join-Path (Join-Path $packages 'pester') $version) 'tools'
        if (-not (Test-Path (Join-Path $tools 'Pester.psd1'))) { throw "The Pester $version package has no tools/Pester.psd1 under $packages" }
        $null = New-Item -ItemType Directory -Path $target -Force
        Copy-Item -Path (Join-Path $tools '*') -Destination $target -Recurse -Force
    }
    return @{ Path = $modules; Version = $version }
}

function Get-PowerShellCommand {
    # How to start a new process of the PowerShell that runs this script: Windows PowerShell and a native pwsh are
    # their process; pwsh as a .NET tool runs inside dotnet, so the tool's pwsh.dll goes first.
    $exe = [System.Diagnostics.Process]::GetCurrentProcess().MainModule.FileName
    if ([System.IO.Path]::GetFileNameWithoutExtension($exe) -eq 'dotnet') {
        $dll = Join-Path $PSHOME 'pwsh.dll'
        if (-not (Test-Path $dll)) { throw "PowerShell runs inside $exe but $dll does not exist" }
        return @($exe, $dll)
    }
    return @($exe)
}

function Invoke-PesterTask {
    $pester = Get-PesterModulePath
    Invoke-PackageTask
    $manifest = Join-Path (Join-Path (Join-Path $out 'AzSpokeTools') (Get-ModuleVersion)) 'AzSpokeTools.psd1'
    $suite = Join-Path (Join-Path $root 'tests') 'pester'
    $examples = Join-Path (Join-Path $root 'docs') 'examples'
    $results = Join-Path $out 'pester-results.xml'
    if (Test-Path $results) { Remove-Item $results -Force }
    # A new process of the same PowerShell: the module's assemblies are not left loaded in this one, and
    # Windows PowerShell 5.1 tests the module on .NET Framework. The packaged module and the pinned Pester are found
    # through PSModulePath, as a user's `Import-Module AzSpokeTools` would find them.
    $script = @"
`$ErrorActionPreference = 'Stop'
`$env:PSModulePath = '$($pester.Path)' + [System.IO.Path]::PathSeparator + '$out' + [System.IO.Path]::PathSeparator + `$env:PSModulePath
Import-Module Pester -RequiredVersion '$($pester.Version)'
`$configuration = New-PesterConfiguration
`$containers = @(New-PesterContainer -Path (Get-ChildItem -Path '$suite' -Filter '*.Tests.ps1').FullName -Data @{ ModulePath = '$manifest' })
if (Test-Path '$examples') { `$containers += @(Get-ChildItem -Path '$examples' -Filter '*.Tests.ps1' | ForEach-Object { New-PesterContainer -Path `$_.FullName }) }
`$configuration.Run.Container = `$containers
`$configuration.Run.PassThru = `$true
`$configuration.Output.Verbosity = 'Detailed'
`$configuration.TestResult.Enabled = `$true
`$configuration.TestResult.OutputPath = '$results'
`$result = Invoke-Pester -Configuration `$configuration
Write-Host ('pester: {0} passed, {1} failed, {2} skipped' -f `$result.PassedCount, `$result.FailedCount, `$result.SkippedCount)
if (`$result.FailedCount -gt 0 -or `$result.PassedCount -eq 0 -or `$result.Result -ne 'Passed') { exit 1 }
exit 0
"@
    $command = Get-PowerShellCommand
    $arguments = @($command | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-Command', $script)
    & $command[0] @arguments
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
