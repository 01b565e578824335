using System.Text.Json.Nodes;
using AzSpokeTools.Azure.Export;
using AzSpokeTools.Azure.Snapshot;
using AzSpokeTools.Azure.Tests.FakeArm;
using Xunit;

namespace AzSpokeTools.Azure.Tests;

public class CancellationTests
{
    [Fact(Timeout = 60_000)]
    public async Task Cancelling_mid_export_leaves_neither_the_snapshot_nor_a_temporary_file()
    {
        await using var h = await ExportHarness.StartAsync(FakeEstate.Generate(1_000));
        var options = h.Options();
        options.PageSize = 100;
        using var cancel = new CancellationTokenSource();
        var observer = new RecordingObserver
        {
            OnProgress = (activity, pages, _) =>
            {
                if (activity == "Resource Graph" && pages == 3)
                {
                    // The temporary file is being written when the cancellation arrives.
                    Assert.Single(Directory.GetFiles(h.Directory, "*.tmp", new EnumerationOptions { AttributesToSkip = 0 }));
                    cancel.Cancel();
                }
            },
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new TopologyExporter(options, observer).ExportAsync(h.OutputPath, cancel.Token));

        Assert.Empty(Directory.GetFileSystemEntries(h.Directory, "*", new EnumerationOptions { AttributesToSkip = 0 }));
        Assert.True(h.Server.ArgRequests.Count() < 10);
    }

    [Fact(Timeout = 60_000)]
    public async Task Cancelling_during_a_quota_wait_stops_promptly()
    {
        await using var h = await ExportHarness.StartAsync(FakeEstate.Generate(400));
        h.Server.ArgFaults[1] = Fault.QuotaExhausted("00:05:00");
        var options = h.Options();
        options.PageSize = 100;
        using var cancel = new CancellationTokenSource();
        var observer = new RecordingObserver { OnProgress = (_, _, _) => cancel.CancelAfter(100) };

        var started = DateTime.UtcNow;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new TopologyExporter(options, observer).ExportAsync(h.OutputPath, cancel.Token));

        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(30));
        Assert.Empty(Directory.GetFileSystemEntries(h.Directory, "*", new EnumerationOptions { AttributesToSkip = 0 }));
    }
}

public class SnapshotWriterTests
{
    private static string NewDirectory()
    {
        var dir = Path.Combine(Path.GetTempPath(), "azspoke-writer-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    [Fact]
    public void A_writer_disposed_without_commit_deletes_its_temporary_file()
    {
        var dir = NewDirectory();
        var target = Path.Combine(dir, "out.json");
        using (var writer = new SnapshotWriter(target, DateTimeOffset.UtcNow, new JsonObject()))
        {
            writer.WriteResource(new JsonObject { ["id"] = "/subscriptions/x" });
            Assert.True(File.Exists(writer.TemporaryPath));
        }
        Assert.Empty(Directory.GetFileSystemEntries(dir, "*", new EnumerationOptions { AttributesToSkip = 0 }));
        Directory.Delete(dir, true);
    }

    [Fact]
    public void Commit_replaces_an_existing_snapshot_with_a_complete_document()
    {
        var dir = NewDirectory();
        var target = Path.Combine(dir, "out.json");
        File.WriteAllText(target, "old");
        using (var writer = new SnapshotWriter(target, new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), new JsonObject { ["kind"] = "azure" }))
        {
            writer.WriteResource(new JsonObject { ["id"] = "/subscriptions/x/a" });
            writer.WriteResult("effectiveRouteTable", "/subscriptions/x/nic", new JsonObject { ["value"] = new JsonArray() });
            writer.Commit(new JsonObject { ["complete"] = true, ["denied"] = new JsonArray(), ["failed"] = new JsonArray() });
        }
        var doc = JsonNode.Parse(File.ReadAllText(target))!;
        Assert.Equal(1, (int)doc["schemaVersion"]!);
        Assert.Equal("2026-01-02T03:04:05.000Z", (string)doc["capturedAt"]!);
        Assert.Equal("/subscriptions/x/a", (string)doc["resources"]![0]!["id"]!);
        Assert.Equal("effectiveRouteTable", (string)doc["results"]![0]!["operation"]!);
        Assert.True((bool)doc["coverage"]!["complete"]!);
        Assert.Single(Directory.GetFileSystemEntries(dir, "*", new EnumerationOptions { AttributesToSkip = 0 }));
        Directory.Delete(dir, true);
    }

    [Fact]
    public void A_missing_output_directory_is_bad_input_naming_the_path()
    {
        var path = Path.Combine(Path.GetTempPath(), "no-such-dir-" + Guid.NewGuid().ToString("N"), "x.json");
        var ex = Assert.Throws<ArgumentException>(() => SnapshotWriter.ValidateTarget(path));
        Assert.Contains(path, ex.Message);
    }
}
