using System.Buffers.Binary;
using System.Text.Json;
using AzSpokeTools.Engine.Hosting;
using AzSpokeTools.Engine.Requests;
using Microsoft.Playwright;
using Xunit;

namespace AzSpokeTools.Browser.Tests;

/// <summary>Screenshots of the pictures: not blank, as large as the picture; and the ones kept in docs/images.</summary>
[Collection(ChromiumCollection.Name)]
public sealed class ScreenshotTests : IDisposable
{
    private readonly Chromium _chromium;
    private readonly string _scratch = Repository.NewScratch();

    public ScreenshotTests(Chromium chromium) => _chromium = chromium;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    private static (int Width, int Height) PngSize(byte[] png)
    {
        Assert.True(png.Length > 24 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G' && System.Text.Encoding.ASCII.GetString(png, 12, 4) == "IHDR", "not a PNG");
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }

    /// <summary>Share of pixels that are not white, and the number of distinct colours, measured by drawing the PNG on a canvas.</summary>
    private async Task<(double Inked, int Colours)> Ink(byte[] png)
    {
        var errors = new List<string>();
        var page = await _chromium.NewPageAsync(errors);
        var result = await page.EvaluateAsync<JsonElement>(@"async src => {
            const img = new Image(); img.src = src; await img.decode();
            const c = document.createElement('canvas'); c.width = img.width; c.height = img.height;
            const g = c.getContext('2d'); g.drawImage(img, 0, 0);
            const d = g.getImageData(0, 0, c.width, c.height).data, colours = new Set(); let inked = 0;
            for (let i = 0; i < d.length; i += 4) { if (d[i] < 245 || d[i + 1] < 245 || d[i + 2] < 245) inked++; colours.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]); }
            return { inked: inked / (d.length / 4), colours: colours.size };
        }", "data:image/png;base64," + Convert.ToBase64String(png));
        await page.CloseAsync();
        Assert.Empty(errors);
        return (result.GetProperty("inked").GetDouble(), result.GetProperty("colours").GetInt32());
    }

    private async Task<byte[]> ShootSvg(string svg, List<string> errors)
    {
        // Chromium never finishes a screenshot of a bare SVG document, so the picture is shown inline in a page with no margin.
        var file = Path.Combine(_scratch, Guid.NewGuid().ToString("N") + ".html");
        File.WriteAllText(file, "<!DOCTYPE html><html><body style=\"margin:0\">" + svg + "</body></html>");
        var page = await _chromium.NewPageAsync(errors, 400, 300);
        await page.GotoAsync("file://" + file);
        var png = await page.ScreenshotAsync(new PageScreenshotOptions { FullPage = true });
        await page.CloseAsync();
        return png;
    }

    [BrowserFact]
    public async Task DiagramScreenshotIsNotBlankAndAsLargeAsThePicture()
    {
        var document = new DiagramRequest { Snapshot = "sample:contoso-hairpin", Source = "spoke-a1", Destination = "spoke-b1", Format = "svg" }.Execute(new RecordingEngineHost());
        var errors = new List<string>();
        var png = await ShootSvg(document.Text, errors);
        Assert.Empty(errors);
        var (w, h) = PngSize(png);
        var svgWidth = Math.Max(document.Diagram.Width, 720);
        Assert.InRange(w, Math.Floor(svgWidth), Math.Ceiling(svgWidth) + 1);
        Assert.True(h > document.Diagram.Height, $"screenshot {h} px high, the diagram alone is {document.Diagram.Height} px");
        var (inked, colours) = await Ink(png);
        Assert.InRange(inked, 0.03, 0.6);
        Assert.True(colours > 20, $"{colours} colours");
    }

    /// <summary>
    /// docs/images holds screenshots shown in README and the docs. AZSPOKE_UPDATE_SCREENSHOTS=1 retakes them in Chromium;
    /// otherwise they must be PNGs of a readable size.
    /// </summary>
    [Fact]
    public async Task DocsScreenshotsArePicturesOfAReadableSize()
    {
        var dir = Path.Combine(Repository.Root, "docs", "images");
        var shots = new[] { "contoso-hairpin-path.png", "udr-override-path.png", "report-contoso-hairpin.png" };
        if (Environment.GetEnvironmentVariable("AZSPOKE_UPDATE_SCREENSHOTS") == "1")
        {
            Directory.CreateDirectory(dir);
            var errors = new List<string>();
            File.WriteAllBytes(Path.Combine(dir, shots[0]), await ShootSvg(new DiagramRequest { Snapshot = "sample:contoso-hairpin", Source = "spoke-a1", Destination = "spoke-b1", Format = "svg" }.Execute(new RecordingEngineHost()).Text, errors));
            File.WriteAllBytes(Path.Combine(dir, shots[1]), await ShootSvg(new DiagramRequest { Snapshot = "sample:udr-override", Source = "spoke1", Destination = "spoke2", Format = "svg" }.Execute(new RecordingEngineHost()).Text, errors));
            var report = Path.Combine(_scratch, "report.html");
            File.WriteAllText(report, new EstateReportRequest { Snapshot = "sample:contoso-hairpin" }.Execute(new RecordingEngineHost()).Html);
            var page = await _chromium.NewPageAsync(errors, 1500, 1000);
            await page.GotoAsync("file://" + report);
            await page.WaitForSelectorAsync("body[data-ready=true]");
            await page.FillAsync("#source-input", "spoke-a1");
            await page.PressAsync("#source-input", "Enter");
            await page.FillAsync("#destination-input", "spoke-b1");
            await page.PressAsync("#destination-input", "Enter");
            await page.EvaluateAsync("() => window.scrollTo(0, 0)");
            File.WriteAllBytes(Path.Combine(dir, shots[2]), await page.ScreenshotAsync());
            await page.CloseAsync();
            Assert.Empty(errors);
        }
        foreach (var shot in shots)
        {
            var path = Path.Combine(dir, shot);
            Assert.True(File.Exists(path), $"{path} is missing; run the browser tests with AZSPOKE_UPDATE_SCREENSHOTS=1");
            var (w, h) = PngSize(File.ReadAllBytes(path));
            Assert.True(w >= 700 && h >= 300, $"{shot} is {w}x{h}");
        }
    }
}
