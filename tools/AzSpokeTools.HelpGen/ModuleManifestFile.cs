using System.Text.RegularExpressions;

namespace AzSpokeTools.HelpGen;

/// <summary>
/// Reads the top-level keys of a module manifest (.psd1) that the build and the tests need — single-quoted
/// strings and <c>@('a', 'b')</c> arrays — without PowerShell. Anything else in the file is ignored.
/// </summary>
public sealed partial class ModuleManifestFile
{
    private readonly string _text;

    public ModuleManifestFile(string path)
    {
        Path = path;
        _text = StripComments(File.ReadAllText(path));
    }

    public string Path { get; }

    public string ModuleName => System.IO.Path.GetFileNameWithoutExtension(Path);

    /// <summary>A string value, or null when the key is absent.</summary>
    public string? GetString(string key)
    {
        var m = Regex.Match(_text, @"(?im)^\s*" + Regex.Escape(key) + @"\s*=\s*'(?<v>[^']*)'");
        return m.Success ? m.Groups["v"].Value : null;
    }

    /// <summary>An array value (a single string counts as a one-element array), or null when the key is absent.</summary>
    public IReadOnlyList<string>? GetArray(string key)
    {
        var m = Regex.Match(_text, @"(?ims)^\s*" + Regex.Escape(key) + @"\s*=\s*@\((?<v>[^)]*)\)");
        if (m.Success) return Strings().Matches(m.Groups["v"].Value).Select(x => x.Groups["s"].Value).ToList();
        var single = GetString(key);
        return single == null ? null : new[] { single };
    }

    private static string StripComments(string text) =>
        string.Join("\n", text.Replace("\r\n", "\n").Split('\n').Select(l =>
        {
            var hash = l.IndexOf('#');
            // A '#' inside a quoted string is not a comment; the manifest keeps '#' out of its strings.
            return hash >= 0 && l[..hash].Count(ch => ch == '\'') % 2 == 0 ? l[..hash] : l;
        }));

    [GeneratedRegex(@"'(?<s>[^']*)'")]
    private static partial Regex Strings();
}
