using System.Text.Json;
using AzSpokeTools.Cli;
using Xunit;

using AzSpokeTools.Engine.Tests;
using AzSpokeTools.Engine.Tests.Reports;

namespace AzSpokeTools.Cli.Tests;

/// <summary>azspoke path / matrix / intent: the README.md#the-command-line shapes and exit codes.</summary>
public sealed class PathMatrixIntentCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("azspoke-paths-").FullName;
    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code = CliApp.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    private string Intent(string text)
    {
        var path = Path.Combine(_dir, "intent.yaml");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void PathJsonHasTheContractShape()
    {
        var (code, output, _) = Run("path", "--snapshot", "sample:hub-firewall", "--from", "spoke1", "--to", "spoke2", "--format", "json");
        Assert.Equal(ExitCodes.Success, code);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal(new[] { "schemaVersion", "source", "destination", "outcome", "kind", "hops", "transits", "reverse", "symmetric", "intended", "compliant", "reasons" },
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Delivered", root.GetProperty("outcome").GetString());
        Assert.Equal("Appliance", root.GetProperty("kind").GetString());
        var hop = root.GetProperty("hops")[0];
        Assert.Equal(new[] { "location", "resourceId", "route" }, hop.EnumerateObject().Select(p => p.Name));
        Assert.Equal(new[] { "addressPrefix", "source", "nextHopType", "nextHopIpAddress" }, hop.GetProperty("route").EnumerateObject().Select(p => p.Name));
        Assert.Equal("VirtualAppliance", hop.GetProperty("route").GetProperty("nextHopType").GetString());
        Assert.Equal("Appliance", root.GetProperty("reverse").GetProperty("kind").GetString());
        Assert.True(root.GetProperty("symmetric").GetBoolean());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("intended").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("compliant").ValueKind);
    }

    [Fact]
    public void PathExitsOneWhenNotDeliveredOrNotCompliant()
    {
        Assert.Equal(ExitCodes.Findings, Run("path", "--snapshot", "sample:peered-spokes", "--from", "spoke2", "--to", "spoke3").Code);
        // Delivered but AVNM intends Mesh for the undeployed mesh: not compliant.
        var (code, output, _) = Run("path", "--snapshot", "sample:contoso-hairpin", "--from", "spoke-a1", "--to", "spoke-b1", "--format", "json");
        Assert.Equal(ExitCodes.Findings, code);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal("ExpressRouteHairpin", root.GetProperty("kind").GetString());
        Assert.Equal("Mesh", root.GetProperty("intended")[0].GetString());
        Assert.False(root.GetProperty("compliant").GetBoolean());
        Assert.Contains(root.GetProperty("reasons").EnumerateArray(), r => r.GetString()!.Contains("cc-spokes-mesh"));
    }

    [Fact]
    public void PathWithIntentFileUsesIt()
    {
        var intent = Intent("groups:\n  spokes: { name: \"spoke*\" }\nrules:\n  - { from: spokes, to: spokes, expect: [Appliance] }\n");
        var (code, output, _) = Run("path", "--snapshot", "sample:hub-firewall", "--from", "spoke1", "--to", "spoke2", "--intent", intent, "--format", "json");
        Assert.Equal(ExitCodes.Success, code);
        Assert.True(JsonDocument.Parse(output).RootElement.GetProperty("compliant").GetBoolean());
    }

    [Fact]
    public void PathTableShowsHopsReverseAndReasons()
    {
        var (code, output, _) = Run("path", "--snapshot", "sample:udr-override", "--from", "spoke1", "--to", "spoke2");
        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("Outcome: Delivered; kind: Appliance", output);
        Assert.Contains("Reverse path", output);
        Assert.Contains("Symmetric: no", output);
    }

    [Fact]
    public void AmbiguousOrUnknownNamesExitTwoListingCandidates()
    {
        var (code, _, err) = Run("path", "--snapshot", "sample:hub-firewall", "--from", "nothing-here", "--to", "spoke2");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("--from", err);
        var (code2, _, err2) = Run("path", "--snapshot", "sample:hub-firewall", "--from", "workload", "--to", "spoke2");
        Assert.Equal(ExitCodes.BadInput, code2);
        Assert.Contains("VNET/SUBNET", err2);
    }

    [Fact]
    public void MatrixSummaryHasTheContractShapeAndExitsOneOnViolations()
    {
        var (code, output, _) = Run("matrix", "--snapshot", "sample:avnm-mesh");
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal(new[] { "schemaVersion", "pairs", "byKind", "violations", "elapsedMs" }, root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(root.GetProperty("pairs").GetInt64(), root.GetProperty("byKind").EnumerateObject().Sum(k => k.Value.GetInt64()));
        Assert.True(root.GetProperty("violations").GetInt64() > 0); // spoke4 -> spoke2 goes through the firewall although the mesh intends Mesh
        Assert.Equal(ExitCodes.Findings, code);
        var clean = Run("matrix", "--snapshot", "sample:peered-spokes");
        Assert.Equal(ExitCodes.Success, clean.Code);
    }

    [Fact]
    public void MatrixCsvAndJsonListEveryPairAndEnginesAgree()
    {
        var csv = Run("matrix", "--snapshot", "sample:two-region-hubs", "--format", "csv").Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("source,destination,outcome,kind,transits,alternatives,intended,compliant", csv[0]);
        var scalar = Run("matrix", "--snapshot", "sample:two-region-hubs", "--format", "csv", "--engine", "scalar").Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(csv, scalar);
        Assert.Contains("spoke-we1,spoke-ne1,Delivered,Appliance,Appliance;Appliance,1,,", csv);
        var json = JsonDocument.Parse(Run("matrix", "--snapshot", "sample:two-region-hubs", "--format", "json").Out).RootElement;
        Assert.Equal(csv.Length - 1, json.GetProperty("pairs").GetArrayLength());
        Assert.Equal(csv.Length - 1, json.GetProperty("summary").GetProperty("pairs").GetInt64());
    }

    [Fact]
    public void IntentCommandPassesOrFailsPerRule()
    {
        var pass = Intent("groups:\n  spokes: { name: \"spoke*\" }\nrules:\n  - { name: inspected, from: spokes, to: spokes, require: [Appliance] }\n");
        var (code, output, _) = Run("intent", "--snapshot", "sample:hub-firewall", "--intent", pass, "--format", "json");
        Assert.Equal(ExitCodes.Success, code);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.True(root.GetProperty("passed").GetBoolean());
        Assert.Equal(6, root.GetProperty("rules")[0].GetProperty("pairs").GetInt64());

        var fail = Intent("groups:\n  spokes: { name: \"spoke*\" }\nrules:\n  - { name: meshed, from: spokes, to: spokes, expect: [Mesh] }\n");
        var (code2, table, _) = Run("intent", "--snapshot", "sample:hub-firewall", "--intent", fail);
        Assert.Equal(ExitCodes.Findings, code2);
        Assert.Contains("FAIL", table);
        Assert.Contains("meshed", table);
    }

    [Fact]
    public void BadIntentFileExitsTwoNamingFileAndPath()
    {
        var bad = Intent("rules:\n  - { from: nobody, to: \"*\", expect: [Mesh] }\n");
        var (code, _, err) = Run("intent", "--snapshot", "sample:hub-firewall", "--intent", bad);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains(bad, err);
        Assert.Contains("$.rules[0].from", err);
    }
}
