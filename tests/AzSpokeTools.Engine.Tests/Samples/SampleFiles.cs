using System.Text.Json;
using System.Text.Json.Nodes;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Samples;
using AzSpokeTools.Engine.Snapshot;

namespace AzSpokeTools.Engine.Tests.Samples;

/// <summary>Opens bundled samples (from the assembly) and their expect files (from module/samples in the repository).</summary>
internal static class SampleFiles
{
    public static string Root => TestPaths.Samples;

    public static JsonDocument OpenSample(string name)
    {
        if (!SampleCatalog.TryOpen(name, out Stream stream)) throw new FileNotFoundException("bundled sample not found: " + name);
        using (stream) return JsonDocument.Parse(stream);
    }

    public static string ExpectPath(string name) => Path.Combine(Root, name + ".expect.json");

    /// <summary>A bundled sample as an editable JSON object.</summary>
    public static JsonObject EditableSample(string name)
    {
        if (!SampleCatalog.TryOpen(name, out Stream stream)) throw new FileNotFoundException("bundled sample not found: " + name);
        using (stream) return System.Text.Json.Nodes.JsonNode.Parse(stream)!.AsObject();
    }

    /// <summary>Loads a bundled sample after <paramref name="edit"/> changed its JSON (a variant for one test).</summary>
    public static Topology LoadVariant(string name, Action<JsonObject>? edit = null)
    {
        var doc = EditableSample(name);
        edit?.Invoke(doc);
        return SnapshotLoader.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(doc.ToJsonString())), name + "-variant.json");
    }

    /// <summary>The resource of a sample document with this name.</summary>
    public static JsonObject Resource(JsonObject doc, string resourceName) =>
        doc["resources"]!.AsArray().Select(r => r!.AsObject()).Single(r => r["name"]!.GetValue<string>() == resourceName);

    public static IEnumerable<object[]> Names() => SampleCatalogTests.ProductSampleNames.Select(n => new object[] { n });
}
