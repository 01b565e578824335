using System.CommandLine;
using System.Text.RegularExpressions;

namespace AzSpokeTools.Cli;

/// <summary>"Did you mean" for a mistyped command or option: the closest names the command line could have meant.</summary>
internal static partial class Suggestions
{
    /// <summary>" Did you mean 'x'?" for an unrecognized token in <paramref name="message"/>, or "" when nothing is close.</summary>
    public static string For(string message, Command command)
    {
        var m = Unrecognized().Match(message);
        if (!m.Success) return "";
        var token = m.Groups["token"].Value;
        var candidates = token.StartsWith('-')
            ? command.Options.SelectMany(o => new[] { o.Name }.Concat(o.Aliases))
            : command.Subcommands.Select(c => c.Name);
        var close = Closest(token, candidates).ToList();
        return close.Count == 0 ? "" : " Did you mean " + string.Join(" or ", close.Select(c => $"'{c}'")) + "?";
    }

    /// <summary>The candidates nearest to <paramref name="typed"/> (edit distance, or one starting with it), best first.</summary>
    public static IEnumerable<string> Closest(string typed, IEnumerable<string> candidates)
    {
        var scored = candidates.Distinct(StringComparer.Ordinal)
            .Select(c => (Name: c, Distance: Distance(typed.ToLowerInvariant(), c.ToLowerInvariant())))
            .Where(c => c.Distance <= Math.Max(2, typed.Length / 3) || (typed.TrimStart('-').Length >= 3 && c.Name.TrimStart('-').StartsWith(typed.TrimStart('-'), StringComparison.OrdinalIgnoreCase)))
            .OrderBy(c => c.Distance).ThenBy(c => c.Name, StringComparer.Ordinal)
            .ToList();
        if (scored.Count == 0) return [];
        return scored.Where(c => c.Distance == scored[0].Distance).Select(c => c.Name).Take(3);
    }

    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (int j = 0; j <= b.Length; j++) d[0, j] = j;
        for (int i = 1; i <= a.Length; i++)
            for (int j = 1; j <= b.Length; j++)
            {
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        return d[a.Length, b.Length];
    }

    [GeneratedRegex(@"Unrecognized command or argument '(?<token>[^']+)'")]
    private static partial Regex Unrecognized();
}
