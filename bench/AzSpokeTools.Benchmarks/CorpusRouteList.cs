using AzSpokeTools.Engine.Addresses;

namespace AzSpokeTools.Benchmarks;

/// <summary>Reads the prefixes of an FRR configuration's "  network &lt;prefix&gt;" lines from the shared corpus.</summary>
internal static class CorpusRouteList
{
    public const string TenThousandRoutes = "route-lists/10K-routes.txt";

    /// <summary>The corpus directory: the first <c>shared/corpus</c> found walking up from the program's directory, then from the working directory.</summary>
    public static string FindCorpus()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "corpus");
                if (Directory.Exists(candidate)) return candidate;
            }
        }
        throw new DirectoryNotFoundException(
            $"No shared/corpus directory above {AppContext.BaseDirectory} or {Directory.GetCurrentDirectory()}; the benchmarks need the shared corpus beside the repository.");
    }

    public static List<IpPrefix> ReadNetworks(string relativePath)
    {
        var path = Path.Combine(FindCorpus(), relativePath);
        var prefixes = new List<IpPrefix>();
        int lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            var trimmed = line.Trim();
            if (!trimmed.StartsWith("network ", StringComparison.Ordinal)) continue;
            var text = trimmed.Substring("network ".Length).Trim();
            if (!IpPrefix.TryParse(text, out var prefix))
                throw new FormatException($"{path}:{lineNumber}: {IpPrefix.Describe(text)}");
            prefixes.Add(prefix);
        }
        if (prefixes.Count == 0) throw new FormatException($"{path}: no 'network <prefix>' lines.");
        return prefixes;
    }
}
