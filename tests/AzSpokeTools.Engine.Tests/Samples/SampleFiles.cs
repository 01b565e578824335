using System.Text.Json;
using AzSpokeTools.Engine.Samples;

namespace AzSpokeTools.Engine.Tests.Samples;

/// <summary>Opens bundled samples (from the assembly) and their expect files (from module/samples in the repository).</summary>
internal static class SampleFiles
{
    private static readonly Lazy<string> SamplesDirectory = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "module", "samples");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException("module/samples not found above " + AppContext.BaseDirectory);
    });

    public static string Root => SamplesDirectory.Value;

    public static JsonDocument OpenSample(string name)
    {
        if (!SampleCatalog.TryOpen(name, out Stream stream)) throw new FileNotFoundException("bundled sample not found: " + name);
        using (stream) return JsonDocument.Parse(stream);
    }

    public static string ExpectPath(string name) => Path.Combine(SamplesDirectory.Value, name + ".expect.json");

    public static IEnumerable<object[]> Names() => SampleCatalogTests.ProductSampleNames.Select(n => new object[] { n });
}
