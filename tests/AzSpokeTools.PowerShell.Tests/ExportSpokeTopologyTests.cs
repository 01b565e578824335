using System.Management.Automation;
using System.Runtime.Loader;
using Xunit;

namespace AzSpokeTools.PowerShell.Tests;

/// <summary>
/// Export-SpokeTopology and the live parameter sets inside PowerShell 7, against a loopback Resource Manager:
/// identity order, progress and warnings from worker threads, -WhatIf, errors, Ctrl+C, and the module's own
/// Azure SDK copies.
/// </summary>
[Collection(ModuleSessionCollection.Name)]
public sealed class ExportSpokeTopologyTests(ModuleSession session) : IAsyncLifetime
{
    private LoopbackArm _arm = null!;
    private string _directory = null!;

    public async Task InitializeAsync()
    {
        _arm = await LoopbackArm.StartAsync(Path.Combine(session.Root, "module", "samples", "hub-firewall.json"));
        _directory = Directory.CreateTempSubdirectory("azspoke-export-ps-").FullName;
    }

    public async Task DisposeAsync()
    {
        await _arm.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private string OutputPath => Path.Combine(_directory, "estate.json");

    private string Live(string token) => $"-SubscriptionId {LoopbackArm.Subscription} -ArmEndpoint '{_arm.Endpoint}' -AccessToken '{token}'";

    private (IReadOnlyList<PSObject> Output, System.Management.Automation.PowerShell Shell) Invoke(string script)
    {
        _arm.TrustFromModule();
        return session.Invoke(script);
    }

    [Fact]
    public void ExportWritesTheSnapshotAndASummaryWithProgressFromTheWorkerThreads()
    {
        var (output, shell) = Invoke($"Export-SpokeTopology -OutputPath '{OutputPath}' {Live(_arm.Token)} -Verbose");
        using (shell)
        {
            Assert.Empty(shell.Streams.Error);
            var summary = Assert.Single(output);
            // The columns serialise as what they show (the Pester suite's round trip needs no Azure for the other types).
            Assert.IsType<string>(summary.Properties["Identity"].Value);
            Assert.Equal("", summary.Properties["DeniedScopes"].Value.ToString());
            Assert.Equal("AzSpokeTools.Live.TopologyExportResult", summary.BaseObject.GetType().FullName);
            Assert.Equal(OutputPath, summary.Properties["OutputPath"].Value);
            Assert.Equal(_arm.ResourceCount, summary.Properties["Resources"].Value);
            Assert.Equal(true, summary.Properties["Complete"].Value);
            Assert.Equal("AccessToken", summary.Properties["Identity"].Value.ToString());
            Assert.Equal(2, summary.Properties["ResourceGraphPages"].Value);
            Assert.Contains(shell.Streams.Progress, p => p.Activity == "Exporting network topology from Azure" && p.StatusDescription == $"Resource Graph: 2 pages, {_arm.ResourceCount} resources");
            Assert.Equal(ProgressRecordType.Completed, shell.Streams.Progress.Last().RecordType);
            Assert.Contains(shell.Streams.Verbose, v => v.Message.Contains("POST ") && v.Message.Contains("/providers/Microsoft.ResourceGraph/resources"));
            Assert.DoesNotContain(shell.Streams.Verbose, v => v.Message.Contains(_arm.Token));
            Assert.DoesNotContain(_arm.Token, File.ReadAllText(OutputPath));
            Assert.All(_arm.AuthorizationHeaders, h => Assert.Equal("Bearer " + _arm.Token, h));
        }
        // The written snapshot answers like the sample it was served from.
        var exported = session.Run($"Get-SpokeEffectiveRoute -Snapshot '{OutputPath}' -Subnet spoke1/workload | ForEach-Object {{ '{{0}} {{1}} {{2}}' -f $_.Source, ($_.AddressPrefix -join ','), $_.NextHopType }}");
        var sample = session.Run("Get-SpokeEffectiveRoute -Snapshot sample:hub-firewall -Subnet spoke1/workload | ForEach-Object { '{0} {1} {2}' -f $_.Source, ($_.AddressPrefix -join ','), $_.NextHopType }");
        Assert.Equal(sample.Select(s => s.ToString()), exported.Select(s => s.ToString()));
    }

    [Fact]
    public void TheModulesAzureSdkCopiesLoadIntoItsOwnContext()
    {
        var (_, shell) = Invoke($"Export-SpokeTopology -OutputPath '{OutputPath}' {Live(_arm.Token)}");
        using (shell) Assert.Empty(shell.Streams.Error);
        foreach (var name in new[] { "Azure.Core", "Azure.Identity", "AzSpokeTools.Azure" })
        {
            var loaded = AssemblyLoadContext.All.SelectMany(c => c.Assemblies.Select(a => (Context: c, Assembly: a))).Where(x => x.Assembly.GetName().Name == name).ToList();
            Assert.NotEmpty(loaded);
            Assert.All(loaded, x => Assert.Equal("ModuleAssemblyLoadContext", x.Context.GetType().Name));
        }
    }

    [Fact]
    public void ASubscriptionTheIdentityCannotSeeIsAWarningAndTheSummarySaysWhatIsNotCovered()
    {
        const string Unseen = "0b6c1d2e-4f5a-4b7c-8d9e-0f1a2b3c4d5e";
        var (output, shell) = Invoke($"Export-SpokeTopology -OutputPath '{OutputPath}' -SubscriptionId {LoopbackArm.Subscription}, {Unseen} -ArmEndpoint '{_arm.Endpoint}' -AccessToken '{_arm.Token}'");
        using (shell)
        {
            Assert.Empty(shell.Streams.Error);
            var summary = Assert.Single(output);
            Assert.Equal(false, summary.Properties["Complete"].Value);
            Assert.Equal(["/subscriptions/" + Unseen], (IEnumerable<string>)summary.Properties["DeniedScopes"].Value);
            Assert.Contains(shell.Streams.Warning, w => w.Message.Contains("Subscription " + Unseen + " is not visible"));
            Assert.Contains(shell.Streams.Warning, w => w.Message.StartsWith("The snapshot does not cover 1 scope(s): /subscriptions/" + Unseen, StringComparison.Ordinal));
            Assert.True(File.Exists(OutputPath));
        }
    }

    [Fact]
    public void WhatIfSendsNothingAndWritesNothing()
    {
        var (output, shell) = Invoke($"Export-SpokeTopology -OutputPath '{OutputPath}' {Live(_arm.Token)} -WhatIf");
        using (shell)
        {
            Assert.Empty(output);
            Assert.Empty(shell.Streams.Error);
            Assert.Empty(_arm.Requests);
            Assert.False(File.Exists(OutputPath));
        }
    }

    [Fact]
    public void ARejectedTokenIsATerminatingAzureAuthenticationFailedAndLeavesNoFile()
    {
        var (_, shell) = Invoke($"try {{ Export-SpokeTopology -OutputPath '{OutputPath}' {Live("wrong-token")}; 'continued' }} catch {{ $_ }}");
        using (shell)
        {
            var record = Assert.IsType<ErrorRecord>(Assert.Single(shell.Invoke()).BaseObject);
            Assert.Equal("AzureAuthenticationFailed,AzSpokeTools.Cmdlets.ExportSpokeTopologyCommand", record.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.AuthenticationError, record.CategoryInfo.Category);
            Assert.Equal(OutputPath, record.TargetObject);
            Assert.Empty(Directory.GetFiles(_directory));
        }
    }

    [Fact]
    public void AClosedPortIsATerminatingAzureRequestFailedWithinTwentySeconds()
    {
        // Issue 16: this surfaced as System.AggregateException (category NotSpecified) after 60-72 s of back-off.
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        int port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var (output, shell) = Invoke($"try {{ Export-SpokeTopology -OutputPath '{OutputPath}' -SubscriptionId {LoopbackArm.Subscription} -ArmEndpoint 'https://127.0.0.1:{port}' -AccessToken 'tok'; 'continued' }} catch {{ $_ }}");
        using (shell)
        {
            Assert.True(watch.Elapsed <= TimeSpan.FromSeconds(20), "took " + watch.Elapsed);
            var record = Assert.IsType<ErrorRecord>(Assert.Single(output).BaseObject);
            Assert.Equal("AzureRequestFailed,AzSpokeTools.Cmdlets.ExportSpokeTopologyCommand", record.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ConnectionError, record.CategoryInfo.Category);
            Assert.Equal("AzureExportException", record.Exception.GetType().Name);
            Assert.Contains($"cannot connect to 127.0.0.1:{port}", record.Exception.Message);
            Assert.Empty(Directory.GetFiles(_directory));
        }
    }

    [Fact]
    public void BothScopesAreAnInvalidManagementGroupIdBeforeAnyRequest()
    {
        var (_, shell) = Invoke($"Export-SpokeTopology -OutputPath '{OutputPath}' {Live(_arm.Token)} -ManagementGroupId mg-network");
        using (shell)
        {
            Assert.Equal("InvalidManagementGroupId,AzSpokeTools.Cmdlets.ExportSpokeTopologyCommand", Assert.Single(shell.Streams.Error).FullyQualifiedErrorId);
            Assert.Empty(_arm.Requests);
        }
    }

    [Fact]
    public async Task StoppingThePipelineCancelsTheExportAndLeavesNoFile()
    {
        _arm.ResourceGraphDelay = TimeSpan.FromSeconds(20);
        _arm.TrustFromModule();
        using var shell = System.Management.Automation.PowerShell.Create();
        shell.Runspace = session.Runspace;
        shell.AddScript($"Export-SpokeTopology -OutputPath '{OutputPath}' {Live(_arm.Token)}");
        var started = DateTime.UtcNow;
        var async = shell.BeginInvoke();
        while (!_arm.Requests.Any(r => r.StartsWith("POST /providers/Microsoft.ResourceGraph", StringComparison.Ordinal)))
        {
            Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(30), "the export never reached Resource Graph");
            await Task.Delay(20);
        }
        shell.Stop();
        Assert.ThrowsAny<PipelineStoppedException>(() => shell.EndInvoke(async));
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(15), "Stop did not cancel the export");
        Assert.Empty(Directory.GetFiles(_directory));
    }

    [Theory]
    [InlineData("[System.Net.NetworkCredential]::new('', $args[0]).SecurePassword")]
    [InlineData("$args[0]")]
    public void TheAzContextIsUsedWhenAzAccountsIsLoadedWithEitherTokenForm(string tokenExpression)
    {
        // A stand-in for Az.Accounts: Get-AzAccessToken as Az.Accounts 5 (SecureString) and earlier (string) return it.
        var script = $$"""
            $token = '{{_arm.Token}}'
            $module = New-Module -Name Az.Accounts -ArgumentList $token -ScriptBlock {
                $script:token = $args[0]
                $script:resourceUrls = [System.Collections.Generic.List[string]]::new()
                function Get-AzAccessToken {
                    [CmdletBinding()] param([string] $ResourceUrl, [switch] $AsSecureString)
                    $script:resourceUrls.Add($ResourceUrl)
                    [pscustomobject]@{ Token = & { {{tokenExpression}} } $script:token; ExpiresOn = [DateTimeOffset]::UtcNow.AddHours(1); UserId = 'ops@contoso.example' }
                }
                function Get-RequestedResourceUrls { $script:resourceUrls }
                Export-ModuleMember -Function Get-AzAccessToken, Get-RequestedResourceUrls
            } | Import-Module -PassThru
            try {
                Export-SpokeTopology -OutputPath '{{OutputPath}}' -SubscriptionId {{LoopbackArm.Subscription}} -ArmEndpoint '{{_arm.Endpoint}}'
                Get-RequestedResourceUrls
            } finally { Remove-Module Az.Accounts }
            """;
        var output = (Func<IReadOnlyList<PSObject>>)(() => { _arm.TrustFromModule(); return session.Run(script); });
        var result = output();
        Assert.Equal("AzContext", result[0].Properties["Identity"].Value.ToString());
        Assert.Equal(_arm.Endpoint.AbsoluteUri.TrimEnd('/') + "/", Assert.Single(result.Skip(1).Select(r => r.ToString()).Distinct()));
        Assert.All(_arm.AuthorizationHeaders, h => Assert.Equal("Bearer " + _arm.Token, h));
    }

    [Fact]
    public void ImportSpokeTopologyReadsLiveDataStraightIntoTheLoaderWithoutAFile()
    {
        _arm.TrustFromModule();
        var live = Assert.Single(session.Run($"Import-SpokeTopology {Live(_arm.Token)}"));
        Assert.Equal("AzSpokeTools.Engine.Model.Topology", live.BaseObject.GetType().FullName);
        var sample = Assert.Single(session.Run("Import-SpokeTopology sample:hub-firewall"));
        Assert.Equal(((System.Collections.ICollection)sample.Properties["VirtualNetworks"].Value).Count, ((System.Collections.ICollection)live.Properties["VirtualNetworks"].Value).Count);
        Assert.Equal(((System.Collections.ICollection)sample.Properties["NetworkInterfaces"].Value).Count, ((System.Collections.ICollection)live.Properties["NetworkInterfaces"].Value).Count);
        // The loader read a document named for what was read, not a file: the export went to memory.
        var files = ((System.Collections.IEnumerable)live.Properties["Files"].Value).Cast<object>().Select(f => f.ToString()).ToList();
        Assert.Equal($"live data (subscriptions {LoopbackArm.Subscription})", Assert.Single(files));
    }

    [Fact]
    public void ALiveReadThatFailsIsATerminatingErrorNamingTheSubscriptions()
    {
        var (_, shell) = Invoke($"try {{ Get-SpokeEffectiveRoute -Subnet spoke1/workload {Live("wrong-token")}; 'continued' }} catch {{ $_ }}");
        using (shell)
        {
            var record = Assert.IsType<ErrorRecord>(Assert.Single(shell.Invoke()).BaseObject);
            Assert.Equal("AzureAuthenticationFailed,AzSpokeTools.Cmdlets.GetSpokeEffectiveRouteCommand", record.FullyQualifiedErrorId);
            Assert.Equal([LoopbackArm.Subscription], (IEnumerable<string>)record.TargetObject);
        }
    }

    [Fact]
    public void PathCmdletsAnswerFromLiveDataAsFromTheSnapshot()
    {
        _arm.TrustFromModule();
        var live = Assert.Single(session.Run($"Get-SpokePathMatrix -Summary {Live(_arm.Token)}"));
        var snapshot = Assert.Single(session.Run("Get-SpokePathMatrix -Summary -Snapshot sample:hub-firewall"));
        Assert.Equal(snapshot.Properties["Pairs"].Value, live.Properties["Pairs"].Value);
        Assert.Equal(((System.Collections.IDictionary)snapshot.Properties["ByKind"].Value).Count, ((System.Collections.IDictionary)live.Properties["ByKind"].Value).Count);
        _arm.TrustFromModule();
        var path = Assert.Single(session.Run($"Get-SpokeEffectivePath spoke1 spoke2 {Live(_arm.Token)}"));
        Assert.Equal("Appliance", path.Properties["Kind"].Value.ToString());
    }

    [Fact]
    public void MeshReadinessReadsLiveDataAsTheSnapshot()
    {
        const string Findings = ".Findings | ForEach-Object { '{0} {1} {2}' -f $_.RuleId, $_.Severity, $_.ResourceId }";
        _arm.TrustFromModule();
        var live = session.Run($"(Test-MeshReadiness {Live(_arm.Token)})" + Findings);
        var snapshot = session.Run("(Test-MeshReadiness -Snapshot sample:hub-firewall)" + Findings);
        Assert.Equal(3, snapshot.Count);
        Assert.Equal(snapshot.Select(f => f.ToString()), live.Select(f => f.ToString()));
    }

    [Fact]
    public void GetSpokeEffectiveRouteComputesFromLiveData()
    {
        const string Rows = " | ForEach-Object { '{0} {1} {2} {3}' -f $_.Source, $_.State, ($_.AddressPrefix -join ','), $_.NextHopType }";
        _arm.TrustFromModule();
        var live = session.Run($"Get-SpokeEffectiveRoute -NetworkInterface vm-spoke1-nic {Live(_arm.Token)}" + Rows);
        var snapshot = session.Run("Get-SpokeEffectiveRoute -Snapshot sample:hub-firewall -NetworkInterface vm-spoke1-nic" + Rows);
        Assert.NotEmpty(live);
        Assert.Equal(snapshot.Select(s => s.ToString()), live.Select(s => s.ToString()));
    }
}
