using System.Text.Json;
using AzSpokeTools.Engine.Samples;

namespace AzSpokeTools.Browser.Tests;

/// <summary>Paths in the repository and the bundled samples with the paths their expectation files name.</summary>
internal static class Repository
{
    public static string Root
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "AzSpokeTools.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new DirectoryNotFoundException("AzSpokeTools.sln not found above " + AppContext.BaseDirectory);
        }
    }

    public static IReadOnlyList<string> Samples => SampleCatalog.Names;

    /// <summary>The (from, to) of every path in module/samples/NAME.expect.json.</summary>
    public static IReadOnlyList<(string From, string To)> ExpectedPaths(string sample)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "module", "samples", sample + ".expect.json")));
        return doc.RootElement.GetProperty("paths").EnumerateArray()
            .Select(p => (p.GetProperty("from").GetString()!, p.GetProperty("to").GetString()!)).ToList();
    }

    /// <summary>A scratch folder for generated files, removed with the test class.</summary>
    public static string NewScratch() => Directory.CreateTempSubdirectory("azspoke-browser-").FullName;
}
