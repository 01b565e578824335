using AzSpokeTools.Engine.Diagrams;
using AzSpokeTools.Engine.Hosting;
using AzSpokeTools.Engine.Requests;
using Xunit;

namespace AzSpokeTools.Engine.Tests.Diagrams;

/// <summary>
/// Golden SVG, Mermaid and DOT files for three samples: the ExpressRoute hairpin path of contoso-hairpin, the asymmetric
/// path of udr-override, and the whole vwan topology. Set AZSPOKE_UPDATE_GOLDEN=1 to rewrite them (then review the diff);
/// otherwise every rendering must match its file byte for byte, which also proves the output is deterministic across runs.
/// </summary>
public sealed class DiagramGoldenTests
{
    private static readonly string GoldenDir = Path.Combine(TestPaths.RepoRoot, "tests", "AzSpokeTools.Engine.Tests", "Diagrams", "Golden");

    /// <summary>(golden name, sample, source, destination): the three pictured cases.</summary>
    public static readonly (string Name, string Sample, string? From, string? To)[] Pictures =
    {
        ("contoso-hairpin-path", "contoso-hairpin", "spoke-a1", "spoke-b1"),
        ("udr-override-path", "udr-override", "spoke1", "spoke2"),
        ("vwan", "vwan", null, null),
    };

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var p in Pictures)
            foreach (var ext in new[] { "svg", "mmd", "dot" }) data.Add(p.Name, ext);
        return data;
    }

    internal static DiagramDocument Render(string name, string extension)
    {
        var p = Pictures.Single(x => x.Name == name);
        return new DiagramRequest { Snapshot = "sample:" + p.Sample, Source = p.From, Destination = p.To, OutputPath = name + "." + extension }
            .Execute(new RecordingEngineHost());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void RenderingMatchesTheGoldenFile(string name, string extension)
    {
        var text = Render(name, extension).Text;
        var path = Path.Combine(GoldenDir, name + "." + extension);
        if (Environment.GetEnvironmentVariable("AZSPOKE_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(GoldenDir);
            File.WriteAllText(path, text);
        }
        Assert.True(File.Exists(path), $"golden file {path} is missing; run with AZSPOKE_UPDATE_GOLDEN=1");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), text);
    }

    [Fact]
    public void GoldenFolderHoldsExactlyTheNineRenderings() =>
        Assert.Equal(Cases().Select(c => c[0] + "." + c[1]).OrderBy(f => f, StringComparer.Ordinal),
            Directory.GetFiles(GoldenDir).Select(Path.GetFileName).OrderBy(f => f, StringComparer.Ordinal));
}
