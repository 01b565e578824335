using System.Text.Json.Nodes;
using AzSpokeTools.Azure.Tests.FakeArm;
using AzSpokeTools.Azure.Transport;
using AzSpokeTools.Cli;
using Xunit;

namespace AzSpokeTools.Azure.Tests;

public class CliPlanApplyTests
{
    private const string Nm = "/subscriptions/5c1a0b3e-7d2f-4e6a-9b8c-1f2e3d4c5b6a/resourceGroups/rg-connectivity/providers/Microsoft.Network/networkManagers/nm-contoso";

    private static (int Exit, string Out, string Err) Run(ExportHarness h, params string[] args)
    {
        ArmClient.TransportOverride.Value = h.Server.CreateTransport();
        try
        {
            var output = new StringWriter();
            var error = new StringWriter();
            var exit = CliApp.Run(args, output, error);
            return (exit, output.ToString(), error.ToString());
        }
        finally
        {
            ArmClient.TransportOverride.Value = null;
        }
    }

    private static async Task<ExportHarness> StartAsync()
    {
        var h = await ExportHarness.StartAsync(FakeEstate.Generate(10));
        var avnm = new FakeAvnm { DeployingReads = 0 }; // Deployed on the first status read: the CLI waits 10 s between reads
        avnm.Resources[Nm + "/connectivityConfigurations/cc-spokes-mesh"] = new JsonObject { ["properties"] = new JsonObject() };
        h.Server.Avnm = avnm;
        return h;
    }

    private static string[] Args(ExportHarness h, params string[] more) =>
        new[] { "plan", "--snapshot", "sample:contoso-hairpin", "--out", Path.Combine(h.Directory, "plan"), "--no-what-if", "--pilot-size", "2",
            "--arm-endpoint", h.Server.Endpoint.AbsoluteUri, "--access-token", h.Token }.Concat(more).ToArray();

    [Fact(Timeout = 60_000)]
    public async Task Plan_apply_commits_the_pilot_wave_and_prints_every_request()
    {
        await using var h = await StartAsync();
        var (exit, output, error) = await Task.Run(() => Run(h, Args(h, "--apply")));
        Assert.True(exit == ExitCodes.Success, error);
        Assert.Contains("Apply of waves 1..1 of 3:", output);
        Assert.Contains("Next: export a snapshot, check it with azspoke verify-wave --wave 1, then run with --wave 2.", output);
        Assert.Contains("apply: " + Nm + "/networkGroups/ng-azspoke-mesh-waves: create or update network group: PUT ", error);
        Assert.Equal(2, h.Server.Requests.Count(r => r.Method == "PUT" && r.PathAndQuery.Contains("/staticMembers/")));
        Assert.Equal("Deployed", h.Server.Avnm!.Commits["westeurope"].Status);
        Assert.Equal(new List<string> { Nm + "/connectivityConfigurations/cc-azspoke-mesh" }, h.Server.Avnm.Commits["westeurope"].Ids);
        Assert.DoesNotContain(h.Token, output + error);
        Assert.Empty(h.Server.Violations);
    }

    [Fact(Timeout = 60_000)]
    public async Task Plan_apply_dry_run_sends_no_write()
    {
        await using var h = await StartAsync();
        var (exit, output, error) = await Task.Run(() => Run(h, Args(h, "--apply", "--dry-run", "--wave", "3")));
        Assert.True(exit == ExitCodes.Success, error);
        Assert.Contains("what if: nm-contoso in northeurope: commit 1 connectivity configuration(s) (cc-spokes-mesh) in place of cc-azspoke-mesh: POST " + Nm + "/commit?api-version=", error);
        Assert.DoesNotContain(h.Server.Requests, r => r.Method == "PUT" || r.PathAndQuery.Contains("/commit?"));
        Assert.Contains("Dry run of waves 1..3 of 3:", output);
    }

    [Fact(Timeout = 60_000)]
    public async Task Plan_apply_failure_exits_3_with_the_rollback()
    {
        await using var h = await StartAsync();
        h.Server.Avnm!.CommitRefusal = 409;
        var (exit, _, error) = await Task.Run(() => Run(h, Args(h, "--apply")));
        Assert.Equal(ExitCodes.AzureFailure, exit);
        Assert.Contains("failed with HTTP 409", error);
        Assert.Contains("Deploy-AzNetworkManagerCommit", error);
    }
}
