using System.Text.Json;
using System.Text.Json.Nodes;
using AzSpokeTools.Cli;
using Xunit;

using AzSpokeTools.Engine;
using AzSpokeTools.Engine.Tests;
using AzSpokeTools.Engine.Tests.Paths;
using AzSpokeTools.Engine.Tests.Reports;

namespace AzSpokeTools.Cli.Tests;

/// <summary>
/// The CLI fails well (issue 16): every exception ends in a documented exit code with one escaped message, names from a
/// snapshot never reach the terminal raw, and the intent gate fails closed.
/// </summary>
public sealed class FailsWellCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("azspoke-fails-well-").FullName;
    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code = CliApp.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private const string Evil = "evil\u001b[31mRED\u202eA\nwarning: forged,\"x\"\u0085";

    /// <summary>Two peered VNets whose names hold a terminal escape, a bidi override, a newline, a comma, a quote and a C1 control.</summary>
    private string EvilSnapshot()
    {
        var sub = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/";
        JsonObject Vnet(string id, string name, string prefix, string peer, string peerPrefix) => new()
        {
            ["id"] = sub + id, ["name"] = name, ["type"] = "Microsoft.Network/virtualNetworks", ["location"] = "westeurope",
            ["properties"] = new JsonObject
            {
                ["addressSpace"] = new JsonObject { ["addressPrefixes"] = new JsonArray(prefix) },
                ["subnets"] = new JsonArray(new JsonObject { ["name"] = name + "-sub", ["id"] = sub + id + "/subnets/s", ["properties"] = new JsonObject { ["addressPrefix"] = prefix.Replace("/16", "/24") } }),
                ["virtualNetworkPeerings"] = new JsonArray(new JsonObject
                {
                    ["name"] = "p", ["id"] = sub + id + "/virtualNetworkPeerings/p",
                    ["properties"] = new JsonObject { ["peeringState"] = "Connected", ["remoteVirtualNetwork"] = new JsonObject { ["id"] = sub + peer }, ["remoteAddressSpace"] = new JsonObject { ["addressPrefixes"] = new JsonArray(peerPrefix) } },
                }),
            },
        };
        return Write("evil.json", new JsonArray(Vnet("a", Evil, "10.1.0.0/16", "b", "10.2.0.0/16"), Vnet("b", "plain", "10.2.0.0/16", "a", "10.1.0.0/16")).ToJsonString());
    }

    private static void AssertSafe(string text)
    {
        Assert.Null(AzSpokeTools.Fuzz.FuzzRun.UnsafeCharacter(text));
        Assert.DoesNotContain("\nwarning: forged", text);
    }

    [Fact]
    public void ControlAndBidiCharactersInNamesAreEscapedInTables()
    {
        var snapshot = EvilSnapshot();
        var matrixTable = Run("path", "--snapshot", snapshot, "--from", "plain", "--to", "10.1.0.4");
        Assert.Equal(ExitCodes.Success, matrixTable.Code);
        AssertSafe(matrixTable.Out);
        Assert.Contains("evil\\u001B[31mRED\\u202EA\\nwarning: forged,\"x\"\\u0085-sub", matrixTable.Out);
        var routes = Run("routes", "--snapshot", snapshot, "--subnet", "plain/plain-sub");
        AssertSafe(routes.Out + routes.Err);
    }

    [Fact]
    public void CsvQuotesLineBreaksSoThatANameCannotForgeARow()
    {
        var (code, output, _) = Run("matrix", "--snapshot", EvilSnapshot(), "--format", "csv");
        Assert.Equal(ExitCodes.Success, code);
        Assert.Null(AzSpokeTools.Fuzz.FuzzRun.UnsafeCharacter(output));
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        // Header and two rows in five physical lines: the evil name (a source once, a destination once) keeps its newline inside
        // a quoted field, its quotes doubled, so a spreadsheet reads three records of eight fields.
        Assert.Equal(5, lines.Length);
        Assert.Contains("\"evil\\u001B[31mRED\\u202EA\nwarning: forged,\"\"x\"\"\\u0085\"", output);
        Assert.Equal(3, CsvRecords(output).Count);
        Assert.All(CsvRecords(output), r => Assert.Equal(8, r.Count));
    }

    /// <summary>An RFC 4180 reader: what a spreadsheet sees.</summary>
    private static List<List<string>> CsvRecords(string csv)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < csv.Length; i++)
        {
            char c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { record.Add(field.ToString()); field.Clear(); }
            else if (c == '\n') { record.Add(field.ToString()); field.Clear(); records.Add(record); record = new List<string>(); }
            else if (c != '\r') field.Append(c);
        }
        return records;
    }

    [Fact]
    public void ErrorsAndWarningsAreOneEscapedLineEach()
    {
        var snapshot = EvilSnapshot();
        var unknown = Run("path", "--snapshot", snapshot, "--from", "nope\u001b[2J\nerror: forged", "--to", "plain");
        Assert.Equal(ExitCodes.BadInput, unknown.Code);
        AssertSafe(unknown.Err);
        Assert.Single(unknown.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("\\u001B[2J\\nerror: forged", unknown.Err);
        // A load error quoting a bad id that holds a newline: still one line per problem.
        var bad = Write("bad.json", "[{\"id\": \"/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/routeTables/rt\", \"name\": \"rt\", \"properties\": {\"routes\": [{\"name\": \"r\", \"properties\": {\"addressPrefix\": \"10.0.0.0/8\\nerror: forged\", \"nextHopType\": \"None\"}}]}}]");
        var load = Run("routes", "--snapshot", bad, "--subnet", "x/y");
        Assert.Equal(ExitCodes.BadInput, load.Code);
        AssertSafe(load.Err);
        Assert.Equal(2, load.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Theory]
    [InlineData(typeof(CliInputException), ExitCodes.BadInput)]
    [InlineData(typeof(EngineInputException), ExitCodes.BadInput)]
    [InlineData(typeof(FileNotFoundException), ExitCodes.BadInput)]
    [InlineData(typeof(IOException), ExitCodes.BadInput)]
    [InlineData(typeof(AzSpokeTools.Azure.Export.AzureExportException), ExitCodes.AzureFailure)]
    [InlineData(typeof(System.Net.Http.HttpRequestException), ExitCodes.AzureFailure)]
    [InlineData(typeof(NullReferenceException), ExitCodes.InternalError)]
    [InlineData(typeof(InvalidOperationException), ExitCodes.InternalError)]
    [InlineData(typeof(KeyNotFoundException), ExitCodes.InternalError)]
    public void EveryExceptionHasADocumentedExitCode(Type type, int code)
    {
        var ex = type == typeof(EngineInputException) ? new EngineInputException("Subnet", "bad")
            : type == typeof(CliInputException) ? new CliInputException("bad")
            : type == typeof(AzSpokeTools.Azure.Export.AzureExportException) ? new AzSpokeTools.Azure.Export.AzureExportException("refused")
            : (Exception)Activator.CreateInstance(type, "boom")!;
        Assert.Equal(code, CliApp.ExitCodeOf(ex));
        // An AggregateException (Azure.Core's retries) is its cause.
        Assert.Equal(code, CliApp.ExitCodeOf(new AggregateException(ex)));
    }

    [Fact]
    public void AnInternalErrorIsOneLinePointingToVerboseAndVerboseShowsTheStack()
    {
        Exception thrown;
        try { throw new InvalidOperationException("the engine reached a state it cannot be in\nsecond line"); }
        catch (InvalidOperationException e) { thrown = e; }
        var quiet = new StringWriter();
        Assert.Equal(ExitCodes.InternalError, CliApp.Fail(quiet, thrown, verbose: false));
        var line = Assert.Single(quiet.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: internal error (InvalidOperationException): the engine reached a state it cannot be in;", line);
        Assert.Contains("--verbose", line);
        var verbose = new StringWriter();
        CliApp.Fail(verbose, thrown, verbose: true);
        Assert.Contains("at AzSpokeTools.Cli.Tests.FailsWellCommandTests", verbose.ToString());
        // --verbose is accepted by every command (a root option), not only export.
        var (code, _, _) = Run("routes", "--snapshot", "sample:hub-firewall", "--subnet", "spoke1/workload", "--verbose");
        Assert.Equal(ExitCodes.Success, code);
        var intent = Write("i.yaml", "groups:\n  all: {name: '*'}\nrules:\n  - {from: all, to: all, expect: [Direct, Appliance]}\n");
        Assert.Contains("progress: ", Run("intent", "--snapshot", "sample:hub-firewall", "--intent", intent, "--verbose").Err);
    }

    [Fact]
    public void AHostileNicSnapshotIsExitTwoNotACrash()
    {
        var nic = Write("nic.json", """{ "id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/networkInterfaces/nic1", "name": "nic1", "properties": { "ipConfigurations": [ { "name": "c", "properties": { "subnet": { "id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/default" } } } ] } }""");
        var (code, _, err) = Run("routes", "--snapshot", nic, "--nic", "nic1");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.StartsWith("error: --nic: ", err.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last());
    }

    [Theory]
    [InlineData("""{ "schemaVersion": 1, "resources": [] }""")]
    [InlineData("""[ { "id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm", "type": "Microsoft.Compute/virtualMachines", "name": "vm" } ]""")]
    public void AnEmptySnapshotFailsTheIntentGate(string snapshot)
    {
        var intent = Write("i.yaml", "groups:\n  all: {name: '*'}\nrules:\n  - {from: all, to: all, expect: [Direct]}\n");
        var (code, output, err) = Run("intent", "--snapshot", Write("empty.json", snapshot), "--intent", intent);
        Assert.Equal(ExitCodes.Findings, code);
        Assert.Contains("warning: the snapshot has no virtual networks", err);
        Assert.Contains("EMPTY", output);
        var json = JsonDocument.Parse(Run("intent", "--snapshot", Write("empty.json", snapshot), "--intent", intent, "--format", "json").Out).RootElement;
        Assert.False(json.GetProperty("passed").GetBoolean());
        Assert.Contains("no virtual networks", json.GetProperty("problems")[0].GetString());
        // Explicitly allowed: the warnings remain, the exit code is 0.
        var allowed = Run("intent", "--snapshot", Write("empty.json", snapshot), "--intent", intent, "--fail-on-empty", "false");
        Assert.Equal(ExitCodes.Success, allowed.Code);
        Assert.Contains("warning: the snapshot has no virtual networks", allowed.Err);
    }

    [Fact]
    public void ARuleThatMatchesNoPairFailsTheGate()
    {
        var intent = Write("i.yaml", "groups:\n  spokes: {name: 'spoke*'}\n  typo: {name: 'spokee*'}\nrules:\n  - {from: spokes, to: spokes, expect: [Appliance]}\n  - {name: typo, from: typo, to: spokes, expect: [Appliance]}\n");
        var (code, output, err) = Run("intent", "--snapshot", "sample:hub-firewall", "--intent", intent);
        Assert.Equal(ExitCodes.Findings, code);
        Assert.Contains("warning: rule 'typo' matches no pair", err);
        Assert.Contains("PASS", output);
        Assert.Contains("EMPTY", output);
    }

    [Fact]
    public void ACoverageGapAffectingARulesPairsFailsTheGate()
    {
        var t = JsonNode.Parse(new StreamReader(OpenSample("hub-firewall")).ReadToEnd())!.AsObject();
        var spoke = t["resources"]!.AsArray().First(r => ((string)r!["type"]!).Equals("Microsoft.Network/virtualNetworks", StringComparison.OrdinalIgnoreCase) && ((string)r!["name"]!).StartsWith("spoke"))!;
        var rg = string.Join('/', ((string)spoke["id"]!).Split('/').Take(5));
        t["coverage"] = new JsonObject { ["denied"] = new JsonArray(new JsonObject { ["scope"] = rg, ["type"] = "Microsoft.Network/routeTables", ["status"] = 403 }) };
        var snapshot = Write("gap.json", t.ToJsonString());
        var intent = Write("i.yaml", "groups:\n  spokes: {name: 'spoke*'}\nrules:\n  - {from: spokes, to: spokes, expect: [Appliance]}\n");
        var (code, output, err) = Run("intent", "--snapshot", snapshot, "--intent", intent);
        Assert.Equal(ExitCodes.Findings, code);
        Assert.Contains("depends on what the snapshot could not read", err);
        Assert.Contains("GAP", output);
        // A gap in a subscription that holds no VNet of the snapshot: the VNets a rule could select there are missing.
        t["coverage"] = new JsonObject { ["denied"] = new JsonArray(new JsonObject { ["scope"] = "/subscriptions/99999999-0000-0000-0000-000000000000", ["status"] = 403 }) };
        Assert.Equal(ExitCodes.Findings, Run("intent", "--snapshot", Write("gap2.json", t.ToJsonString()), "--intent", intent).Code);
    }

    private static Stream OpenSample(string name)
    {
        Assert.True(AzSpokeTools.Engine.Samples.SampleCatalog.TryOpen(name, out var s));
        return s;
    }

    [Fact]
    public void PathCapsEqualCostPathsAndSaysHowManyMore()
    {
        var snapshot = Write("ecmp.json", ApplianceChain.Estate(10, width: 2).Text()); // 1,024 equal-cost paths
        var (code, output, _) = Run("path", "--snapshot", snapshot, "--from", "src", "--to", "dst");
        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("Equal-cost alternative 16", output);
        Assert.DoesNotContain("Equal-cost alternative 17", output);
        Assert.Contains("... and 1,008 more equal-cost paths", output);
        var json = JsonDocument.Parse(Run("path", "--snapshot", snapshot, "--from", "src", "--to", "dst", "--format", "json", "--max-paths", "40").Out).RootElement;
        Assert.Equal(39, json.GetProperty("alternatives").GetArrayLength());
        Assert.Equal(1024 - 40, json.GetProperty("moreAlternatives").GetInt64());
        Assert.Equal(ExitCodes.BadInput, Run("path", "--snapshot", snapshot, "--from", "src", "--to", "dst", "--max-paths", "0").Code);
    }
}
