using Xunit;

namespace AzSpokeTools.Engine.Tests.Docs;

/// <summary>
/// The repository cites only what is in it or public: no file under src/, module/, docs/ or tests/ names the design
/// notes kept outside the repository, and every docs/routing-model.md#ANCHOR cited anywhere exists.
/// </summary>
public sealed class RepositoryCitationTests
{
    // Built from parts so that this file does not itself mention them.
    private static readonly string[] OutsideDocuments = { "azure-routing-rules" + ".md", "peers" + ".md", "DESIGN" + ".md" };

    private static readonly string[] Folders = { "src", "module", "docs", "tests" };

    private static readonly HashSet<string> TextExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".cs", ".md", ".json", ".ps1", ".psm1", ".psd1", ".ps1xml", ".txt", ".csproj", ".props", ".targets", ".yaml", ".yml", ".xml", ".sh", ".html", ".css", ".js", ".tf", ".bicep",
    };

    private static IEnumerable<string> RepositoryTextFiles()
    {
        var root = TestPaths.RepoRoot;
        foreach (var folder in Folders)
            foreach (var file in Directory.EnumerateFiles(Path.Combine(root, folder), "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
                if (relative.Contains("/bin/") || relative.Contains("/obj/") || relative.Contains("/node_modules/") || relative.Contains("/TestResults/")) continue;
                if (TextExtensions.Contains(Path.GetExtension(file))) yield return relative;
            }
    }

    [Fact]
    public void NoFileCitesTheDesignNotesOutsideTheRepository()
    {
        var offenders = (from file in RepositoryTextFiles()
                         let text = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, file))
                         from name in OutsideDocuments
                         where text.Contains(name, StringComparison.OrdinalIgnoreCase)
                         select $"{file} mentions {name}").ToList();
        Assert.True(offenders.Count == 0, "cite docs/routing-model.md, docs/architecture.md, README.md or a public page instead:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void EveryCitedRoutingModelSectionExists()
    {
        var missing = (from file in RepositoryTextFiles()
                       from anchor in RoutingModelAnchors.Cited(File.ReadAllText(Path.Combine(TestPaths.RepoRoot, file)))
                       where !RoutingModelAnchors.All.Contains(anchor)
                       select $"{file}: #{anchor}").Distinct().ToList();
        Assert.True(missing.Count == 0, "no such section in docs/routing-model.md:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void TheArchitecturePageNamesFilesThatExist()
    {
        var root = TestPaths.RepoRoot;
        var page = File.ReadAllText(Path.Combine(root, "docs", "architecture.md"));
        var named = System.Text.RegularExpressions.Regex.Matches(page, @"`((?:src|tests|Engine)/[\w./-]+)`")
            .Select(m => m.Groups[1].Value.TrimEnd('/'))
            .Select(p => p.StartsWith("Engine/", StringComparison.Ordinal) ? "src/AzSpokeTools." + p : p)
            .Distinct().ToList();
        Assert.True(named.Count >= 20, "expected the page to name the files of the three lookups");
        var missing = named.Where(p => !File.Exists(Path.Combine(root, p)) && !Directory.Exists(Path.Combine(root, p))).ToList();
        Assert.True(missing.Count == 0, "docs/architecture.md names files that do not exist:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void TheChecksSeeWhatTheyLookFor()
    {
        Assert.Contains(RepositoryTextFiles(), f => f == "src/AzSpokeTools.Engine/Routing/RouteSelection.cs");
        Assert.Contains("route-selection", RoutingModelAnchors.All);
        Assert.Contains("virtualnetworkgateway", RoutingModelAnchors.All);
        Assert.Equal("connected-group-limits", RoutingModelAnchors.Slug("### Connected group limits"));
        Assert.True(RoutingModelAnchors.CitesRule("docs/routing-model.md#route-selection: the UDR wins the tie"));
        Assert.True(RoutingModelAnchors.CitesRule("Azure docs \"Virtual network traffic routing\" § User-defined"));
        Assert.False(RoutingModelAnchors.CitesRule("docs/routing-model.md" + "#no-such-section"));
        Assert.False(RoutingModelAnchors.CitesRule("§4.1 a bare section number of notes outside the repository"));
    }
}
