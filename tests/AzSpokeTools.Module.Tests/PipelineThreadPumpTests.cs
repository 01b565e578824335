using AzSpokeTools.Live;
using Xunit;

namespace AzSpokeTools.Module.Tests;

/// <summary>Worker-thread callbacks of a live export run on the thread that called Run (PowerShell's pipeline thread).</summary>
public sealed class PipelineThreadPumpTests
{
    [Fact]
    public void PostedActionsRunOnTheCallingThreadInOrder()
    {
        var pump = new PipelineThreadPump();
        var caller = Environment.CurrentManagedThreadId;
        var seen = new List<(int Thread, int Value)>();
        var result = pump.Run(async _ =>
        {
            await Task.Yield();
            Assert.NotEqual(caller, Environment.CurrentManagedThreadId);
            for (var i = 0; i < 50; i++)
            {
                var value = i;
                pump.Post(() => seen.Add((Environment.CurrentManagedThreadId, value)));
            }
            return "done";
        }, new CancellationTokenSource());
        Assert.Equal("done", result);
        Assert.Equal(Enumerable.Range(0, 50), seen.Select(s => s.Value));
        Assert.All(seen, s => Assert.Equal(caller, s.Thread));
    }

    [Fact]
    public void InvokeFromAWorkerReturnsTheValueComputedOnTheCallingThread()
    {
        var pump = new PipelineThreadPump();
        var caller = Environment.CurrentManagedThreadId;
        var thread = pump.Run(async token =>
        {
            await Task.Yield();
            return pump.Invoke(() => Environment.CurrentManagedThreadId, token);
        }, new CancellationTokenSource());
        Assert.Equal(caller, thread);
    }

    [Fact]
    public void AFailingActionCancelsTheWorkAndIsRethrownAfterItUnwinds()
    {
        var pump = new PipelineThreadPump();
        var unwound = false;
        var e = Assert.Throws<InvalidOperationException>(() => pump.Run<int>(async token =>
        {
            pump.Post(() => throw new InvalidOperationException("pipeline stopped"));
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(30), token);
                return 1;
            }
            finally
            {
                unwound = true;
            }
        }, new CancellationTokenSource()));
        Assert.Equal("pipeline stopped", e.Message);
        Assert.True(unwound);
    }

    [Fact]
    public async Task StoppingFromAnotherThreadEndsTheRunWithCancellation()
    {
        var pump = new PipelineThreadPump();
        var cancel = new CancellationTokenSource();
        var started = new ManualResetEventSlim();
        var stopper = Task.Run(() =>
        {
            started.Wait();
            cancel.Cancel();
        });
        Assert.ThrowsAny<OperationCanceledException>(() => pump.Run<int>(async token =>
        {
            started.Set();
            await Task.Delay(TimeSpan.FromSeconds(30), token);
            return 1;
        }, cancel));
        await stopper;
    }
}
