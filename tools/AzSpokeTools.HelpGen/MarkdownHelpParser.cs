using System.Text;
using System.Text.RegularExpressions;

namespace AzSpokeTools.HelpGen;

/// <summary>
/// Reads platyPS-style cmdlet help markdown (schema 2.0.0): a YAML header, <c># Name</c>, then the
/// <c>## SYNOPSIS</c>, <c>SYNTAX</c>, <c>DESCRIPTION</c>, <c>EXAMPLES</c>, <c>PARAMETERS</c>, <c>INPUTS</c>,
/// <c>OUTPUTS</c>, <c>NOTES</c> and <c>RELATED LINKS</c> sections. Missing content is an error naming the
/// file and section, so that the build cannot ship a cmdlet with half its help.
/// </summary>
public static partial class MarkdownHelpParser
{
    public const int MinimumExamples = 2;

    public static CmdletHelp ParseFile(string path) => Parse(File.ReadAllText(path), Path.GetFileName(path));

    /// <summary>
    /// The cmdlet help files of <paramref name="docsFolder"/>: the markdown files whose front matter names an
    /// "external help file" (platyPS's cmdlet help marker). Other markdown there (guides, README sections) is
    /// not cmdlet help and is left alone; a cmdlet help file that breaks the format is still an error.
    /// </summary>
    public static IReadOnlyList<CmdletHelp> ParseFolder(string docsFolder) =>
        Directory.GetFiles(docsFolder, "*.md").Where(IsCmdletHelp).Order(StringComparer.Ordinal).Select(ParseFile).ToList();

