using System.Diagnostics;
using System.Runtime.InteropServices;
using AzSpokeTools.Azure.Tests.FakeArm;
using AzSpokeTools.Cli;
using Xunit;

namespace AzSpokeTools.Azure.Tests;

/// <summary>Runs the real azspoke executable in a child process and interrupts it with SIGINT.</summary>
public class CliInterruptTests
{
    [DllImport("libc", SetLastError = true, EntryPoint = "kill")]
    private static extern int SendSignal(int pid, int signal);

    private const int SIGINT = 2;

    [Fact(Timeout = 90_000)]
    public async Task SIGINT_cancels_the_export_and_removes_the_temporary_file()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return; // SIGINT is a POSIX signal
        await using var h = await ExportHarness.StartAsync(FakeEstate.Generate(2_500)); // three Resource Graph pages of 1000
        var certFile = Path.Combine(h.Directory, "..", "azspoke-ca-" + Guid.NewGuid().ToString("N") + ".pem");
        File.WriteAllText(certFile, FakeArmServer.CertificatePem);
        try
        {
            var interrupted = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            Process? child = null;
            h.Server.ArgFaults[2] = Fault.Slow(TimeSpan.FromSeconds(60));
            h.Server.OnArgCall = call =>
            {
                if (call != 2 || child == null) return;
                // The export is mid-way: its temporary file exists beside the target.
                var temps = Directory.GetFiles(h.Directory, "*.tmp", new EnumerationOptions { AttributesToSkip = 0 });
                interrupted.TrySetResult(temps.Length == 1);
                _ = SendSignal(child.Id, SIGINT);
            };

            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "azspoke.dll"));
            foreach (var a in new[] { "export", "--out", h.OutputPath, "--arm-endpoint", h.Server.Endpoint.AbsoluteUri, "--access-token", h.Token,
                         "--subscription", h.Estate.Subscriptions[0], h.Estate.Subscriptions[1], h.Estate.Subscriptions[2] })
                start.ArgumentList.Add(a);
            start.Environment["SSL_CERT_FILE"] = certFile;
            start.Environment["SSL_CERT_DIR"] = Path.GetDirectoryName(certFile);
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

            var watch = Stopwatch.StartNew();
            child = Process.Start(start)!;
            var stderr = child.StandardError.ReadToEndAsync();
            var stdout = child.StandardOutput.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await child.WaitForExitAsync(timeout.Token);
            var error = await stderr;

            Assert.True(interrupted.Task.IsCompleted, "the child never reached the second Resource Graph page: " + error);
            Assert.True(await interrupted.Task, "no temporary file while the export ran");
            Assert.Equal(ExitCodes.AzureFailure, child.ExitCode);
            Assert.Contains("cancelled", error);
            Assert.Empty(await stdout);
            Assert.Empty(Directory.GetFileSystemEntries(h.Directory, "*", new EnumerationOptions { AttributesToSkip = 0 }));
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(50));
        }
        finally
        {
            File.Delete(certFile);
        }
    }
}
