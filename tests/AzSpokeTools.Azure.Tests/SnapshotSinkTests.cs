using System.Text.Json.Nodes;
using AzSpokeTools.Azure.Export;
using AzSpokeTools.Azure.Snapshot;
using AzSpokeTools.Azure.Tests.FakeArm;
using Xunit;

namespace AzSpokeTools.Azure.Tests;

/// <summary>
/// The export writes into a sink: a file only when the user asked for one (written atomically), memory for a live read that goes
/// straight to the loader. Both hold the same document; neither keeps anything from an export that failed or was cancelled.
/// </summary>
public sealed class SnapshotSinkTests
{
    private static JsonObject WithoutCaptureTime(JsonObject snapshot)
    {
        snapshot.Remove("capturedAt");
        return snapshot;
    }

    [Fact(Timeout = 60_000)]
    public async Task A_memory_export_holds_the_document_the_file_export_writes_and_writes_no_file()
    {
        await using var h = await ExportHarness.StartAsync(FakeEstate.Generate(40));
        await new TopologyExporter(h.Options()).ExportAsync(h.OutputPath);
        using var sink = new MemorySnapshotSink("live data (test)");
        var summary = await new TopologyExporter(h.Options()).ExportAsync(sink);

        Assert.Equal("live data (test)", summary.OutputPath);
        Assert.Equal(new[] { h.OutputPath }, Directory.GetFileSystemEntries(h.Directory, "*", new EnumerationOptions { AttributesToSkip = 0 }));
        using var read = sink.OpenRead();
        var inMemory = JsonNode.Parse(read)!.AsObject();
        Assert.Equal(WithoutCaptureTime(h.ReadSnapshot()).ToJsonString(), WithoutCaptureTime(inMemory).ToJsonString());
        // The loader takes it as it takes the file.
        var topology = AzSpokeTools.Engine.Snapshot.SnapshotLoader.Load(sink.OpenRead(), sink.Name);
        Assert.Equal(summary.Resources, ExportHarness.ResourceIds(inMemory).Count);
        Assert.Equal("live data (test)", Assert.Single(topology.Files));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_cancelled_memory_export_commits_nothing()
    {
        await using var h = await ExportHarness.StartAsync(FakeEstate.Generate(1_000));
        var options = h.Options();
        options.PageSize = 100;
        using var cancel = new CancellationTokenSource();
        var observer = new RecordingObserver { OnProgress = (activity, pages, _) => { if (activity == "Resource Graph" && pages == 3) cancel.Cancel(); } };
        using var sink = new MemorySnapshotSink("live data (cancelled)");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new TopologyExporter(options, observer).ExportAsync(sink, cancel.Token));

        Assert.False(sink.Committed);
        Assert.Throws<InvalidOperationException>(() => sink.OpenRead());
        Assert.Empty(Directory.GetFileSystemEntries(h.Directory, "*", new EnumerationOptions { AttributesToSkip = 0 }));
    }

    [Fact]
    public void A_file_sink_checks_its_target_before_anything_is_sent_or_created()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-dir-" + Guid.NewGuid().ToString("N"), "x.json");
        Assert.Equal("OutputPath", Assert.Throws<ArgumentException>(() => new FileSnapshotSink(missing)).ParamName);
        Assert.Equal("OutputPath", Assert.Throws<ArgumentException>(() => new FileSnapshotSink(Path.GetTempPath())).ParamName);
    }
}