    /// <summary>True when the file starts with front matter that has an "external help file:" entry.</summary>
    public static bool IsCmdletHelp(string path)
    {
        using var reader = new StreamReader(path);
        if (reader.ReadLine()?.Trim() != "---") return false;
        for (var line = reader.ReadLine(); line != null && line.Trim() != "---"; line = reader.ReadLine())
            if (line.StartsWith("external help file:", StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    public static CmdletHelp Parse(string markdown, string file)
    {
        var allLines = markdown.Replace("\r\n", "\n").Split('\n');
        var lines = StripFrontMatter(allLines);
        var online = allLines.Take(allLines.Length - lines.Length).FirstOrDefault(l => l.StartsWith("online version:", StringComparison.OrdinalIgnoreCase))?["online version:".Length..].Trim();
        var title = lines.FirstOrDefault(l => l.StartsWith("# ", StringComparison.Ordinal))
                    ?? throw new HelpFormatException(file, "no '# Cmdlet-Name' title.");
        var name = title[2..].Trim();
        if (!CmdletName().IsMatch(name)) throw new HelpFormatException(file, $"title '{name}' is not a Verb-Noun cmdlet name.");
        var expectedFile = name + ".md";
        if (!string.Equals(Path.GetFileName(file), expectedFile, StringComparison.OrdinalIgnoreCase))
            throw new HelpFormatException(file, $"help for {name} must be in {expectedFile}.");

        var sections = SplitSections(lines, "## ");
        string[] Section(string key, bool required = true)
        {
            if (sections.TryGetValue(key, out var body)) return body;
            if (required) throw new HelpFormatException(file, $"missing section '## {key}'.");
            return [];
        }

        var synopsis = string.Join(" ", Paragraphs(Section("SYNOPSIS")));
        if (synopsis.Length == 0) throw new HelpFormatException(file, "SYNOPSIS is empty.");
        var description = Paragraphs(Section("DESCRIPTION"));
        if (description.Count == 0) throw new HelpFormatException(file, "DESCRIPTION is empty.");

        var syntax = SplitSections(Section("SYNTAX"), "### ");
        var sets = new List<string>();
        string? defaultSet = null;
        foreach (var heading in syntax.Keys)
        {
            var set = heading.Replace("(Default)", "", StringComparison.OrdinalIgnoreCase).Trim();
            if (heading.Contains("(Default)", StringComparison.OrdinalIgnoreCase)) defaultSet = set;
            sets.Add(set);
        }
        if (sets.Count == 0) throw new HelpFormatException(file, "SYNTAX has no '### ParameterSetName' entry.");

        var examples = new List<HelpExample>();
        foreach (var (heading, body) in SplitSections(Section("EXAMPLES"), "### "))
        {
            var (code, rest) = TakeFence(body);
            if (code == null) throw new HelpFormatException(file, $"example '{heading}' has no code fence.");
            var remarks = Paragraphs(rest);
            if (remarks.Count == 0) throw new HelpFormatException(file, $"example '{heading}' does not say what it does.");
            examples.Add(new HelpExample(heading, code, remarks));
        }
        if (examples.Count < MinimumExamples)
            throw new HelpFormatException(file, $"EXAMPLES has {examples.Count} example(s); at least {MinimumExamples} are required.");

        var parameters = new List<HelpParameter>();
        foreach (var (heading, body) in SplitSections(Section("PARAMETERS"), "### "))
        {
            if (heading.Equals("CommonParameters", StringComparison.OrdinalIgnoreCase)) continue;
            if (!heading.StartsWith('-')) throw new HelpFormatException(file, $"parameter heading '{heading}' must start with '-'.");
            parameters.Add(ParseParameter(file, heading[1..].Trim(), body, sets));
        }

        return new CmdletHelp
        {
            Name = name,
            SourceFile = file,
            Synopsis = synopsis,
            Description = description,
            ParameterSets = sets,
            DefaultParameterSet = defaultSet,
            Examples = examples,
            Parameters = parameters,
            Inputs = TypeNotes(Section("INPUTS")),
            Outputs = TypeNotes(Section("OUTPUTS")),
            Notes = Paragraphs(Section("NOTES", required: false)),
            RelatedLinks = Links(Section("RELATED LINKS", required: false)),
            OnlineVersion = string.IsNullOrEmpty(online) ? null : online,
        };
    }

    private static HelpParameter ParseParameter(string file, string name, string[] body, IReadOnlyList<string> sets)
    {
        var (yaml, _) = TakeFence(body);
        var description = Paragraphs(body.TakeWhile(l => !l.TrimStart().StartsWith("```", StringComparison.Ordinal)).ToArray());
        if (description.Count == 0) throw new HelpFormatException(file, $"parameter -{name} has no description.");
        if (yaml == null) throw new HelpFormatException(file, $"parameter -{name} has no ```yaml metadata block.");
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in yaml.Split('\n'))
        {
            var colon = line.IndexOf(':');
            if (colon <= 0) continue;
            fields[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }
        string Field(string key) => fields.TryGetValue(key, out var v) && v.Length > 0
            ? v
            : throw new HelpFormatException(file, $"parameter -{name} metadata lacks '{key}'.");

        var setField = Field("Parameter Sets");
        var paramSets = setField.Equals("(All)", StringComparison.OrdinalIgnoreCase)
            ? new List<string>()
            : setField.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
        foreach (var s in paramSets)
            if (!sets.Contains(s, StringComparer.OrdinalIgnoreCase))
                throw new HelpFormatException(file, $"parameter -{name} names parameter set '{s}' that SYNTAX does not list.");
        var aliases = fields.TryGetValue("Aliases", out var a) && a.Length > 0 && !a.Equals("None", StringComparison.OrdinalIgnoreCase)
            ? a.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList()
            : new List<string>();

        return new HelpParameter
        {
            Name = name,
            Description = description,
            Type = Field("Type"),
            ParameterSets = paramSets,
            Aliases = aliases,
            Required = Bool(file, name, Field("Required")),
            Position = Field("Position"),
            DefaultValue = Field("Default value"),
            PipelineInput = Field("Accept pipeline input"),
            Globbing = Bool(file, name, Field("Accept wildcard characters")),
        };
    }

    private static bool Bool(string file, string parameter, string value) => value.ToLowerInvariant() switch
    {
        "true" => true,
        "false" => false,
        // Required may differ per parameter set: "True (Subnet), False (Nic)"; any True makes it required somewhere.
        _ when value.StartsWith("True", StringComparison.OrdinalIgnoreCase) || value.Contains("True", StringComparison.OrdinalIgnoreCase) => true,
        _ when value.StartsWith("False", StringComparison.OrdinalIgnoreCase) => false,
        _ => throw new HelpFormatException(file, $"parameter -{parameter}: '{value}' is not True or False."),
    };

    private static IReadOnlyList<HelpTypeNote> TypeNotes(string[] body) =>
        SplitSections(body, "### ").Select(kv => new HelpTypeNote(kv.Key, Paragraphs(kv.Value))).ToList();

    private static IReadOnlyList<HelpLink> Links(string[] body)
    {
        var links = new List<HelpLink>();
        foreach (var line in body)
        {
            var m = MarkdownLink().Match(line);
            if (m.Success) links.Add(new HelpLink(m.Groups["text"].Value, m.Groups["uri"].Value));
        }
        return links;
    }

    private static string[] StripFrontMatter(string[] lines)
    {
        if (lines.Length == 0 || lines[0].Trim() != "---") return lines;
        var end = Array.FindIndex(lines, 1, l => l.Trim() == "---");
        return end < 0 ? lines : lines[(end + 1)..];
    }

    /// <summary>Splits lines into headed sections (heading text without the marker -> body lines), ignoring headings inside code fences.</summary>
    private static Dictionary<string, string[]> SplitSections(string[] lines, string marker)
    {
        var result = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        string? current = null;
        var body = new List<string>();
        var inFence = false;
        foreach (var line in lines)
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal)) inFence = !inFence;
            if (!inFence && line.StartsWith(marker, StringComparison.Ordinal))
            {
                if (current != null) result[current] = body.ToArray();
                current = line[marker.Length..].Trim();
                body.Clear();
                continue;
            }
            if (current != null) body.Add(line);
        }
        if (current != null) result[current] = body.ToArray();
        return result;
    }

