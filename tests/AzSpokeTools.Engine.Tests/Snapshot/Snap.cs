using System.Text;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Snapshot;
using Xunit;

namespace AzSpokeTools.Engine.Tests.Snapshot;

/// <summary>Small helpers to load snapshots written inline in tests.</summary>
internal static class Snap
{
    public const string Sub = "/subscriptions/00000000-0000-0000-0000-000000000000";

    public static Topology Json(string json, string name = "inline.json") =>
        SnapshotLoader.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)), name);

    public static SnapshotLoadException Fails(string json, string name = "inline.json") =>
        Assert.Throws<SnapshotLoadException>(() => Json(json, name));

    /// <summary>Writes documents into a fresh temporary directory and returns their paths.</summary>
    public static string[] Files(params (string Name, string Json)[] docs)
    {
        var dir = Path.Combine(Path.GetTempPath(), "azspoke-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return docs.Select(d =>
        {
            var p = Path.Combine(dir, d.Name);
            File.WriteAllText(p, d.Json);
            return p;
        }).ToArray();
    }

    public static string TestData(string name)
    {
        var p = Path.Combine(AppContext.BaseDirectory, "TestData", name);
        Assert.True(File.Exists(p), "missing test data " + p);
        return p;
    }

    public static ResourceId Id(string text) => ResourceId.Parse(text);

    /// <summary>Wraps ARM resource objects in a snapshot envelope.</summary>
    public static string Envelope(string resources, string results = "[]") =>
        "{\"schemaVersion\":1,\"capturedAt\":\"2026-01-01T00:00:00Z\",\"source\":\"test\",\"resources\":" + resources + ",\"results\":" + results + "}";
}
