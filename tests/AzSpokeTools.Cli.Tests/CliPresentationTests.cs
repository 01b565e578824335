using AzSpokeTools.Cli;
using Xunit;

using AzSpokeTools.Engine.Tests;
using AzSpokeTools.Engine.Tests.Reports;

namespace AzSpokeTools.Cli.Tests;

/// <summary>How azspoke presents itself: usage on a bare call, suggestions for typos, PowerShell's words for --level,
/// tables that fit the terminal, JSON without needless escapes.</summary>
public sealed class CliPresentationTests
{
    private static (int Code, string Out, string Err) Run(int? width, params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var code = CliApp.Run(args, o, e, width);
        return (code, o.ToString(), e.ToString());
    }

    [Fact]
    public void BareCallPrintsTheUsageWithEveryCommandAndExitsAsBadUsage()
    {
        var (code, output, _) = Run(null);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("Usage:", output);
        foreach (var command in new[] { "routes", "path", "matrix", "intent", "readiness", "plan", "verify", "export", "sample", "generate" })
            Assert.Contains("  " + command + " ", output);
    }

    [Theory]
    [InlineData("rotes", "'routes'")]
    [InlineData("matirx", "'matrix'")]
    [InlineData("readines", "'readiness'")]
    public void UnknownCommandSuggestsTheClosestCommand(string typed, string suggestion)
    {
        var (code, _, error) = Run(null, typed, "--snapshot", "sample:hub-firewall");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains($"Unrecognized command or argument '{typed}'. Did you mean {suggestion}?", error);
    }

    [Fact]
    public void UnknownOptionSuggestsTheClosestOptionOfThatCommand()
    {
        var (code, _, error) = Run(null, "path", "--snapshot", "sample:hub-firewall", "--form", "spoke1", "--to", "spoke2");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("Unrecognized command or argument '--form'. Did you mean '--from'?", error);
        Assert.Contains("Did you mean '--snapshot'?", Run(null, "routes", "--snapshto", "sample:hub-firewall").Err);
    }

    [Theory]
    [InlineData("vnet", "VirtualNetwork")]
    [InlineData("subnet", "Subnet")]
    public void LevelAcceptsThePowerShellWords(string cliWord, string powerShellWord)
    {
        var cli = Run(null, "matrix", "--snapshot", "sample:hub-firewall", "--level", cliWord, "--format", "csv");
        var ps = Run(null, "matrix", "--snapshot", "sample:hub-firewall", "--level", powerShellWord, "--format", "csv");
        Assert.Equal(ExitCodes.Success, ps.Code);
        Assert.Equal(cli.Out, ps.Out);
    }

    [Theory]
    [InlineData("routes", "--snapshot", "sample:vpn-transit", "--subnet", "spoke1/workload")]
    [InlineData("path", "--snapshot", "sample:contoso-hairpin", "--from", "spoke-a1", "--to", "spoke-b1")]
    [InlineData("readiness", "--snapshot", "sample:contoso-hairpin")]
    public void TablesFitTheTerminalWidthAndAreWholeWhenRedirected(params string[] args)
    {
        var whole = Run(null, args).Out.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Contains(whole, l => l.Length > 80);
        Assert.DoesNotContain(whole, l => l.Contains('…'));
        var fitted = Run(80, args).Out.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var tableLines = fitted.Where(l => l.Length > 0 && l.All(c => c is '-' or ' ')).ToList();
        Assert.NotEmpty(tableLines);
        Assert.All(tableLines, l => Assert.True(l.Length <= 80, $"ruler of {l.Length} columns: {l}"));
        Assert.Contains(fitted, l => l.Contains('…'));
    }

    [Theory]
    [InlineData("path", "--snapshot", "sample:contoso-hairpin", "--from", "spoke-a1", "--to", "spoke-b1", "--format", "json")]
    [InlineData("routes", "--snapshot", "sample:hub-firewall", "--subnet", "spoke1/workload", "--format", "json")]
    [InlineData("readiness", "--snapshot", "sample:contoso-hairpin", "--format", "json")]
    [InlineData("intent", "--snapshot", "sample:contoso-hairpin", "--intent", "../../docs/examples/intent.yaml", "--format", "json")]
    [InlineData("matrix", "--snapshot", "sample:contoso-hairpin", "--format", "json")]
    public void JsonCarriesArrowsAndQuotesUnescaped(params string[] args)
    {
        args = args.Select(a => a.StartsWith("../", StringComparison.Ordinal) ? Path.Combine(TestPaths.RepoRoot, a[6..]) : a).ToArray();
        var (code, output, error) = Run(null, args);
        Assert.True(code is ExitCodes.Success or ExitCodes.Findings, error);
        Assert.DoesNotContain("\\u00", output);
        using (System.Text.Json.JsonDocument.Parse(output)) { }
    }

    [Fact]
    public void PathJsonKeepsTheArrowOfItsReasons()
    {
        var (_, output, _) = Run(null, "path", "--snapshot", "sample:contoso-hairpin", "--from", "spoke-a1", "--to", "spoke-b1", "--format", "json");
        Assert.Contains("->", output);
    }
}
