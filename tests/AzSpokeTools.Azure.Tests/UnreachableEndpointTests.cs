using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using AzSpokeTools.Azure.Export;
using AzSpokeTools.Cli;
using Xunit;

namespace AzSpokeTools.Azure.Tests;

/// <summary>
/// An ARM endpoint that is not there (a closed port on 127.0.0.1) fails fast with the cause (issue 16): exit 3 within 20 s from
/// the CLI process, an AzureExportException with status 0 from the library, instead of a minute of back-off ending in an
/// unhandled AggregateException (exit 134).
/// </summary>
public class UnreachableEndpointTests
{
    /// <summary>A loopback port nothing listens on: bound, then released.</summary>
    internal static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static ExportOptions Options(int port)
    {
        // Default retry settings: what a user gets.
        var options = new ExportOptions { ArmEndpoint = new Uri($"https://127.0.0.1:{port}"), AccessToken = "tok" };
        options.SubscriptionIds.Add("00000000-0000-0000-0000-000000000001");
        return options;
    }

    [Fact(Timeout = 60_000)]
    public async Task A_closed_port_fails_within_the_connection_retry_budget_naming_the_cause()
    {
        var dir = Directory.CreateTempSubdirectory("azspoke-closed-").FullName;
        try
        {
            var watch = Stopwatch.StartNew();
            var ex = await Assert.ThrowsAsync<AzureExportException>(() => new TopologyExporter(Options(ClosedPort())).ExportAsync(Path.Combine(dir, "s.json")));
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), "took " + watch.Elapsed);
            Assert.True(watch.Elapsed > TimeSpan.FromSeconds(2), "the connection should be retried a few times first: " + watch.Elapsed);
            Assert.Equal(0, ex.Status);
            Assert.Contains("cannot connect to 127.0.0.1:", ex.Message);
            Assert.Contains("attempt(s)", ex.Message);
            Assert.Empty(Directory.GetFileSystemEntries(dir));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact(Timeout = 60_000)]
    public async Task The_budget_is_configurable_and_zero_means_one_attempt()
    {
        var options = Options(ClosedPort());
        options.ConnectionRetryBudget = TimeSpan.Zero;
        var watch = Stopwatch.StartNew();
        var ex = await Assert.ThrowsAsync<AzureExportException>(() => new TopologyExporter(options).ExportAsync(Path.Combine(Path.GetTempPath(), "azspoke-never-" + Guid.NewGuid().ToString("N") + ".json")));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), "took " + watch.Elapsed);
        Assert.Contains("cannot connect", ex.Message);
        options.ConnectionRetryBudget = TimeSpan.FromSeconds(-1);
        Assert.Throws<ArgumentException>(() => options.Validate());
    }

    [Fact(Timeout = 90_000)]
    public async Task The_azspoke_process_exits_3_within_20_seconds_on_a_closed_port()
    {
        var dir = Directory.CreateTempSubdirectory("azspoke-closed-cli-").FullName;
        try
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "azspoke.dll"));
            foreach (var a in new[] { "export", "--out", Path.Combine(dir, "s.json"), "--arm-endpoint", $"https://127.0.0.1:{ClosedPort()}", "--access-token", "tok",
                         "--subscription", "00000000-0000-0000-0000-000000000001" })
                start.ArgumentList.Add(a);
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            var watch = Stopwatch.StartNew();
            using var child = Process.Start(start)!;
            var stderr = child.StandardError.ReadToEndAsync();
            var stdout = child.StandardOutput.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await child.WaitForExitAsync(timeout.Token);
            var error = await stderr;
            Assert.Equal(ExitCodes.AzureFailure, child.ExitCode);
            Assert.True(watch.Elapsed <= TimeSpan.FromSeconds(20), "took " + watch.Elapsed);
            var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("error: ", line);
            Assert.Contains("cannot connect to 127.0.0.1:", line);
            Assert.DoesNotContain("Exception", line);
            Assert.Empty(await stdout);
            Assert.Empty(Directory.GetFileSystemEntries(dir));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void The_retry_budget_option_is_bad_input_when_out_of_range()
    {
        var error = new StringWriter();
        Assert.Equal(ExitCodes.BadInput, CliApp.Run(new[] { "export", "--out", "x.json", "--retry-budget", "-1" }, new StringWriter(), error));
        Assert.Contains("--retry-budget", error.ToString());
    }
}
