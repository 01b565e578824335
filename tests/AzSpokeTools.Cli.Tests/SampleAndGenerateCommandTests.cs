using System.Text.Json;
using AzSpokeTools.Cli;
using AzSpokeTools.Engine.Samples;
using Xunit;

using AzSpokeTools.Engine.Tests;
using AzSpokeTools.Engine.Tests.Reports;

namespace AzSpokeTools.Cli.Tests;

public sealed class SampleAndGenerateCommandTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("azspoke-cli-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code = CliApp.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    private string[] FilesInDir() => Directory.GetFiles(dir).Select(Path.GetFileName).ToArray()!;

    [Fact]
    public void SampleListPrintsEveryBundledSampleOnePerLine()
    {
        var (code, output, _) = Run("sample", "--list");
        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal(SampleCatalog.Names, output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Fact]
    public void SampleNameWritesTheBundledSnapshotUnchanged()
    {
        string target = Path.Combine(dir, "hub.json");
        var (code, _, _) = Run("sample", "--name", "hub-firewall", "--out", target);
        Assert.Equal(ExitCodes.Success, code);
        Assert.True(SampleCatalog.TryOpen("hub-firewall", out Stream s));
        using var ms = new MemoryStream();
        using (s) s.CopyTo(ms);
        Assert.Equal(ms.ToArray(), File.ReadAllBytes(target));
        Assert.Equal(new[] { "hub.json" }, FilesInDir());
    }

    [Fact]
    public void SampleOverwritesAnExistingFile()
    {
        string target = Path.Combine(dir, "x.json");
        File.WriteAllText(target, "old");
        Assert.Equal(ExitCodes.Success, Run("sample", "--name", "vwan", "--out", target).Code);
        using var doc = JsonDocument.Parse(File.ReadAllText(target));
        Assert.Equal(1, doc.RootElement.GetProperty("schemaVersion").GetInt32());
    }

    [Fact]
    public void UnknownSampleNameIsBadInputListingTheValidNames()
    {
        string target = Path.Combine(dir, "x.json");
        var (code, _, err) = Run("sample", "--name", "nope", "--out", target);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("nope", err);
        foreach (string name in SampleCatalog.Names) Assert.Contains(name, err);
        Assert.Empty(FilesInDir());
    }

    [Theory]
    [InlineData("sample")]
    [InlineData("sample", "--name", "vwan")]
    [InlineData("sample", "--list", "--name", "vwan")]
    [InlineData("generate", "--out", "PLACEHOLDER")]
    [InlineData("generate", "--spokes", "10")]
    [InlineData("generate", "--spokes", "ten", "--out", "PLACEHOLDER")]
    public void MissingOrConflictingArgumentsAreBadInput(params string[] args)
    {
        string[] resolved = args.Select(a => a == "PLACEHOLDER" ? Path.Combine(dir, "x.json") : a).ToArray();
        var (code, _, err) = Run(resolved);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.NotEmpty(err);
        Assert.Empty(FilesInDir());
    }

    [Fact]
    public void GenerateWritesADeterministicSnapshotWithTheRequestedCounts()
    {
        string a = Path.Combine(dir, "a.json"), b = Path.Combine(dir, "b.json");
        Assert.Equal(ExitCodes.Success, Run("generate", "--spokes", "40", "--hubs", "3", "--subnets", "2", "--seed", "9", "--out", a).Code);
        Assert.Equal(ExitCodes.Success, Run("generate", "--spokes", "40", "--hubs", "3", "--subnets", "2", "--seed", "9", "--out", b).Code);
        Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));
        using var doc = JsonDocument.Parse(File.ReadAllBytes(a));
        var vnets = doc.RootElement.GetProperty("resources").EnumerateArray().Where(r => r.GetProperty("type").GetString() == "Microsoft.Network/virtualNetworks").ToList();
        Assert.Equal(43, vnets.Count);
        Assert.Equal(40 * 2 + 3 * 2, vnets.Sum(v => v.GetProperty("properties").GetProperty("subnets").GetArrayLength()));
        Assert.Equal(new[] { "a.json", "b.json" }, FilesInDir().OrderBy(x => x));
    }

    [Fact]
    public void GenerateDefaultsToTwoHubsOneSubnetSeedOne()
    {
        string a = Path.Combine(dir, "a.json"), b = Path.Combine(dir, "b.json");
        Assert.Equal(ExitCodes.Success, Run("generate", "--spokes", "12", "--out", a).Code);
        Assert.Equal(ExitCodes.Success, Run("generate", "--spokes", "12", "--hubs", "2", "--subnets", "1", "--seed", "1", "--out", b).Code);
        Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));
    }

    [Theory]
    [InlineData("--spokes", "0", "--spokes")]
    [InlineData("--spokes", "65537", "--spokes")]
    [InlineData("--hubs", "0", "--hubs")]
    [InlineData("--subnets", "99", "--subnets")]
    public void GenerateRejectsOutOfRangeSizesNamingTheOption(string option, string value, string named)
    {
        string target = Path.Combine(dir, "x.json");
        var args = new List<string> { "generate", "--spokes", "5", "--out", target };
        int i = args.IndexOf(option);
        if (i >= 0) args[i + 1] = value; else { args.Add(option); args.Add(value); }
        var (code, _, err) = Run(args.ToArray());
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains(named, err);
        Assert.Empty(FilesInDir());
    }

    [Fact]
    public void OutputIntoAMissingDirectoryIsBadInputAndWritesNothing()
    {
        string target = Path.Combine(dir, "missing", "x.json");
        var (code, _, err) = Run("generate", "--spokes", "5", "--out", target);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("does not exist", err);
        Assert.False(Directory.Exists(Path.Combine(dir, "missing")));
    }

    [Fact]
    public void OutputOntoADirectoryIsBadInputAndLeavesNoTemporaryFile()
    {
        var (code, _, err) = Run("sample", "--name", "vwan", "--out", dir);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("directory", err);
        Assert.Empty(FilesInDir());
    }
}
