using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Xunit;

namespace AzSpokeTools.PowerShell.Tests;

/// <summary>
/// The cmdlets' -AsJson and -OutputFormat return, as one string, exactly the bytes the azspoke CLI prints for the same question
/// (the CLI built by this solution, run as a process in the same folder as PowerShell's current location). Elapsed times, which
/// differ between any two runs, are set to 0 on both sides first.
/// </summary>
[Collection(ModuleSessionCollection.Name)]
public sealed partial class OutputFormatCmdletTests(ModuleSession session)
{
    private string Folder
    {
        get
        {
            var folder = Path.Combine(session.WorkDirectory, "formats");
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "intent.yaml"),
                "groups:\n  spokes: { name: \"spoke*\" }\nrules:\n  - name: spokes-direct-or-mesh\n    from: spokes\n    to: spokes\n    expect: [Direct, Mesh]\n");
            return folder;
        }
    }

    /// <summary>The cmdlet's single string output, run with PowerShell's location at <see cref="Folder"/>.</summary>
    private string Cmdlet(string command)
    {
        // The hosted runspace has no Microsoft.PowerShell.Management (Push-Location): set the location through the engine.
        var (output, shell) = session.Invoke($"$here = $ExecutionContext.SessionState.Path.CurrentLocation.Path; $null = $ExecutionContext.SessionState.Path.SetLocation('{Folder}'); " +
                                             $"try {{ {command} }} finally {{ $null = $ExecutionContext.SessionState.Path.SetLocation($here) }}");
        using (shell)
        {
            Assert.True(shell.Streams.Error.Count == 0, string.Join("\n", shell.Streams.Error.Select(e => e.FullyQualifiedErrorId + ": " + e)));
            return Assert.IsType<string>(Assert.Single(output).BaseObject);
        }
    }

    /// <summary>What azspoke prints on standard output, run in <see cref="Folder"/>.</summary>
    private string Cli(params string[] args)
    {
        var cli = Path.Combine(session.Root, "src", "AzSpokeTools.Cli", "bin", Configuration, "net8.0", "azspoke.dll");
        Assert.True(File.Exists(cli), "the azspoke CLI is not built at " + cli);
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        start.ArgumentList.Add(cli);
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(60_000), "azspoke did not finish");
        Assert.True(process.ExitCode is 0 or 1, $"azspoke exit {process.ExitCode}: {stderr.Result}");
        return stdout.Result;
    }

    private static string Configuration => typeof(OutputFormatCmdletTests).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyConfigurationAttribute), false)
        .OfType<System.Reflection.AssemblyConfigurationAttribute>().Single().Configuration;

    private static string Timeless(string json) => ElapsedTime().Replace(json, "\"elapsedMs\":0");

    [Fact]
    public void MatrixPairsCarryAccessAndDecidingRuleOnSeveralThreadsAsTheCliWritesThemOnOne()
    {
        // A generated estate with an NSG on every spoke subnet (443 allowed from 10.0.0.0/8): enough sources for two threads.
        var estate = Path.Combine(Folder, "estate-nsg.json");
        Cli("generate", "--spokes", "40", "--network-security-groups", "--out", estate);
        Assert.Equal(Timeless(Cli("matrix", "--snapshot", estate, "--port", "443", "--threads", "1", "--format", "json")),
            Timeless(Cmdlet($"Get-SpokePathMatrix -Snapshot '{estate}' -Port 443 -ThrottleLimit 2 -AsJson")));
        // The streamed objects carry what the rows of the document carry.
        var rows = JsonNode.Parse(Cli("matrix", "--snapshot", estate, "--port", "443", "--threads", "1", "--format", "json"))!["pairs"]!.AsArray()
            .Select(r => $"{r!["source"]}>{r["destination"]} {r["access"]} {r["decidingRule"]?["name"]} {r["decidingRule"]?["resourceId"]}").ToList();
        var entries = session.Run($"Get-SpokePathMatrix -Snapshot '{estate}' -Port 443 -ThrottleLimit 2 | ForEach-Object {{ \"$($_.Source)>$($_.Destination) $($_.Access) $($_.DecidingRule) $($_.DecidingRuleId)\" }}")
            .Select(p => p.ToString()).ToList();
        Assert.Equal(rows, entries);
        Assert.Contains(entries, e => e.Contains(" Denied ", StringComparison.Ordinal));
        Assert.All(entries, e => Assert.Matches(" (Allowed|Denied|Unknown) ", e));
    }

    [Theory]
    [InlineData("--subnet", "spoke1/workload")]
    [InlineData("--nic", "vm-spoke3-nic")]
    public void RoutesAsJsonIsTheCliBytes(string option, string target) =>
        Assert.Equal(Cli("routes", "--snapshot", "sample:hub-firewall", option, target, "--format", "json"),
            Cmdlet($"Get-SpokeEffectiveRoute -Snapshot sample:hub-firewall -Target {target} -AsJson"));

    [Fact]
    public void VerifyAsJsonOfEveryCapturedNicIsTheCliBytes()
    {
        // hub-firewall with two NIC tables captured as 'azspoke routes' writes them (Azure's EffectiveRouteListResult).
        var doc = JsonNode.Parse(File.ReadAllText(Path.Combine(session.Root, "module", "samples", "hub-firewall.json")))!.AsObject();
        var results = new JsonArray();
        foreach (var nic in new[] { "vm-spoke1-nic", "vm-spoke3-nic" })
            results.Add(new JsonObject
            {
                ["operation"] = "effectiveRouteTable",
                ["scope"] = doc["resources"]!.AsArray().Select(r => (string)r!["id"]!).Single(id => id.EndsWith("/networkInterfaces/" + nic, StringComparison.Ordinal)),
                ["body"] = JsonNode.Parse(Cli("routes", "--snapshot", "sample:hub-firewall", "--nic", nic, "--format", "json")),
            });
        doc["results"] = results;
        File.WriteAllText(Path.Combine(Folder, "captured.json"), doc.ToJsonString());
        var cli = Cli("verify", "--snapshot", "captured.json", "--format", "json");
        Assert.Contains("\"agrees\": true", cli);
        Assert.Equal(cli, Cmdlet("Get-SpokeEffectiveRoute -Snapshot ./captured.json -Target * -Verify -AsJson"));
    }

    [Fact]
    public void PathAsJsonIsTheCliBytes() =>
        Assert.Equal(Cli("path", "--snapshot", "sample:avnm-mesh", "--from", "spoke4", "--to", "spoke2", "--format", "json"),
            Cmdlet("Get-SpokeEffectivePath -Snapshot sample:avnm-mesh -Source spoke4 -Destination spoke2 -AsJson"));

    [Fact]
    public void MatrixSummaryAndMatrixAsJsonAreTheCliBytes()
    {
        Assert.Equal(Timeless(Cli("matrix", "--snapshot", "sample:avnm-mesh")), Timeless(Cmdlet("Get-SpokePathMatrix -Snapshot sample:avnm-mesh -Summary -AsJson")));
        Assert.Equal(Timeless(Cli("matrix", "--snapshot", "sample:avnm-mesh", "--format", "json")), Timeless(Cmdlet("Get-SpokePathMatrix -Snapshot sample:avnm-mesh -AsJson")));
    }

    [Theory]
    [InlineData("json", "-AsJson")]
    [InlineData("sarif", "-OutputFormat Sarif")]
    [InlineData("junit", "-OutputFormat JUnit")]
    public void IntentFormatsAreTheCliBytes(string format, string parameter) =>
        Assert.Equal(Cli("intent", "--snapshot", "sample:avnm-mesh", "--intent", "intent.yaml", "--format", format),
            Cmdlet($"Test-SpokeIntent -Snapshot sample:avnm-mesh -Intent ./intent.yaml {parameter}"));

    [Theory]
    [InlineData("json", "-AsJson")]
    [InlineData("sarif", "-OutputFormat Sarif")]
    [InlineData("junit", "-OutputFormat JUnit")]
    public void ReadinessFormatsAreTheCliBytes(string format, string parameter) =>
        Assert.Equal(Cli("readiness", "--snapshot", "sample:avnm-mesh", "--format", format),
            Cmdlet($"Test-MeshReadiness -Snapshot sample:avnm-mesh {parameter}"));

    [Fact]
    public void ReadinessSarifOfASnapshotFileNamesItRelativeToTheCurrentLocationAsTheCliDoes()
    {
        File.Copy(Path.Combine(session.Root, "module", "samples", "avnm-mesh.json"), Path.Combine(Folder, "estate.json"), overwrite: true);
        var cli = Cli("readiness", "--snapshot", "estate.json", "--format", "sarif");
        Assert.Contains("\"uri\": \"estate.json\"", cli);
        Assert.Equal(cli, Cmdlet("Test-MeshReadiness -Snapshot ./estate.json -OutputFormat Sarif"));
    }

    [Fact]
    public void DiffAsJsonIsTheCliBytes() =>
        Assert.Equal(Cli("diff", "--before", "sample:hairpin-uncommitted-mesh", "--after", "sample:hairpin-uncommitted-mesh-after-pilot", "--format", "json"),
            Cmdlet("Compare-SpokeTopology -Before sample:hairpin-uncommitted-mesh -After sample:hairpin-uncommitted-mesh-after-pilot -AsJson"));

    [Fact]
    public void AsJsonAndOutputFormatTogetherAreOneInvalidOutputFormatError()
    {
        var (output, shell) = session.Invoke($"Test-SpokeIntent -Snapshot sample:avnm-mesh -Intent '{Path.Combine(Folder, "intent.yaml")}' -AsJson -OutputFormat Sarif");
        using (shell)
        {
            Assert.Empty(output);
            Assert.Equal("InvalidOutputFormat,AzSpokeTools.Cmdlets.TestSpokeIntentCommand", Assert.Single(shell.Streams.Error).FullyQualifiedErrorId);
        }
    }

    [GeneratedRegex("\"elapsedMs\": ?[0-9]+")]
    private static partial Regex ElapsedTime();
}
