using System.Diagnostics;
using AzSpokeTools.Engine.Hosting;
using AzSpokeTools.Engine.Requests;
using Xunit;

namespace AzSpokeTools.Browser.Tests;

/// <summary>The Mermaid and DOT outputs of every sample (topology and each expectation's path) render unchanged in mermaid and Graphviz.</summary>
[Collection(ChromiumCollection.Name)]
public sealed class RendererTests
{
    private readonly Chromium _chromium;

    public RendererTests(Chromium chromium) => _chromium = chromium;

    /// <summary>(label, text) of every diagram to check in <paramref name="format"/>.</summary>
    private static IEnumerable<(string Label, string Text)> Diagrams(string format)
    {
        foreach (var sample in Repository.Samples)
        {
            yield return (sample, new DiagramRequest { Snapshot = "sample:" + sample, Format = format }.Execute(new RecordingEngineHost()).Text);
            foreach (var (from, to) in Repository.ExpectedPaths(sample))
                yield return ($"{sample} {from} -> {to}", new DiagramRequest { Snapshot = "sample:" + sample, Source = from, Destination = to, Format = format }.Execute(new RecordingEngineHost()).Text);
        }
    }

    private static string MermaidScript()
    {
        var path = Path.Combine(Repository.Root, "tests", "AzSpokeTools.Browser.Tests", "node_modules", "mermaid", "dist", "mermaid.min.js");
        if (!File.Exists(path))
            throw new FileNotFoundException($"{path} is missing: run 'npm ci' in tests/AzSpokeTools.Browser.Tests (.ci/run does), or set AZSPOKE_SKIP_BROWSER_TESTS=1 to skip on purpose.");
        return path;
    }

    [BrowserFact]
    public async Task MermaidOfEverySampleAndPathParsesAndRenders()
    {
        var errors = new List<string>();
        var page = await _chromium.NewPageAsync(errors);
        await page.SetContentAsync("<!DOCTYPE html><html><body><div id=\"out\"></div></body></html>");
        await page.AddScriptTagAsync(new() { Path = MermaidScript() });
        await page.EvaluateAsync("() => mermaid.initialize({ startOnLoad: false })");
        int n = 0;
        foreach (var (label, text) in Diagrams("mermaid"))
        {
            var parsed = await page.EvaluateAsync<string>("async t => { try { await mermaid.parse(t); return 'ok'; } catch (e) { return String(e && e.message || e); } }", text);
            Assert.True(parsed == "ok", $"{label}: mermaid cannot parse the diagram: {parsed}\n{text}");
            n++;
        }
        // One full render: the nodes come out as SVG with their labels.
        var contoso = Diagrams("mermaid").First(d => d.Label == "contoso-hairpin").Text;
        var svg = await page.EvaluateAsync<string>("async t => (await mermaid.render('m1', t)).svg", contoso);
        foreach (var name in new[] { "spoke-a1", "hub-b", "MSEE of erc-contoso-ams", "Legend" }) Assert.Contains(name, svg);
        await page.CloseAsync();
        Assert.Empty(errors);
        Assert.True(n > 30, $"only {n} diagrams checked");
    }

    [BrowserFact]
    public void DotOfEverySampleAndPathRendersWithGraphviz()
    {
        foreach (var (label, text) in Diagrams("dot"))
        {
            var (code, output, error) = Dot(text);
            Assert.True(code == 0 && error.Length == 0, $"{label}: dot exited {code}: {error}\n{text}");
            Assert.StartsWith("<?xml", output);
            Assert.Contains("class=\"cluster\"", output);
        }
    }

    private static (int Code, string Output, string Error) Dot(string text)
    {
        var start = new ProcessStartInfo("dot", "-Tsvg") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        Process process;
        try { process = Process.Start(start)!; }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("Graphviz's dot was not found (" + e.Message + "): install it (apt-get install -y graphviz), or set AZSPOKE_SKIP_BROWSER_TESTS=1 to skip on purpose.", e);
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            process.StandardInput.Write(text);
            process.StandardInput.Close();
            process.WaitForExit();
            return (process.ExitCode, output.Result, error.Result);
        }
    }
}
