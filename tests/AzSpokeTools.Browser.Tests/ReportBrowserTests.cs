using System.Text.Json;
using AzSpokeTools.Engine.EstateReports;
using AzSpokeTools.Engine.Hosting;
using AzSpokeTools.Engine.Requests;
using Microsoft.Playwright;
using Xunit;

namespace AzSpokeTools.Browser.Tests;

/// <summary>The estate report of every sample opened in Chromium, and its map, explorer and heatmap used as a person would.</summary>
[Collection(ChromiumCollection.Name)]
public sealed class ReportBrowserTests : IDisposable
{
    private readonly Chromium _chromium;
    private readonly string _scratch = Repository.NewScratch();

    public ReportBrowserTests(Chromium chromium) => _chromium = chromium;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    public static TheoryData<string> Samples() => new(Repository.Samples);

    private (EstateReport Report, string File) Write(string sample)
    {
        var document = new EstateReportRequest { Snapshot = "sample:" + sample }.Execute(new RecordingEngineHost());
        var file = Path.Combine(_scratch, sample + ".html");
        File.WriteAllText(file, document.Html);
        return (document.Report, file);
    }

    private async Task<IPage> Open(string file, List<string> errors)
    {
        var page = await _chromium.NewPageAsync(errors, 1500, 1100);
        await page.GotoAsync("file://" + file);
        await page.WaitForSelectorAsync("body[data-ready=true]", new PageWaitForSelectorOptions { Timeout = 15_000 });
        return page;
    }

    /// <summary>The map nodes highlighted for the forward path, by step.</summary>
    private static async Task<List<string>> Highlighted(IPage page) =>
        (await page.EvaluateAsync<string[]>(@"() => {
            const out = [];
            document.querySelectorAll('#map g.node[data-hl-step]').forEach(n => n.getAttribute('data-hl-step').split(' ').forEach(s => out.push([+s, n.getAttribute('data-resource-id').toLowerCase()])));
            return out.sort((a, b) => a[0] - b[0]).map(x => x[1]);
        }")).ToList();

    private static List<string> Stops(IReadOnlyList<string> at)
    {
        var stops = new List<string>();
        foreach (var a in at.Where(a => a.Length > 0).Select(a => a.ToLowerInvariant()))
            if (stops.Count == 0 || stops[^1] != a) stops.Add(a);
        return stops;
    }

    [BrowserTheory]
    [MemberData(nameof(Samples))]
    public async Task ReportOfEverySampleOpensWithoutErrorsAndShowsEveryVnet(string sample)
    {
        var (report, file) = Write(sample);
        var errors = new List<string>();
        var page = await Open(file, errors);
        var state = await page.EvaluateAsync<JsonElement>(@"() => ({
            nodes: Array.from(document.querySelectorAll('#map g.node')).map(n => n.getAttribute('data-resource-id').toLowerCase()),
            view: document.querySelector('#map svg').getAttribute('data-view'),
            cells: document.querySelectorAll('#heat td.cell').length,
            vnets: document.querySelector('#stat-vnets b').textContent })");
        await page.CloseAsync();
        Assert.Empty(errors);
        Assert.Equal("full", state.GetProperty("view").GetString());
        var nodes = state.GetProperty("nodes").EnumerateArray().Select(n => n.GetString()).ToHashSet();
        Assert.All(report.VirtualNetworks, v => Assert.Contains(v.Id.ToLowerInvariant(), nodes));
        Assert.Equal(report.VirtualNetworks.Count.ToString(), state.GetProperty("vnets").GetString());
        Assert.True(state.GetProperty("cells").GetInt32() > 0);
    }

    [BrowserFact]
    public async Task ClickingAViolatingPairHighlightsItsHopsInOrderOnTheMap()
    {
        var (report, file) = Write("contoso-hairpin");
        var errors = new List<string>();
        var page = await Open(file, errors);
        var button = page.Locator("#violations button.pair").First;
        var pair = (await button.GetAttributeAsync("data-pair"))!.Split(',').Select(int.Parse).ToArray();
        await button.ClickAsync();
        await page.WaitForSelectorAsync("#pair-result");
        var expected = report.Paths.Single(p => p.From == pair[0] && p.To == pair[1]);
        Assert.Equal(Stops(expected.ForwardAt), await Highlighted(page));
        Assert.Equal(string.Join(",", pair), await page.GetAttributeAsync("#pair-result", "data-pair"));
        Assert.Equal(expected.Path.Hops.Count, await page.Locator("#result table.hops.forward tr[data-at]").CountAsync());
        Assert.Equal(expected.Path.Reasons.Count, await page.Locator("#reasons li").CountAsync());
        await page.CloseAsync();
        Assert.Empty(errors);
    }

