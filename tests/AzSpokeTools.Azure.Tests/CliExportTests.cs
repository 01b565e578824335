using AzSpokeTools.Tests.Shared;
using System.Text.Json.Nodes;
using AzSpokeTools.Azure.Tests.FakeArm;
using AzSpokeTools.Azure.Transport;
using AzSpokeTools.Cli;
using Xunit;

namespace AzSpokeTools.Azure.Tests;

public class CliExportTests
{
    private static (int Exit, string Out, string Err) Run(ExportHarness h, params string[] args)
    {
        // The CLI builds its own options; the fake server's certificate is trusted through the transport seam.
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

    private static string[] Base(ExportHarness h, params string[] more)
        => new[] { "export", "--out", h.OutputPath, "--arm-endpoint", h.Server.Endpoint.AbsoluteUri, "--access-token", h.Token }.Concat(more).ToArray();

    [CorpusFact(Timeout = 60_000)]
    public async Task Export_writes_the_snapshot_and_a_summary_and_never_prints_the_token()
    {
        await using var h = await ExportHarness.StartAsync(FakeEstate.Generate(2_000, includeCorpus: true));
        h.Server.ArgFaults[2] = Fault.ThrottleMs(50);
        var args = Base(h, "--subscription").Concat(h.Estate.Subscriptions)
            .Concat(new[] { "--include-learned-routes", "--include-effective-routes", h.Estate.NetworkInterfaceIds[0], h.Estate.NetworkInterfaceIds[1], "--verbose" }).ToArray();

        var (exit, output, error) = await Task.Run(() => Run(h, args));

        Assert.True(exit == 0, error);
        var summary = JsonNode.Parse(output)!;
        var ids = ExportHarness.ResourceIds(h.ReadSnapshot());
        Assert.Equal(ids.Count, (int)summary["resources"]!);
        Assert.True(h.Estate.ExpectedIds().SetEquals(ids));
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Contains("export: Resource Graph: 2 pages, 2000 resources", error);
        Assert.Contains("verbose: POST ", error);
        Assert.Contains(" -> 429 ", error);
        Assert.DoesNotContain(h.Token, output + error);
        Assert.DoesNotContain(h.Token, File.ReadAllText(h.OutputPath));
        Assert.Empty(h.Server.Violations);
        Assert.Equal(2, h.ReadSnapshot()["results"]!.AsArray().Count(r => (string)r!["operation"]! == "effectiveRouteTable"));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_denied_subscription_is_a_warning_and_the_export_still_succeeds()
    {
        await using var h = await ExportHarness.StartAsync(FakeEstate.Generate(300));
        var denied = h.Estate.Subscriptions[2];
        h.Server.DeniedSubscriptions.Add(denied);

        var (exit, output, error) = await Task.Run(() => Run(h, Base(h, "--subscription").Concat(h.Estate.Subscriptions).ToArray()));

        Assert.Equal(ExitCodes.Success, exit);
        Assert.Contains("warning: Access denied to /subscriptions/" + denied, error);
        Assert.False((bool)JsonNode.Parse(output)!["complete"]!);
        Assert.Equal("/subscriptions/" + denied, (string)JsonNode.Parse(output)!["denied"]![0]!);
        Assert.True(h.Estate.ExpectedIds(new HashSet<string> { denied }).SetEquals(ExportHarness.ResourceIds(h.ReadSnapshot())));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_rejected_token_is_an_Azure_failure_with_exit_3_and_no_file()
    {
        await using var h = await ExportHarness.StartAsync(FakeEstate.Generate(30));
        var args = Base(h, "--subscription", h.Estate.Subscriptions[0]);
        args[Array.IndexOf(args, h.Token)] = "wrong-token";

        var (exit, _, error) = await Task.Run(() => Run(h, args));

        Assert.Equal(ExitCodes.AzureFailure, exit);
        Assert.StartsWith("error: ", error.Split('\n').Last(l => l.Length > 0));
        Assert.Contains("(HTTP 401)", error);
        Assert.DoesNotContain("wrong-token", error);
        Assert.Empty(Directory.GetFileSystemEntries(h.Directory, "*", new EnumerationOptions { AttributesToSkip = 0 }));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_query_Resource_Graph_rejects_is_exit_3()
    {
        await using var h = await ExportHarness.StartAsync(FakeEstate.Generate(30));
        h.Server.ArgFaults[1] = new Fault(400);

        var (exit, _, error) = await Task.Run(() => Run(h, Base(h, "--subscription", h.Estate.Subscriptions[0])));

        Assert.Equal(ExitCodes.AzureFailure, exit);
        Assert.Contains("error: Resource Graph query", error);
        Assert.Contains("(HTTP 400)", error);
        Assert.False(File.Exists(h.OutputPath));
    }

    [Theory(Timeout = 60_000)]
    [InlineData("--subscription", "not-a-guid")]
    [InlineData("--environment", "Mars")]
    [InlineData("--management-group", "a/b")]
    [InlineData("--include-effective-routes", "nic-name-only")]
    public async Task Bad_input_is_exit_2_and_sends_nothing(string option, string value)
    {
        await using var h = await ExportHarness.StartAsync(FakeEstate.Generate(30));

        var (exit, _, error) = await Task.Run(() => Run(h, Base(h, option, value)));

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.StartsWith("error: " + option + ": ", error);
        Assert.Contains(value, error);
        Assert.Empty(h.Server.Requests);
    }

    [Fact(Timeout = 60_000)]
    public async Task Plain_http_endpoints_missing_directories_and_a_missing_out_are_bad_input()
    {
        await using var h = await ExportHarness.StartAsync(FakeEstate.Generate(30));
        var http = Run(h, "export", "--out", h.OutputPath, "--arm-endpoint", "http://127.0.0.1:1", "--access-token", h.Token);
        Assert.Equal(ExitCodes.BadInput, http.Exit);
        Assert.StartsWith("error: --arm-endpoint: ", http.Err);
        Assert.Contains("https", http.Err);

        var missingDir = Run(h, Base(h).Select(a => a == h.OutputPath ? Path.Combine(h.Directory, "nope", "x.json") : a).ToArray());
        Assert.Equal(ExitCodes.BadInput, missingDir.Exit);
        Assert.StartsWith("error: --out: ", missingDir.Err);
        Assert.Contains("does not exist", missingDir.Err);

        var noOut = Run(h, "export", "--arm-endpoint", h.Server.Endpoint.AbsoluteUri);
        Assert.Equal(ExitCodes.BadInput, noOut.Exit);
        Assert.Empty(h.Server.Requests);
        Assert.DoesNotContain(h.Token, http.Err + missingDir.Err);
    }
}
