using AzSpokeTools.Cli;
using Xunit;

using AzSpokeTools.Engine.Tests;
using AzSpokeTools.Engine.Tests.Reports;

namespace AzSpokeTools.Cli.Tests;

public sealed class DiagramAndReportCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("azspoke-cli-pictures-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code = CliApp.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    [Theory]
    [InlineData("p.svg", null, "<svg")]
    [InlineData("p.html", null, "<!DOCTYPE html>")]
    [InlineData("p.mmd", null, "flowchart TB")]
    [InlineData("p.dot", null, "digraph azspoke")]
    [InlineData("p.txt", "mermaid", "flowchart TB")]
    public void DiagramWritesTheFormatOfTheExtensionOrOfFormat(string file, string? format, string start)
    {
        var path = Path.Combine(_dir, file);
        var args = new List<string> { "diagram", "--snapshot", "sample:contoso-hairpin", "--from", "spoke-a1", "--to", "spoke-b1", "--out", path };
        if (format != null) args.AddRange(new[] { "--format", format });
        var (code, output, err) = Run(args.ToArray());
        Assert.True(code == 0, err);
        Assert.StartsWith(start, File.ReadAllText(path));
        Assert.Contains("diagram", output);
    }

    [Theory]
    [InlineData("--from", "spoke-a1")]
    [InlineData("--to", "spoke-b1")]
    public void HalfAPathIsBadInputAndWritesNothing(string option, string value)
    {
        var path = Path.Combine(_dir, "half.svg");
        var (code, _, err) = Run("diagram", "--snapshot", "sample:contoso-hairpin", option, value, "--out", path);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("both", err);
        Assert.Empty(Directory.GetFiles(_dir));
    }

    [Fact]
    public void UnknownExtensionIsBadInputNamingTheFormat()
    {
        var (code, _, err) = Run("diagram", "--snapshot", "sample:hub-firewall", "--out", Path.Combine(_dir, "x.png"));
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("format", err);
        Assert.Empty(Directory.GetFiles(_dir));
    }

    [Fact]
    public void ReportWritesOneSelfContainedHtmlFileAndSummarises()
    {
        var path = Path.Combine(_dir, "estate.html");
        var (code, output, err) = Run("report", "--snapshot", "sample:contoso-hairpin", "--out", path);
        Assert.True(code == 0, err);
        Assert.Contains("6 VNets (30 pairs, 12 intent violations", output);
        Assert.Equal(new[] { "estate.html" }, Directory.GetFiles(_dir).Select(Path.GetFileName));
        Assert.Contains("id=\"report-data\"", File.ReadAllText(path));
    }

    [Fact]
    public void ReportWithAPlanFolderFromPlanShowsItsWaves()
    {
        var plan = Path.Combine(_dir, "plan");
        Assert.Equal(ExitCodes.Success, Run("plan", "--snapshot", "sample:contoso-hairpin", "--out", plan, "--iac", "arm").Code);
        var path = Path.Combine(_dir, "with-plan.html");
        var (code, _, err) = Run("report", "--snapshot", "sample:contoso-hairpin", "--plan", plan, "--out", path);
        Assert.True(code == 0, err);
        Assert.Contains("\"plan\":{\"folder\":\"plan\",\"waves\":[{\"number\":1", File.ReadAllText(path));
    }

    [Fact]
    public void ReportWithAMissingPlanFolderIsBadInput()
    {
        var (code, _, err) = Run("report", "--snapshot", "sample:hub-firewall", "--plan", Path.Combine(_dir, "none"), "--out", Path.Combine(_dir, "r.html"));
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("none", err);
        Assert.Empty(Directory.GetFiles(_dir));
    }
}