    [BrowserFact]
    public async Task ExplorerFindsVnetsBySearchAndShowsTheHairpinWithItsReasons()
    {
        var (report, file) = Write("contoso-hairpin");
        var errors = new List<string>();
        var page = await Open(file, errors);
        await page.FillAsync("#source-input", "a1");
        Assert.Equal(new[] { "spoke-a1" }, (await page.Locator("#source li").AllInnerTextsAsync()).Select(t => t.Split(' ')[0]));
        await page.PressAsync("#source-input", "Enter");
        await page.FillAsync("#destination-input", "spoke-b1");
        await page.ClickAsync("#destination li >> nth=0");
        await page.WaitForSelectorAsync("#pair-result");
        int i = report.VirtualNetworks.FindIndex(v => v.Name == "spoke-a1"), j = report.VirtualNetworks.FindIndex(v => v.Name == "spoke-b1");
        var expected = report.Paths.Single(p => p.From == i && p.To == j);
        Assert.Equal("ExpressRouteHairpin", expected.Path.Kind.ToString());
        Assert.Contains("ExpressRouteHairpin", await page.InnerTextAsync("#pair-result"));
        Assert.Contains("Violates the intent", await page.InnerTextAsync("#pair-result"));
        Assert.Equal(Stops(expected.ForwardAt), await Highlighted(page));
        Assert.True(await page.Locator("#reasons li").CountAsync() > 0);
        await page.CloseAsync();
        Assert.Empty(errors);
    }

    [BrowserFact]
    public async Task ClickingAGroupOnTheOverviewExpandsItIntoItsVnets()
    {
        var (report, file) = Write("two-region-hubs");
        var errors = new List<string>();
        var page = await Open(file, errors);
        await page.SelectOptionAsync("#view", "overview");
        Assert.Equal("overview", await page.GetAttributeAsync("#map svg", "data-view"));
        var group = report.Groups.First(g => g.Kind == EstateGroupKind.Hub);
        await page.ClickAsync($"#map g.node[data-group='{group.Index}']");
        Assert.Equal(group.View, await page.GetAttributeAsync("#map svg", "data-view"));
        var nodes = (await page.EvaluateAsync<string[]>("() => Array.from(document.querySelectorAll('#map g.node')).map(n => n.getAttribute('data-resource-id').toLowerCase())")).ToHashSet();
        Assert.All(group.Members, m => Assert.Contains(report.VirtualNetworks[m].Id.ToLowerInvariant(), nodes));
        await page.ClickAsync("#crumbs a");
        Assert.Equal("overview", await page.GetAttributeAsync("#map svg", "data-view"));
        await page.CloseAsync();
        Assert.Empty(errors);
    }

    [BrowserFact]
    public async Task HeatmapCellListsItsPairsAndAPairOpensInTheExplorer()
    {
        var (_, file) = Write("contoso-hairpin");
        var errors = new List<string>();
        var page = await Open(file, errors);
        await page.ClickAsync("#heat td.cell[data-from='0'][data-to='1']");
        var pairs = page.Locator("#cell-pairs button.pair");
        Assert.Equal(9, await pairs.CountAsync());
        await pairs.First.ClickAsync();
        Assert.Equal(await pairs.First.GetAttributeAsync("data-pair"), await page.GetAttributeAsync("#pair-result", "data-pair"));
        Assert.NotEmpty(await Highlighted(page));
        await page.SelectOptionAsync("#heat-by", "region");
        Assert.Equal(4, await page.Locator("#heat td.cell").CountAsync());
        await page.CloseAsync();
        Assert.Empty(errors);
    }

    [BrowserFact]
    public async Task PlanFolderAddsTheWavesAndTheBeforeAfterWhatIf()
    {
        var plan = Directory.CreateDirectory(Path.Combine(_scratch, "plan")).FullName;
        var migration = new MeshMigrationRequest { Snapshot = "sample:contoso-hairpin" }.Execute(new RecordingEngineHost());
        foreach (var (name, content) in AzSpokeTools.Engine.Reports.PlanOutputs.Render(migration, AzSpokeTools.Engine.Migration.IacFormat.All))
            File.WriteAllText(Path.Combine(plan, name), content);
        var file = Path.Combine(_scratch, "with-plan.html");
        File.WriteAllText(file, new EstateReportRequest { Snapshot = "sample:contoso-hairpin", Plan = plan }.Execute(new RecordingEngineHost()).Html);
        var errors = new List<string>();
        var page = await Open(file, errors);
        Assert.True(await page.IsVisibleAsync("#plan"));
        Assert.Equal(migration.Waves.Count, await page.Locator("#waves tr").CountAsync() - 1);
        var whatIf = await page.InnerTextAsync("#whatif");
        Assert.Contains("Mesh", whatIf);
        Assert.Contains("ExpressRouteHairpin", whatIf);
        await page.CloseAsync();
        Assert.Empty(errors);
    }
}
