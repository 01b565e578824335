using System.Management.Automation;
using AzSpokeTools.Hosting;
using Xunit;

namespace AzSpokeTools.Module.Tests;

/// <summary>The engine's host calls reach the cmdlet's warning, verbose, progress and ShouldProcess streams, on the pipeline thread only.</summary>
public sealed class CmdletEngineHostTests
{
    private sealed class HostedCmdlet : Cmdlet
    {
    }

    private static (CmdletEngineHost Host, RecordingCommandRuntime Runtime) Create()
    {
        var runtime = new RecordingCommandRuntime();
        var cmdlet = new HostedCmdlet { CommandRuntime = runtime };
        return (new CmdletEngineHost(cmdlet, activityId: 7), runtime);
    }

    [Fact]
    public void WarningsAndVerboseMessagesGoToTheCmdletsStreams()
    {
        var (host, runtime) = Create();
        host.Warning("route table rt-1 is not in the snapshot");
        host.Verbose("loaded 12 resources");
        Assert.Equal(["route table rt-1 is not in the snapshot"], runtime.Warnings);
        Assert.Equal(["loaded 12 resources"], runtime.Verbose);
    }

    [Fact]
    public void ControlAndBidiCharactersInWarningsAreEscaped()
    {
        var (host, runtime) = Create();
        host.Warning("subnet evil\u001b[2J\u202e\nWARNING: forged is not in the snapshot");
        Assert.Equal(["subnet evil\\u001B[2J\\u202E\\nWARNING: forged is not in the snapshot"], runtime.Warnings);
    }

    [Fact]
    public void ProgressBecomesProgressRecordsAndIsCompleted()
    {
        var (host, runtime) = Create();
        host.Progress("Computing effective routes", "spoke1/workload", 40);
        host.Progress("Computing effective routes", "", -1);
        host.Progress("Computing effective routes", "done", 250);
        host.CompleteProgress();
        Assert.Equal(4, runtime.Progress.Count);
        Assert.All(runtime.Progress, p => Assert.Equal(7, p.ActivityId));
        Assert.Equal("spoke1/workload", runtime.Progress[0].StatusDescription);
        Assert.Equal(40, runtime.Progress[0].PercentComplete);
        Assert.Equal(-1, runtime.Progress[1].PercentComplete);
        Assert.Equal("Computing effective routes", runtime.Progress[1].StatusDescription);
        Assert.Equal(100, runtime.Progress[2].PercentComplete);
        Assert.Equal(ProgressRecordType.Completed, runtime.Progress[3].RecordType);
    }

    [Fact]
    public void CompletingWithoutProgressWritesNothing()
    {
        var (host, runtime) = Create();
        host.CompleteProgress();
        Assert.Empty(runtime.Progress);
    }

    [Fact]
    public void ShouldProcessAsksTheCmdletAndReturnsItsAnswer()
    {
        var (host, runtime) = Create();
        runtime.ApproveShouldProcess = false;
        Assert.False(host.ShouldProcess("/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/networkManagers/nm", "Deploy connectivity configuration"));
        runtime.ApproveShouldProcess = true;
        Assert.True(host.ShouldProcess("nm", "Deploy"));
        Assert.Equal(2, runtime.ShouldProcessCalls.Count);
        Assert.Equal("Deploy connectivity configuration", runtime.ShouldProcessCalls[0].Action);
    }

    [Fact]
    public void CallsFromAnotherThreadAreRefusedAndNothingIsWritten()
    {
        var (host, runtime) = Create();
        Exception? warningError = null, shouldProcessError = null;
        var worker = new Thread(() =>
        {
            try { host.Warning("from a worker"); } catch (Exception e) { warningError = e; }
            try { host.ShouldProcess("x", "y"); } catch (Exception e) { shouldProcessError = e; }
        });
        worker.Start();
        worker.Join();
        Assert.Contains("pipeline thread", Assert.IsType<InvalidOperationException>(warningError).Message);
        Assert.IsType<InvalidOperationException>(shouldProcessError);
        Assert.Empty(runtime.Warnings);
        Assert.Empty(runtime.ShouldProcessCalls);
    }
}
