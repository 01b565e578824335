using System.Text.RegularExpressions;

namespace AzSpokeTools.Engine.Tests.Docs;

/// <summary>The section anchors of docs/routing-model.md (GitHub's heading slugs), and citations of them or of public pages.</summary>
internal static partial class RoutingModelAnchors
{
    private static readonly Lazy<HashSet<string>> Anchors = new(() =>
        File.ReadLines(Path.Combine(TestPaths.RepoRoot, "docs", "routing-model.md"))
            .Where(l => l.StartsWith('#'))
            .Select(Slug)
            .ToHashSet(StringComparer.Ordinal));

    /// <summary>Every anchor of docs/routing-model.md.</summary>
    public static IReadOnlySet<string> All => Anchors.Value;

    /// <summary>GitHub's slug of a Markdown heading: lower case, punctuation dropped, spaces to hyphens.</summary>
    public static string Slug(string heading) =>
        NotSlug().Replace(heading.TrimStart('#').Trim().ToLowerInvariant(), "").Replace(' ', '-');

    /// <summary>The anchors <paramref name="text"/> cites as docs/routing-model.md#ANCHOR (or ../routing-model.md#ANCHOR).</summary>
    public static IEnumerable<string> Cited(string text) => Citation().Matches(text).Select(m => m.Groups[1].Value);

    /// <summary>
    /// True when <paramref name="text"/> cites a rule: an existing section of docs/routing-model.md, or a public page by
    /// name (<c>Azure docs "Page"</c>, <c>Azure docs, "Page"</c>, <c>Microsoft Tech Community "Page"</c>).
    /// </summary>
    public static bool CitesRule(string text) =>
        Cited(text).Any(All.Contains) || PublicPage().IsMatch(text);

    [GeneratedRegex(@"[^\w\- ]")]
    private static partial Regex NotSlug();

    [GeneratedRegex(@"routing-model\.md#([a-z0-9-]+)")]
    private static partial Regex Citation();

    [GeneratedRegex(@"(Azure docs|Microsoft Tech Community),? ""[^""]+""")]
    private static partial Regex PublicPage();
}
