using System.Text.Json;
using AzSpokeTools.Cli;
using Xunit;

using AzSpokeTools.Engine.Tests;
using AzSpokeTools.Engine.Tests.Reports;

namespace AzSpokeTools.Cli.Tests;

/// <summary><c>azspoke verify --learned-routes</c>: the table and JSON forms, and the exit codes of a pipeline gate.</summary>
public sealed class VerifyLearnedRoutesCommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code = CliApp.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    [Fact]
    public void AgreeingTablesExitZeroAndPrintTheSchemaVersionedDocument()
    {
        var (code, output, _) = Run("verify", "--snapshot", "sample:route-server-interhub", "--learned-routes", "--format", "json");
        Assert.Equal(ExitCodes.Success, code);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal(1, doc.RootElement.GetProperty("schemaVersion").GetInt32());
        Assert.Equal(2, doc.RootElement.GetProperty("tables").GetArrayLength());
        Assert.Equal("RouteServerAdvertised", doc.RootElement.GetProperty("tables")[0].GetProperty("kind").GetString());
    }

    [Fact]
    public void TableFormatListsToleratedPrefixesAndASnapshotWithoutCapturesIsBadInput()
    {
        var (code, output, _) = Run("verify", "--snapshot", "sample:vpn-v2v-bgp", "--learned-routes");
        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("vpngw-b: tolerated: 192.168.10.0/24", output);
        var (bad, _, err) = Run("verify", "--snapshot", "sample:hub-firewall", "--learned-routes");
        Assert.Equal(ExitCodes.BadInput, bad);
        Assert.Contains("--include-learned-routes", err);
    }
}
