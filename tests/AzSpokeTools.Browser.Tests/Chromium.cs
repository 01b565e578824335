using Microsoft.Playwright;
using Xunit;

namespace AzSpokeTools.Browser.Tests;

/// <summary>
/// One headless Chromium for the whole suite: Debian's chromium (or AZSPOKE_CHROMIUM), launched by Playwright with a fresh
/// temporary profile and the flags that keep it off the network. Nothing is downloaded.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    /// <summary>Flags for a closed network: without the background-networking ones Chromium stalls at start-up here.</summary>
    public static readonly string[] Flags =
    {
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    };

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The browser executable: AZSPOKE_CHROMIUM, else the first of the usual install paths that exists.</summary>
    public static string? Executable()
    {
        var configured = Environment.GetEnvironmentVariable("AZSPOKE_CHROMIUM");
        if (!string.IsNullOrEmpty(configured)) return File.Exists(configured) ? configured : null;
        return new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }.FirstOrDefault(File.Exists);
    }

    public async Task InitializeAsync()
    {
        if (BrowserFactAttribute.SkipReason != null) return;
        var exe = Executable() ?? throw new InvalidOperationException(
            "Chromium was not found (AZSPOKE_CHROMIUM, /usr/bin/chromium, /usr/bin/chromium-browser, /usr/bin/google-chrome). " +
            "Install it (apt-get install -y chromium) or set AZSPOKE_SKIP_BROWSER_TESTS=1 to skip the browser tests on purpose.");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = exe, Headless = true, Args = Flags, Timeout = 60_000 });
    }

    public async Task DisposeAsync()
    {
        if (Browser != null) await Browser.CloseAsync();
        _playwright?.Dispose();
    }

    /// <summary>A new page whose console errors and uncaught exceptions are collected into <paramref name="errors"/>.</summary>
    public async Task<IPage> NewPageAsync(List<string> errors, int width = 1400, int height = 1000)
    {
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        page.Console += (_, m) => { if (m.Type == "error") errors.Add("console: " + m.Text); };
        page.PageError += (_, e) => errors.Add("page error: " + e);
        // Generated pages must not reach the network: any request other than the file itself fails the test.
        await page.RouteAsync("**/*", async route =>
        {
            var url = route.Request.Url;
            if (url.StartsWith("file:", StringComparison.Ordinal) || url.StartsWith("data:", StringComparison.Ordinal) || url == "about:blank") await route.ContinueAsync();
            else { errors.Add("network request: " + url); await route.AbortAsync(); }
        });
        return page;
    }
}

[CollectionDefinition(Name)]
public sealed class ChromiumCollection : ICollectionFixture<Chromium>
{
    public const string Name = "Chromium";
}

/// <summary>A fact that runs in the browser; skipped (with the reason shown) only when AZSPOKE_SKIP_BROWSER_TESTS=1.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public static string? SkipReason => Environment.GetEnvironmentVariable("AZSPOKE_SKIP_BROWSER_TESTS") == "1"
        ? "AZSPOKE_SKIP_BROWSER_TESTS=1: this machine has no browser, mermaid or Graphviz on purpose (CI installs them; see .ci/run)"
        : null;

    public BrowserFactAttribute() { if (SkipReason != null) Skip = SkipReason; }
}

/// <summary>A theory that runs in the browser, skipped as <see cref="BrowserFactAttribute"/>.</summary>
public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute() { if (BrowserFactAttribute.SkipReason != null) Skip = BrowserFactAttribute.SkipReason; }
}