    /// <summary>The first code fence's content and the lines after it.</summary>
    private static (string? Code, string[] After) TakeFence(string[] body)
    {
        var start = Array.FindIndex(body, l => l.TrimStart().StartsWith("```", StringComparison.Ordinal));
        if (start < 0) return (null, body);
        var end = Array.FindIndex(body, start + 1, l => l.TrimStart().StartsWith("```", StringComparison.Ordinal));
        if (end < 0) return (null, body);
        return (string.Join("\n", body[(start + 1)..end]), body[(end + 1)..]);
    }

    /// <summary>Paragraphs of prose: consecutive non-blank lines joined by spaces; code fences are kept whole as one paragraph.</summary>
    private static List<string> Paragraphs(string[] body)
    {
        var paragraphs = new List<string>();
        var current = new StringBuilder();
        var inFence = false;
        void Flush()
        {
            if (current.Length > 0) paragraphs.Add(current.ToString().Trim());
            current.Clear();
        }
        foreach (var raw in body)
        {
            var line = raw.TrimEnd();
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                Flush();
                inFence = !inFence;
                continue;
            }
            if (inFence)
            {
                current.Append(current.Length > 0 ? "\n" : "").Append(line);
                continue;
            }
            if (line.Length == 0) { Flush(); continue; }
            current.Append(current.Length > 0 ? " " : "").Append(line.Trim());
        }
        Flush();
        return paragraphs;
    }

    [GeneratedRegex(@"^[A-Z][a-z]+-[A-Za-z]+$")]
    private static partial Regex CmdletName();

    [GeneratedRegex(@"\[(?<text>[^\]]+)\]\((?<uri>[^)]*)\)")]
    private static partial Regex MarkdownLink();
}
